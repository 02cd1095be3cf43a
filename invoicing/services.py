"""Invoices, payments. What touches credit (issuing with auto-apply, refunds that issue credit
memos) lives in `credits`, which orchestrates these building blocks."""

from dataclasses import dataclass
from decimal import Decimal

from catalog.models import Product, Subscription
from common.errors import BusinessRule, InvalidInput, InvalidState, NotFound
from common.ids import find, parse_id
from common.money import (
    ZERO,
    check_currency,
    format_amount,
    parse_amount,
    parse_quantity,
    parse_rate,
)
from common.parsing import (
    given,
    parse_choice,
    parse_date,
    parse_list,
    parse_object,
    parse_period,
    parse_text,
)
from common.tax import INPUT_FIELDS as TAX_FIELDS
from common.tax import document_taxes, line_tax
from common.transactions import service
from customers.models import Company, CustomerUser
from documents.numbering import next_number
from invoicing import locks, postings
from invoicing.compute import invoice_amounts
from invoicing.models import BILLING_ACTIONS, Invoice, InvoiceLine, Payment
from invoicing.serializers import invoice_data
from ledger.services import entries_post, entry_reverse
from notifications.services import event_record

LINE_FIELDS = {
    "product_id", "name", "description", "quantity", "unit_price", "discount_amount",
    "tax_rate", "billing_action", "period_start", "period_end", "subscription_id", *TAX_FIELDS,
}


class NegativeInvoiceTotal(BusinessRule):
    code = "negative_invoice_total"


class InvoiceNotVoidable(InvalidState):
    code = "not_voidable"


class ExceedsAmountDue(BusinessRule):
    code = "exceeds_amount_due"


class UserNotInCompany(BusinessRule):
    code = "user_not_in_company"


def invoice_get(*, marketplace, invoice_id, param="id") -> Invoice:
    return find(Invoice.objects.filter(marketplace=marketplace), invoice_id,
                what="invoice", param=param)


def resolve_customer(*, marketplace, company_id, user_id, param_prefix=""):
    """The payer and billed company for a document made out to `company_id` (its reseller
    pays when it has one), and the user, who must belong to that company."""
    pk = parse_id(company_id)
    billed = Company.objects.filter(marketplace=marketplace, pk=pk).first() if pk else None
    if billed is None:
        raise NotFound("no such company", param=f"{param_prefix}company_id")
    payer = billed.reseller if billed.reseller_id else billed
    user = None
    if user_id is not None:
        upk = parse_id(user_id)
        user = CustomerUser.objects.filter(marketplace=marketplace, pk=upk).first() if upk else None
        if user is None:
            raise NotFound("no such user", param=f"{param_prefix}user_id")
        if user.company_id != billed.id:
            raise UserNotInCompany("the user does not belong to that company", param="user_id")
    return payer, billed, user


def lookup_product(*, marketplace, product_id, param):
    return find(Product.objects.filter(marketplace=marketplace), product_id,
                what="product", param=param)


def lookup_subscription(*, marketplace, subscription_id, param):
    pk = parse_id(subscription_id)
    sub = (
        Subscription.objects.select_related("product")
        .filter(marketplace=marketplace, pk=pk)
        .first()
        if pk
        else None
    )
    if sub is None:
        raise NotFound("no such subscription", param=param)
    return sub


def seller_vat_id(marketplace) -> str:
    """The VAT id of the marketplace's own company (the seller on every document), or ""."""
    return (Company.objects.filter(marketplace=marketplace, is_own=True)
            .values_list("vat_id", flat=True).first() or "")


