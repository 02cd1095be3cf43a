"""A line's VAT as the pages show it: the category's label, the rate as "19 %", and a
document's VAT breakdown per category and rate (common.tax)."""

from django import template

from common.money import format_amount
from common.tax import CATEGORY_LABELS, breakdown, rate_percent

register = template.Library()


@register.filter
def tax_label(code):
    return CATEGORY_LABELS.get(code, code)


@register.filter
def percent(rate):
    return rate_percent(rate) if rate not in (None, "") else ""


@register.filter
def vat_breakdown(lines, currency):
    """[{category, label, rate ("19 %"), taxable, tax}] of a document's lines (the
    serializers' dicts), amounts in the currency."""
    return [{**group, "rate": rate_percent(group["rate"]),
             "taxable": format_amount(group["taxable"], currency),
             "tax": format_amount(group["tax"], currency)}
            for group in breakdown(lines)]
