"""Row locks for credit memos: always before any invoice lock, several in id order; and the
locked look-ups of the credit services (each one query: the row read and locked at once)."""

from django.db.models import Exists, OuterRef, Q

from common.errors import NotFound
from common.ids import parse_id
from credits.models import CreditMemo, Payout
from customers.models import Company
from invoicing import locks as invoice_locks
from invoicing.models import Invoice


def memos(*, marketplace, ids) -> dict:
    rows = (
        CreditMemo.objects.select_for_update(no_key=True, of=("self",))
        .filter(marketplace=marketplace, pk__in=list(ids))
        .order_by("id")
    )
    return {row.pk: row for row in rows}


def memo(*, marketplace, id) -> CreditMemo | None:
    return memos(marketplace=marketplace, ids=[id]).get(id)


def memo_found(*, marketplace, memo_id, param="id") -> CreditMemo:
    """The marketplace's memo `memo_id`, locked, else NotFound naming `param`."""
    pk = parse_id(memo_id)
    found = memo(marketplace=marketplace, id=pk) if pk else None
    if found is None:
        raise NotFound("no such credit memo", param=param)
    return found


def payout(*, marketplace, id) -> Payout | None:
    return Payout.objects.select_for_update(no_key=True, of=("self",)).filter(
        marketplace=marketplace, pk=id
    ).first()


def invoices_to_credit(*, marketplace, source_id, apply_to) -> tuple[Invoice, dict]:
    """A credit's source invoice and the invoices it may be applied to (the ids `apply_to`
    holds, as sent: checked later), locked in id order, in one query: (the source invoice,
    {id: invoice} of all). The
    source invoice is NotFound (param `id`) when it is not the marketplace's. Each invoice
    has `has_own_party`: the marketplace's own company pays or is billed for it."""
    pk = parse_id(source_id)
    if pk is None:
        raise NotFound("no such invoice", param="id")
    ids = {pk}
    if isinstance(apply_to, list):
        ids |= {parse_id(t) for t in apply_to} - {None}
    own = Company.objects.filter(Q(pk=OuterRef("company_id")) | Q(pk=OuterRef("billed_company_id")),
                                 is_own=True)
    rows = (Invoice.objects.select_for_update(no_key=True, of=("self",))
            .filter(marketplace=marketplace, pk__in=ids)
            .annotate(has_own_party=Exists(own)).order_by("id"))
    locked = {row.pk: row for row in rows}
    if pk not in locked:
        raise NotFound("no such invoice", param="id")
    return locked[pk], locked


def check_targets(*, locked: dict, targets: list[str]) -> None:
    for i, target in enumerate(targets):
        if parse_id(target) not in locked:
            raise NotFound("no such invoice", param=f"apply_to[{i}]")


def invoices_for_memo(*, marketplace, memo, targets: list[str]) -> dict:
    """The invoices issuing a locked `memo` touches (its source, its `apply_to`), locked after
    it, in id order: {id: invoice}."""
    ids = {parse_id(t) for t in targets} - {None}
    if memo.source_invoice_id:
        ids.add(memo.source_invoice_id)
    locked = invoice_locks.invoices(marketplace=marketplace, ids=ids)
    check_targets(locked=locked, targets=targets)
    return locked


def open_invoices_for(*, marketplace, memo) -> list:
    """Open invoices a locked memo may go to (currency, payer, user unless company-wide
    billing), locked, oldest due date first, then oldest issued."""
    candidates = Invoice.objects.filter(
        marketplace=marketplace, company_id=memo.company_id, currency=memo.currency,
        status="open",
    )
    if not marketplace.company_wide_billing:
        candidates = candidates.filter(user_id=memo.user_id)
    ids = list(candidates.values_list("id", flat=True))
    locked = invoice_locks.invoices(marketplace=marketplace, ids=ids).values()
    return sorted(
        (inv for inv in locked if inv.status == "open" and inv.amount_due > 0),
        key=lambda inv: (inv.due_date, inv.issued_at, inv.id),
    )


def memos_for_invoice(*, marketplace, invoice) -> list[CreditMemo]:
    """The customer's memos with credit left that may go to `invoice` (currency, payer, user
    unless company-wide billing), read and locked in id order in one query (before the
    invoice's lock)."""
    candidates = CreditMemo.objects.filter(
        marketplace=marketplace, company_id=invoice.company_id, currency=invoice.currency,
        status__in=["unapplied", "partially_applied"], remaining_amount__gt=0,
    )
    if not marketplace.company_wide_billing:
        candidates = candidates.filter(user_id=invoice.user_id)
    return list(candidates.select_for_update(no_key=True, of=("self",)).order_by("id"))
