from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PaymentOut")


@_attrs_define
class PaymentOut:
    """
    Attributes:
        amount (str): decimal string with the currency's minor digits
        created_at (datetime.datetime):
        id (UUID):
        invoice_id (UUID):
        method (str):
        object_ (Literal['payment']):
        refunded_amount (str): decimal string with the currency's minor digits
        status (Literal['succeeded']):
    """

    amount: str
    created_at: datetime.datetime
    id: UUID
    invoice_id: UUID
    method: str
    object_: Literal["payment"]
    refunded_amount: str
    status: Literal["succeeded"]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        created_at = self.created_at.isoformat()

        id = str(self.id)

        invoice_id = str(self.invoice_id)

        method = self.method

        object_ = self.object_

        refunded_amount = self.refunded_amount

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "created_at": created_at,
                "id": id,
                "invoice_id": invoice_id,
                "method": method,
                "object": object_,
                "refunded_amount": refunded_amount,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        invoice_id = UUID(d.pop("invoice_id"))

        method = d.pop("method")

        object_ = cast(Literal["payment"], d.pop("object"))
        if object_ != "payment":
            raise ValueError(f"object must match const 'payment', got '{object_}'")

        refunded_amount = d.pop("refunded_amount")

        status = cast(Literal["succeeded"], d.pop("status"))
        if status != "succeeded":
            raise ValueError(f"status must match const 'succeeded', got '{status}'")

        payment_out = cls(
            amount=amount,
            created_at=created_at,
            id=id,
            invoice_id=invoice_id,
            method=method,
            object_=object_,
            refunded_amount=refunded_amount,
            status=status,
        )

        payment_out.additional_properties = d
        return payment_out

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
