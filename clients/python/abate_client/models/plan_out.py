from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.plan_out_interval import PlanOutInterval, check_plan_out_interval
from ..models.plan_out_scheme import PlanOutScheme, check_plan_out_scheme

T = TypeVar("T", bound="PlanOut")


@_attrs_define
class PlanOut:
    """
    Attributes:
        code (str):
        created_at (datetime.datetime):
        currency (str): ISO 4217 code
        id (UUID):
        interval (PlanOutInterval):
        name (str):
        object_ (Literal['plan']):
        product_id (UUID):
        scheme (PlanOutScheme):
        tax_rate (str): decimal string
        unit_price (str): decimal string with the currency's minor digits
    """

    code: str
    created_at: datetime.datetime
    currency: str
    id: UUID
    interval: PlanOutInterval
    name: str
    object_: Literal["plan"]
    product_id: UUID
    scheme: PlanOutScheme
    tax_rate: str
    unit_price: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        created_at = self.created_at.isoformat()

        currency = self.currency

        id = str(self.id)

        interval: str = self.interval

        name = self.name

        object_ = self.object_

        product_id = str(self.product_id)

        scheme: str = self.scheme

        tax_rate = self.tax_rate

        unit_price = self.unit_price

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "created_at": created_at,
                "currency": currency,
                "id": id,
                "interval": interval,
                "name": name,
                "object": object_,
                "product_id": product_id,
                "scheme": scheme,
                "tax_rate": tax_rate,
                "unit_price": unit_price,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        id = UUID(d.pop("id"))

        interval = check_plan_out_interval(d.pop("interval"))

        name = d.pop("name")

        object_ = cast(Literal["plan"], d.pop("object"))
        if object_ != "plan":
            raise ValueError(f"object must match const 'plan', got '{object_}'")

        product_id = UUID(d.pop("product_id"))

        scheme = check_plan_out_scheme(d.pop("scheme"))

        tax_rate = d.pop("tax_rate")

        unit_price = d.pop("unit_price")

        plan_out = cls(
            code=code,
            created_at=created_at,
            currency=currency,
            id=id,
            interval=interval,
            name=name,
            object_=object_,
            product_id=product_id,
            scheme=scheme,
            tax_rate=tax_rate,
            unit_price=unit_price,
        )

        plan_out.additional_properties = d
        return plan_out

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