def parse_invoice_lines(*, marketplace, customer, lines, currency) -> list[dict]:
    """Lines of a new invoice from an API body, each with its tax (common.tax: category and
    rate, from the line, its product or the `customer`'s reverse charge)."""
    parse_list(lines, param="lines", min_items=1)
    parsed, taxes = [], []
    for i, raw in enumerate(lines):
        p = f"lines[{i}]"
        parse_object(raw, param=p, allowed=LINE_FIELDS)
        product = subscription = None
        if raw.get("subscription_id") is not None:
            subscription = lookup_subscription(
                marketplace=marketplace, subscription_id=raw["subscription_id"],
                param=f"{p}.subscription_id",
            )
            product = subscription.product
        if raw.get("product_id") is not None:
            product = lookup_product(marketplace=marketplace, product_id=raw["product_id"],
                                     param=f"{p}.product_id")
        name = parse_text(raw.get("name"), param=f"{p}.name")
        if not name.strip():
            if product is None:
                raise InvalidInput("a line needs a product_id or a name", param=f"{p}.name")
            name = product.name
        start, end = parse_period(raw, param=p)
        quantity = parse_quantity(raw.get("quantity"), param=f"{p}.quantity")
        unit_price = parse_amount(raw.get("unit_price"), currency, param=f"{p}.unit_price",
                                  allow_negative=True)
        discount = parse_amount(given(raw, "discount_amount", "0"), currency,
                                param=f"{p}.discount_amount")
        taxes.append(line_tax(
            raw=raw, rate=parse_rate(given(raw, "tax_rate", "0"), param=f"{p}.tax_rate"),
            product=product, reverse_charge=customer.reverse_charge, param=p))
        parsed.append({
            "product_id": product.id if product else None,
            "subscription_id": subscription.id if subscription else None,
            "name": name.strip(),
            "description": parse_text(raw.get("description"), param=f"{p}.description",
                                      max_length=2000),
            "quantity": quantity,
            "unit_price": unit_price,
            "discount_amount": discount,
            "billing_action": parse_choice(raw.get("billing_action"), BILLING_ACTIONS,
                                           param=f"{p}.billing_action", default="one_time"),
            "period_start": start,
            "period_end": end,
        })
    taxes = document_taxes(taxes, seller_vat_id=lambda: seller_vat_id(marketplace),
                           customer_vat_id=customer.vat_id)
    for line, tax in zip(parsed, taxes, strict=True):
        line.update(tax.fields)
    amounts = invoice_amounts(lines=parsed, currency=currency)
    for i, (line, a) in enumerate(zip(parsed, amounts.lines, strict=True)):
        if line["discount_amount"] > max(a.gross, Decimal(0)):
            raise BusinessRule("discount_amount exceeds the line's amount",
                               code="discount_exceeds_amount",
                               param=f"lines[{i}].discount_amount")
    if amounts.total < 0:
        raise NegativeInvoiceTotal(
            "an invoice total may not be negative: issue a credit memo instead", param="lines"
        )
    return parsed


@dataclass
class NewInvoice:
    """An invoice checked and priced, not saved yet: its row and its lines, in position
    order."""

    invoice: Invoice
    lines: list[InvoiceLine]


def invoice_prepare(*, marketplace, company_id, user_id=None, currency=None, due_date=None,
                    lines, at) -> NewInvoice:
    """Check and price a new invoice from an API body's fields (nothing is written)."""
    payer, billed, user = resolve_customer(marketplace=marketplace, company_id=company_id,
                                           user_id=user_id)
    currency = check_currency(billed.currency if currency is None else currency)
    due = parse_date(due_date, param="due_date")
    parsed = parse_invoice_lines(marketplace=marketplace, customer=payer, lines=lines,
                                 currency=currency)
    return invoice_priced(marketplace=marketplace, company_id=payer.id,
                          billed_company_id=billed.id, user_id=user.id if user else None,
                          currency=currency, due_date=due, lines=parsed, at=at)


def invoice_priced(*, marketplace, company_id, billed_company_id, user_id, currency,
                   due_date, lines: list[dict], at) -> NewInvoice:
    """A draft from checked, priced lines ({product_id, subscription_id, name, description,
    quantity, unit_price, discount_amount, tax_category, tax_rate, tax_exemption_reason_code,
    tax_exemption_reason, billing_action, period_start, period_end}; their taxes checked
    with common.tax), in memory. Its total is never negative."""
    amounts = invoice_amounts(lines=lines, currency=currency)
    if amounts.total < 0:
        raise NegativeInvoiceTotal(
            "an invoice total may not be negative: issue a credit memo instead", param="lines")
    invoice = Invoice(
        marketplace=marketplace, status="draft", company_id=company_id,
        billed_company_id=billed_company_id, user_id=user_id, currency=currency,
        due_date=due_date, subtotal=amounts.subtotal, discount_total=amounts.discount_total,
        tax_total=amounts.tax_total, total=amounts.total, amount_credited=ZERO,
        amount_paid=ZERO, amount_due=amounts.total, created_at=at,
    )
    return NewInvoice(invoice, [
        InvoiceLine(
            invoice=invoice, position=i, product_id=line["product_id"], name=line["name"],
            description=line["description"], quantity=line["quantity"],
            unit_price=line["unit_price"], discount_amount=line["discount_amount"],
            amount=a.amount, tax_rate=line["tax_rate"], tax_amount=a.tax_amount, total=a.total,
            tax_category=line["tax_category"],
            tax_exemption_reason_code=line["tax_exemption_reason_code"],
            tax_exemption_reason=line["tax_exemption_reason"],
            billing_action=line["billing_action"], period_start=line["period_start"],
            period_end=line["period_end"], subscription_id=line["subscription_id"],
        )
        for i, (line, a) in enumerate(zip(lines, amounts.lines, strict=True))
    ])


def invoice_save(new: NewInvoice) -> Invoice:
    """Insert the invoice, then its lines in one statement, in the caller's transaction."""
    new.invoice.save(force_insert=True)
    InvoiceLine.objects.bulk_create(new.lines)
    return new.invoice


