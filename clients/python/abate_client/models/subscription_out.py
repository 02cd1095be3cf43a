from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.subscription_out_interval_type_0 import (
    SubscriptionOutIntervalType0,
    check_subscription_out_interval_type_0,
)
from ..models.subscription_out_scheme_type_0 import SubscriptionOutSchemeType0, check_subscription_out_scheme_type_0
from ..models.subscription_out_status import SubscriptionOutStatus, check_subscription_out_status

if TYPE_CHECKING:
    from ..models.scheduled_change_out import ScheduledChangeOut


T = TypeVar("T", bound="SubscriptionOut")


@_attrs_define
class SubscriptionOut:
    """
    Attributes:
        cancel_at_period_end (bool):
        cancelled_at (datetime.datetime | None):
        company_id (UUID):
        created_at (datetime.datetime):
        currency (str): ISO 4217 code
        discount_amount (str): decimal string with the currency's minor digits
        discount_percent (str): decimal string
        ended_on (datetime.date | None):
        id (UUID):
        interval (None | SubscriptionOutIntervalType0):
        object_ (Literal['subscription']):
        period_end (datetime.date | None):
        period_start (datetime.date | None): the current period is [period_start, period_end)
        plan_code (None | str):
        plan_id (None | UUID):
        product_id (UUID):
        product_name (str):
        quantity (str): decimal string
        scheduled_change (None | ScheduledChangeOut):
        scheme (None | SubscriptionOutSchemeType0):
        status (SubscriptionOutStatus):
        tax_rate (str): decimal string
        unit_price (str): decimal string with the currency's minor digits
        user_id (None | UUID):
    """

    cancel_at_period_end: bool
    cancelled_at: datetime.datetime | None
    company_id: UUID
    created_at: datetime.datetime
    currency: str
    discount_amount: str
    discount_percent: str
    ended_on: datetime.date | None
    id: UUID
    interval: None | SubscriptionOutIntervalType0
    object_: Literal["subscription"]
    period_end: datetime.date | None
    period_start: datetime.date | None
    plan_code: None | str
    plan_id: None | UUID
    product_id: UUID
    product_name: str
    quantity: str
    scheduled_change: None | ScheduledChangeOut
    scheme: None | SubscriptionOutSchemeType0
    status: SubscriptionOutStatus
    tax_rate: str
    unit_price: str
    user_id: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.scheduled_change_out import ScheduledChangeOut  # noqa: PLC0415

        cancel_at_period_end = self.cancel_at_period_end

        cancelled_at: None | str
        if isinstance(self.cancelled_at, datetime.datetime):
            cancelled_at = self.cancelled_at.isoformat()
        else:
            cancelled_at = self.cancelled_at

        company_id = str(self.company_id)

        created_at = self.created_at.isoformat()

        currency = self.currency

        discount_amount = self.discount_amount

        discount_percent = self.discount_percent

        ended_on: None | str
        if isinstance(self.ended_on, datetime.date):
            ended_on = self.ended_on.isoformat()
        else:
            ended_on = self.ended_on

        id = str(self.id)

        interval: None | str
        if isinstance(self.interval, str):
            interval = self.interval
        else:
            interval = self.interval

        object_ = self.object_

        period_end: None | str
        if isinstance(self.period_end, datetime.date):
            period_end = self.period_end.isoformat()
        else:
            period_end = self.period_end

        period_start: None | str
        if isinstance(self.period_start, datetime.date):
            period_start = self.period_start.isoformat()
        else:
            period_start = self.period_start

        plan_code: None | str
        plan_code = self.plan_code

        plan_id: None | str
        if isinstance(self.plan_id, UUID):
            plan_id = str(self.plan_id)
        else:
            plan_id = self.plan_id

        product_id = str(self.product_id)

        product_name = self.product_name

        quantity = self.quantity

        scheduled_change: dict[str, Any] | None
        if isinstance(self.scheduled_change, ScheduledChangeOut):
            scheduled_change = self.scheduled_change.to_dict()
        else:
            scheduled_change = self.scheduled_change

        scheme: None | str
        if isinstance(self.scheme, str):
            scheme = self.scheme
        else:
            scheme = self.scheme

        status: str = self.status

        tax_rate = self.tax_rate

        unit_price = self.unit_price

        user_id: None | str
        if isinstance(self.user_id, UUID):
            user_id = str(self.user_id)
        else:
            user_id = self.user_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cancel_at_period_end": cancel_at_period_end,
                "cancelled_at": cancelled_at,
                "company_id": company_id,
                "created_at": created_at,
                "currency": currency,
                "discount_amount": discount_amount,
                "discount_percent": discount_percent,
                "ended_on": ended_on,
                "id": id,
                "interval": interval,
                "object": object_,
                "period_end": period_end,
                "period_start": period_start,
                "plan_code": plan_code,
                "plan_id": plan_id,
                "product_id": product_id,
                "product_name": product_name,
                "quantity": quantity,
                "scheduled_change": scheduled_change,
                "scheme": scheme,
                "status": status,
                "tax_rate": tax_rate,
                "unit_price": unit_price,
                "user_id": user_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scheduled_change_out import ScheduledChangeOut  # noqa: PLC0415

        d = dict(src_dict)
        cancel_at_period_end = d.pop("cancel_at_period_end")

        def _parse_cancelled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cancelled_at_type_0 = datetime.datetime.fromisoformat(data)

                return cancelled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        cancelled_at = _parse_cancelled_at(d.pop("cancelled_at"))

        company_id = UUID(d.pop("company_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        discount_amount = d.pop("discount_amount")

        discount_percent = d.pop("discount_percent")

        def _parse_ended_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_on_type_0 = datetime.date.fromisoformat(data)

                return ended_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ended_on = _parse_ended_on(d.pop("ended_on"))

        id = UUID(d.pop("id"))

        def _parse_interval(data: object) -> None | SubscriptionOutIntervalType0:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                interval_type_0 = check_subscription_out_interval_type_0(data)

                return interval_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SubscriptionOutIntervalType0, data)

        interval = _parse_interval(d.pop("interval"))

        object_ = cast(Literal["subscription"], d.pop("object"))
        if object_ != "subscription":
            raise ValueError(f"object must match const 'subscription', got '{object_}'")

        def _parse_period_end(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_end_type_0 = datetime.date.fromisoformat(data)

                return period_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        period_end = _parse_period_end(d.pop("period_end"))

        def _parse_period_start(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_start_type_0 = datetime.date.fromisoformat(data)

                return period_start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        period_start = _parse_period_start(d.pop("period_start"))

        def _parse_plan_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        plan_code = _parse_plan_code(d.pop("plan_code"))

        def _parse_plan_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                plan_id_type_0 = UUID(data)

                return plan_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        plan_id = _parse_plan_id(d.pop("plan_id"))

        product_id = UUID(d.pop("product_id"))

        product_name = d.pop("product_name")

        quantity = d.pop("quantity")

        def _parse_scheduled_change(data: object) -> None | ScheduledChangeOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                scheduled_change_type_0 = ScheduledChangeOut.from_dict(data)

                return scheduled_change_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ScheduledChangeOut, data)

        scheduled_change = _parse_scheduled_change(d.pop("scheduled_change"))

        def _parse_scheme(data: object) -> None | SubscriptionOutSchemeType0:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                scheme_type_0 = check_subscription_out_scheme_type_0(data)

                return scheme_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SubscriptionOutSchemeType0, data)

        scheme = _parse_scheme(d.pop("scheme"))

        status = check_subscription_out_status(d.pop("status"))

        tax_rate = d.pop("tax_rate")

        unit_price = d.pop("unit_price")

        def _parse_user_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                user_id_type_0 = UUID(data)

                return user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        user_id = _parse_user_id(d.pop("user_id"))

        subscription_out = cls(
            cancel_at_period_end=cancel_at_period_end,
            cancelled_at=cancelled_at,
            company_id=company_id,
            created_at=created_at,
            currency=currency,
            discount_amount=discount_amount,
            discount_percent=discount_percent,
            ended_on=ended_on,
            id=id,
            interval=interval,
            object_=object_,
            period_end=period_end,
            period_start=period_start,
            plan_code=plan_code,
            plan_id=plan_id,
            product_id=product_id,
            product_name=product_name,
            quantity=quantity,
            scheduled_change=scheduled_change,
            scheme=scheme,
            status=status,
            tax_rate=tax_rate,
            unit_price=unit_price,
            user_id=user_id,
        )

        subscription_out.additional_properties = d
        return subscription_out

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
