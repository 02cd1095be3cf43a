from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SubscriptionIn")


@_attrs_define
class SubscriptionIn:
    """
    Attributes:
        company_id (UUID): the customer (billed through its reseller, if it has one)
        plan_id (UUID): a plan in the payer's currency (`422 currency_mismatch`)
        discount_amount (float | None | str | Unset): off each period; default 0
        discount_percent (float | None | str | Unset): off each period, a fraction ("0.10" = 10 %); default 0
        quantity (float | None | str | Unset): seats: per-seat plans; any other plan has 1 (`422 flat_plan_quantity`)
        start_date (datetime.date | None | Unset): YYYY-MM-DD, default today (UTC); within a year of today either way
            (`422 start_date_out_of_range`)
        unit_price (float | None | str | Unset): default: the plan's
        user_id (None | Unset | UUID):
    """

    company_id: UUID
    plan_id: UUID
    discount_amount: float | None | str | Unset = UNSET
    discount_percent: float | None | str | Unset = UNSET
    quantity: float | None | str | Unset = UNSET
    start_date: datetime.date | None | Unset = UNSET
    unit_price: float | None | str | Unset = UNSET
    user_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        company_id = str(self.company_id)

        plan_id = str(self.plan_id)

        discount_amount: float | None | str | Unset
        if isinstance(self.discount_amount, Unset):
            discount_amount = UNSET
        else:
            discount_amount = self.discount_amount

        discount_percent: float | None | str | Unset
        if isinstance(self.discount_percent, Unset):
            discount_percent = UNSET
        else:
            discount_percent = self.discount_percent

        quantity: float | None | str | Unset
        if isinstance(self.quantity, Unset):
            quantity = UNSET
        else:
            quantity = self.quantity

        start_date: None | str | Unset
        if isinstance(self.start_date, Unset):
            start_date = UNSET
        elif isinstance(self.start_date, datetime.date):
            start_date = self.start_date.isoformat()
        else:
            start_date = self.start_date

        unit_price: float | None | str | Unset
        if isinstance(self.unit_price, Unset):
            unit_price = UNSET
        else:
            unit_price = self.unit_price

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
                "plan_id": plan_id,
            }
        )
        if discount_amount is not UNSET:
            field_dict["discount_amount"] = discount_amount
        if discount_percent is not UNSET:
            field_dict["discount_percent"] = discount_percent
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if start_date is not UNSET:
            field_dict["start_date"] = start_date
        if unit_price is not UNSET:
            field_dict["unit_price"] = unit_price
        if user_id is not UNSET:
            field_dict["user_id"] = user_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        company_id = UUID(d.pop("company_id"))

        plan_id = UUID(d.pop("plan_id"))

        def _parse_discount_amount(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        discount_amount = _parse_discount_amount(d.pop("discount_amount", UNSET))

        def _parse_discount_percent(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        discount_percent = _parse_discount_percent(d.pop("discount_percent", UNSET))

        def _parse_quantity(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        quantity = _parse_quantity(d.pop("quantity", UNSET))

        def _parse_start_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_date_type_0 = datetime.date.fromisoformat(data)

                return start_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        start_date = _parse_start_date(d.pop("start_date", UNSET))

        def _parse_unit_price(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        unit_price = _parse_unit_price(d.pop("unit_price", UNSET))

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

        subscription_in = cls(
            company_id=company_id,
            plan_id=plan_id,
            discount_amount=discount_amount,
            discount_percent=discount_percent,
            quantity=quantity,
            start_date=start_date,
            unit_price=unit_price,
            user_id=user_id,
        )

        return subscription_in
