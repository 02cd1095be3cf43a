from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SettingsIn")


@_attrs_define
class SettingsIn:
    """Any of the settings; each, when given, is not null.

    Attributes:
        auto_apply_credit_to_new_invoices (bool | Unset):
        company_wide_billing (bool | Unset):
        credit_memo_number_prefix (str | Unset): at most 20 characters; spaces but no other white space; not empty or
            blank (422 empty_number_prefix), and not the other document type's prefix followed by digits only, nor it
            followed by digits only (422 number_prefix_collision)
        invoice_number_prefix (str | Unset): at most 20 characters; spaces but no other white space; not empty or blank
            (422 empty_number_prefix), and not the other document type's prefix followed by digits only, nor it followed by
            digits only (422 number_prefix_collision)
        number_padding (int | Unset): digits of the number, zero-padded (0: no padding)
    """

    auto_apply_credit_to_new_invoices: bool | Unset = UNSET
    company_wide_billing: bool | Unset = UNSET
    credit_memo_number_prefix: str | Unset = UNSET
    invoice_number_prefix: str | Unset = UNSET
    number_padding: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        auto_apply_credit_to_new_invoices = self.auto_apply_credit_to_new_invoices

        company_wide_billing = self.company_wide_billing

        credit_memo_number_prefix = self.credit_memo_number_prefix

        invoice_number_prefix = self.invoice_number_prefix

        number_padding = self.number_padding

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if auto_apply_credit_to_new_invoices is not UNSET:
            field_dict["auto_apply_credit_to_new_invoices"] = auto_apply_credit_to_new_invoices
        if company_wide_billing is not UNSET:
            field_dict["company_wide_billing"] = company_wide_billing
        if credit_memo_number_prefix is not UNSET:
            field_dict["credit_memo_number_prefix"] = credit_memo_number_prefix
        if invoice_number_prefix is not UNSET:
            field_dict["invoice_number_prefix"] = invoice_number_prefix
        if number_padding is not UNSET:
            field_dict["number_padding"] = number_padding

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        auto_apply_credit_to_new_invoices = d.pop("auto_apply_credit_to_new_invoices", UNSET)

        company_wide_billing = d.pop("company_wide_billing", UNSET)

        credit_memo_number_prefix = d.pop("credit_memo_number_prefix", UNSET)

        invoice_number_prefix = d.pop("invoice_number_prefix", UNSET)

        number_padding = d.pop("number_padding", UNSET)

        settings_in = cls(
            auto_apply_credit_to_new_invoices=auto_apply_credit_to_new_invoices,
            company_wide_billing=company_wide_billing,
            credit_memo_number_prefix=credit_memo_number_prefix,
            invoice_number_prefix=invoice_number_prefix,
            number_padding=number_padding,
        )

        return settings_in
