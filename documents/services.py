"""PDF templates, generated PDFs and e-invoices, rendered from plain document data.

`documents` knows no invoice or credit memo: the app that owns a document (credits,
invoicing) builds its plain data (see documents.pdf), schedules its PDF job after issue,
and records its `<kind>.pdf_created` event through `on_stored`, which runs in the
transaction that stores the PDF row. A download answers at once: the stored PDF, or one
rendered and stored then; a draft's or a void document's is rendered at each download, with
its DRAFT or VOID mark, and never read from storage. Rendering happens outside any
transaction; only the row (and what `on_stored` writes) are written in one.

`data` arguments below are functions that return the document's plain data: it is built only
when a PDF is rendered, not when a stored one answers."""

import hashlib
from collections.abc import Callable

from django.core.files.base import ContentFile
from django.db import IntegrityError
from django.db.models import Max

from common.errors import InvalidInput
from common.transactions import service
from documents import pdf, ubl
from documents.models import GeneratedPdf, PdfTemplate
from documents.samples import sample_data

KINDS = pdf.KINDS

# on_stored(generated, data): the owner's last work in the storing transaction (its event).
OnStored = Callable[[GeneratedPdf, dict], None]


def _check_kind(kind) -> str:
    if kind not in KINDS:
        raise InvalidInput(f"kind is one of {', '.join(KINDS)}", param="kind")
    return kind


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


def pdf_stored(*, kind: str, document_id) -> tuple[bytes, str] | None:
    """(the newest stored PDF, its file name as a download names it), or None when none is
    stored yet. Never renders."""
    generated = pdf_current(kind=kind, document_id=document_id)
    if generated is None:
        return None
    with generated.file.open("rb") as handle:
        return handle.read(), f"{generated.number}.pdf"


def pdf_render(*, marketplace_id, kind: str, data: dict) -> bytes:
    """A PDF of the document data as given, stored nowhere (drafts, void documents)."""
    return _render(marketplace_id=marketplace_id, kind=_check_kind(kind), data=data)[0]


def pdf_generate(*, marketplace_id, kind: str, document_id, number: str,
                 data: Callable[[], dict], at, on_stored: OnStored | None = None,
                 force: bool = False) -> GeneratedPdf:
    """Render and store the PDF of an issued document; `on_stored` runs in the storing
    transaction. Without `force`, a PDF already stored is kept (the job and a download may
    race)."""
    if not force:
        current = pdf_current(kind=kind, document_id=document_id)
        if current:
            return current
    plain = data()
    content, template_hash = _render(marketplace_id=marketplace_id, kind=kind, data=plain)
    try:
        return _pdf_store(marketplace_id=marketplace_id, kind=kind, document_id=document_id,
                          number=number, data=plain, content=content,
                          template_hash=template_hash, force=force, on_stored=on_stored,
                          at=at)
    except IntegrityError:
        # Another process stored this version first: theirs is as good as ours.
        current = pdf_current(kind=kind, document_id=document_id)
        if current is None:
            raise
        return current


@service
def _pdf_store(*, marketplace_id, kind, document_id, number, data, content, template_hash,
               force, on_stored, at) -> GeneratedPdf:
    """Store a rendered PDF as the next version, with what the owner records: one
    transaction, or, in a request made once (a download or a regeneration with an
    Idempotency-Key), part of it."""
    version = (GeneratedPdf.objects.filter(kind=kind, document_id=document_id)
               .aggregate(v=Max("version"))["v"] or 0) + 1
    if version > 1 and not force:
        return pdf_current(kind=kind, document_id=document_id)
    generated = GeneratedPdf(
        marketplace_id=marketplace_id, kind=kind, document_id=document_id, number=number,
        version=version, size=len(content), sha256=hashlib.sha256(content).hexdigest(),
        template_hash=template_hash, created_at=at,
    )
    generated.file.save(f"{number}-v{version}.pdf", ContentFile(content), save=False)
    try:
        generated.save()
    except IntegrityError:
        generated.file.storage.delete(generated.file.name)
        raise
    if on_stored:
        on_stored(generated, data)
    return generated


def pdf_bytes(*, marketplace_id, kind: str, document_id, number: str | None, status: str,
              data: Callable[[], dict], at,
              on_stored: OnStored | None = None) -> tuple[bytes, str]:
    """What a download answers: the stored PDF of an issued document (generated now if the
    job has not run yet), or, for a draft or a void document, one rendered now (DRAFT or
    VOID marked) and not stored: a PDF stored before the void never answers as if valid."""
    if status == "void":
        name = f"{number}-void.pdf" if number else f"{kind}-void-{document_id}.pdf"
        return pdf_render(marketplace_id=marketplace_id, kind=kind, data=data()), name
    if number is None:
        return (pdf_render(marketplace_id=marketplace_id, kind=kind, data=data()),
                f"{kind}-draft-{document_id}.pdf")
    generated = pdf_generate(marketplace_id=marketplace_id, kind=kind,
                             document_id=document_id, number=number, data=data, at=at,
                             on_stored=on_stored)
    with generated.file.open("rb") as handle:
        return handle.read(), f"{number}.pdf"


def ubl_document(*, data: dict) -> bytes:
    """The EN 16931 / Peppol BIS 3 UBL CreditNote or Invoice of an issued document."""
    return ubl.build(data)
