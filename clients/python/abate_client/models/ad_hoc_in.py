from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.ad_hoc_in_reason_code import AdHocInReasonCode, check_ad_hoc_in_reason_code
from ..models.currency_code import CurrencyCode, check_currency_code
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.ad_hoc_line_in import AdHocLineIn


T = TypeVar("T", bound="AdHocIn")


@_attrs_define
class AdHocIn:
    """
    Attributes:
        company_id (UUID): an id this API gave; one that names nothing the key may see is a 404
        lines (list[AdHocLineIn]):
        reason_code (AdHocInReasonCode):
        auto_apply (bool | None | Unset):
        currency (CurrencyCode | None | Unset): default: the company's
        draft (bool | None | Unset):
        memo (None | str | Unset): shown to the customer
        reason (None | str | Unset): internal; shown to managers only
        user_id (None | Unset | UUID):
    """

    company_id: UUID
    lines: list[AdHocLineIn]
    reason_code: AdHocInReasonCode
    auto_apply: bool | None | Unset = UNSET
    currency: CurrencyCode | None | Unset = UNSET
    draft: bool | None | Unset = UNSET
    memo: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET
    user_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        company_id = str(self.company_id)

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        reason_code: str = self.reason_code

        auto_apply: bool | None | Unset
        if isinstance(self.auto_apply, Unset):
            auto_apply = UNSET
        else:
            auto_apply = self.auto_apply

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        elif isinstance(self.currency, str):
            currency = self.currency
        else:
            currency = self.currency

        draft: bool | None | Unset
        if isinstance(self.draft, Unset):
            draft = UNSET
        else:
            draft = self.draft

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

        user_id: None | str | Unset
        if isinstance(self.user_id, Unset):
            user_id = UNSET
        elif isinstance(self.user_id, UUID):
            user_id = str(self.user_id)
        else:
            user_id = self.user_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "company_id": company_id,
                "lines": lines,
                "reason_code": reason_code,
            }
        )
        if auto_apply is not UNSET:
            field_dict["auto_apply"] = auto_apply
        if currency is not UNSET:
            field_dict["currency"] = currency
        if draft is not UNSET:
            field_dict["draft"] = draft
        if memo is not UNSET:
            field_dict["memo"] = memo
        if reason is not UNSET:
            field_dict["reason"] = reason
        if user_id is not UNSET:
            field_dict["user_id"] = user_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ad_hoc_line_in import AdHocLineIn  # noqa: PLC0415

        d = dict(src_dict)
        company_id = UUID(d.pop("company_id"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = AdHocLineIn.from_dict(lines_item_data)

            lines.append(lines_item)

        reason_code = check_ad_hoc_in_reason_code(d.pop("reason_code"))

        def _parse_auto_apply(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        auto_apply = _parse_auto_apply(d.pop("auto_apply", UNSET))

        def _parse_currency(data: object) -> CurrencyCode | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                currency_type_0 = check_currency_code(data)

                return currency_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CurrencyCode | None | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_draft(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        draft = _parse_draft(d.pop("draft", UNSET))

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

        def _parse_user_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                user_id_type_0 = UUID(data)

                return user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        user_id = _parse_user_id(d.pop("user_id", UNSET))

        ad_hoc_in = cls(
            company_id=company_id,
            lines=lines,
            reason_code=reason_code,
            auto_apply=auto_apply,
            currency=currency,
            draft=draft,
            memo=memo,
            reason=reason,
            user_id=user_id,
        )

        return ad_hoc_in