def invoice_draft_create(*, marketplace, company_id, user_id=None, currency=None,
                         due_date=None, lines, at) -> Invoice:
    """Creates a draft in the caller's transaction."""
    return invoice_save(invoice_prepare(marketplace=marketplace, company_id=company_id,
                                        user_id=user_id, currency=currency,
                                        due_date=due_date, lines=lines, at=at))


def invoice_mark_issued(*, invoice: Invoice, at) -> None:
    """A draft becomes issued, in memory, without its number: `open`, or `paid` when it owes
    nothing; due on the issue date unless a due date was given."""
    if invoice.status != "draft":
        raise InvalidState(f"invoice is {invoice.status}, not a draft")
    invoice.issued_at = at
    if invoice.due_date is None:
        invoice.due_date = at.date()
    invoice.status = "open" if invoice.amount_due > 0 else "paid"


def invoice_number_take(*, invoice: Invoice) -> None:
    """Take the invoice's gapless number (in memory): the last write of an issue but for the
    invoice's row and its events. The counter's row lock, which serialises every issue of the
    marketplace, is held from here to the commit."""
    invoice.number = next_number(marketplace=invoice.marketplace, document_type="invoice")


def invoice_add_credit(*, invoice: Invoice, amount: Decimal) -> bool:
    """Count applied credit on a locked, open invoice; True when that pays it. An invoice
    issued in this change and not written yet changes in memory only: it is written last,
    as it stands."""
    invoice.amount_credited += amount
    invoice.amount_due -= amount
    became_paid = invoice.amount_due == 0
    if became_paid:
        invoice.status = "paid"
    if not invoice._state.adding:
        invoice.save(update_fields=["amount_credited", "amount_due", "status"])
    return became_paid


def invoice_remove_credit(*, invoice: Invoice, amount: Decimal) -> None:
    """Take back applied credit from a locked invoice: it owes that again."""
    invoice.amount_credited -= amount
    invoice.amount_due += amount
    if invoice.status == "paid" and invoice.amount_due > 0:
        invoice.status = "open"
    invoice.save(update_fields=["amount_credited", "amount_due", "status"])


@service
def invoice_void(*, marketplace, invoice_id, actor, at) -> Invoice:
    found = invoice_get(marketplace=marketplace, invoice_id=invoice_id)
    invoice = locks.invoice(marketplace=marketplace, id=found.pk)
    credited_by_memo = invoice.credit_memos.filter(
        issued_at__isnull=False, voided_at__isnull=True
    ).exists()
    if not invoice.is_voidable or credited_by_memo:
        raise InvoiceNotVoidable(
            f"invoice is {invoice.status} and has been paid or credited"
            if invoice.status in ("open", "paid")
            else f"invoice is {invoice.status}"
        )
    was_issued = invoice.status != "draft"
    invoice.status = "void"
    invoice.voided_at = at
    invoice.amount_due = invoice.total
    invoice.save(update_fields=["status", "voided_at", "amount_due"])
    if was_issued:
        entry_reverse(marketplace=marketplace, source=("invoice", invoice.id),
                      kind=postings.ISSUED, reversal_kind=postings.VOIDED, at=at)
    event_record(marketplace=marketplace, type="invoice.voided", actor=actor,
                 subject=("invoice", invoice.id), data=invoice_data(invoice), at=at)
    return invoice


@service
def payment_create(*, marketplace, invoice_id, amount, method="card", actor, at) -> Payment:
    found = invoice_get(marketplace=marketplace, invoice_id=invoice_id)
    invoice = locks.invoice(marketplace=marketplace, id=found.pk)
    amount = parse_amount(amount, invoice.currency, allow_zero=False)
    method = parse_text(method or "card", param="method", max_length=32, required=True)
    if invoice.status != "open":
        raise InvalidState(f"invoice is {invoice.status}, not open")
    if amount > invoice.amount_due:
        raise ExceedsAmountDue(
            f"{format_amount(amount, invoice.currency)} is more than the invoice's amount "
            f"due {format_amount(invoice.amount_due, invoice.currency)}",
            param="amount",
        )
    payment = Payment.objects.create(
        marketplace=marketplace, invoice=invoice, amount=amount, method=method,
        status="succeeded", created_at=at,
    )
    invoice.amount_paid += amount
    invoice.amount_due -= amount
    if invoice.amount_due == 0:
        invoice.status = "paid"
    invoice.save(update_fields=["amount_paid", "amount_due", "status"])
    entries_post(marketplace=marketplace, postings=[postings.payment_received(payment, invoice)],
                 at=at)
    data = invoice_data(invoice)
    event_record(marketplace=marketplace, type="invoice.payment_succeeded", actor=actor,
                 subject=("invoice", invoice.id), data=data, at=at)
    if invoice.status == "paid":
        event_record(marketplace=marketplace, type="invoice.paid", actor=actor,
                     subject=("invoice", invoice.id), data=data, at=at)
    return payment
