"""Planning a credit memo: what a request asks for, parsed and checked, and what the memo
would be (`credits.compute.MemoPlan`). Nothing here writes; previews stop here, creation
goes on to save and issue the plan."""

from common.errors import InvalidInput, InvalidState, NotFound
from common.ids import parse_id
from common.money import parse_amount, parse_quantity, parse_rate
from common.parsing import (
    given,
    parse_choice,
    parse_list,
    parse_object,
    parse_period,
    parse_text,
)
from common.tax import INPUT_FIELDS as TAX_FIELDS
from common.tax import document_taxes, line_tax
from credits.compute import (
    ExceedsCreditableAmount,
    MemoPlan,
    credit_ad_hoc_line,
    credit_invoice_line,
    memo_line,
)
from credits.models import REASON_CODES
from credits.selectors import invoice_lines_credited
from credits.services.errors import OwnCompany, SubscriptionNotForCompany
from customers.models import Company
from invoicing.models import BILLING_ACTIONS
from invoicing.services import lookup_product, lookup_subscription, seller_vat_id

INVOICE_LINE_FIELDS = {"invoice_line_id", "amount", "quantity"}
AD_HOC_LINE_FIELDS = {"product_id", "subscription_id", "name", "description", "quantity",
                      "unit_price", "tax_rate", "period_start", "period_end", *TAX_FIELDS}
BILLING_LINE_FIELDS = AD_HOC_LINE_FIELDS | {"billing_action"}


def parse_header(*, reason_code, reason, note) -> dict:
    """A memo's reason and its free-text note (the API's `memo`)."""
    return {
        "reason_code": parse_choice(reason_code, REASON_CODES, param="reason_code"),
        "reason": parse_text(reason, param="reason", max_length=2000),
        "note": parse_note(note),
    }


def parse_note(note) -> str:
    return parse_text(note, param="memo", max_length=2000)


def parse_apply_to(value) -> tuple[str, list]:
    """(apply mode, invoice ids): the source invoice by default, the listed ones, or none."""
    if value is None:
        return "source", []
    ids = []
    for i, raw in enumerate(parse_list(value, param="apply_to", max_items=100)):
        pk = parse_id(raw)
        if pk is None:
            raise NotFound("no such invoice", param=f"apply_to[{i}]")
        ids.append(str(pk))
    return ("list", ids) if ids else ("none", [])


def check_not_own(*, payer, billed) -> None:
    if payer.is_own or billed.is_own:
        raise OwnCompany("the marketplace's own company cannot receive a credit memo",
                         param="company_id")


def check_invoice_not_own(invoice) -> None:
    """check_not_own for an invoice's parties: its `has_own_party` when it was read with it
    (credits.locks.invoices_to_credit), else one query."""
    own = getattr(invoice, "has_own_party", None)
    if own is None:
        own = Company.objects.filter(pk__in={invoice.company_id, invoice.billed_company_id},
                                     is_own=True).exists()
    if own:
        raise OwnCompany("the marketplace's own company cannot receive a credit memo",
                         param="company_id")


def check_source_invoice(invoice) -> None:
    if invoice.status not in ("open", "paid"):
        raise InvalidState(f"the invoice is {invoice.status}; only open or paid invoices "
                           "can be credited")


def plan_from_invoice(*, invoice, lines) -> MemoPlan:
    """What crediting `lines` of the invoice would give (all it has left, with no lines)."""
    c = invoice.currency
    invoice_lines = invoice_lines_credited(invoice=invoice)
    plan = MemoPlan(currency=c)
    if lines is None:
        for line in invoice_lines:
            if line.amount != 0 and line.credited.amount != line.amount:
                plan.lines.append(credit_invoice_line(
                    line=line, currency=c, credited=line.credited, amount=None, quantity=None,
                    param="lines"))
        if not plan.lines:
            raise ExceedsCreditableAmount("nothing is left to credit on this invoice",
                                          param="lines")
    else:
        by_id = {line.id: line for line in invoice_lines}
        seen = set()
        for i, raw in enumerate(parse_list(lines, param="lines", min_items=1)):
            p = f"lines[{i}]"
            parse_object(raw, param=p, allowed=INVOICE_LINE_FIELDS)
            line = by_id.get(parse_id(raw.get("invoice_line_id")))
            if line is None:
                raise NotFound("no such line on this invoice", param=f"{p}.invoice_line_id")
            if line.id in seen:
                raise InvalidInput("a line is credited once per memo",
                                   param=f"{p}.invoice_line_id")
            seen.add(line.id)
            amount = raw.get("amount")
            quantity = raw.get("quantity")
            if amount is not None and quantity is not None:
                raise InvalidInput("give amount or quantity, not both", param=p)
            amount = None if amount is None else parse_amount(
                amount, c, param=f"{p}.amount", allow_zero=False)
            quantity = None if quantity is None else parse_quantity(
                quantity, param=f"{p}.quantity")
            plan.lines.append(credit_invoice_line(
                line=line, currency=c, credited=line.credited, amount=amount,
                quantity=quantity, param=p))
    plan.check_total()
    return plan


