"""Credit memo arithmetic, pure: what a memo would be, from an invoice or ad hoc. Preview
returns it; creation saves it. Reads happen before (the caller gathers the invoice lines and
what has been credited from them); nothing here touches the database."""

from dataclasses import dataclass, field
from decimal import Decimal

from common.errors import BusinessRule, InvalidInput
from common.money import (
    ZERO,
    allocate_cumulative,
    check_magnitude,
    format_amount,
    format_decimal,
    minor_digits,
    round_amount,
)


class ExceedsCreditableAmount(BusinessRule):
    code = "exceeds_creditable_amount"


class CreditTotalNotPositive(BusinessRule):
    code = "credit_total_not_positive"


@dataclass
class MemoLinePlan:
    name: str
    quantity: Decimal
    unit_price: Decimal
    amount: Decimal
    tax_rate: Decimal
    tax_amount: Decimal
    description: str = ""
    product: object = None
    subscription: object = None
    billing_action: str | None = None
    period_start: object = None
    period_end: object = None
    source_invoice_line: object = None
    custom_charge: bool = False
    tax_category: str = "S"
    tax_exemption_reason_code: str = ""
    tax_exemption_reason: str = ""

    @property
    def total(self) -> Decimal:
        return self.amount + self.tax_amount


@dataclass
class MemoPlan:
    currency: str
    lines: list[MemoLinePlan] = field(default_factory=list)

    @property
    def subtotal(self) -> Decimal:
        return sum((line.amount for line in self.lines), ZERO)

    @property
    def tax_total(self) -> Decimal:
        return sum((line.tax_amount for line in self.lines), ZERO)

    @property
    def total(self) -> Decimal:
        return self.subtotal + self.tax_total

    def check_total(self) -> None:
        check_magnitude(self.total, param="lines")
        if self.total <= 0:
            raise CreditTotalNotPositive("a credit memo's total must be above zero",
                                         param="lines")


@dataclass
class Credited:
    """What issued, non-void memos have credited from one invoice line so far."""

    amount: Decimal = ZERO
    tax: Decimal = ZERO


def kept_tax(line) -> dict:
    """What a credit of an invoice line keeps of its tax besides the rate: its category and
    exemption reason."""
    return {"tax_category": line.tax_category,
            "tax_exemption_reason_code": line.tax_exemption_reason_code,
            "tax_exemption_reason": line.tax_exemption_reason}


def credit_invoice_line(*, line, currency: str, credited: Credited, amount: Decimal | None,
                        quantity: Decimal | None, param: str) -> MemoLinePlan:
    """A memo line crediting `line` (an invoice line): `amount` (its magnitude) of its net,
    `quantity` units at its net unit price, or, with neither, all the line has left. Its tax
    follows the line's rate, allocated cumulatively so that all credits of the line together
    never exceed the line's tax, to the minor unit."""
    net = line.amount
    sign = Decimal(1) if net >= 0 else Decimal(-1)
    left = net - credited.amount  # same sign as net
    if quantity is not None:
        if quantity > line.quantity:
            raise ExceedsCreditableAmount(
                f"{quantity} is more than the line's quantity {format_decimal(line.quantity)}",
                param=f"{param}.quantity",
            )
        credit = round_amount(quantity * net / line.quantity, currency)
        line_quantity, unit_price = quantity, round_amount(net / line.quantity, currency)
    elif amount is not None:
        credit = sign * amount
        line_quantity, unit_price = Decimal(1), credit
    else:
        credit = left
        if credited.amount == 0:
            line_quantity, unit_price = line.quantity, round_amount(net / line.quantity, currency)
        else:
            line_quantity, unit_price = Decimal(1), credit
    if credit == 0 or abs(credit) > abs(left):
        raise ExceedsCreditableAmount(
            f"the line has {format_amount(abs(left), currency)} left to credit"
            if left else "the line is fully credited",
            param=param,
        )
    tax = allocate_cumulative(
        total=line.tax_amount, base=net, before=credited.amount, now=credit,
        allocated_before=credited.tax, currency=currency,
    )
    return MemoLinePlan(
        name=line.name, description=line.description, quantity=line_quantity,
        unit_price=unit_price, amount=credit, tax_rate=line.tax_rate, tax_amount=tax,
        product=line.product, subscription=line.subscription,
        billing_action=line.billing_action, period_start=line.period_start,
        period_end=line.period_end, source_invoice_line=line, **kept_tax(line),
    )


