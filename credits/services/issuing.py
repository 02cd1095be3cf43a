"""Issuing a credit memo: a draft (or a memo planned in this very change) becomes issued.

In order: the memo is opened (its balance, its ledger entry, its PDF job), applied as its
creation asked (the source invoice, `apply_to`, or auto-apply), the entries of the change
are posted together, and then, as the last write, the memo takes its gapless number and its
row is written. The number's counter is locked from that moment until the commit, and
serialises every issue of the marketplace: so nothing but the memo's row and the change's
events comes after it. The events are built then, from the memo as the change leaves it.

A memo planned in this change (`issue_new`) is written already issued: its lines and
applications go in first (foreign keys are checked at commit), its row last, in one INSERT.
A saved draft (`issue_draft`) is checked again and written with one UPDATE."""

from common.errors import InvalidState
from common.ids import parse_id
from common.money import ZERO, allocate_cumulative, format_amount
from credits import locks, postings
from credits.compute import Credited, ExceedsCreditableAmount, MemoPlan
from credits.models import CreditMemo, CreditMemoLine
from credits.selectors import credited_by_line
from credits.services.core import ChangeEvents, auto_apply
from credits.services.planning import check_source_invoice
from credits.services.rules import eligibility_error
from credits.tasks import pdf_schedule
from documents.numbering import next_number
from ledger.services import Posting, entries_post

ISSUE_FIELDS = ["issued_at", "number", "status", "subtotal", "tax_total", "total",
                "applied_amount", "paid_out_amount", "closed_amount", "remaining_amount"]


def memo_of_plan(*, marketplace, plan: MemoPlan, at, **fields) -> CreditMemo:
    """A draft of `plan`, not yet written; its lines (not written either) are its
    `planned_lines`."""
    memo = CreditMemo(
        marketplace=marketplace, status="draft", currency=plan.currency, subtotal=plan.subtotal,
        tax_total=plan.tax_total, total=plan.total, remaining_amount=plan.total, created_at=at,
        **fields,
    )
    memo.planned_lines = [
        CreditMemoLine(
            memo=memo, position=i, product=line.product, name=line.name,
            description=line.description, quantity=line.quantity, unit_price=line.unit_price,
            amount=line.amount, tax_rate=line.tax_rate, tax_amount=line.tax_amount,
            total=line.total, billing_action=line.billing_action,
            period_start=line.period_start, period_end=line.period_end,
            subscription=line.subscription, source_invoice_line=line.source_invoice_line,
            custom_charge=line.custom_charge, tax_category=line.tax_category,
            tax_exemption_reason_code=line.tax_exemption_reason_code,
            tax_exemption_reason=line.tax_exemption_reason,
        )
        for i, line in enumerate(plan.lines)
    ]
    return memo


def draft_save(*, marketplace, plan: MemoPlan, at, **fields) -> CreditMemo:
    """Write a draft of `plan` with its lines."""
    memo = memo_of_plan(marketplace=marketplace, plan=plan, at=at, **fields)
    memo.save(force_insert=True)
    CreditMemoLine.objects.bulk_create(memo.planned_lines)
    return memo


def memo_open(*, memo: CreditMemo, at) -> Posting:
    """Open a draft in memory: issued now with its whole total remaining; its PDF job is
    queued. Returns its ledger entry, to post."""
    memo.issued_at = at
    memo.applied_amount = memo.paid_out_amount = memo.closed_amount = 0
    memo.remaining_amount = memo.total
    memo.status = memo.derive_status()
    pdf_schedule(marketplace_id=memo.marketplace_id, memo_id=memo.id)
    return postings.memo_issued(memo)


def number_take(*, memo: CreditMemo) -> None:
    """The memo's gapless number: the last write of an issue but for the memo's row and
    the change's events."""
    memo.number = next_number(marketplace=memo.marketplace, document_type="credit_memo")


