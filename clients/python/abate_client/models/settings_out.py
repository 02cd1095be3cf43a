from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SettingsOut")


@_attrs_define
class SettingsOut:
    """
    Attributes:
        auto_apply_credit_to_new_invoices (bool):
        company_wide_billing (bool):
        credit_memo_number_prefix (str):
        invoice_number_prefix (str):
        number_padding (int):
    """

    auto_apply_credit_to_new_invoices: bool
    company_wide_billing: bool
    credit_memo_number_prefix: str
    invoice_number_prefix: str
    number_padding: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        auto_apply_credit_to_new_invoices = self.auto_apply_credit_to_new_invoices

        company_wide_billing = self.company_wide_billing

        credit_memo_number_prefix = self.credit_memo_number_prefix

        invoice_number_prefix = self.invoice_number_prefix

        number_padding = self.number_padding

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "auto_apply_credit_to_new_invoices": auto_apply_credit_to_new_invoices,
                "company_wide_billing": company_wide_billing,
                "credit_memo_number_prefix": credit_memo_number_prefix,
                "invoice_number_prefix": invoice_number_prefix,
                "number_padding": number_padding,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        auto_apply_credit_to_new_invoices = d.pop("auto_apply_credit_to_new_invoices")

        company_wide_billing = d.pop("company_wide_billing")

        credit_memo_number_prefix = d.pop("credit_memo_number_prefix")

        invoice_number_prefix = d.pop("invoice_number_prefix")

        number_padding = d.pop("number_padding")

        settings_out = cls(
            auto_apply_credit_to_new_invoices=auto_apply_credit_to_new_invoices,
            company_wide_billing=company_wide_billing,
            credit_memo_number_prefix=credit_memo_number_prefix,
            invoice_number_prefix=invoice_number_prefix,
            number_padding=number_padding,
        )

        settings_out.additional_properties = d
        return settings_out

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
