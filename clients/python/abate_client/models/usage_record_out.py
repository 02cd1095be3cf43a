from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UsageRecordOut")


@_attrs_define
class UsageRecordOut:
    """
    Attributes:
        created_at (datetime.datetime):
        description (str):
        id (UUID):
        object_ (Literal['usage_record']):
        quantity (str): decimal string
        rated (bool):
        subscription_id (UUID):
        usage_date (datetime.date):
    """

    created_at: datetime.datetime
    description: str
    id: UUID
    object_: Literal["usage_record"]
    quantity: str
    rated: bool
    subscription_id: UUID
    usage_date: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        description = self.description

        id = str(self.id)

        object_ = self.object_

        quantity = self.quantity

        rated = self.rated

        subscription_id = str(self.subscription_id)

        usage_date = self.usage_date.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "description": description,
                "id": id,
                "object": object_,
                "quantity": quantity,
                "rated": rated,
                "subscription_id": subscription_id,
                "usage_date": usage_date,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        description = d.pop("description")

        id = UUID(d.pop("id"))

        object_ = cast(Literal["usage_record"], d.pop("object"))
        if object_ != "usage_record":
            raise ValueError(f"object must match const 'usage_record', got '{object_}'")

        quantity = d.pop("quantity")

        rated = d.pop("rated")

        subscription_id = UUID(d.pop("subscription_id"))

        usage_date = datetime.date.fromisoformat(d.pop("usage_date"))

        usage_record_out = cls(
            created_at=created_at,
            description=description,
            id=id,
            object_=object_,
            quantity=quantity,
            rated=rated,
            subscription_id=subscription_id,
            usage_date=usage_date,
        )

        usage_record_out.additional_properties = d
        return usage_record_out

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
