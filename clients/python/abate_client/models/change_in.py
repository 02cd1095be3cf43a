from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.change_in_effective_type_0 import ChangeInEffectiveType0, check_change_in_effective_type_0
from ..types import UNSET, Unset

T = TypeVar("T", bound="ChangeIn")


@_attrs_define
class ChangeIn:
    """
    Attributes:
        effective (ChangeInEffectiveType0 | None | Unset): `immediately` (default): prorated by day from today;
            `period_end`: at the next renewal, without proration
        plan_id (None | Unset | UUID): a plan in the subscription's currency (`422 currency_mismatch`)
        quantity (float | None | str | Unset): seats: per-seat plans; any other plan has 1 (`422 flat_plan_quantity`)
    """

    effective: ChangeInEffectiveType0 | None | Unset = UNSET
    plan_id: None | Unset | UUID = UNSET
    quantity: float | None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        effective: None | str | Unset
        if isinstance(self.effective, Unset):
            effective = UNSET
        elif isinstance(self.effective, str):
            effective = self.effective
        else:
            effective = self.effective

        plan_id: None | str | Unset
        if isinstance(self.plan_id, Unset):
            plan_id = UNSET
        elif isinstance(self.plan_id, UUID):
            plan_id = str(self.plan_id)
        else:
            plan_id = self.plan_id

        quantity: float | None | str | Unset
        if isinstance(self.quantity, Unset):
            quantity = UNSET
        else:
            quantity = self.quantity

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if effective is not UNSET:
            field_dict["effective"] = effective
        if plan_id is not UNSET:
            field_dict["plan_id"] = plan_id
        if quantity is not UNSET:
            field_dict["quantity"] = quantity

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_effective(data: object) -> ChangeInEffectiveType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                effective_type_0 = check_change_in_effective_type_0(data)

                return effective_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChangeInEffectiveType0 | None | Unset, data)

        effective = _parse_effective(d.pop("effective", UNSET))

        def _parse_plan_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                plan_id_type_0 = UUID(data)

                return plan_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        plan_id = _parse_plan_id(d.pop("plan_id", UNSET))

        def _parse_quantity(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        quantity = _parse_quantity(d.pop("quantity", UNSET))

        change_in = cls(
            effective=effective,
            plan_id=plan_id,
            quantity=quantity,
        )

        return change_in
