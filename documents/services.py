"""PDF templates, generated PDFs and e-invoices of invoices and credit memos.

A PDF is generated in the background after issue (`pdf_schedule`, called by the issuing
services in their transaction), stored through Django's storage API, and followed by a
`<kind>.pdf_created` event. A download answers at once: the stored PDF, or one rendered and
stored then; a draft's or a void document's is rendered at each download, with its DRAFT or
VOID mark, and never read from storage. Rendering happens outside any transaction; only the
row and the event are written in one."""

import hashlib

from django.core.files.base import ContentFile
from django.db import IntegrityError
from django.db.models import Max

from common.errors import InvalidInput
from common.transactions import service
from documents import pdf, ubl
from documents.models import GeneratedPdf, PdfTemplate
from documents.samples import sample_data

KINDS = pdf.KINDS


def _check_kind(kind) -> str:
    if kind not in KINDS:
        raise InvalidInput(f"kind is one of {', '.join(KINDS)}", param="kind")
    return kind


def pdf_schedule(*, marketplace_id, kind: str, document_id) -> None:
    """Enqueue the PDF job in the caller's transaction (the issue), so it is never lost; one
    that a worker died running is redone by the outbox sweep (notifications.outbox)."""
    from documents.tasks import generate_pdf

    generate_pdf.enqueue(marketplace_id=str(marketplace_id), kind=kind,
                         document_id=str(document_id))


def template_source(*, marketplace_id, kind: str) -> str:
    stored = (PdfTemplate.objects.filter(marketplace_id=marketplace_id, kind=kind)
              .values_list("html", flat=True).first())
    return stored or pdf.default_template(kind)


def template_is_custom(*, marketplace_id, kind: str) -> bool:
    return PdfTemplate.objects.filter(marketplace_id=marketplace_id, kind=kind).exists()


@service
def pdf_template_update(*, marketplace, kind, html, actor, at) -> PdfTemplate:
    _check_kind(kind)
    html = pdf.check_template(html)
    # A template that cannot render the sample document is refused now, not at issue time.
    try:
        pdf.render_html(template_source=html, data=sample_data(kind))
    except Exception as error:  # noqa: BLE001 - any rendering error is the template's
        raise pdf.TemplateInvalid(f"the template does not render: {error}",
                                  param="html") from None
    template, _ = PdfTemplate.objects.update_or_create(
        marketplace=marketplace, kind=kind,
        defaults={"html": html, "updated_at": at, "updated_by": actor},
    )
    return template


@service
def pdf_template_reset(*, marketplace, kind) -> None:
    _check_kind(kind)
    PdfTemplate.objects.filter(marketplace=marketplace, kind=kind).delete()


def pdf_preview(*, kind, html) -> bytes:
    """The sample document rendered with a template that is being edited (stores nothing)."""
    _check_kind(kind)
    html = pdf.check_template(html)
    try:
        return pdf.render_pdf(template_source=html, data=sample_data(kind))
    except Exception as error:  # noqa: BLE001
        raise pdf.TemplateInvalid(f"the template does not render: {error}",
                                  param="html") from None


def _render(*, marketplace_id, kind, data) -> tuple[bytes, str]:
    source = template_source(marketplace_id=marketplace_id, kind=kind)
    try:
        return pdf.render_pdf(template_source=source, data=data), pdf.template_hash(source)
    except Exception:  # noqa: BLE001 - a broken custom template must not stop documents
        if source == pdf.default_template(kind):
            raise
        default = pdf.default_template(kind)
        return pdf.render_pdf(template_source=default, data=data), pdf.template_hash(default)


def pdf_current(*, kind: str, document_id) -> GeneratedPdf | None:
    return (GeneratedPdf.objects.filter(kind=kind, document_id=document_id)
            .order_by("-version").first())


def pdf_render(*, kind: str, document) -> bytes:
    """A PDF of the document as it is now, stored nowhere (drafts, previews of a change)."""
    from documents.sources import document_data

    data = document_data(kind=kind, document=document)
    return _render(marketplace_id=document.marketplace_id, kind=kind, data=data)[0]


def pdf_generate(*, kind: str, document, actor: str, at, force: bool = False) -> GeneratedPdf:
    """Render and store the PDF of an issued document, then record `<kind>.pdf_created`.
    Without `force`, a PDF already stored is kept (the job and a download may race)."""
    from documents.sources import document_data

    if not force:
        current = pdf_current(kind=kind, document_id=document.id)
        if current:
            return current
    data = document_data(kind=kind, document=document)
    content, template_hash = _render(marketplace_id=document.marketplace_id, kind=kind,
                                     data=data)
    try:
        return _pdf_store(kind=kind, document=document, data=data, content=content,
                          template_hash=template_hash, force=force, actor=actor, at=at)
    except IntegrityError:
        # Another process stored this version first: theirs is as good as ours.
        current = pdf_current(kind=kind, document_id=document.id)
        if current is None:
            raise
        return current


@service
def _pdf_store(*, kind, document, data, content, template_hash, force, actor,
               at) -> GeneratedPdf:
    """Store a rendered PDF as the next version, with its event: one transaction, or, in a
    request made once (a download or a regeneration with an Idempotency-Key), part of it."""
    from notifications.services import event_record

    version = (GeneratedPdf.objects.filter(kind=kind, document_id=document.id)
               .aggregate(v=Max("version"))["v"] or 0) + 1
    if version > 1 and not force:
        return pdf_current(kind=kind, document_id=document.id)
    generated = GeneratedPdf(
        marketplace_id=document.marketplace_id, kind=kind, document_id=document.id,
        number=document.number, version=version, size=len(content),
        sha256=hashlib.sha256(content).hexdigest(), template_hash=template_hash, created_at=at,
    )
    generated.file.save(f"{document.number}-v{version}.pdf", ContentFile(content), save=False)
    try:
        generated.save()
    except IntegrityError:
        generated.file.storage.delete(generated.file.name)
        raise
    event_record(marketplace=document.marketplace, type=f"{kind}.pdf_created", actor=actor,
                 subject=(kind, document.id), data=data["document"], at=at)
    return generated


def pdf_bytes(*, kind: str, document, actor: str, at) -> tuple[bytes, str]:
    """What a download answers: the stored PDF of an issued document (generated now if the
    job has not run yet), or, for a draft or a void document, one rendered now (DRAFT or
    VOID marked) and not stored: a PDF stored before the void never answers as if valid."""
    if document.status == "void":
        name = f"{document.number}-void.pdf" if document.number else \
            f"{kind}-void-{document.id}.pdf"
        return pdf_render(kind=kind, document=document), name
    if document.number is None:
        return pdf_render(kind=kind, document=document), f"{kind}-draft-{document.id}.pdf"
    generated = pdf_generate(kind=kind, document=document, actor=actor, at=at)
    with generated.file.open("rb") as handle:
        return handle.read(), f"{document.number}.pdf"


def ubl_document(*, kind: str, document) -> bytes:
    """The EN 16931 / Peppol BIS 3 UBL CreditNote or Invoice of an issued document."""
    from documents.sources import document_data

    return ubl.build(document_data(kind=kind, document=document))
