"""An invoice's documents: its plain document data (what documents' renderers take), its
PDF (stored by its job after issue, or at the first download) and its UBL Invoice.

    {"kind": "invoice", "document": <the API shape>, "seller": party, "customer": party (the
     payer), "billed": party | None (the end customer, when another than the payer),
     "references": [], "marketplace": {"name"}}

with `party` as customers.documents.party_data makes it."""

from common.errors import NotFound
from common.ids import parse_id
from customers.documents import parties_data
from documents import services as documents
from invoicing.models import Invoice
from invoicing.serializers import invoice_data
from notifications.services import event_record

KIND = "invoice"


def invoice_load(*, invoice_id, marketplace=None) -> Invoice:
    """The invoice, scoped to the marketplace when one is given."""
    pk = parse_id(invoice_id)
    invoices = Invoice.objects.select_related("company", "billed_company", "marketplace")
    if marketplace is not None:
        invoices = invoices.filter(marketplace=marketplace)
    invoice = invoices.filter(pk=pk).first() if pk else None
    if invoice is None:
        raise NotFound("no such invoice", param="id")
    return invoice


def invoice_document_data(invoice) -> dict:
    return {"kind": KIND, "document": invoice_data(invoice), **parties_data(invoice),
            "references": [], "marketplace": {"name": invoice.marketplace.name}}


def _record_pdf_created(invoice, *, actor: str, at):
    def on_stored(generated, data) -> None:
        event_record(marketplace=invoice.marketplace, type="invoice.pdf_created", actor=actor,
                     subject=(KIND, invoice.id), data=data["document"], at=at)

    return on_stored


def invoice_pdf_generate(*, invoice, actor: str, at, force: bool = False):
    """Render and store the issued invoice's PDF, with `invoice.pdf_created` in the same
    transaction; without `force`, a PDF already stored is kept."""
    return documents.pdf_generate(
        marketplace_id=invoice.marketplace_id, kind=KIND, document_id=invoice.id,
        number=invoice.number, data=lambda: invoice_document_data(invoice), at=at,
        force=force, on_stored=_record_pdf_created(invoice, actor=actor, at=at))


def invoice_pdf_bytes(*, invoice, actor: str, at) -> tuple[bytes, str]:
    """What a download answers (see documents.services.pdf_bytes)."""
    return documents.pdf_bytes(
        marketplace_id=invoice.marketplace_id, kind=KIND, document_id=invoice.id,
        number=invoice.number, status=invoice.status,
        data=lambda: invoice_document_data(invoice), at=at,
        on_stored=_record_pdf_created(invoice, actor=actor, at=at))


def invoice_pdf_render(*, invoice) -> bytes:
    """The invoice as it is now, rendered and stored nowhere."""
    return documents.pdf_render(marketplace_id=invoice.marketplace_id, kind=KIND,
                                data=invoice_document_data(invoice))


def invoice_ubl(*, invoice) -> bytes:
    return documents.ubl_document(data=invoice_document_data(invoice))


def invoice_pdf_attachment(data: dict) -> tuple[str, bytes]:
    """The stored PDF of the invoice an e-mail is about (`data` is its event's payload), for
    notifications.attachments. Never renders: before the PDF job stored it, NotReady."""
    from notifications.attachments import NotReady

    invoice = invoice_load(invoice_id=data["id"])
    stored = documents.pdf_stored(kind=KIND, document_id=invoice.id)
    if stored is None:
        raise NotReady(f"the PDF of invoice {invoice.number} is not stored yet")
    content, name = stored
    return name, content
