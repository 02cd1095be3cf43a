from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="InvoiceApplicationOut")


@_attrs_define
class InvoiceApplicationOut:
    """
    Attributes:
        amount (str): decimal string with the currency's minor digits
        applied_at (datetime.datetime):
        credit_memo_id (UUID):
        credit_memo_number (None | str):
        id (UUID):
        reversed_at (datetime.datetime | None):
    """

    amount: str
    applied_at: datetime.datetime
    credit_memo_id: UUID
    credit_memo_number: None | str
    id: UUID
    reversed_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        applied_at = self.applied_at.isoformat()

        credit_memo_id = str(self.credit_memo_id)

        credit_memo_number: None | str
        credit_memo_number = self.credit_memo_number

        id = str(self.id)

        reversed_at: None | str
        if isinstance(self.reversed_at, datetime.datetime):
            reversed_at = self.reversed_at.isoformat()
        else:
            reversed_at = self.reversed_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "applied_at": applied_at,
                "credit_memo_id": credit_memo_id,
                "credit_memo_number": credit_memo_number,
                "id": id,
                "reversed_at": reversed_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        applied_at = datetime.datetime.fromisoformat(d.pop("applied_at"))

        credit_memo_id = UUID(d.pop("credit_memo_id"))

        def _parse_credit_memo_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        credit_memo_number = _parse_credit_memo_number(d.pop("credit_memo_number"))

        id = UUID(d.pop("id"))

        def _parse_reversed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reversed_at_type_0 = datetime.datetime.fromisoformat(data)

                return reversed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        reversed_at = _parse_reversed_at(d.pop("reversed_at"))

        invoice_application_out = cls(
            amount=amount,
            applied_at=applied_at,
            credit_memo_id=credit_memo_id,
            credit_memo_number=credit_memo_number,
            id=id,
            reversed_at=reversed_at,
        )

        invoice_application_out.additional_properties = d
        return invoice_application_out

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
