"""Refunds of payments: money back to the payment method, recorded as a credit memo with
origin `refund`, already paid out by that refund.

The memo credits the invoice's lines pro rata to what each has left to credit, net and tax
alike (`credits.compute.refund_invoice_lines`), so issuing it reverses revenue and tax
payable, and what it credits counts toward each line's creditable amount. It is not applied:
the invoice's amounts and status do not change, the refunded payment had settled them.

Rules, checked in this order, each a 422 that changes nothing: at most what is not yet
refunded of the payment, and at most what may still go back on the invoice (paid, less
refunds and payouts of memos sourced from it) (`exceeds_refundable_amount`); at most what the
invoice's lines have left to credit (`exceeds_creditable_amount`). Money going back is
checked first: paid 100.00 and a 100.00 memo paid out, a refund is refused as not refundable,
whatever its lines have left."""


from common.errors import NotFound
from common.ids import parse_id
from common.money import format_amount, parse_amount
from common.transactions import service
from credits.compute import MemoPlan, refund_invoice_lines
from credits.models import CreditMemoLine
from credits.selectors import credited_by_line
from credits.services.core import ChangeEvents
from credits.services.errors import ExceedsRefundableAmount
from credits.services.issuing import memo_of_plan, memo_open, number_take
from credits.services.payouts import check_refundable, payout_make
from credits.services.planning import check_not_own
from invoicing import locks as invoice_locks
from invoicing.models import Payment, Refund
from invoicing.serializers import invoice_data, payment_data
from ledger.services import entries_post
from notifications.services import event_record


@service
def refund_create(*, marketplace, payment_id, amount, actor, at) -> Refund:
    pk = parse_id(payment_id)
    found = Payment.objects.filter(marketplace=marketplace, pk=pk).first() if pk else None
    if found is None:
        raise NotFound("no such payment", param="id")
    # Lock order: the invoice, then its payment, then (last) the memo number. The memo names
    # the invoice, so this commit's foreign-key check waits for anyone holding the invoice;
    # a credit of it holds the invoice and waits for the number: without the invoice lock
    # first, the two deadlock.
    invoice = invoice_locks.invoice(marketplace=marketplace, id=found.invoice_id)
    payment = invoice_locks.payment(marketplace=marketplace, id=found.pk)
    amount = parse_amount(amount, invoice.currency, allow_zero=False)
    check_not_own(payer=invoice.company, billed=invoice.billed_company)
    refundable = payment.amount - payment.refunded_amount
    if amount > refundable:
        raise ExceedsRefundableAmount(
            f"{format_amount(amount, invoice.currency)} is more than the "
            f"{format_amount(refundable, invoice.currency)} not yet refunded of the payment",
            param="amount")
    check_refundable(invoice=invoice, amount=amount)
    plan = MemoPlan(currency=invoice.currency, lines=refund_invoice_lines(
        lines=list(invoice.lines.select_related("product", "subscription")),
        credited=credited_by_line(invoice=invoice), amount=amount, currency=invoice.currency))
    memo = memo_of_plan(marketplace=marketplace, plan=plan, at=at,
                        company_id=invoice.company_id, billed_company_id=invoice.billed_company_id,
                        user_id=invoice.user_id, origin="refund", source_invoice=invoice,
                        reason_code="refund", note=f"Refund of payment {payment.id}")
    refund = Refund.objects.create(marketplace=marketplace, payment=payment, amount=amount,
                                   status="succeeded", credit_memo_id=memo.id, created_at=at)
    payment.refunded_amount += amount
    payment.save(update_fields=["refunded_amount"])
    # Written already issued and paid out, its row last (as issuing.issue_new writes a memo).
    CreditMemoLine.objects.bulk_create(memo.planned_lines)
    events = ChangeEvents(marketplace, actor, at)
    opened = memo_open(memo=memo, at=at)
    events.memo("credit_memo.issued", memo)
    payout, paid = payout_make(marketplace=marketplace, memo=memo, amount=amount,
                               method=payment.method, status="succeeded", at=at,
                               events=events, refund_id=refund.id)
    entries_post(marketplace=marketplace, at=at, postings=[opened, paid])
    memo._related_rows = {"lines": memo.planned_lines, "applications": [], "payouts": [payout]}
    number_take(memo=memo)
    memo.save(force_insert=True)
    events.record()
    event_record(marketplace=marketplace, type="invoice.payment_refunded", actor=actor,
                 subject=("invoice", invoice.id),
                 data={**invoice_data(invoice), "payment": payment_data(payment)}, at=at)
    return refund
