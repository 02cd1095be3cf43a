from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RefundOut")


@_attrs_define
class RefundOut:
    """
    Attributes:
        amount (str): decimal string with the currency's minor digits
        created_at (datetime.datetime):
        credit_memo_id (UUID):
        id (UUID):
        object_ (Literal['refund']):
        payment_id (UUID):
        status (Literal['succeeded']):
    """

    amount: str
    created_at: datetime.datetime
    credit_memo_id: UUID
    id: UUID
    object_: Literal["refund"]
    payment_id: UUID
    status: Literal["succeeded"]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        created_at = self.created_at.isoformat()

        credit_memo_id = str(self.credit_memo_id)

        id = str(self.id)

        object_ = self.object_

        payment_id = str(self.payment_id)

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "created_at": created_at,
                "credit_memo_id": credit_memo_id,
                "id": id,
                "object": object_,
                "payment_id": payment_id,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        credit_memo_id = UUID(d.pop("credit_memo_id"))

        id = UUID(d.pop("id"))

        object_ = cast(Literal["refund"], d.pop("object"))
        if object_ != "refund":
            raise ValueError(f"object must match const 'refund', got '{object_}'")

        payment_id = UUID(d.pop("payment_id"))

        status = cast(Literal["succeeded"], d.pop("status"))
        if status != "succeeded":
            raise ValueError(f"status must match const 'succeeded', got '{status}'")

        refund_out = cls(
            amount=amount,
            created_at=created_at,
            credit_memo_id=credit_memo_id,
            id=id,
            object_=object_,
            payment_id=payment_id,
            status=status,
        )

        refund_out.additional_properties = d
        return refund_out

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