def memo_line(*, name, quantity: Decimal, unit_price: Decimal, tax_rate: Decimal,
              currency: str, amount: Decimal | None = None, **details) -> MemoLinePlan:
    """A memo line not tied to an invoice line: `amount` (net credit; a negative amount is a
    charge netted in the memo, as billing makes them) defaults to quantity x unit_price; tax
    at the line's rate."""
    if amount is None:
        amount = round_amount(quantity * unit_price, currency)
    return MemoLinePlan(name=name, quantity=quantity, unit_price=unit_price, amount=amount,
                        tax_rate=tax_rate, tax_amount=round_amount(amount * tax_rate, currency),
                        **details)


def credit_ad_hoc_line(*, name: str, quantity: Decimal, unit_price: Decimal, tax_rate: Decimal,
                       currency: str, param: str, **details) -> MemoLinePlan:
    """An ad hoc line credits: its unit price is not negative."""
    if unit_price < 0:
        raise InvalidInput("an ad hoc credit line's unit_price may not be negative",
                           param=f"{param}.unit_price")
    amount = round_amount(quantity * unit_price, currency)
    check_magnitude(amount, param=param)
    return memo_line(name=name, quantity=quantity, unit_price=unit_price, tax_rate=tax_rate,
                     currency=currency, amount=amount, **details)


def _line_tax(*, line, credited: Credited, net: Decimal, currency: str) -> Decimal:
    """The tax that goes with crediting `net` more of `line`, as any partial credit takes it."""
    return allocate_cumulative(total=line.tax_amount, base=line.amount, before=credited.amount,
                               now=net, allocated_before=credited.tax, currency=currency)


def _split_gross(*, line, credited: Credited, gross: Decimal, currency: str) -> Decimal:
    """The net part of `gross` credited from `line` (the rest is its tax): the least net
    whose tax, allocated as partial credits allocate it, makes at least `gross`. So the tax
    is never more than a partial credit of that net would take, and later partial credits of
    the line keep a tax share of zero or more. One exception: a net that would credit the
    line in full but leave some of its tax keeps its last minor unit instead (and takes a
    minor unit more tax), so that a line credited to its net is always credited to its tax."""
    sign = Decimal(1) if line.amount >= 0 else Decimal(-1)
    unit = Decimal(1).scaleb(-minor_digits(currency))

    def gross_of(units: int) -> Decimal:
        # Only after the exception below, with one minor unit left, can the tax of no more
        # net come out below zero: it is then none.
        net = sign * units * unit
        tax = sign * _line_tax(line=line, credited=credited, net=net, currency=currency)
        return units * unit + max(tax, ZERO)

    left = int(abs(line.amount - credited.amount) / unit)
    low, high = 0, left
    while low < high:
        middle = (low + high) // 2
        if gross_of(middle) >= abs(gross):
            high = middle
        else:
            low = middle + 1
    if low == left and low > 0 and gross_of(low) != abs(gross):
        low -= 1
    return sign * low * unit


def refund_invoice_lines(*, lines, credited: dict, amount: Decimal,
                         currency: str) -> list[MemoLinePlan]:
    """A refund of `amount` (net and tax together) as credits of the invoice's `lines`, pro
    rata to what each has left to credit, net and tax alike. Shares are allocated
    cumulatively over the lines (the last takes what is left, so they add up to `amount` to
    the minor unit), and each line's share is split into net and tax as its partial credits
    split it. `credited`: {line id: Credited} by issued, non-void memos."""
    left = []
    for line in lines:
        got = credited.get(line.id, Credited())
        left.append((line, got, line.amount - got.amount + line.tax_amount - got.tax))
    creditable = sum((gross for _, _, gross in left), ZERO)
    if amount > creditable:
        raise ExceedsCreditableAmount(
            f"{format_amount(amount, currency)} is more than the "
            f"{format_amount(max(creditable, ZERO), currency)} the invoice's lines have left "
            "to credit" if creditable > 0 else "the invoice's lines have nothing left to credit",
            param="amount")
    plans, before, allocated = [], ZERO, ZERO
    for line, got, gross in left:
        if gross == 0:
            continue
        share = allocate_cumulative(total=amount, base=creditable, before=before, now=gross,
                                    allocated_before=allocated, currency=currency)
        before, allocated = before + gross, allocated + share
        if share == 0:
            continue
        net = _split_gross(line=line, credited=got, gross=share, currency=currency)
        whole = got.amount == 0 and net == line.amount
        plans.append(MemoLinePlan(
            name=line.name, description=line.description,
            quantity=line.quantity if whole else Decimal(1),
            unit_price=round_amount(net / line.quantity, currency) if whole else net,
            amount=net, tax_rate=line.tax_rate, tax_amount=share - net,
            product=line.product, subscription=line.subscription,
            billing_action=line.billing_action, period_start=line.period_start,
            period_end=line.period_end, source_invoice_line=line, **kept_tax(line),
        ))
    return plans
