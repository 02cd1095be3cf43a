from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address_in import AddressIn


T = TypeVar("T", bound="CompanyPatchIn")


@_attrs_define
class CompanyPatchIn:
    """The fields given change; null clears a field (`credit_limit`: no limit; `legal_name`:
    back to `name`), except `name`, which is never null.

        Attributes:
            address (AddressIn | None | Unset): replaces the whole address
            bic (None | str | Unset):
            billing_email (None | str | Unset):
            contact_name (None | str | Unset):
            credit_limit (float | None | str | Unset):
            iban (None | str | Unset):
            legal_name (None | str | Unset):
            name (str | Unset):
            peppol_id (None | str | Unset):
            registration_id (None | str | Unset):
            reverse_charge (bool | Unset): the customer accounts for the VAT itself (EU reverse charge): its lines taxed at
                a rate without a category become AE (reverse charge) at 0
            tax_registration_id (None | str | Unset):
            telephone (None | str | Unset):
            vat_id (None | str | Unset):
    """

    address: AddressIn | None | Unset = UNSET
    bic: None | str | Unset = UNSET
    billing_email: None | str | Unset = UNSET
    contact_name: None | str | Unset = UNSET
    credit_limit: float | None | str | Unset = UNSET
    iban: None | str | Unset = UNSET
    legal_name: None | str | Unset = UNSET
    name: str | Unset = UNSET
    peppol_id: None | str | Unset = UNSET
    registration_id: None | str | Unset = UNSET
    reverse_charge: bool | Unset = UNSET
    tax_registration_id: None | str | Unset = UNSET
    telephone: None | str | Unset = UNSET
    vat_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.address_in import AddressIn  # noqa: PLC0415

        address: dict[str, Any] | None | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        elif isinstance(self.address, AddressIn):
            address = self.address.to_dict()
        else:
            address = self.address

        bic: None | str | Unset
        if isinstance(self.bic, Unset):
            bic = UNSET
        else:
            bic = self.bic

        billing_email: None | str | Unset
        if isinstance(self.billing_email, Unset):
            billing_email = UNSET
        else:
            billing_email = self.billing_email

        contact_name: None | str | Unset
        if isinstance(self.contact_name, Unset):
            contact_name = UNSET
        else:
            contact_name = self.contact_name

        credit_limit: float | None | str | Unset
        if isinstance(self.credit_limit, Unset):
            credit_limit = UNSET
        else:
            credit_limit = self.credit_limit

        iban: None | str | Unset
        if isinstance(self.iban, Unset):
            iban = UNSET
        else:
            iban = self.iban

        legal_name: None | str | Unset
        if isinstance(self.legal_name, Unset):
            legal_name = UNSET
        else:
            legal_name = self.legal_name

        name = self.name

        peppol_id: None | str | Unset
        if isinstance(self.peppol_id, Unset):
            peppol_id = UNSET
        else:
            peppol_id = self.peppol_id

        registration_id: None | str | Unset
        if isinstance(self.registration_id, Unset):
            registration_id = UNSET
        else:
            registration_id = self.registration_id

        reverse_charge = self.reverse_charge

        tax_registration_id: None | str | Unset
        if isinstance(self.tax_registration_id, Unset):
            tax_registration_id = UNSET
        else:
            tax_registration_id = self.tax_registration_id

        telephone: None | str | Unset
        if isinstance(self.telephone, Unset):
            telephone = UNSET
        else:
            telephone = self.telephone

        vat_id: None | str | Unset
        if isinstance(self.vat_id, Unset):
            vat_id = UNSET
        else:
            vat_id = self.vat_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if address is not UNSET:
            field_dict["address"] = address
        if bic is not UNSET:
            field_dict["bic"] = bic
        if billing_email is not UNSET:
            field_dict["billing_email"] = billing_email
        if contact_name is not UNSET:
            field_dict["contact_name"] = contact_name
        if credit_limit is not UNSET:
            field_dict["credit_limit"] = credit_limit
        if iban is not UNSET:
            field_dict["iban"] = iban
        if legal_name is not UNSET:
            field_dict["legal_name"] = legal_name
        if name is not UNSET:
            field_dict["name"] = name
        if peppol_id is not UNSET:
            field_dict["peppol_id"] = peppol_id
        if registration_id is not UNSET:
            field_dict["registration_id"] = registration_id
        if reverse_charge is not UNSET:
            field_dict["reverse_charge"] = reverse_charge
        if tax_registration_id is not UNSET:
            field_dict["tax_registration_id"] = tax_registration_id
        if telephone is not UNSET:
            field_dict["telephone"] = telephone
        if vat_id is not UNSET:
            field_dict["vat_id"] = vat_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address_in import AddressIn  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_address(data: object) -> AddressIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                address_type_0 = AddressIn.from_dict(data)

                return address_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AddressIn | None | Unset, data)

        address = _parse_address(d.pop("address", UNSET))

        def _parse_bic(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bic = _parse_bic(d.pop("bic", UNSET))

        def _parse_billing_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        billing_email = _parse_billing_email(d.pop("billing_email", UNSET))

        def _parse_contact_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_name = _parse_contact_name(d.pop("contact_name", UNSET))

        def _parse_credit_limit(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        credit_limit = _parse_credit_limit(d.pop("credit_limit", UNSET))

        def _parse_iban(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        iban = _parse_iban(d.pop("iban", UNSET))

        def _parse_legal_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        legal_name = _parse_legal_name(d.pop("legal_name", UNSET))

        name = d.pop("name", UNSET)

        def _parse_peppol_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        peppol_id = _parse_peppol_id(d.pop("peppol_id", UNSET))

        def _parse_registration_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        registration_id = _parse_registration_id(d.pop("registration_id", UNSET))

        reverse_charge = d.pop("reverse_charge", UNSET)

        def _parse_tax_registration_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tax_registration_id = _parse_tax_registration_id(d.pop("tax_registration_id", UNSET))

        def _parse_telephone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        telephone = _parse_telephone(d.pop("telephone", UNSET))

        def _parse_vat_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vat_id = _parse_vat_id(d.pop("vat_id", UNSET))

        company_patch_in = cls(
            address=address,
            bic=bic,
            billing_email=billing_email,
            contact_name=contact_name,
            credit_limit=credit_limit,
            iban=iban,
            legal_name=legal_name,
            name=name,
            peppol_id=peppol_id,
            registration_id=registration_id,
            reverse_charge=reverse_charge,
            tax_registration_id=tax_registration_id,
            telephone=telephone,
            vat_id=vat_id,
        )

        return company_patch_in
