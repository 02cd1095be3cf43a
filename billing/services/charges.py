"""Building blocks (no transaction of their own): the charges a subscription's life makes, and
bringing a locked subscription's period up to a date. Shared by the subscription services and
the billing run, so a change and a run price the same event the same way."""

import datetime
import itertools

from django.db.models import Sum

from billing.compute import fraction, period_end_after, period_price, prorate
from billing.models import Charge, UsageRecord
from common.money import round_amount


def _span(start, end) -> str:
    return f"{start.isoformat()} to {(end - datetime.timedelta(days=1)).isoformat()}"


def new_charge(*, sub, at, bill_on, **fields) -> Charge:
    return Charge(
        marketplace_id=sub.marketplace_id, company_id=sub.company.payer_id,
        billed_company_id=sub.company_id, user_id=sub.user_id, currency=sub.currency,
        subscription=sub, product_id=sub.product_id, bill_on=bill_on, created_at=at, **fields,
    )


def price_of(sub, *, plan=None, quantity=None):
    """The subscription's price for a whole period (with its own discount)."""
    plan = plan or sub.plan
    return period_price(
        quantity=quantity if quantity is not None else sub.quantity,
        unit_price=sub.unit_price if plan.pk == sub.plan_id else plan.unit_price,
        discount_percent=sub.discount_percent, discount_amount=sub.discount_amount,
        currency=sub.currency,
    )


def period_charge(*, sub, action: str, at) -> Charge | None:
    """The current period's price, charged in advance (flat and per-seat plans)."""
    if not sub.plan.in_advance:
        return None
    price = price_of(sub)
    return new_charge(
        sub=sub, at=at, bill_on=sub.period_start, name=sub.plan.name,
        description=_span(sub.period_start, sub.period_end), billing_action=action,
        quantity=price.quantity, unit_price=price.unit_price, discount_amount=price.discount,
        tax_rate=sub.tax_rate, period_start=sub.period_start, period_end=sub.period_end,
    )


def unused_credit(*, sub, on, action: str, at) -> Charge | None:
    """Credit for the part of the current period from `on` that was charged in advance."""
    if not sub.plan.in_advance:
        return None
    left, days = fraction(start=sub.period_start, end=sub.period_end, on=on)
    credit = prorate(price_of(sub).net, left, days, sub.currency)
    if credit == 0:
        return None
    return new_charge(
        sub=sub, at=at, bill_on=on, name=f"Unused time on {sub.plan.name}",
        description=f"{left} of {days} days, {_span(on, sub.period_end)}",
        billing_action=action, quantity=1, unit_price=-credit, tax_rate=sub.tax_rate,
        period_start=on, period_end=sub.period_end,
    )


def remaining_charge(*, sub, on, action: str, at) -> Charge | None:
    """The (already changed) subscription's price for the rest of its period from `on`."""
    if not sub.plan.in_advance:
        return None
    left, days = fraction(start=sub.period_start, end=sub.period_end, on=on)
    price = price_of(sub)
    gross = prorate(price.gross, left, days, sub.currency)
    if gross == 0:
        return None
    return new_charge(
        sub=sub, at=at, bill_on=on, name=f"Remaining time on {sub.plan.name}",
        description=f"{left} of {days} days, {_span(on, sub.period_end)}",
        billing_action=action, quantity=1, unit_price=gross,
        discount_amount=prorate(price.discount, left, days, sub.currency),
        tax_rate=sub.tax_rate, period_start=on, period_end=sub.period_end,
    )


def rate_usage(*, sub, until, at, position=0) -> Charge | None:
    """Rate the unrated usage dated before `until` (a metered plan) at the plan's price; the
    records are marked rated. A negative sum is a credit (billing action `usage`)."""
    records = UsageRecord.objects.filter(subscription=sub, rated=False, usage_date__lt=until)
    units = records.aggregate(s=Sum("quantity"))["s"]
    if units is None:
        sub.usage_rated_until = until
        return None
    charge = None
    if units != 0:
        c = sub.currency
        quantity, unit_price = abs(units), sub.unit_price
        gross = round_amount(quantity * unit_price, c)
        discount = round_amount(gross * sub.discount_percent, c)
        if units < 0 and discount:
            # A credit carries no discount field: credit the discounted amount.
            quantity, unit_price, discount = 1, gross - discount, 0
        charge = new_charge(
            sub=sub, at=at, bill_on=until, name=f"{sub.plan.name} usage",
            description=f"{units.normalize():f} units, {_span(sub.period_start, until)}",
            billing_action="usage", quantity=quantity,
            unit_price=unit_price if units > 0 else -unit_price,
            discount_amount=discount if units > 0 else 0, tax_rate=sub.tax_rate,
            period_start=sub.period_start, period_end=until, position=position,
        )
        charge.save()
    records.update(rated=True, charge=charge)
    sub.usage_rated_until = until
    return charge


def apply_scheduled_change(sub) -> None:
    if sub.scheduled_plan_id:
        sub.plan = sub.scheduled_plan
        sub.unit_price = sub.plan.unit_price
        sub.tax_rate = sub.plan.tax_rate
    if sub.scheduled_quantity is not None:
        sub.quantity = sub.scheduled_quantity
    sub.scheduled_plan = None
    sub.scheduled_quantity = None


def roll_forward(*, sub, to: datetime.date, at, positions=None) -> list[Charge]:
    """Move a locked, active subscription through every period that ended by `to`: rate the
    ended period's usage, end it if it was cancelled at period end, apply a change scheduled
    for period end, and charge each new period in advance (`renewal`). Returns the unsaved
    renewal charges (rated usage is saved at once: its records point at it). `positions`
    numbers the charges made at one moment, so that documents list them in a stable order."""
    positions = positions if positions is not None else itertools.count()
    charges = []
    while sub.status == "active" and sub.period_end <= to:
        end = sub.period_end
        if not sub.plan.in_advance:
            rate_usage(sub=sub, until=end, at=at, position=next(positions))
        if sub.cancel_at_period_end:
            sub.status, sub.ended_on = "cancelled", end
            break
        apply_scheduled_change(sub)
        sub.period_start = end
        sub.period_end = period_end_after(anchor=sub.anchor_date, start=end,
                                          interval=sub.plan.interval)
        charge = period_charge(sub=sub, action="renewal", at=at)
        if charge is not None:
            charge.position = next(positions)
            charges.append(charge)
    return charges


ROLL_FIELDS = ["status", "ended_on", "plan", "unit_price", "tax_rate", "quantity",
               "scheduled_plan", "scheduled_quantity", "period_start", "period_end",
               "usage_rated_until"]
