"""Plans (recurring prices), one-time prices and customer discounts. The models live in
`catalog` (plans, prices) and `billing` (discounts); their writes are billing's."""

import re

from django.db import IntegrityError, transaction

from billing.models import DISCOUNT_KINDS, CustomerDiscount
from catalog.models import PLAN_INTERVALS, PLAN_SCHEMES, Plan, Price
from common.errors import BusinessRule, InvalidInput
from common.money import check_currency, parse_amount, parse_rate
from common.parsing import parse_choice, parse_date, parse_text
from common.transactions import service
from credits.services.errors import OwnCompany
from customers.services import company_get
from invoicing.services import lookup_product

CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


class CodeTaken(BusinessRule):
    """A well-formed code that another plan (or price) of the marketplace has."""

    code = "code_taken"


def _code(value) -> str:
    if not isinstance(value, str) or not CODE.match(value):
        raise InvalidInput("code: letters, digits, '.', '_' and '-', at most 64", param="code")
    return value


@service
def plan_create(*, marketplace, product_id, code, name, scheme, interval, unit_price,
                currency=None, tax_rate="0", at) -> Plan:
    product = lookup_product(marketplace=marketplace, product_id=product_id, param="product_id")
    currency = check_currency(marketplace.default_currency if currency is None else currency)
    plan = Plan(
        marketplace=marketplace, product=product, code=_code(code),
        name=parse_text(name, param="name", required=True).strip(),
        scheme=parse_choice(scheme, PLAN_SCHEMES, param="scheme"),
        interval=parse_choice(interval, PLAN_INTERVALS, param="interval"),
        currency=currency, unit_price=parse_amount(unit_price, currency, param="unit_price"),
        tax_rate=parse_rate(tax_rate, param="tax_rate"), created_at=at,
    )
    try:
        with transaction.atomic():
            plan.save()
    except IntegrityError:
        raise CodeTaken(f"a plan with code {code} exists", param="code") from None
    return plan


@service
def price_create(*, marketplace, product_id, code, unit_price, currency=None, tax_rate="0",
                 at) -> Price:
    product = lookup_product(marketplace=marketplace, product_id=product_id, param="product_id")
    currency = check_currency(marketplace.default_currency if currency is None else currency)
    price = Price(marketplace=marketplace, product=product, code=_code(code), currency=currency,
                  unit_price=parse_amount(unit_price, currency, param="unit_price"),
                  tax_rate=parse_rate(tax_rate, param="tax_rate"), created_at=at)
    try:
        with transaction.atomic():
            price.save()
    except IntegrityError:
        raise CodeTaken(f"a price with code {code} exists", param="code") from None
    return price


@service
def customer_discount_create(*, marketplace, company_id, kind, percent=None, amount=None,
                             currency=None, valid_from, valid_until=None, description="",
                             at) -> CustomerDiscount:
    """A per-invoice discount for a paying company: `percent` (a fraction, 0.10 = 10 %) or
    a `fixed` amount, off each of its documents issued in [valid_from, valid_until)."""
    company = company_get(marketplace=marketplace, company_id=company_id)
    if company.is_own:
        raise OwnCompany("the marketplace's own company is not billed", param="company_id")
    kind = parse_choice(kind, DISCOUNT_KINDS, param="kind")
    start = parse_date(valid_from, param="valid_from")
    end = parse_date(valid_until, param="valid_until")
    if start is None:
        raise InvalidInput("valid_from is required", param="valid_from")
    if end is not None and end <= start:
        raise InvalidInput("valid_until is after valid_from", param="valid_until")
    discount = CustomerDiscount(marketplace=marketplace, company=company, kind=kind,
                                valid_from=start, valid_until=end, created_at=at,
                                description=parse_text(description, param="description"))
    if kind == "percent":
        discount.percent = parse_rate(percent, param="percent")
        if discount.percent == 0:
            raise InvalidInput("percent must be above zero", param="percent")
    else:
        discount.currency = check_currency(company.currency if currency is None else currency)
        discount.amount = parse_amount(amount, discount.currency, param="amount",
                                       allow_zero=False)
    discount.save()
    return discount
