from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.currency_code import CurrencyCode, check_currency_code
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address_in import AddressIn


T = TypeVar("T", bound="CompanyIn")


@_attrs_define
class CompanyIn:
    """
    Attributes:
        name (str):
        address (AddressIn | None | Unset):
        bic (None | str | Unset):
        billing_email (None | str | Unset): Where the company's documents and notifications are e-mailed (an addition to
            the contract).
        contact_name (None | str | Unset):
        credit_limit (float | None | str | Unset): null or left out: no limit
        currency (CurrencyCode | None | Unset): default: the marketplace's `default_currency`
        iban (None | str | Unset):
        is_reseller (bool | None | Unset): default false
        legal_name (None | str | Unset): default: `name`
        peppol_id (None | str | Unset):
        registration_id (None | str | Unset):
        reseller_id (None | Unset | UUID): the reseller (`is_reseller`) that bills this company; not with `is_reseller:
            true`
        reverse_charge (bool | None | Unset): the customer accounts for the VAT itself (EU reverse charge): its lines
            taxed at a rate without a category become AE (reverse charge) at 0; default false
        tax_registration_id (None | str | Unset):
        telephone (None | str | Unset):
        vat_id (None | str | Unset):
    """

    name: str
    address: AddressIn | None | Unset = UNSET
    bic: None | str | Unset = UNSET
    billing_email: None | str | Unset = UNSET
    contact_name: None | str | Unset = UNSET
    credit_limit: float | None | str | Unset = UNSET
    currency: CurrencyCode | None | Unset = UNSET
    iban: None | str | Unset = UNSET
    is_reseller: bool | None | Unset = UNSET
    legal_name: None | str | Unset = UNSET
    peppol_id: None | str | Unset = UNSET
    registration_id: None | str | Unset = UNSET
    reseller_id: None | Unset | UUID = UNSET
    reverse_charge: bool | None | Unset = UNSET
    tax_registration_id: None | str | Unset = UNSET
    telephone: None | str | Unset = UNSET
    vat_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.address_in import AddressIn  # noqa: PLC0415

        name = self.name

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

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        elif isinstance(self.currency, str):
            currency = self.currency
        else:
            currency = self.currency

        iban: None | str | Unset
        if isinstance(self.iban, Unset):
            iban = UNSET
        else:
            iban = self.iban

        is_reseller: bool | None | Unset
        if isinstance(self.is_reseller, Unset):
            is_reseller = UNSET
        else:
            is_reseller = self.is_reseller

        legal_name: None | str | Unset
        if isinstance(self.legal_name, Unset):
            legal_name = UNSET
        else:
            legal_name = self.legal_name

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

        reseller_id: None | str | Unset
        if isinstance(self.reseller_id, Unset):
            reseller_id = UNSET
        elif isinstance(self.reseller_id, UUID):
            reseller_id = str(self.reseller_id)
        else:
            reseller_id = self.reseller_id

        reverse_charge: bool | None | Unset
        if isinstance(self.reverse_charge, Unset):
            reverse_charge = UNSET
        else:
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

        field_dict.update(
            {
                "name": name,
            }
        )
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
        if currency is not UNSET:
            field_dict["currency"] = currency
        if iban is not UNSET:
            field_dict["iban"] = iban
        if is_reseller is not UNSET:
            field_dict["is_reseller"] = is_reseller
        if legal_name is not UNSET:
            field_dict["legal_name"] = legal_name
        if peppol_id is not UNSET:
            field_dict["peppol_id"] = peppol_id
        if registration_id is not UNSET:
            field_dict["registration_id"] = registration_id
        if reseller_id is not UNSET:
            field_dict["reseller_id"] = reseller_id
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
        name = d.pop("name")

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

        def _parse_currency(data: object) -> CurrencyCode | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                currency_type_0 = check_currency_code(data)

                return currency_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CurrencyCode | None | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_iban(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        iban = _parse_iban(d.pop("iban", UNSET))

        def _parse_is_reseller(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_reseller = _parse_is_reseller(d.pop("is_reseller", UNSET))

        def _parse_legal_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        legal_name = _parse_legal_name(d.pop("legal_name", UNSET))

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

        def _parse_reseller_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reseller_id_type_0 = UUID(data)

                return reseller_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        reseller_id = _parse_reseller_id(d.pop("reseller_id", UNSET))

        def _parse_reverse_charge(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        reverse_charge = _parse_reverse_charge(d.pop("reverse_charge", UNSET))

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

        company_in = cls(
            name=name,
            address=address,
            bic=bic,
            billing_email=billing_email,
            contact_name=contact_name,
            credit_limit=credit_limit,
            currency=currency,
            iban=iban,
            is_reseller=is_reseller,
            legal_name=legal_name,
            peppol_id=peppol_id,
            registration_id=registration_id,
            reseller_id=reseller_id,
            reverse_charge=reverse_charge,
            tax_registration_id=tax_registration_id,
            telephone=telephone,
            vat_id=vat_id,
        )

        return company_in
