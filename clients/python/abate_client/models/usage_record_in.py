from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="UsageRecordIn")


@_attrs_define
class UsageRecordIn:
    """
    Attributes:
        quantity (float | str): units, non-zero; negative for a correction
        description (None | str | Unset):
        usage_date (datetime.date | None | Unset): YYYY-MM-DD, default today (UTC); not in a period already rated (`422
            usage_period_closed`)
    """

    quantity: float | str
    description: None | str | Unset = UNSET
    usage_date: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        quantity: float | str
        quantity = self.quantity

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        usage_date: None | str | Unset
        if isinstance(self.usage_date, Unset):
            usage_date = UNSET
        elif isinstance(self.usage_date, datetime.date):
            usage_date = self.usage_date.isoformat()
        else:
            usage_date = self.usage_date

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "quantity": quantity,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if usage_date is not UNSET:
            field_dict["usage_date"] = usage_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_quantity(data: object) -> float | str:
            return cast(float | str, data)

        quantity = _parse_quantity(d.pop("quantity"))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_usage_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                usage_date_type_0 = datetime.date.fromisoformat(data)

                return usage_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        usage_date = _parse_usage_date(d.pop("usage_date", UNSET))

        usage_record_in = cls(
            quantity=quantity,
            description=description,
            usage_date=usage_date,
        )

        return usage_record_in
