"""Subscriptions: start, change (plan or quantity, now or at period end), cancel (now or at
period end), and their metered usage. Each change leaves charges for the next billing run; none
issues a document itself. Time is passed in: a change `at` a moment takes effect at the start
of that day (UTC)."""

import datetime
import itertools
from decimal import Decimal

from billing import locks
from billing.compute import add_months, day_of, period_end_after
from billing.models import UsageRecord
from billing.services.charges import (
    ROLL_FIELDS,
    period_charge,
    price_of,
    rate_usage,
    remaining_charge,
    roll_forward,
    unused_credit,
)
from catalog.models import Plan, Subscription
from common.errors import BusinessRule, InvalidInput, InvalidState, NotFound
from common.ids import find, parse_id
from common.money import parse_amount, parse_quantity, parse_rate
from common.parsing import parse_bool, parse_choice, parse_date, parse_text
from common.transactions import service
from credits.services.errors import OwnCompany
from invoicing.services import resolve_customer

EFFECTIVE = ("immediately", "period_end")


class NotMetered(BusinessRule):
    code = "not_metered"


class UsagePeriodClosed(BusinessRule):
    code = "usage_period_closed"


class CurrencyMismatch(BusinessRule):
    code = "currency_mismatch"


class FlatQuantity(BusinessRule):
    code = "flat_plan_quantity"


class StartDateOutOfRange(BusinessRule):
    """A well-formed date outside the window around today (which no schema can hold)."""

    code = "start_date_out_of_range"


def plan_get(*, marketplace, plan_id, param="plan_id") -> Plan:
    pk = parse_id(plan_id)
    plan = (Plan.objects.select_related("product").filter(marketplace=marketplace, pk=pk).first()
            if pk else None)
    if plan is None:
        raise NotFound("no such plan", param=param)
    return plan


def subscription_get(*, marketplace, subscription_id, param="id") -> Subscription:
    return find(Subscription.objects.filter(marketplace=marketplace), subscription_id,
                what="subscription", param=param)


def _quantity(value, plan, *, param="quantity") -> Decimal:
    quantity = parse_quantity(value if value is not None else "1", param=param)
    if plan.scheme != "per_seat" and quantity != 1:
        raise FlatQuantity(f"a {plan.scheme} plan has a quantity of 1", param=param)
    return quantity


def _start_date(value, *, today: datetime.date) -> datetime.date:
    """Default today; within a year of today either way: further back, the first run would
    charge years of periods at once, further ahead (9999-12-31) no period can be computed."""
    start = parse_date(value, param="start_date") or today
    earliest, latest = add_months(today, -12), add_months(today, 12)
    if not earliest <= start <= latest:
        raise StartDateOutOfRange(f"start_date is a day from {earliest} to {latest}",
                                  param="start_date")
    return start


@service
def subscription_create(*, marketplace, company_id, plan_id, user_id=None, quantity=None,
                        start_date=None, unit_price=None, discount_percent=None,
                        discount_amount=None, actor, at) -> Subscription:
    """Starts on `start_date` (default: the day of `at`; within a year of it); a flat or
    per-seat plan's first period is charged in advance, billed by the first run on or after
    that day."""
    payer, billed, user = resolve_customer(marketplace=marketplace, company_id=company_id,
                                           user_id=user_id)
    if payer.is_own or billed.is_own:
        raise OwnCompany("the marketplace's own company is not billed", param="company_id")
    plan = plan_get(marketplace=marketplace, plan_id=plan_id)
    if plan.currency != payer.currency:
        raise CurrencyMismatch(f"the plan is in {plan.currency}, the payer pays in "
                               f"{payer.currency}", param="plan_id")
    start = _start_date(start_date, today=day_of(at))
    c = plan.currency
    sub = Subscription(
        marketplace=marketplace, company=billed, user=user, product=plan.product, plan=plan,
        quantity=_quantity(quantity, plan),
        unit_price=plan.unit_price if unit_price is None
        else parse_amount(unit_price, c, param="unit_price"),
        tax_rate=plan.tax_rate,
        discount_percent=parse_rate(discount_percent if discount_percent is not None else "0",
                                    param="discount_percent"),
        discount_amount=parse_amount(discount_amount if discount_amount is not None else "0",
                                     c, param="discount_amount"),
        currency=c, anchor_date=start, period_start=start,
        period_end=period_end_after(anchor=start, start=start, interval=plan.interval),
        status="active", created_at=at,
    )
    sub.save()
    charge = period_charge(sub=sub, action="renewal", at=at)
    if charge is not None:
        charge.save()
    return sub


def _lock_and_roll(*, marketplace, subscription_id, at):
    """The locked subscription, brought up to the day of `at`; the day a change takes
    effect (that day, or the period's start if the subscription has not started yet); and
    the numbering of the charges made at this moment."""
    found = subscription_get(marketplace=marketplace, subscription_id=subscription_id)
    sub = locks.subscription(marketplace=marketplace, id=found.pk)
    day = day_of(at)
    positions = itertools.count()
    for charge in roll_forward(sub=sub, to=day, at=at, positions=positions):
        charge.save()
    if sub.status != "active":
        sub.save(update_fields=ROLL_FIELDS)
        raise InvalidState(f"the subscription is {sub.status}")
    return sub, max(day, sub.period_start), positions


def _yearly(price, interval) -> Decimal:
    return price.net * (12 if interval == "month" else 1)


