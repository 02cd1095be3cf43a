from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.address_out import AddressOut


T = TypeVar("T", bound="CompanyOut")


@_attrs_define
class CompanyOut:
    """
    Attributes:
        address (AddressOut):
        bic (None | str):
        billing_email (None | str):
        contact_name (None | str):
        created_at (datetime.datetime):
        credit_limit (None | str):
        currency (str): ISO 4217 code
        iban (None | str):
        id (UUID):
        is_reseller (bool):
        legal_name (str):
        name (str):
        object_ (Literal['company']):
        peppol_id (None | str):
        registration_id (None | str):
        reseller_id (None | UUID):
        reverse_charge (bool):
        tax_registration_id (None | str):
        telephone (None | str):
        vat_id (None | str):
    """

    address: AddressOut
    bic: None | str
    billing_email: None | str
    contact_name: None | str
    created_at: datetime.datetime
    credit_limit: None | str
    currency: str
    iban: None | str
    id: UUID
    is_reseller: bool
    legal_name: str
    name: str
    object_: Literal["company"]
    peppol_id: None | str
    registration_id: None | str
    reseller_id: None | UUID
    reverse_charge: bool
    tax_registration_id: None | str
    telephone: None | str
    vat_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        address = self.address.to_dict()

        bic: None | str
        bic = self.bic

        billing_email: None | str
        billing_email = self.billing_email

        contact_name: None | str
        contact_name = self.contact_name

        created_at = self.created_at.isoformat()

        credit_limit: None | str
        credit_limit = self.credit_limit

        currency = self.currency

        iban: None | str
        iban = self.iban

        id = str(self.id)

        is_reseller = self.is_reseller

        legal_name = self.legal_name

        name = self.name

        object_ = self.object_

        peppol_id: None | str
        peppol_id = self.peppol_id

        registration_id: None | str
        registration_id = self.registration_id

        reseller_id: None | str
        if isinstance(self.reseller_id, UUID):
            reseller_id = str(self.reseller_id)
        else:
            reseller_id = self.reseller_id

        reverse_charge = self.reverse_charge

        tax_registration_id: None | str
        tax_registration_id = self.tax_registration_id

        telephone: None | str
        telephone = self.telephone

        vat_id: None | str
        vat_id = self.vat_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "address": address,
                "bic": bic,
                "billing_email": billing_email,
                "contact_name": contact_name,
                "created_at": created_at,
                "credit_limit": credit_limit,
                "currency": currency,
                "iban": iban,
                "id": id,
                "is_reseller": is_reseller,
                "legal_name": legal_name,
                "name": name,
                "object": object_,
                "peppol_id": peppol_id,
                "registration_id": registration_id,
                "reseller_id": reseller_id,
                "reverse_charge": reverse_charge,
                "tax_registration_id": tax_registration_id,
                "telephone": telephone,
                "vat_id": vat_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address_out import AddressOut  # noqa: PLC0415

        d = dict(src_dict)
        address = AddressOut.from_dict(d.pop("address"))

        def _parse_bic(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        bic = _parse_bic(d.pop("bic"))

        def _parse_billing_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        billing_email = _parse_billing_email(d.pop("billing_email"))

        def _parse_contact_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        contact_name = _parse_contact_name(d.pop("contact_name"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_credit_limit(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        credit_limit = _parse_credit_limit(d.pop("credit_limit"))

        currency = d.pop("currency")

        def _parse_iban(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        iban = _parse_iban(d.pop("iban"))

        id = UUID(d.pop("id"))

        is_reseller = d.pop("is_reseller")

        legal_name = d.pop("legal_name")

        name = d.pop("name")

        object_ = cast(Literal["company"], d.pop("object"))
        if object_ != "company":
            raise ValueError(f"object must match const 'company', got '{object_}'")

        def _parse_peppol_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        peppol_id = _parse_peppol_id(d.pop("peppol_id"))

        def _parse_registration_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        registration_id = _parse_registration_id(d.pop("registration_id"))

        def _parse_reseller_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reseller_id_type_0 = UUID(data)

                return reseller_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        reseller_id = _parse_reseller_id(d.pop("reseller_id"))

        reverse_charge = d.pop("reverse_charge")

        def _parse_tax_registration_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        tax_registration_id = _parse_tax_registration_id(d.pop("tax_registration_id"))

        def _parse_telephone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        telephone = _parse_telephone(d.pop("telephone"))

        def _parse_vat_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        vat_id = _parse_vat_id(d.pop("vat_id"))

        company_out = cls(
            address=address,
            bic=bic,
            billing_email=billing_email,
            contact_name=contact_name,
            created_at=created_at,
            credit_limit=credit_limit,
            currency=currency,
            iban=iban,
            id=id,
            is_reseller=is_reseller,
            legal_name=legal_name,
            name=name,
            object_=object_,
            peppol_id=peppol_id,
            registration_id=registration_id,
            reseller_id=reseller_id,
            reverse_charge=reverse_charge,
            tax_registration_id=tax_registration_id,
            telephone=telephone,
            vat_id=vat_id,
        )

        company_out.additional_properties = d
        return company_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
