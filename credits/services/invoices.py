"""Issuing invoices. Issuing draws on the customer's credit when the marketplace's
`auto_apply_credit_to_new_invoices` is on, so it is orchestrated here, above invoicing."""


from common.errors import InvalidState
from common.parsing import parse_bool
from common.transactions import service
from credits import locks
from credits.models import CreditMemo
from credits.services.core import Outbox, apply_credit
from credits.services.rules import eligibility_error
from invoicing import locks as invoice_locks
from invoicing.models import Invoice
from invoicing.services import (
    invoice_draft_create,
    invoice_get,
    invoice_issued_events,
    invoice_number,
    invoice_open,
)


def _memos_for(*, marketplace, invoice) -> list[CreditMemo]:
    """The customer's memos that may go to `invoice`, locked (before the invoice)."""
    if not marketplace.auto_apply_credit_to_new_invoices:
        return []
    candidates = CreditMemo.objects.filter(
        marketplace=marketplace, company_id=invoice.company_id, currency=invoice.currency,
        status__in=["unapplied", "partially_applied"], remaining_amount__gt=0,
    )
    if not marketplace.company_wide_billing:
        candidates = candidates.filter(user_id=invoice.user_id)
    ids = list(candidates.values_list("id", flat=True))
    return list(locks.memos(marketplace=marketplace, ids=ids).values())


def issue(*, marketplace, invoice: Invoice, memos: list[CreditMemo], actor, at) -> Invoice:
    invoice_open(invoice=invoice, at=at)
    outbox = Outbox(marketplace, actor, at)
    for memo in sorted(memos, key=lambda m: (m.issued_at, m.id)):
        if invoice.status != "open":
            break
        if not memo.is_usable or memo.remaining_amount == 0:
            continue
        if eligibility_error(memo=memo, invoice=invoice, marketplace=marketplace):
            continue
        apply_credit(marketplace=marketplace, memo=memo, invoice=invoice,
                     amount=min(memo.remaining_amount, invoice.amount_due), actor=actor, at=at,
                     outbox=outbox)
    # "invoice.paid" from a credit application is said by invoice_issued_events instead.
    outbox.items = [i for i in outbox.items if i[0] != "invoice.paid"]
    invoice_number(invoice=invoice)
    invoice_issued_events(invoice=invoice, actor=actor, at=at)
    outbox.flush()
    return invoice


@service
def invoice_create(*, marketplace, company_id, lines, user_id=None, currency=None,
                   due_date=None, finalize=True, actor, at) -> Invoice:
    finalize = parse_bool(finalize, param="finalize", default=True)
    invoice = invoice_draft_create(marketplace=marketplace, company_id=company_id,
                                   user_id=user_id, currency=currency, due_date=due_date,
                                   lines=lines, at=at)
    if finalize:
        # The new invoice is not visible to anyone else: locking the memos after it is safe.
        issue(marketplace=marketplace, invoice=invoice,
              memos=_memos_for(marketplace=marketplace, invoice=invoice), actor=actor, at=at)
    else:
        # A draft is a change too: its audit trail starts here, as a memo draft's does.
        outbox = Outbox(marketplace, actor, at)
        outbox.invoice("invoice.created", invoice)
        outbox.flush()
    return invoice


@service
def invoice_finalize(*, marketplace, invoice_id, actor, at) -> Invoice:
    found = invoice_get(marketplace=marketplace, invoice_id=invoice_id)
    if found.status != "draft":
        raise InvalidState(f"invoice is {found.status}, not a draft")
    memos = _memos_for(marketplace=marketplace, invoice=found)
    invoice = invoice_locks.invoice(marketplace=marketplace, id=found.pk)
    if invoice.status != "draft":
        raise InvalidState(f"invoice is {invoice.status}, not a draft")
    return issue(marketplace=marketplace, invoice=invoice, memos=memos, actor=actor, at=at)
