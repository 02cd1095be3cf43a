"""Invoices, their payments, and refunds of payments."""

from typing import Literal

from ninja import Query, Router

from api import scoping
from api.auth import MANAGE, READ, actor, allow, marketplace
from api.pagination import CURSOR, LIMIT, paginate
from api.responses import ok, responds
from api.schemas import (
    InvoiceIn,
    InvoiceList,
    InvoiceOut,
    NoBody,
    PaymentIn,
    PaymentOut,
    RefundIn,
    RefundOut,
    TaxClearanceIn,
)
from api.serializers import refund_data
from common.clock import now
from credits import services as credits
from credits.selectors import invoice_list
from credits.services.clearance import tax_clearance_record
from invoicing import services as invoicing
from invoicing.models import INVOICE_STATUSES
from invoicing.serializers import invoice_data, payment_data

router = Router(tags=["invoices"])

InvoiceStatus = Literal[INVOICE_STATUSES]  # type: ignore[valid-type]


@router.post("/invoices", auth=allow(MANAGE), response=responds(InvoiceOut, write=True),
             summary="Create an invoice")
def invoice_create(request, body: InvoiceIn):
    """Issued at once (a number, `open` or `paid`), or a draft with `finalize: false`.
    `currency` defaults to the payer's, `due_date` to the issue date. A company billed
    through a reseller gets an invoice with `company_id` = the reseller. When the marketplace
    auto-applies credit, the customer's available credit is applied as the invoice is issued,
    and this answer shows it. A negative total is `422 negative_invoice_total`."""
    data = body.model_dump(exclude_unset=True)
    invoice = credits.invoice_create(
        marketplace=marketplace(request), company_id=data.get("company_id"),
        user_id=data.get("user_id"), currency=data.get("currency"),
        due_date=data.get("due_date"), finalize=data.get("finalize"), lines=data.get("lines"),
        actor=actor(request), at=now())
    return ok(invoice.event_data)


@router.get("/invoices", auth=allow(READ), response=responds(InvoiceList),
            summary="List invoices")
def invoices_list(request,
                  company_id: str | None = Query(
                      None, description="matches `company_id` or `billed_company_id`"),
                  status: InvoiceStatus | None = Query(None),
                  limit: int = LIMIT, cursor: str | None = CURSOR):
    """Newest first by creation, drafts included. A customer key lists only the invoices
    whose `company_id` or `billed_company_id` is its company."""
    invoices = invoice_list(marketplace=marketplace(request), company_id=company_id,
                            status=status,
                            visible_to_company_id=scoping.customer_company_id(request.auth))
    return ok(paginate(invoices, limit=limit, cursor=cursor, serialize=invoice_data))


@router.get("/invoices/{invoice_id}", auth=allow(READ), response=responds(InvoiceOut),
            summary="Retrieve an invoice")
def invoice_get(request, invoice_id: str):
    return ok(invoice_data(scoping.invoice_get(request.auth, invoice_id)))


@router.post("/invoices/{invoice_id}/finalize", auth=allow(MANAGE),
             response=responds(InvoiceOut, write=True), summary="Issue a draft invoice")
def invoice_finalize(request, invoice_id: str, body: NoBody = None):
    """Issues a draft (else `409 invalid_state`), applying available credit as creation
    does; answers the invoice."""
    invoice = credits.invoice_finalize(marketplace=marketplace(request), invoice_id=invoice_id,
                                       actor=actor(request), at=now())
    return ok(invoice.event_data)


@router.post("/invoices/{invoice_id}/void", auth=allow(MANAGE),
             response=responds(InvoiceOut, write=True), summary="Void an invoice")
def invoice_void(request, invoice_id: str, body: NoBody = None):
    """Only a draft, or an open invoice with nothing paid or credited (else
    `409 not_voidable`); answers the invoice."""
    invoice = invoicing.invoice_void(marketplace=marketplace(request), invoice_id=invoice_id,
                                     actor=actor(request), at=now())
    return ok(invoice_data(invoice))


@router.post("/invoices/{invoice_id}/tax_clearance", auth=allow(MANAGE),
             response=responds(InvoiceOut, write=True), summary="Record a tax clearance")
def invoice_tax_clearance(request, invoice_id: str, body: TaxClearanceIn):
    """Records the id (and verification address) a tax authority's clearance system gave
    the issued invoice, e.g. Greece's myDATA MARK, which its e-invoice then carries. Once:
    the same clearance again changes nothing; another is `409 already_cleared`; a draft or
    void invoice is `409 invalid_state`. Records `invoice.tax_clearance_recorded`."""
    invoice = tax_clearance_record(
        marketplace=marketplace(request), kind="invoice", document_id=invoice_id,
        tax_clearance_id=body.tax_clearance_id, tax_clearance_url=body.tax_clearance_url,
        actor=actor(request), at=now())
    return ok(invoice_data(invoice))


@router.post("/invoices/{invoice_id}/payments", auth=allow(MANAGE),
             response=responds(PaymentOut, write=True), summary="Record a payment")
def payment_create(request, invoice_id: str, body: PaymentIn):
    """The invoice must be open (else `409 invalid_state`) and `amount` at most its amount
    due (`422 exceeds_amount_due`)."""
    payment = invoicing.payment_create(
        marketplace=marketplace(request), invoice_id=invoice_id, amount=body.amount,
        method=body.method, actor=actor(request), at=now())
    return ok(payment_data(payment))


@router.post("/payments/{payment_id}/refunds", auth=allow(MANAGE),
             response=responds(RefundOut, write=True), summary="Refund a payment")
def refund_create(request, payment_id: str, body: RefundIn):
    """Refunds `amount` to the payment method and issues a credit memo with
    `origin: refund`, `source_invoice_id` the payment's invoice and `total` = `amount`,
    already paid out by the refund.

    The memo credits the invoice's lines pro rata to what each has left to credit, net and
    tax alike: the amount is shared among the lines cumulatively (the last takes what is
    left, so the shares add up to the cent), and each share is split into net and tax as a
    partial credit of that line would split it. So the refund reverses revenue and tax
    payable, and its lines count toward each invoice line's creditable amount and
    `credited_amount`. They do not count toward the invoice's `amount_credited` or
    `amount_due`: the invoice's amounts and status do not change (the refunded payment had
    settled them).

    Rules, each a `422` that changes nothing, checked in this order:
    `exceeds_refundable_amount` when `amount` is more than what is not yet refunded of the
    payment, or more than may still go back on the invoice (what was paid on it, less its
    refunds and the payouts of credit memos sourced from it); then
    `exceeds_creditable_amount` when it is more than the invoice's lines have left to credit
    (net and tax) after the credit memos and refunds already issued from it. Money going back
    is checked first: paid 100.00 and a 100.00 memo from the invoice paid out, a refund is
    `exceeds_refundable_amount`."""
    refund = credits.refund_create(marketplace=marketplace(request), payment_id=payment_id,
                                   amount=body.amount, actor=actor(request), at=now())
    return ok(refund_data(refund, currency=refund.payment.invoice.currency))
