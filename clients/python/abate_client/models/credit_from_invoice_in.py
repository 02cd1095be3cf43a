from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.credit_from_invoice_in_reason_code import (
    CreditFromInvoiceInReasonCode,
    check_credit_from_invoice_in_reason_code,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.invoice_credit_line_in import InvoiceCreditLineIn


T = TypeVar("T", bound="CreditFromInvoiceIn")


@_attrs_define
class CreditFromInvoiceIn:
    """
    Attributes:
        reason_code (CreditFromInvoiceInReasonCode):
        apply_to (list[UUID] | None | Unset): open invoices to apply the credit to, in order; [] applies nothing;
            omitted: the source invoice if it is open
        draft (bool | None | Unset):
        lines (list[InvoiceCreditLineIn] | None | Unset): omitted: all that is left to credit of every line; each
            invoice line at most once (422 otherwise)
        memo (None | str | Unset): shown to the customer
        reason (None | str | Unset): internal; shown to managers only
    """

    reason_code: CreditFromInvoiceInReasonCode
    apply_to: list[UUID] | None | Unset = UNSET
    draft: bool | None | Unset = UNSET
    lines: list[InvoiceCreditLineIn] | None | Unset = UNSET
    memo: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        reason_code: str = self.reason_code

        apply_to: list[str] | None | Unset
        if isinstance(self.apply_to, Unset):
            apply_to = UNSET
        elif isinstance(self.apply_to, list):
            apply_to = []
            for apply_to_type_0_item_data in self.apply_to:
                apply_to_type_0_item = str(apply_to_type_0_item_data)
                apply_to.append(apply_to_type_0_item)

        else:
            apply_to = self.apply_to

        draft: bool | None | Unset
        if isinstance(self.draft, Unset):
            draft = UNSET
        else:
            draft = self.draft

        lines: list[dict[str, Any]] | None | Unset
        if isinstance(self.lines, Unset):
            lines = UNSET
        elif isinstance(self.lines, list):
            lines = []
            for lines_type_0_item_data in self.lines:
                lines_type_0_item = lines_type_0_item_data.to_dict()
                lines.append(lines_type_0_item)

        else:
            lines = self.lines

        memo: None | str | Unset
        if isinstance(self.memo, Unset):
            memo = UNSET
        else:
            memo = self.memo

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason_code": reason_code,
            }
        )
        if apply_to is not UNSET:
            field_dict["apply_to"] = apply_to
        if draft is not UNSET:
            field_dict["draft"] = draft
        if lines is not UNSET:
            field_dict["lines"] = lines
        if memo is not UNSET:
            field_dict["memo"] = memo
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.invoice_credit_line_in import InvoiceCreditLineIn  # noqa: PLC0415

        d = dict(src_dict)
        reason_code = check_credit_from_invoice_in_reason_code(d.pop("reason_code"))

        def _parse_apply_to(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                apply_to_type_0 = []
                _apply_to_type_0 = data
                for apply_to_type_0_item_data in _apply_to_type_0:
                    apply_to_type_0_item = UUID(apply_to_type_0_item_data)

                    apply_to_type_0.append(apply_to_type_0_item)

                return apply_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        apply_to = _parse_apply_to(d.pop("apply_to", UNSET))

        def _parse_draft(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        draft = _parse_draft(d.pop("draft", UNSET))

        def _parse_lines(data: object) -> list[InvoiceCreditLineIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                lines_type_0 = []
                _lines_type_0 = data
                for lines_type_0_item_data in _lines_type_0:
                    lines_type_0_item = InvoiceCreditLineIn.from_dict(lines_type_0_item_data)

                    lines_type_0.append(lines_type_0_item)

                return lines_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[InvoiceCreditLineIn] | None | Unset, data)

        lines = _parse_lines(d.pop("lines", UNSET))

        def _parse_memo(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        memo = _parse_memo(d.pop("memo", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        credit_from_invoice_in = cls(
            reason_code=reason_code,
            apply_to=apply_to,
            draft=draft,
            lines=lines,
            memo=memo,
            reason=reason,
        )

        return credit_from_invoice_in