@service
def subscription_change(*, marketplace, subscription_id, plan_id=None, quantity=None,
                        effective="immediately", actor, at) -> Subscription:
    """Change the plan and/or the quantity. `immediately`: the unused part of the period is
    credited and the rest charged at the new price (billing action `upgrade` or `downgrade`,
    by the yearly price); a new interval starts a new period that day. `period_end`: the
    change waits for the renewal."""
    effective = parse_choice(effective, EFFECTIVE, param="effective", default="immediately")
    sub, on, positions = _lock_and_roll(marketplace=marketplace,
                                        subscription_id=subscription_id, at=at)
    new_plan = sub.plan if plan_id is None else plan_get(marketplace=marketplace,
                                                         plan_id=plan_id)
    if new_plan.currency != sub.currency:
        raise CurrencyMismatch(f"the plan is in {new_plan.currency}, the subscription in "
                               f"{sub.currency}", param="plan_id")
    if quantity is None:
        new_quantity = sub.quantity if new_plan.scheme == "per_seat" else Decimal(1)
    else:
        new_quantity = _quantity(quantity, new_plan)
    if plan_id is None and quantity is None:
        raise InvalidInput("give plan_id or quantity", param="plan_id")
    if effective == "period_end":
        sub.scheduled_plan = new_plan if new_plan.pk != sub.plan_id else None
        sub.scheduled_quantity = new_quantity
        sub.save(update_fields=ROLL_FIELDS)
        return sub
    old_plan = sub.plan
    old = price_of(sub)
    new = price_of(sub, plan=new_plan, quantity=new_quantity)
    if new_plan.pk == old_plan.pk and new_quantity == sub.quantity:
        sub.save(update_fields=ROLL_FIELDS)
        return sub
    action = ("downgrade" if _yearly(new, new_plan.interval) < _yearly(old, old_plan.interval)
              else "upgrade")
    charges = []
    if old_plan.in_advance:
        charges.append(unused_credit(sub=sub, on=on, action=action, at=at))
    else:
        rate_usage(sub=sub, until=on, at=at, position=next(positions))
    if new_plan.pk != old_plan.pk:
        sub.plan, sub.unit_price, sub.tax_rate = new_plan, new_plan.unit_price, new_plan.tax_rate
        if not new_plan.in_advance:
            sub.usage_rated_until = on
    sub.quantity = new_quantity
    if new_plan.interval != old_plan.interval:
        sub.anchor_date = sub.period_start = on
        sub.period_end = period_end_after(anchor=on, start=on, interval=new_plan.interval)
        charges.append(period_charge(sub=sub, action=action, at=at))
    else:
        charges.append(remaining_charge(sub=sub, on=on, action=action, at=at))
    sub.save(update_fields=[*ROLL_FIELDS, "anchor_date"])
    for charge in charges:
        if charge is not None:
            charge.position = next(positions)
            charge.save()
    return sub


@service
def subscription_cancel(*, marketplace, subscription_id, at_period_end=False, actor,
                        at) -> Subscription:
    """Immediately: the unused part of the period is credited (`cancellation`) and metered
    usage so far (that of the day included) is rated; at period end: no credit, the
    subscription ends at the renewal."""
    at_period_end = parse_bool(at_period_end, param="at_period_end", default=False)
    sub, on, positions = _lock_and_roll(marketplace=marketplace,
                                        subscription_id=subscription_id, at=at)
    sub.cancelled_at = at
    if at_period_end:
        sub.cancel_at_period_end = True
        sub.save(update_fields=[*ROLL_FIELDS, "cancelled_at", "cancel_at_period_end"])
        return sub
    if sub.plan.in_advance:
        charge = unused_credit(sub=sub, on=on, action="cancellation", at=at)
        if charge is not None:
            charge.position = next(positions)
            charge.save()
    else:
        # Usage dated on the day of the cancellation was used before it: rate it too.
        rate_usage(sub=sub, until=on + datetime.timedelta(days=1), at=at,
                   position=next(positions))
    sub.status, sub.ended_on, sub.cancel_at_period_end = "cancelled", on, False
    sub.scheduled_plan = sub.scheduled_quantity = None
    sub.save(update_fields=[*ROLL_FIELDS, "cancelled_at", "cancel_at_period_end"])
    return sub


def _signed_quantity(value, *, param="quantity") -> Decimal:
    """A usage quantity: any non-zero decimal, negative for a correction."""
    negative = False
    if isinstance(value, str) and value.strip().startswith("-"):
        negative, value = True, value.strip()[1:]
    elif isinstance(value, (int, float, Decimal)) and not isinstance(value, bool) and value < 0:
        negative, value = True, -value
    quantity = parse_quantity(value, param=param)
    return -quantity if negative else quantity


@service
def usage_record_create(*, marketplace, subscription_id, quantity, usage_date=None,
                        description="", actor, at) -> UsageRecord:
    """Units used on a metered subscription on `usage_date` (default: the day of `at`),
    rated at the end of the period it falls in. A period already rated is closed."""
    found = subscription_get(marketplace=marketplace, subscription_id=subscription_id)
    sub = locks.subscription(marketplace=marketplace, id=found.pk)
    if sub.plan.in_advance:
        raise NotMetered("usage is recorded on metered plans only", param="subscription_id")
    quantity = _signed_quantity(quantity)
    on = parse_date(usage_date, param="usage_date") or day_of(at)
    if sub.status != "active":
        raise InvalidState(f"the subscription is {sub.status}")
    if on < (sub.usage_rated_until or sub.period_start):
        raise UsagePeriodClosed(f"usage before {sub.usage_rated_until or sub.period_start} "
                                "has been rated", param="usage_date")
    return UsageRecord.objects.create(
        marketplace=marketplace, subscription=sub, quantity=quantity, usage_date=on,
        description=parse_text(description, param="description"), created_at=at,
    )
