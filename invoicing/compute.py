"""Invoice arithmetic, pure: lines in, amounts out. Half-up per line, in the currency."""

from dataclasses import dataclass, field
from decimal import Decimal

from common.money import ZERO, check_magnitude, round_amount


@dataclass
class LineAmounts:
    gross: Decimal  # quantity x unit_price, rounded
    discount_amount: Decimal
    amount: Decimal  # net
    tax_amount: Decimal
    total: Decimal


@dataclass
class InvoiceAmounts:
    lines: list[LineAmounts] = field(default_factory=list)
    subtotal: Decimal = ZERO
    discount_total: Decimal = ZERO
    tax_total: Decimal = ZERO
    total: Decimal = ZERO


def line_amounts(*, quantity: Decimal, unit_price: Decimal, discount_amount: Decimal,
                 tax_rate: Decimal, currency: str) -> LineAmounts:
    gross = _signed_zero_dropped(round_amount(quantity * unit_price, currency))
    amount = _signed_zero_dropped(gross - discount_amount)
    tax = _signed_zero_dropped(round_amount(amount * tax_rate, currency))
    return LineAmounts(gross, discount_amount, amount, tax, _signed_zero_dropped(amount + tax))


def _signed_zero_dropped(value: Decimal) -> Decimal:
    """0.00 for -0.00 (no tax on a negative line): a zero has no sign, as it has none once
    stored."""
    return abs(value) if not value else value


def invoice_amounts(*, lines: list[dict], currency: str) -> InvoiceAmounts:
    result = InvoiceAmounts()
    for i, line in enumerate(lines):
        amounts = line_amounts(
            quantity=line["quantity"], unit_price=line["unit_price"],
            discount_amount=line["discount_amount"], tax_rate=line["tax_rate"],
            currency=currency,
        )
        check_magnitude(amounts.gross, param=f"lines[{i}]")
        check_magnitude(amounts.total, param=f"lines[{i}]")
        result.lines.append(amounts)
        result.subtotal += amounts.gross
        result.discount_total += amounts.discount_amount
        result.tax_total += amounts.tax_amount
    result.total = result.subtotal - result.discount_total + result.tax_total
    for name in ("subtotal", "tax_total", "total"):
        check_magnitude(getattr(result, name), param="lines")
    return result
