from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.tax_category import TaxCategory, check_tax_category
from ..types import UNSET, Unset

T = TypeVar("T", bound="ProductIn")


@_attrs_define
class ProductIn:
    """
    Attributes:
        name (str):
        sku (None | str | Unset):
        tax_category (None | TaxCategory | Unset): the VAT category its lines take unless a line gives one (it takes the
            product's exemption reason too, unless it gives its own); S: lines taxed at their rate; another category: lines
            at 0 (a line that gives a rate above 0 names S: 422 invalid_tax otherwise). E needs an exemption reason (code or
            text), S and Z take none: 422 invalid_tax; default S
        tax_exemption_reason (None | str | Unset):
        tax_exemption_reason_code (None | str | Unset):
    """

    name: str
    sku: None | str | Unset = UNSET
    tax_category: None | TaxCategory | Unset = UNSET
    tax_exemption_reason: None | str | Unset = UNSET
    tax_exemption_reason_code: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        sku: None | str | Unset
        if isinstance(self.sku, Unset):
            sku = UNSET
        else:
            sku = self.sku

        tax_category: None | str | Unset
        if isinstance(self.tax_category, Unset):
            tax_category = UNSET
        elif isinstance(self.tax_category, str):
            tax_category = self.tax_category
        else:
            tax_category = self.tax_category

        tax_exemption_reason: None | str | Unset
        if isinstance(self.tax_exemption_reason, Unset):
            tax_exemption_reason = UNSET
        else:
            tax_exemption_reason = self.tax_exemption_reason

        tax_exemption_reason_code: None | str | Unset
        if isinstance(self.tax_exemption_reason_code, Unset):
            tax_exemption_reason_code = UNSET
        else:
            tax_exemption_reason_code = self.tax_exemption_reason_code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if sku is not UNSET:
            field_dict["sku"] = sku
        if tax_category is not UNSET:
            field_dict["tax_category"] = tax_category
        if tax_exemption_reason is not UNSET:
            field_dict["tax_exemption_reason"] = tax_exemption_reason
        if tax_exemption_reason_code is not UNSET:
            field_dict["tax_exemption_reason_code"] = tax_exemption_reason_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_sku(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sku = _parse_sku(d.pop("sku", UNSET))

        def _parse_tax_category(data: object) -> None | TaxCategory | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                tax_category_type_0 = check_tax_category(data)

                return tax_category_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TaxCategory | Unset, data)

        tax_category = _parse_tax_category(d.pop("tax_category", UNSET))

        def _parse_tax_exemption_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tax_exemption_reason = _parse_tax_exemption_reason(d.pop("tax_exemption_reason", UNSET))

        def _parse_tax_exemption_reason_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tax_exemption_reason_code = _parse_tax_exemption_reason_code(d.pop("tax_exemption_reason_code", UNSET))

        product_in = cls(
            name=name,
            sku=sku,
            tax_category=tax_category,
            tax_exemption_reason=tax_exemption_reason,
            tax_exemption_reason_code=tax_exemption_reason_code,
        )

        return product_in
