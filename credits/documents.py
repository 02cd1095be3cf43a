"""A credit memo's documents: its plain document data (what documents' renderers take), its
PDF (stored by its job after issue, or at the first download) and its UBL CreditNote.

    {"kind": "credit_memo", "document": <the API shape, without `reason`>,
     "seller": party, "customer": party (the payer), "billed": party | None (the end
     customer, when another than the payer), "references": [{id, number, issued_date}]
     (the invoices the memo credits), "marketplace": {"name"}}

with `party` as customers.documents.party_data makes it."""

from common.errors import NotFound
from common.ids import parse_id
from credits.models import CreditMemo
from credits.serializers import memo_data
from customers.documents import parties_data
from documents import services as documents
from invoicing.models import Invoice
from notifications.services import event_record

KIND = "credit_memo"


def memo_load(*, memo_id, marketplace=None) -> CreditMemo:
    """The credit memo, scoped to the marketplace when one is given."""
    pk = parse_id(memo_id)
    memos = CreditMemo.objects.select_related("company", "billed_company", "marketplace")
    if marketplace is not None:
        memos = memos.filter(marketplace=marketplace)
    memo = memos.filter(pk=pk).first() if pk else None
    if memo is None:
        raise NotFound("no such credit memo", param="id")
    return memo


def _references(memo) -> list[dict]:
    """The invoices the memo credits: its source invoice and those of its lines."""
    ids = set(memo.lines.filter(source_invoice_line__isnull=False)
              .values_list("source_invoice_line__invoice_id", flat=True))
    if memo.source_invoice_id:
        ids.add(memo.source_invoice_id)
    invoices = Invoice.objects.filter(pk__in=ids, number__isnull=False).order_by("issued_at",
                                                                                 "number")
    return [{"id": str(i.id), "number": i.number,
             "issued_date": i.issued_at.date().isoformat() if i.issued_at else None}
            for i in invoices]


def memo_document_data(memo) -> dict:
    return {"kind": KIND, "document": memo_data(memo), **parties_data(memo),
            "references": _references(memo), "marketplace": {"name": memo.marketplace.name}}


def _record_pdf_created(memo, *, actor: str, at):
    def on_stored(generated, data) -> None:
        event_record(marketplace=memo.marketplace, type="credit_memo.pdf_created",
                     actor=actor, subject=(KIND, memo.id), data=data["document"], at=at)

    return on_stored


def memo_pdf_generate(*, memo, actor: str, at, force: bool = False):
    """Render and store the issued memo's PDF, with `credit_memo.pdf_created` in the same
    transaction; without `force`, a PDF already stored is kept."""
    return documents.pdf_generate(
        marketplace_id=memo.marketplace_id, kind=KIND, document_id=memo.id,
        number=memo.number, data=lambda: memo_document_data(memo), at=at, force=force,
        on_stored=_record_pdf_created(memo, actor=actor, at=at))


def memo_pdf_bytes(*, memo, actor: str, at) -> tuple[bytes, str]:
    """What a download answers (see documents.services.pdf_bytes)."""
    return documents.pdf_bytes(
        marketplace_id=memo.marketplace_id, kind=KIND, document_id=memo.id,
        number=memo.number, status=memo.status, data=lambda: memo_document_data(memo), at=at,
        on_stored=_record_pdf_created(memo, actor=actor, at=at))


def memo_pdf_render(*, memo) -> bytes:
    """The memo as it is now, rendered and stored nowhere."""
    return documents.pdf_render(marketplace_id=memo.marketplace_id, kind=KIND,
                                data=memo_document_data(memo))


def memo_ubl(*, memo) -> bytes:
    return documents.ubl_document(data=memo_document_data(memo))


def memo_pdf_attachment(data: dict) -> tuple[str, bytes]:
    """The stored PDF of the memo an e-mail is about (`data` is its event's payload), for
    notifications.attachments. Never renders: before the PDF job stored it, NotReady."""
    from notifications.attachments import NotReady

    memo = memo_load(memo_id=data["id"])
    stored = documents.pdf_stored(kind=KIND, document_id=memo.id)
    if stored is None:
        raise NotReady(f"the PDF of credit memo {memo.number} is not stored yet")
    content, name = stored
    return name, content
