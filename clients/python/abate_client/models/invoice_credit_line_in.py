from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="InvoiceCreditLineIn")


@_attrs_define
class InvoiceCreditLineIn:
    """A line of the invoice to credit, by net `amount` or by `quantity` (not both); neither:
    all that is left to credit of it.

        Attributes:
            invoice_line_id (UUID): an id this API gave; one that names nothing the key may see is a 404
            amount (float | None | str | Unset): net amount to credit, above zero
            quantity (float | None | str | Unset): units at the line's net unit price
    """

    invoice_line_id: UUID
    amount: float | None | str | Unset = UNSET
    quantity: float | None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        invoice_line_id = str(self.invoice_line_id)

        amount: float | None | str | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        quantity: float | None | str | Unset
        if isinstance(self.quantity, Unset):
            quantity = UNSET
        else:
            quantity = self.quantity

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "invoice_line_id": invoice_line_id,
            }
        )
        if amount is not UNSET:
            field_dict["amount"] = amount
        if quantity is not UNSET:
            field_dict["quantity"] = quantity

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        invoice_line_id = UUID(d.pop("invoice_line_id"))

        def _parse_amount(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        def _parse_quantity(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        quantity = _parse_quantity(d.pop("quantity", UNSET))

        invoice_credit_line_in = cls(
            invoice_line_id=invoice_line_id,
            amount=amount,
            quantity=quantity,
        )

        return invoice_credit_line_in
