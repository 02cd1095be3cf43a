from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.tax_category import TaxCategory, check_tax_category
from ..types import UNSET, Unset

T = TypeVar("T", bound="ProductPatchIn")


@_attrs_define
class ProductPatchIn:
    """The fields given change; null clears `sku` and the exemption reason. A new
    `tax_category` without a reason drops the old category's reason. Lines already written
    keep their tax.

        Attributes:
            name (str | Unset):
            sku (None | str | Unset):
            tax_category (TaxCategory | Unset): A line's VAT category (EN 16931, UNCL 5305): S standard rate; Z zero rated;
                E exempt from vat; AE reverse charge; K intra-community supply; G export outside the eu; O not subject to vat.
                Only S carries a tax_rate above 0; E needs an exemption reason (code or text); AE, K, G and O take a default one
                (VATEX-EU-AE, VATEX-EU-IC, VATEX-EU-G, VATEX-EU-O).
            tax_exemption_reason (None | str | Unset):
            tax_exemption_reason_code (None | str | Unset):
    """

    name: str | Unset = UNSET
    sku: None | str | Unset = UNSET
    tax_category: TaxCategory | Unset = UNSET
    tax_exemption_reason: None | str | Unset = UNSET
    tax_exemption_reason_code: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        sku: None | str | Unset
        if isinstance(self.sku, Unset):
            sku = UNSET
        else:
            sku = self.sku

        tax_category: str | Unset = UNSET
        if not isinstance(self.tax_category, Unset):
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

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
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
        name = d.pop("name", UNSET)

        def _parse_sku(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sku = _parse_sku(d.pop("sku", UNSET))

        _tax_category = d.pop("tax_category", UNSET)
        tax_category: TaxCategory | Unset
        if isinstance(_tax_category, Unset):
            tax_category = UNSET
        else:
            tax_category = check_tax_category(_tax_category)

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

        product_patch_in = cls(
            name=name,
            sku=sku,
            tax_category=tax_category,
            tax_exemption_reason=tax_exemption_reason,
            tax_exemption_reason_code=tax_exemption_reason_code,
        )

        return product_patch_in
