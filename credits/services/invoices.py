"""Issuing invoices. Issuing draws on the customer's credit when the marketplace's
`auto_apply_credit_to_new_invoices` is on, so it is orchestrated here, above invoicing.

In order: the customer's memos that may go to the invoice are locked (memos before invoices);
the invoice is issued (a new one: its lines in one INSERT, its row comes last; a draft: one
UPDATE); credit is applied; the change's journal entries are posted together and the PDF job
queued; the payloads of the change's events are built. Then, as the last writes, the invoice
takes its gapless number (a new invoice's row is written now, as it stands, in one INSERT),
the number is written into the payloads, and the events are recorded in one batch. The
number's counter is locked from that moment until the commit and serialises every issue of
the marketplace, so only the invoice's row and the events come after it. The invoice's
payload is kept as `invoice.event_data`: the API answers it."""

from common.errors import InvalidState
from common.parsing import parse_bool
from common.transactions import service
from credits import locks
from credits.models import CreditMemo
from credits.serializers import memo_data, memos_read_related
from credits.services.core import ChangeEvents, application_make, save_amounts
from credits.services.rules import eligibility_error
from invoicing import locks as invoice_locks
from invoicing import postings as invoice_postings
from invoicing.models import Invoice, InvoiceLine
from invoicing.serializers import invoice_data, new_invoice_data
from invoicing.services import (
    NewInvoice,
    invoice_get,
    invoice_mark_issued,
    invoice_number_take,
    invoice_prepare,
    invoice_save,
)
from invoicing.tasks import pdf_schedule
from ledger.services import entries_post
from notifications.services import events_record

# What issuing a draft writes, with the amounts credit applied to it (saved as applied).
ISSUE_FIELDS = ["issued_at", "due_date", "status", "number", "amount_credited", "amount_due"]


def _memos_for(*, marketplace, invoice) -> list[CreditMemo]:
    """The customer's memos that may go to `invoice`, locked, when the marketplace applies
    credit to new invoices."""
    if not marketplace.auto_apply_credit_to_new_invoices:
        return []
    return locks.memos_for_invoice(marketplace=marketplace, invoice=invoice)


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


def _apply_and_post(*, marketplace, invoice: Invoice, memos, actor, at) -> tuple:
    """Apply credit, post the change's entries together, queue the PDF job. Returns the
    applications made and the change's events so far."""
    events = ChangeEvents(marketplace, actor, at)
    made = _apply_credit(marketplace=marketplace, invoice=invoice, memos=memos, actor=actor,
                         at=at, events=events)
    entries_post(marketplace=marketplace, at=at,
                 postings=[invoice_postings.invoice_issued(invoice), *(p for _, p in made)])
    pdf_schedule(marketplace_id=invoice.marketplace_id, invoice_id=invoice.id)
    return [a for a, _ in made], events


def _memo_events(events: ChangeEvents, applications) -> list:
    """The memo events of the change, each memo's payload built once (three reads for all).
    The applications made count whether or not the invoice's row is written yet."""
    applied = list({id(m): m for _, kind, m in events.items if kind == "credit_memo"}.values())
    if not applied:
        return []
    memos_read_related(applied)
    made = {a.id for a in applications}
    for memo in applied:
        rows = memo._related_rows["applications"]
        rows[:] = [a for a in rows if a.id not in made]
        rows += [a for a in applications if a.memo_id == memo.id]
    payloads = {memo.id: memo_data(memo) for memo in applied}
    return [(type, ("credit_memo", memo.id), payloads[memo.id])
            for type, kind, memo in events.items if kind == "credit_memo"]


def _record(*, marketplace, invoice: Invoice, data: dict, memo_events: list, actor, at
            ) -> Invoice:
    """Record the change's events in one batch, the number just taken written into the
    payloads built before it."""
    data["number"] = invoice.number
    for _, _, payload in memo_events:
        for application in payload["applications"]:
            if application["invoice_id"] == data["id"]:
                application["invoice_number"] = invoice.number
    subject = ("invoice", invoice.id)
    # "invoice.paid" from a credit application is said by the invoice's own events instead.
    recorded = [("invoice.issued", subject, data)]
    if invoice.status == "paid":
        recorded.append(("invoice.paid", subject, data))
    events_record(marketplace=marketplace, actor=actor, at=at, events=recorded + memo_events)
    invoice.event_data = data
    return invoice


def _issue(*, marketplace, invoice: Invoice, memos, actor, at, payload, write) -> Invoice:
    """Apply credit and post (`_apply_and_post`), build the payloads (`payload(applications)`
    for the invoice's), then, last, take the number, `write()` the row and record the
    events."""
    applications, events = _apply_and_post(marketplace=marketplace, invoice=invoice,
                                           memos=memos, actor=actor, at=at)
    data = payload(applications)
    memo_events = _memo_events(events, applications)
    invoice_number_take(invoice=invoice)
    write()
    return _record(marketplace=marketplace, invoice=invoice, data=data,
                   memo_events=memo_events, actor=actor, at=at)


def issue(*, marketplace, invoice: Invoice, memos: list[CreditMemo], actor, at) -> Invoice:
    """Issue a saved, locked draft, applying `memos` (locked before it): one UPDATE of its
    row, with the number, at the end."""
    invoice_mark_issued(invoice=invoice, at=at)
    return _issue(marketplace=marketplace, invoice=invoice, memos=memos, actor=actor, at=at,
                  payload=lambda applications: invoice_data(invoice),
                  write=lambda: invoice.save(update_fields=ISSUE_FIELDS))


def issue_new(*, marketplace, new: NewInvoice, actor, at) -> Invoice:
    """Write and issue an invoice checked and priced in this change (`invoice_prepare`,
    `invoice_priced`), applying the customer's available credit, in the caller's
    transaction. Its lines and applications are written first (foreign keys are checked at
    the commit), its row last, as it stands, with its number."""
    invoice = new.invoice
    memos = _memos_for(marketplace=marketplace, invoice=invoice)
    invoice_mark_issued(invoice=invoice, at=at)
    InvoiceLine.objects.bulk_create(new.lines)
    return _issue(marketplace=marketplace, invoice=invoice, memos=memos, actor=actor, at=at,
                  payload=lambda applications: new_invoice_data(
                      invoice, lines=new.lines, applications=applications),
                  write=lambda: invoice.save(force_insert=True))


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
