from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.currency_code import CurrencyCode, check_currency_code
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.invoice_line_in import InvoiceLineIn


T = TypeVar("T", bound="InvoiceIn")


@_attrs_define
class InvoiceIn:
    """
    Attributes:
        company_id (UUID): an id this API gave; one that names nothing the key may see is a 404
        lines (list[InvoiceLineIn]):
        currency (CurrencyCode | None | Unset): default: the company's
        due_date (datetime.date | None | Unset):
        finalize (bool | None | Unset):
        user_id (None | Unset | UUID):
    """

    company_id: UUID
    lines: list[InvoiceLineIn]
    currency: CurrencyCode | None | Unset = UNSET
    due_date: datetime.date | None | Unset = UNSET
    finalize: bool | None | Unset = UNSET
    user_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        company_id = str(self.company_id)

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        elif isinstance(self.currency, str):
            currency = self.currency
        else:
            currency = self.currency

        due_date: None | str | Unset
        if isinstance(self.due_date, Unset):
            due_date = UNSET
        elif isinstance(self.due_date, datetime.date):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

        finalize: bool | None | Unset
        if isinstance(self.finalize, Unset):
            finalize = UNSET
        else:
            finalize = self.finalize

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
            }
        )
        if currency is not UNSET:
            field_dict["currency"] = currency
        if due_date is not UNSET:
            field_dict["due_date"] = due_date
        if finalize is not UNSET:
            field_dict["finalize"] = finalize
        if user_id is not UNSET:
            field_dict["user_id"] = user_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.invoice_line_in import InvoiceLineIn  # noqa: PLC0415

        d = dict(src_dict)
        company_id = UUID(d.pop("company_id"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = InvoiceLineIn.from_dict(lines_item_data)

            lines.append(lines_item)

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

        def _parse_due_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_date_type_0 = datetime.date.fromisoformat(data)

                return due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        due_date = _parse_due_date(d.pop("due_date", UNSET))

        def _parse_finalize(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        finalize = _parse_finalize(d.pop("finalize", UNSET))

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

        invoice_in = cls(
            company_id=company_id,
            lines=lines,
            currency=currency,
            due_date=due_date,
            finalize=finalize,
            user_id=user_id,
        )

        return invoice_in