def line_item(*, marketplace, payer, billed, raw: dict, param: str):
    """What a credit line names: (product, subscription, name). A subscription must be the
    customer's and brings its product; a line with neither names itself (a custom charge)."""
    product = subscription = None
    if raw.get("product_id") is not None and raw.get("subscription_id") is not None:
        raise InvalidInput("give product_id or subscription_id, not both", param=param)
    if raw.get("subscription_id") is not None:
        subscription = lookup_subscription(
            marketplace=marketplace, subscription_id=raw["subscription_id"],
            param=f"{param}.subscription_id")
        if subscription.company_id not in (payer.id, billed.id):
            raise SubscriptionNotForCompany("the subscription is another company's",
                                            param=f"{param}.subscription_id")
        product = subscription.product
    elif raw.get("product_id") is not None:
        product = lookup_product(marketplace=marketplace, product_id=raw["product_id"],
                                 param=f"{param}.product_id")
    name = parse_text(raw.get("name"), param=f"{param}.name").strip()
    if not name and product is None:
        raise InvalidInput("a line needs a product_id, a subscription_id or a name",
                           param=f"{param}.name")
    return product, subscription, name


def _plan_lines(*, marketplace, payer, billed, currency, lines, allowed, make) -> MemoPlan:
    """The one parser of lines that name what they credit (ad hoc and billing lines):
    `make(fields, raw, param)` turns a line's parsed fields into a MemoLinePlan. Each line's
    tax is decided by common.tax (its category, else its product's, else its rate and the
    payer's reverse charge), then checked across the memo."""
    parsed, taxes = [], []
    for i, raw in enumerate(parse_list(lines, param="lines", min_items=1)):
        p = f"lines[{i}]"
        parse_object(raw, param=p, allowed=allowed)
        product, subscription, name = line_item(marketplace=marketplace, payer=payer,
                                                billed=billed, raw=raw, param=p)
        start, end = parse_period(raw, param=p)
        fields = dict(
            name=name or product.name,
            quantity=parse_quantity(raw.get("quantity"), param=f"{p}.quantity"),
            unit_price=parse_amount(raw.get("unit_price"), currency, param=f"{p}.unit_price",
                                    allow_negative=True),
            currency=currency,
            description=parse_text(raw.get("description"), param=f"{p}.description",
                                   max_length=2000),
            product=product, subscription=subscription, period_start=start, period_end=end,
        )
        taxes.append(line_tax(
            raw=raw, rate=parse_rate(given(raw, "tax_rate", "0"), param=f"{p}.tax_rate"),
            product=product, reverse_charge=payer.reverse_charge, param=p))
        parsed.append((fields, raw, p))
    taxes = document_taxes(taxes, seller_vat_id=lambda: seller_vat_id(marketplace),
                           customer_vat_id=payer.vat_id)
    plan = MemoPlan(currency=currency)
    for (fields, raw, p), tax in zip(parsed, taxes, strict=True):
        plan.lines.append(make(
            {**fields, "tax_rate": tax.rate, "tax_category": tax.category,
             "tax_exemption_reason_code": tax.reason_code,
             "tax_exemption_reason": tax.reason}, raw, p))
    return plan


def plan_ad_hoc(*, marketplace, payer, billed, currency, lines) -> MemoPlan:
    """Ad hoc lines: each credits (no negative unit price); one with no product is a custom
    charge."""
    plan = _plan_lines(
        marketplace=marketplace, payer=payer, billed=billed, currency=currency, lines=lines,
        allowed=AD_HOC_LINE_FIELDS,
        make=lambda fields, raw, p: credit_ad_hoc_line(
            **fields, param=p, custom_charge=fields["product"] is None))
    plan.check_total()
    return plan


def plan_billing(*, marketplace, payer, billed, currency, lines) -> MemoPlan:
    """Billing lines keep their billing action; a negative unit price is a charge netted in
    the memo. The total is checked when the memo is issued."""
    return _plan_lines(
        marketplace=marketplace, payer=payer, billed=billed, currency=currency, lines=lines,
        allowed=BILLING_LINE_FIELDS,
        make=lambda fields, raw, p: memo_line(**fields, billing_action=parse_choice(
            raw.get("billing_action"), BILLING_ACTIONS, param=f"{p}.billing_action")))
