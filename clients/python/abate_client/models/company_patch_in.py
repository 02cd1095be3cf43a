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
            billing_email (None | str | Unset):
            credit_limit (float | None | str | Unset):
            legal_name (None | str | Unset):
            name (str | Unset):
            peppol_id (None | str | Unset):
            vat_id (None | str | Unset):
    """

    address: AddressIn | None | Unset = UNSET
    billing_email: None | str | Unset = UNSET
    credit_limit: float | None | str | Unset = UNSET
    legal_name: None | str | Unset = UNSET
    name: str | Unset = UNSET
    peppol_id: None | str | Unset = UNSET
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

        billing_email: None | str | Unset
        if isinstance(self.billing_email, Unset):
            billing_email = UNSET
        else:
            billing_email = self.billing_email

        credit_limit: float | None | str | Unset
        if isinstance(self.credit_limit, Unset):
            credit_limit = UNSET
        else:
            credit_limit = self.credit_limit

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

        vat_id: None | str | Unset
        if isinstance(self.vat_id, Unset):
            vat_id = UNSET
        else:
            vat_id = self.vat_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if address is not UNSET:
            field_dict["address"] = address
        if billing_email is not UNSET:
            field_dict["billing_email"] = billing_email
        if credit_limit is not UNSET:
            field_dict["credit_limit"] = credit_limit
        if legal_name is not UNSET:
            field_dict["legal_name"] = legal_name
        if name is not UNSET:
            field_dict["name"] = name
        if peppol_id is not UNSET:
            field_dict["peppol_id"] = peppol_id
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

        def _parse_billing_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        billing_email = _parse_billing_email(d.pop("billing_email", UNSET))

        def _parse_credit_limit(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        credit_limit = _parse_credit_limit(d.pop("credit_limit", UNSET))

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

        def _parse_vat_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vat_id = _parse_vat_id(d.pop("vat_id", UNSET))

        company_patch_in = cls(
            address=address,
            billing_email=billing_email,
            credit_limit=credit_limit,
            legal_name=legal_name,
            name=name,
            peppol_id=peppol_id,
            vat_id=vat_id,
        )

        return company_patch_in
