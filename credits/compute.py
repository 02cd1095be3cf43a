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
        period_end=line.period_end, source_invoice_line=line,
    )


def credit_ad_hoc_line(*, name: str, quantity: Decimal, unit_price: Decimal, tax_rate: Decimal,
                       currency: str, param: str, **details) -> MemoLinePlan:
    if unit_price < 0:
        raise InvalidInput("an ad hoc credit line's unit_price may not be negative",
                           param=f"{param}.unit_price")
    amount = round_amount(quantity * unit_price, currency)
    check_magnitude(amount, param=param)
    tax = round_amount(amount * tax_rate, currency)
    return MemoLinePlan(name=name, quantity=quantity, unit_price=unit_price, amount=amount,
                        tax_rate=tax_rate, tax_amount=tax, **details)
