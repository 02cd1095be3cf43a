"""Building blocks shared by the credit services. None opens a transaction: each runs inside
the caller's, with the rows it changes already locked (memos first, then invoices by id)."""

from dataclasses import dataclass, field

from credits.models import Application, CreditMemo
from credits.serializers import memo_data
from credits.services.rules import check_amount, eligibility_error
from documents.numbering import next_number
from documents.services import pdf_schedule
from invoicing import locks as invoice_locks
from invoicing.models import Invoice
from invoicing.serializers import invoice_data
from invoicing.services import invoice_add_credit
from ledger.services import entry_post
from notifications.services import events_record

MEMO_AMOUNT_FIELDS = ["applied_amount", "paid_out_amount", "closed_amount", "remaining_amount",
                      "status"]


def save_amounts(memo: CreditMemo, *extra: str) -> None:
    memo.status = memo.derive_status()
    memo.save(update_fields=[*MEMO_AMOUNT_FIELDS, *extra])


@dataclass
class Outbox:
    """Events gathered during a change and recorded at its end, after the number is taken,
    so each payload shows the documents as the change leaves them.

    A memo issued in the change takes its number here too (`number_last`), between reading
    the payloads and recording the events: the counter's row lock, which serialises every
    issue of the marketplace until the commit, is then held only for the number, its row
    and the events, not for the reads of the payloads."""

    marketplace: object
    actor: str
    at: object
    items: list = field(default_factory=list)
    applications_made: int = 0
    to_number: list = field(default_factory=list)

    def memo(self, type: str, memo: CreditMemo) -> None:
        self.items.append((type, "credit_memo", memo))

    def invoice(self, type: str, invoice: Invoice) -> None:
        self.items.append((type, "invoice", invoice))

    def number_last(self, memo: CreditMemo) -> None:
        """Take the memo's number at the flush (the last write of the change)."""
        self.to_number.append(memo)

    def flush(self) -> None:
        # A document in several events is read and serialised once: all show it as the
        # change leaves it.
        payloads = {}
        for _, subject_type, obj in self.items:
            key = (subject_type, id(obj))
            if key not in payloads:
                payloads[key] = (memo_data(obj) if subject_type == "credit_memo"
                                 else invoice_data(obj))
        for memo in self.to_number:
            memo_number(memo=memo)
            _show_number(payloads.values(), memo)
        self.to_number.clear()
        events_record(marketplace=self.marketplace, actor=self.actor, at=self.at, events=[
            (type, (subject_type, obj.id), payloads[(subject_type, id(obj))])
            for type, subject_type, obj in self.items])
        self.items.clear()


def _show_number(payloads, memo: CreditMemo) -> None:
    """Write a number just taken into payloads read before it: the memo's own, and the
    applications of invoices it was applied to."""
    memo_id = str(memo.id)
    for data in payloads:
        if data.get("object") == "credit_memo" and data["id"] == memo_id:
            data["number"] = memo.number
        for application in data.get("credit_applications", ()):
            if application["credit_memo_id"] == memo_id:
                application["credit_memo_number"] = memo.number


def apply_credit(*, marketplace, memo: CreditMemo, invoice: Invoice, amount, actor, at,
                 outbox: Outbox) -> Application:
    """Apply `amount` of a locked memo to a locked invoice, if every rule holds."""
    error = eligibility_error(memo=memo, invoice=invoice, marketplace=marketplace)
    if error:
        raise error
    check_amount(memo=memo, invoice=invoice, amount=amount)
    application = Application.objects.create(
        marketplace=marketplace, memo=memo, invoice=invoice, amount=amount,
        original_amount=amount, invoice_amount_due_before=invoice.amount_due, applied_at=at,
        position=outbox.applications_made, applied_by=actor,
    )
    outbox.applications_made += 1
    memo.applied_amount += amount
    memo.remaining_amount -= amount
    save_amounts(memo)
    if invoice_add_credit(invoice=invoice, amount=amount):
        outbox.invoice("invoice.paid", invoice)
    entry_post(
        marketplace=marketplace, kind="credit_applied", source=("application", application.id),
        currency=memo.currency, at=at,
        lines=[("customer_credit", memo.company_id, amount),
               ("receivables", invoice.company_id, -amount)],
    )
    outbox.memo("credit_memo.applied", memo)
    return application


def memo_open(*, memo: CreditMemo, at) -> None:
    """Issue a locked draft, without its number: its balance and the ledger entry."""
    memo.issued_at = at
    memo.applied_amount = memo.paid_out_amount = memo.closed_amount = 0
    memo.remaining_amount = memo.total
    save_amounts(memo, "issued_at")
    c = memo.company_id
    entry_post(
        marketplace=memo.marketplace, kind="credit_memo_issued", source=("credit_memo", memo.id),
        currency=memo.currency, at=at,
        lines=[("sales_allowances", c, memo.subtotal), ("tax_payable", c, memo.tax_total),
               ("customer_credit", c, -memo.total)],
    )
    pdf_schedule(marketplace_id=memo.marketplace_id, kind="credit_memo", document_id=memo.id)


def memo_number(*, memo: CreditMemo) -> None:
    """Take the memo's number: the last write of an issue but for its events."""
    memo.number = next_number(marketplace=memo.marketplace, document_type="credit_memo")
    CreditMemo.objects.filter(pk=memo.pk).update(number=memo.number)


def open_invoices_for(*, marketplace, memo) -> list:
    """Open invoices the memo may go to (currency, payer, user unless company-wide billing),
    locked, oldest due date first, then oldest issued."""
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


def auto_apply_memo(*, marketplace, memo, invoices, actor, at, outbox) -> list:
    applications = []
    for invoice in invoices:
        if memo.remaining_amount == 0:
            break
        if eligibility_error(memo=memo, invoice=invoice, marketplace=marketplace):
            continue
        amount = min(memo.remaining_amount, invoice.amount_due)
        applications.append(apply_credit(marketplace=marketplace, memo=memo, invoice=invoice,
                                         amount=amount, actor=actor, at=at, outbox=outbox))
    return applications
