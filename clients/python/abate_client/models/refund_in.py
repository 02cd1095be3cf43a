from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="RefundIn")


@_attrs_define
class RefundIn:
    """
    Attributes:
        amount (float | str): a decimal string in plain notation ("200.00") or a JSON number, with at most the
            currency's minor digits (2 for EUR and USD, 0 for JPY, 3 for BHD), below 10^12 in size; above zero
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

        refund_in = cls(
            amount=amount,
        )

        return refund_in
