from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AutoApplyResultOut")


@_attrs_define
class AutoApplyResultOut:
    """
    Attributes:
        applied_amount (str): credit applied when the memo was issued
        invoice_count (int): open invoices it was applied to
        message (str): says what happened, e.g. "No open invoice of Jane Doe to apply it to: the full 50.00 USD stays
            available."
    """

    applied_amount: str
    invoice_count: int
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        applied_amount = self.applied_amount

        invoice_count = self.invoice_count

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "applied_amount": applied_amount,
                "invoice_count": invoice_count,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        applied_amount = d.pop("applied_amount")

        invoice_count = d.pop("invoice_count")

        message = d.pop("message")

        auto_apply_result_out = cls(
            applied_amount=applied_amount,
            invoice_count=invoice_count,
            message=message,
        )

        auto_apply_result_out.additional_properties = d
        return auto_apply_result_out

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
