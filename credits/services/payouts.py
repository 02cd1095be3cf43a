"""Payouts: part or all of a memo's remaining balance returned to the payment method.

Money never goes back twice: for every invoice, the refunds of its payments and the payouts
of memos sourced from it (a refund is recorded as such a memo, paid out at once) never
exceed what was paid on it. Both take the invoice's row lock before they count."""

from decimal import Decimal

from django.db.models import Sum

from common.errors import NotFound
from common.money import ZERO, format_amount, parse_amount
from common.parsing import parse_text
from common.transactions import service
from credits import locks, postings
from credits.models import Payout
from credits.services.core import ChangeEvents, save_amounts
from credits.services.errors import ExceedsRefundableAmount, ExceedsRemaining
from credits.services.rules import check_memo_usable
from invoicing import locks as invoice_locks
from invoicing.models import Payment
from ledger.services import Posting, entries_post, reversal_of


def payout_method(*, memo, requested) -> str:
    """That of the source invoice's latest payment, else the one requested, else card."""
    if memo.source_invoice_id:
        latest = (
            Payment.objects.filter(invoice_id=memo.source_invoice_id)
            .order_by("-created_at", "-id")
            .values_list("method", flat=True)
            .first()
        )
        if latest:
            return latest
    return parse_text(requested or "card", param="method", max_length=32, required=True)


def returned_on_invoice(invoice) -> Decimal:
    """What has gone back on `invoice`: payouts (pending or succeeded) of memos sourced from
    it, refunds included. Read under the invoice's row lock, which every writer of such a
    payout holds."""
    return Payout.objects.filter(memo__source_invoice_id=invoice.id).exclude(
        status="failed").aggregate(s=Sum("amount"))["s"] or ZERO


def check_refundable(*, invoice, amount) -> None:
    """`amount` may still go back on the locked `invoice` (paid less returned)."""
    returned = returned_on_invoice(invoice)
    refundable = max(invoice.amount_paid - returned, ZERO)
    if amount > refundable:
        c = invoice.currency
        raise ExceedsRefundableAmount(
            f"{format_amount(amount, c)} is more than the {format_amount(refundable, c)} that "
            f"may still go back on invoice {invoice.number} "
            f"({format_amount(invoice.amount_paid, c)} paid, {format_amount(returned, c)} "
            "refunded or paid out)", param="amount")


def payout_make(*, marketplace, memo, amount, method, status, at, events: ChangeEvents,
                refund_id=None) -> tuple[Payout, Posting]:
    """Take `amount` off a locked memo's remaining balance as a payout (in the caller's
    transaction): the payout is written, the memo's amounts change in memory (the caller
    saves the memo), and the journal entry is returned for the caller to post."""
    payout = Payout.objects.create(
        marketplace=marketplace, memo=memo, amount=amount, method=method, status=status,
        refund_id=refund_id, created_at=at, settled_at=at if status != "pending" else None,
    )
    memo.paid_out_amount += amount
    memo.remaining_amount -= amount
    memo.status = memo.derive_status()
    events.memo("credit_memo.paid_out", memo)
    return payout, postings.paid_out(payout, memo=memo)


@service
def payout_create(*, marketplace, memo_id, amount=None, method=None, actor, at) -> Payout:
    from credits.tasks import settle_payout

    memo = locks.memo_found(marketplace=marketplace, memo_id=memo_id)
    check_memo_usable(memo)
    if amount is None:
        amount = memo.remaining_amount
    else:
        amount = parse_amount(amount, memo.currency, allow_zero=False)
    if amount == 0 or amount > memo.remaining_amount:
        raise ExceedsRemaining(
            f"{format_amount(amount, memo.currency)} is more than the credit memo's "
            f"remaining {format_amount(memo.remaining_amount, memo.currency)}",
            param="amount")
    if memo.source_invoice_id:
        # Lock order: the memo, then its source invoice.
        check_refundable(amount=amount, invoice=invoice_locks.invoice(
            marketplace=marketplace, id=memo.source_invoice_id))
    events = ChangeEvents(marketplace, actor, at)
    payout, posting = payout_make(marketplace=marketplace, memo=memo, amount=amount,
                                  method=payout_method(memo=memo, requested=method),
                                  status="pending", at=at, events=events)
    save_amounts(memo)
    entries_post(marketplace=marketplace, postings=[posting], at=at)
    events.record()
    settle_payout.enqueue(marketplace_id=str(marketplace.id), payout_id=str(payout.id))
    return payout


@service
def payout_settle(*, marketplace, payout_id, succeeded: bool, message: str = "", actor,
                  at) -> Payout:
    """The payment method's answer. A failed payout gives the amount back to the memo (or,
    if the memo was closed meanwhile, writes it off with the rest). Settling twice does
    nothing more."""
    found = Payout.objects.filter(marketplace=marketplace, pk=payout_id).first()
    if found is None:
        raise NotFound("no such payout", param="payout_id")
    memo = locks.memo(marketplace=marketplace, id=found.memo_id)
    payout = locks.payout(marketplace=marketplace, id=found.pk)
    if payout.status != "pending":
        return payout
    payout.status = "succeeded" if succeeded else "failed"
    payout.failure_message = "" if succeeded else (message or "failed")[:2000]
    payout.settled_at = at
    payout.save(update_fields=["status", "failure_message", "settled_at"])
    events = ChangeEvents(marketplace, actor, at)
    if succeeded:
        events.memo("credit_memo.payout_succeeded", memo)
    else:
        memo.paid_out_amount -= payout.amount
        entries = [reversal_of(marketplace=marketplace, source=("payout", payout.id),
                               kind="payout", reversal_kind="payout_failed")]
        if memo.status == "closed":
            memo.closed_amount += payout.amount
            entries.append(postings.credit_written_off(memo=memo, source=("payout", payout.id),
                                                       amount=payout.amount))
        else:
            memo.remaining_amount += payout.amount
        save_amounts(memo)
        entries_post(marketplace=marketplace, at=at, postings=[e for e in entries if e])
        events.memo("credit_memo.payout_failed", memo)
    events.record()
    return payout
