"""Building blocks shared by the credit services. None opens a transaction: each runs inside
the caller's, with the rows it changes already locked (memos first, then invoices by id)."""

from dataclasses import dataclass, field

from credits import postings
from credits.models import Application, CreditMemo
from credits.serializers import memo_data
from credits.services.rules import check_amount, eligibility_error
from invoicing.models import Invoice
from invoicing.serializers import invoice_data
from invoicing.services import invoice_add_credit
from ledger.services import Posting, entries_post
from notifications.services import events_record

MEMO_AMOUNT_FIELDS = ["applied_amount", "paid_out_amount", "closed_amount", "remaining_amount",
                      "status"]


def save_amounts(memo: CreditMemo, *extra: str) -> None:
    memo.status = memo.derive_status()
    memo.save(update_fields=[*MEMO_AMOUNT_FIELDS, *extra])


@dataclass
class ChangeEvents:
    """The events of one change, gathered as it goes and recorded together when it is done
    (`record`, after every write of the change, a memo's number included): each document's
    payload is built once, as the change leaves it, and shared by all its events.

    Each memo recorded keeps its payload as `memo.event_data` (without `reason`, like every
    event), so that an answer can show it without serialising it again."""

    marketplace: object
    actor: str
    at: object
    items: list = field(default_factory=list)
    # Applications made by one change share its time; this gives each its position.
    applications_made: int = 0

    def memo(self, type: str, memo: CreditMemo) -> None:
        self.items.append((type, "credit_memo", memo))

    def invoice(self, type: str, invoice: Invoice) -> None:
        self.items.append((type, "invoice", invoice))

    def record(self) -> None:
        payloads = {}
        for _, subject_type, obj in self.items:
            key = (subject_type, id(obj))
            if key not in payloads:
                if subject_type == "credit_memo":
                    payloads[key] = obj.event_data = memo_data(obj)
                else:
                    payloads[key] = invoice_data(obj)
        events_record(marketplace=self.marketplace, actor=self.actor, at=self.at, events=[
            (type, (subject_type, obj.id), payloads[(subject_type, id(obj))])
            for type, subject_type, obj in self.items])
        self.items = []


def application_make(*, marketplace, memo: CreditMemo, invoice: Invoice, amount, actor, at,
                     events: ChangeEvents) -> tuple[Application, Posting]:
    """Apply `amount` of a locked memo to a locked invoice, if every rule holds: the
    application and the invoice are written, the memo's amounts change in memory (the caller
    saves the memo), and the journal entry is returned for the caller to post."""
    error = eligibility_error(memo=memo, invoice=invoice, marketplace=marketplace)
    if error:
        raise error
    check_amount(memo=memo, invoice=invoice, amount=amount)
    application = Application.objects.create(
        marketplace=marketplace, memo=memo, invoice=invoice, amount=amount,
        original_amount=amount, invoice_amount_due_before=invoice.amount_due, applied_at=at,
        position=events.applications_made, applied_by=actor,
    )
    events.applications_made += 1
    memo.applied_amount += amount
    memo.remaining_amount -= amount
    memo.status = memo.derive_status()
    if invoice_add_credit(invoice=invoice, amount=amount):
        events.invoice("invoice.paid", invoice)
    events.memo("credit_memo.applied", memo)
    return application, postings.credit_applied(application, memo=memo, invoice=invoice)


def apply_credit(*, marketplace, memo: CreditMemo, invoice: Invoice, amount, actor, at,
                 events: ChangeEvents) -> Application:
    """`application_make` for a memo already issued: its amounts saved, the entry posted."""
    application, posting = application_make(marketplace=marketplace, memo=memo,
                                             invoice=invoice, amount=amount, actor=actor, at=at,
                                             events=events)
    save_amounts(memo)
    entries_post(marketplace=marketplace, postings=[posting], at=at)
    return application


def auto_apply(*, marketplace, memo, invoices, actor, at,
               events) -> list[tuple[Application, Posting]]:
    """Apply a locked memo to the locked `invoices` it may go to, in order, each taking up to
    its amount due, until nothing remains. The memo's amounts change in memory (the caller
    saves it); the applications are returned with their entries to post."""
    made = []
    for invoice in invoices:
        if memo.remaining_amount == 0:
            break
        if eligibility_error(memo=memo, invoice=invoice, marketplace=marketplace):
            continue
        made.append(application_make(
            marketplace=marketplace, memo=memo, invoice=invoice,
            amount=min(memo.remaining_amount, invoice.amount_due), actor=actor, at=at,
            events=events))
    return made
