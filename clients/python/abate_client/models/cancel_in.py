from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CancelIn")


@_attrs_define
class CancelIn:
    """
    Attributes:
        at_period_end (bool | None | Unset): false (default): now, the unused part credited; true: at the period's end,
            no credit
    """

    at_period_end: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        at_period_end: bool | None | Unset
        if isinstance(self.at_period_end, Unset):
            at_period_end = UNSET
        else:
            at_period_end = self.at_period_end

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if at_period_end is not UNSET:
            field_dict["at_period_end"] = at_period_end

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_at_period_end(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        at_period_end = _parse_at_period_end(d.pop("at_period_end", UNSET))

        cancel_in = cls(
            at_period_end=at_period_end,
        )

        return cancel_in
