from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tax_category import TaxCategory, check_tax_category

T = TypeVar("T", bound="ProductOut")


@_attrs_define
class ProductOut:
    """
    Attributes:
        id (UUID):
        name (str):
        object_ (Literal['product']):
        sku (None | str):
        tax_category (TaxCategory): A line's VAT category (EN 16931, UNCL 5305): S standard rate; Z zero rated; E exempt
            from vat; AE reverse charge; K intra-community supply; G export outside the eu; O not subject to vat. Only S
            carries a tax_rate above 0; E needs an exemption reason (code or text); AE, K, G and O take a default one
            (VATEX-EU-AE, VATEX-EU-IC, VATEX-EU-G, VATEX-EU-O).
        tax_exemption_reason (str):
        tax_exemption_reason_code (str):
    """

    id: UUID
    name: str
    object_: Literal["product"]
    sku: None | str
    tax_category: TaxCategory
    tax_exemption_reason: str
    tax_exemption_reason_code: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        object_ = self.object_

        sku: None | str
        sku = self.sku

        tax_category: str = self.tax_category

        tax_exemption_reason = self.tax_exemption_reason

        tax_exemption_reason_code = self.tax_exemption_reason_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "object": object_,
                "sku": sku,
                "tax_category": tax_category,
                "tax_exemption_reason": tax_exemption_reason,
                "tax_exemption_reason_code": tax_exemption_reason_code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        object_ = cast(Literal["product"], d.pop("object"))
        if object_ != "product":
            raise ValueError(f"object must match const 'product', got '{object_}'")

        def _parse_sku(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        sku = _parse_sku(d.pop("sku"))

        tax_category = check_tax_category(d.pop("tax_category"))

        tax_exemption_reason = d.pop("tax_exemption_reason")

        tax_exemption_reason_code = d.pop("tax_exemption_reason_code")

        product_out = cls(
            id=id,
            name=name,
            object_=object_,
            sku=sku,
            tax_category=tax_category,
            tax_exemption_reason=tax_exemption_reason,
            tax_exemption_reason_code=tax_exemption_reason_code,
        )

        product_out.additional_properties = d
        return product_out

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