def _issue(*, marketplace, memo, lines, invoices: dict, actor, at, write) -> CreditMemo:
    """Open the memo, apply it as its creation asked, post the change's entries; then, last,
    take its number and `write()` its row; then record the events (the memo's payload shows
    `lines` and the applications made)."""
    events = ChangeEvents(marketplace, actor, at)
    entries = [memo_open(memo=memo, at=at)]
    events.memo("credit_memo.issued", memo)
    if memo.apply_mode == "source":
        source = invoices.get(memo.source_invoice_id)
        targets = [source] if source is not None and source.status == "open" else []
    elif memo.apply_mode == "list":
        targets = [invoices[parse_id(t)] for t in memo.apply_to]
        for invoice in targets:
            error = eligibility_error(memo=memo, invoice=invoice, marketplace=marketplace)
            if error:
                raise error
    elif memo.apply_mode == "auto":
        targets = invoices.values()
    else:
        targets = []
    made = auto_apply(marketplace=marketplace, memo=memo, invoices=targets, actor=actor, at=at,
                      events=events) if targets else []
    entries_post(marketplace=marketplace, at=at,
                 postings=entries + [posting for _, posting in made])
    memo._related_rows = {"lines": lines, "applications": [a for a, _ in made],
                          "payouts": []}
    number_take(memo=memo)
    write()
    events.record()
    return memo


def issue_new(*, marketplace, memo: CreditMemo, invoices: dict, actor, at) -> CreditMemo:
    """Issue a memo of this change (`memo_of_plan`), planned under the lock of its source
    invoice if it has one (so its lines need no second check). `invoices`: those it is to
    be applied to, locked ({id: invoice}; for auto-apply, in the order to apply)."""
    CreditMemoLine.objects.bulk_create(memo.planned_lines)
    return _issue(marketplace=marketplace, memo=memo, lines=memo.planned_lines,
                  invoices=invoices, actor=actor, at=at,
                  write=lambda: memo.save(force_insert=True))


def issue_draft(*, marketplace, memo: CreditMemo, actor, at) -> CreditMemo:
    """Issue a locked draft: the invoices it touches are locked after it; a memo from an
    invoice is checked again against what is credited now."""
    if memo.status != "draft":
        raise InvalidState(f"credit memo is {memo.status}, not a draft")
    if memo.apply_mode == "auto":
        invoices = {i.id: i for i in locks.open_invoices_for(marketplace=marketplace,
                                                              memo=memo)}
    else:
        invoices = locks.invoices_for_memo(marketplace=marketplace, memo=memo,
                                           targets=memo.apply_to)
    lines = list(memo.lines.all())
    if memo.source_invoice_id and memo.origin == "invoice":
        memo.source_invoice = invoices[memo.source_invoice_id]
        check_source_invoice(memo.source_invoice)
        _recheck_invoice_lines(memo, lines)
    return _issue(marketplace=marketplace, memo=memo, lines=lines, invoices=invoices,
                  actor=actor, at=at, write=lambda: memo.save(update_fields=ISSUE_FIELDS))


def _recheck_invoice_lines(memo, lines) -> None:
    """A draft reserved nothing: check its lines against what is credited now, and allocate
    their tax afresh, so that all credits of a line never exceed its net or its tax."""
    crediting = [line for line in lines if line.source_invoice_line_id]
    if not crediting:
        return
    credited = credited_by_line(invoice=memo.source_invoice, exclude_memo_id=memo.id)
    sources = {line.id: line for line in memo.source_invoice.lines.all()}
    for i, line in enumerate(crediting):
        source = sources[line.source_invoice_line_id]
        got = credited.get(source.id, Credited())
        left = source.amount - got.amount
        if abs(line.amount) > abs(left) or (left == 0):
            raise ExceedsCreditableAmount(
                f"the line {source.name} has {format_amount(abs(left), memo.currency)} left "
                "to credit", param=f"lines[{i}]")
        tax = allocate_cumulative(total=source.tax_amount, base=source.amount,
                                  before=got.amount, now=line.amount,
                                  allocated_before=got.tax, currency=memo.currency)
        if tax != line.tax_amount:
            line.tax_amount, line.total = tax, line.amount + tax
            line.save(update_fields=["tax_amount", "total"])
    memo.subtotal = sum((line.amount for line in lines), ZERO)
    memo.tax_total = sum((line.tax_amount for line in lines), ZERO)
    memo.total = memo.subtotal + memo.tax_total
