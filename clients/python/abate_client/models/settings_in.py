from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SettingsIn")


@_attrs_define
class SettingsIn:
    """
    Attributes:
        auto_apply_credit_to_new_invoices (bool | None | Unset):
        company_wide_billing (bool | None | Unset):
        credit_memo_number_prefix (None | str | Unset):
        invoice_number_prefix (None | str | Unset):
        number_padding (int | None | Unset):
    """

    auto_apply_credit_to_new_invoices: bool | None | Unset = UNSET
    company_wide_billing: bool | None | Unset = UNSET
    credit_memo_number_prefix: None | str | Unset = UNSET
    invoice_number_prefix: None | str | Unset = UNSET
    number_padding: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        auto_apply_credit_to_new_invoices: bool | None | Unset
        if isinstance(self.auto_apply_credit_to_new_invoices, Unset):
            auto_apply_credit_to_new_invoices = UNSET
        else:
            auto_apply_credit_to_new_invoices = self.auto_apply_credit_to_new_invoices

        company_wide_billing: bool | None | Unset
        if isinstance(self.company_wide_billing, Unset):
            company_wide_billing = UNSET
        else:
            company_wide_billing = self.company_wide_billing

        credit_memo_number_prefix: None | str | Unset
        if isinstance(self.credit_memo_number_prefix, Unset):
            credit_memo_number_prefix = UNSET
        else:
            credit_memo_number_prefix = self.credit_memo_number_prefix

        invoice_number_prefix: None | str | Unset
        if isinstance(self.invoice_number_prefix, Unset):
            invoice_number_prefix = UNSET
        else:
            invoice_number_prefix = self.invoice_number_prefix

        number_padding: int | None | Unset
        if isinstance(self.number_padding, Unset):
            number_padding = UNSET
        else:
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

        def _parse_auto_apply_credit_to_new_invoices(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        auto_apply_credit_to_new_invoices = _parse_auto_apply_credit_to_new_invoices(
            d.pop("auto_apply_credit_to_new_invoices", UNSET)
        )

        def _parse_company_wide_billing(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        company_wide_billing = _parse_company_wide_billing(d.pop("company_wide_billing", UNSET))

        def _parse_credit_memo_number_prefix(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        credit_memo_number_prefix = _parse_credit_memo_number_prefix(d.pop("credit_memo_number_prefix", UNSET))

        def _parse_invoice_number_prefix(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        invoice_number_prefix = _parse_invoice_number_prefix(d.pop("invoice_number_prefix", UNSET))

        def _parse_number_padding(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        number_padding = _parse_number_padding(d.pop("number_padding", UNSET))

        settings_in = cls(
            auto_apply_credit_to_new_invoices=auto_apply_credit_to_new_invoices,
            company_wide_billing=company_wide_billing,
            credit_memo_number_prefix=credit_memo_number_prefix,
            invoice_number_prefix=invoice_number_prefix,
            number_padding=number_padding,
        )

        return settings_in
