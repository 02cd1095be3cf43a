"""Issuing invoices. Issuing draws on the customer's credit when the marketplace's
`auto_apply_credit_to_new_invoices` is on, so it is orchestrated here, above invoicing.

In order: the customer's memos that may go to the invoice are locked (memos before invoices),
the invoice is written issued (a new one in one INSERT, its lines in another; a draft with one
UPDATE), credit is applied, the change's journal entries are posted together and the PDF job
queued; the payloads of the change's events are built; then, as the last write, the invoice
takes its gapless number, which is written into the payloads, and the events are recorded in
one batch. The number's counter is locked from that moment until the commit and serialises
every issue of the marketplace, so only the number's row, the invoice's number and the events
come after it. The invoice's payload is kept as `invoice.event_data`: the API answers it."""


from common.errors import InvalidState
from common.parsing import parse_bool
from common.transactions import service
from credits.models import CreditMemo
from credits.serializers import memo_data, memos_read_related
from credits.services.core import ChangeEvents, application_make, save_amounts
from credits.services.rules import eligibility_error
from documents.services import pdf_schedule
from invoicing import locks as invoice_locks
from invoicing import postings as invoice_postings
from invoicing.models import Invoice
from invoicing.serializers import invoice_data, new_invoice_data
from invoicing.services import (
    NewInvoice,
    invoice_get,
    invoice_mark_issued,
    invoice_number,
    invoice_open,
    invoice_prepare,
    invoice_save,
)
from ledger.services import entries_post
from notifications.services import events_record


def _memos_for(*, marketplace, invoice) -> list[CreditMemo]:
    """The customer's memos that may go to `invoice`, locked in id order (before the
    invoice), in one statement."""
    if not marketplace.auto_apply_credit_to_new_invoices:
        return []
    candidates = CreditMemo.objects.filter(
        marketplace=marketplace, company_id=invoice.company_id, currency=invoice.currency,
        status__in=["unapplied", "partially_applied"], remaining_amount__gt=0,
    )
    if not marketplace.company_wide_billing:
        candidates = candidates.filter(user_id=invoice.user_id)
    return list(candidates.select_for_update(no_key=True, of=("self",)).order_by("id"))


def _apply_credit(*, marketplace, invoice: Invoice, memos, actor, at,
                  events: ChangeEvents) -> list:
    """Apply the usable memos, oldest issued first, until the invoice is paid. Returns the
    (application, journal entry) made."""
    made = []
    for memo in sorted(memos, key=lambda m: (m.issued_at, m.id)):
        if invoice.status != "open":
            break
        if not memo.is_usable or memo.remaining_amount == 0:
            continue
        if eligibility_error(memo=memo, invoice=invoice, marketplace=marketplace):
            continue
        made.append(application_make(
            marketplace=marketplace, memo=memo, invoice=invoice,
            amount=min(memo.remaining_amount, invoice.amount_due), actor=actor, at=at,
            events=events))
        save_amounts(memo)
    return made


def _issue(*, marketplace, invoice: Invoice, memos, actor, at, lines=None) -> Invoice:
    """Apply credit to an invoice written issued, post, number it and record its events.
    `lines`: those of an invoice created in this change (its payload is then built without
    reading it back)."""
    events = ChangeEvents(marketplace, actor, at)
    made = _apply_credit(marketplace=marketplace, invoice=invoice, memos=memos, actor=actor,
                         at=at, events=events)
    entries_post(marketplace=marketplace, at=at,
                 postings=[invoice_postings.invoice_issued(invoice), *(p for _, p in made)])
    pdf_schedule(marketplace_id=invoice.marketplace_id, kind="invoice", document_id=invoice.id)
    data = (invoice_data(invoice) if lines is None else
            new_invoice_data(invoice, lines=lines, applications=[a for a, _ in made]))
    # "invoice.paid" from a credit application is said by the invoice's own events instead.
    applied = list({id(m): m for t, kind, m in events.items if kind == "credit_memo"}.values())
    if applied:
        memos_read_related(applied)
    memo_payloads = {memo.id: memo_data(memo) for memo in applied}

    invoice_number(invoice=invoice)
    data["number"] = invoice.number
    for payload in memo_payloads.values():
        for application in payload["applications"]:
            if application["invoice_id"] == data["id"]:
                application["invoice_number"] = invoice.number
    subject = ("invoice", invoice.id)
    recorded = [("invoice.issued", subject, data)]
    if invoice.status == "paid":
        recorded.append(("invoice.paid", subject, data))
    recorded += [(type, ("credit_memo", memo.id), memo_payloads[memo.id])
                 for type, kind, memo in events.items if kind == "credit_memo"]
    events_record(marketplace=marketplace, actor=actor, at=at, events=recorded)
    invoice.event_data = data
    return invoice


def issue(*, marketplace, invoice: Invoice, memos: list[CreditMemo], actor, at) -> Invoice:
    """Issue a saved, locked draft, applying `memos` (locked before it)."""
    invoice_open(invoice=invoice, at=at)
    return _issue(marketplace=marketplace, invoice=invoice, memos=memos, actor=actor, at=at)


def issue_new(*, marketplace, new: NewInvoice, actor, at) -> Invoice:
    """Write and issue an invoice checked and priced in this change (`invoice_prepare`,
    `invoice_priced`), applying the customer's available credit, in the caller's
    transaction."""
    memos = _memos_for(marketplace=marketplace, invoice=new.invoice)
    invoice_mark_issued(invoice=new.invoice, at=at)
    invoice_save(new)
    return _issue(marketplace=marketplace, invoice=new.invoice, memos=memos, actor=actor,
                  at=at, lines=new.lines)


@service
def invoice_create(*, marketplace, company_id, lines, user_id=None, currency=None,
                   due_date=None, finalize=True, actor, at) -> Invoice:
    finalize = parse_bool(finalize, param="finalize", default=True)
    new = invoice_prepare(marketplace=marketplace, company_id=company_id, user_id=user_id,
                          currency=currency, due_date=due_date, lines=lines, at=at)
    invoice = new.invoice
    if not finalize:
        # A draft is a change too: its audit trail starts here, as a memo draft's does.
        invoice_save(new)
        invoice.event_data = new_invoice_data(invoice, lines=new.lines, applications=[])
        events_record(marketplace=marketplace, actor=actor, at=at, events=[
            ("invoice.created", ("invoice", invoice.id), invoice.event_data)])
        return invoice
    return issue_new(marketplace=marketplace, new=new, actor=actor, at=at)


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
