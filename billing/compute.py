"""Billing arithmetic, pure: periods, proration, discounts, and the split of a customer's
charges into documents. Nothing here touches the database.

Periods are [start, end): `end` is the next period's first day. A monthly period ends on the
anchor's day of the month (the 31st falls back to a shorter month's last day and comes back).

Proration is by day. A change on date d inside [start, end) takes effect at the start of d:
the old price covers [start, d), the new one [d, end). The unused part of what was charged in
advance is credited as   round(net x (end - d) / (end - start))   and the new price charged as
round(net' x (end - d) / (end - start)), each rounded half-up once (common.money). On day 16 of
a 30-day month, 15 days remain: 15/30 of the period.

Discounts, all before any credit is applied: a subscription's own discount (a fraction and a
fixed amount off each period) goes on its lines; a customer's document discounts (a fraction,
or a fixed amount capped at the charges) are then shared over the document's charge lines in
proportion to their net (the last line takes what rounding left). A credit line (a negative
unit price) carries no discount field: its price is already the discounted one, so that the
unused part credited is the part of what was actually paid.
"""

import calendar
import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from common.money import ZERO, allocate_cumulative, round_amount

MEMO_ORIGINS = {
    "downgrade": "downgrade",
    "cancellation": "cancellation",
    "usage": "negative_usage",
    "correction": "order_correction",
}


def day_of(at: datetime.datetime) -> datetime.date:
    """The UTC day of a moment: what a change `at` that moment takes effect on."""
    return at.astimezone(datetime.UTC).date()


def add_months(anchor: datetime.date, months: int) -> datetime.date:
    total = anchor.year * 12 + anchor.month - 1 + months
    year, month = divmod(total, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(anchor.day, last))


def interval_months(interval: str) -> int:
    return 12 if interval == "year" else 1


def period_end_after(*, anchor: datetime.date, start: datetime.date, interval: str):
    """The end of the period that starts on `start`, keeping to the anchor's day."""
    step = interval_months(interval)
    months = (start.year - anchor.year) * 12 + start.month - anchor.month
    end = add_months(anchor, months + step)
    while end <= start:  # `start` was clamped to a month's end before the anchor's day
        months += step
        end = add_months(anchor, months + step)
    return end


def fraction(*, start: datetime.date, end: datetime.date, on: datetime.date) -> tuple[int, int]:
    """(days left from `on` to `end`, days in [start, end))."""
    return (end - on).days, (end - start).days


def prorate(amount: Decimal, days: int, of_days: int, currency: str) -> Decimal:
    if days == of_days:
        return amount
    return round_amount(amount * days / of_days, currency)


@dataclass
class PeriodPrice:
    """A period's price for a subscription: gross (quantity x unit price) and discount."""

    quantity: Decimal
    unit_price: Decimal
    gross: Decimal
    discount: Decimal

    @property
    def net(self) -> Decimal:
        return self.gross - self.discount


def period_price(*, quantity, unit_price, discount_percent, discount_amount,
                 currency: str) -> PeriodPrice:
    gross = round_amount(quantity * unit_price, currency)
    discount = round_amount(gross * discount_percent, currency) + discount_amount
    return PeriodPrice(quantity, unit_price, gross, min(discount, gross))


@dataclass
class Line:
    """A document line to be: a charge (unit price >= 0) or a credit (unit price < 0)."""

    name: str
    billing_action: str
    quantity: Decimal
    unit_price: Decimal
    discount_amount: Decimal = ZERO
    tax_rate: Decimal = ZERO
    description: str = ""
    # Its VAT category and exemption reason (common.tax; the run decides them).
    tax_category: str = "S"
    tax_exemption_reason_code: str = ""
    tax_exemption_reason: str = ""
    product_id: object = None
    subscription_id: object = None
    period_start: object = None
    period_end: object = None
    charge_ids: list = field(default_factory=list)

    def gross(self, currency) -> Decimal:
        return round_amount(self.quantity * self.unit_price, currency)

    def net(self, currency) -> Decimal:
        return self.gross(currency) - self.discount_amount

    def tax(self, currency) -> Decimal:
        return round_amount(self.net(currency) * self.tax_rate, currency)


@dataclass
class DocumentDiscount:
    kind: str  # "percent" or "fixed"
    percent: Decimal = ZERO
    amount: Decimal = ZERO
    description: str = ""


def apply_document_discounts(*, lines: list[Line], discounts: list[DocumentDiscount],
                             currency: str) -> Decimal:
    """Add each document discount to the charge lines' `discount_amount`, shared in
    proportion to their net; returns the total taken off. Percentages go first, each on what
    is left, then fixed amounts, capped at what is left."""
    taken = ZERO
    ordered = sorted(discounts, key=lambda d: d.kind != "percent")
    for discount in ordered:
        charges = [line for line in lines if line.net(currency) > 0]
        base = sum((line.net(currency) for line in charges), ZERO)
        if base <= 0:
            break
        if discount.kind == "percent":
            total = round_amount(base * discount.percent, currency)
        else:
            total = min(discount.amount, base)
        before = allocated = ZERO
        for line in charges:
            net = line.net(currency)
            share = allocate_cumulative(total=total, base=base, before=before, now=net,
                                        allocated_before=allocated, currency=currency)
            line.discount_amount += share
            before += net
            allocated += share
        taken += total
    return taken


@dataclass
class Document:
    """One customer document: an invoice (total >= 0) or a credit memo (total < 0 as an
    invoice; its lines are then the same lines with their signs turned)."""

    lines: list[Line]
    currency: str
    subtotal: Decimal
    tax_total: Decimal

    @property
    def total(self) -> Decimal:
        return self.subtotal + self.tax_total

    @property
    def kind(self) -> str:
        return "credit_memo" if self.total < 0 else "invoice"

    @property
    def origin(self) -> str:
        """A memo's origin: that of its largest credit line (by its net)."""
        credits = [line for line in self.lines if line.net(self.currency) < 0]
        largest = min(credits, key=lambda line: line.net(self.currency))
        return MEMO_ORIGINS.get(largest.billing_action, "downgrade")


def document(*, lines: list[Line], discounts: list[DocumentDiscount],
             currency: str) -> Document:
    apply_document_discounts(lines=lines, discounts=discounts, currency=currency)
    subtotal = sum((line.net(currency) for line in lines), ZERO)
    tax = sum((line.tax(currency) for line in lines), ZERO)
    return Document(lines=lines, currency=currency, subtotal=subtotal, tax_total=tax)
