from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="CreditCheckIn")


@_attrs_define
class CreditCheckIn:
    """
    Attributes:
        amount (float | str): the charge, in the company's currency
    """

    amount: float | str

    def to_dict(self) -> dict[str, Any]:
        amount: float | str
        amount = self.amount

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_amount(data: object) -> float | str:
            return cast(float | str, data)

        amount = _parse_amount(d.pop("amount"))

        credit_check_in = cls(
            amount=amount,
        )

        return credit_check_in
