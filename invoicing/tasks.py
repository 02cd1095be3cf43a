"""Background work for invoicing: thin, load by id and call one service."""

from django_tasks import task

MAX_PDF_ATTEMPTS = 5


def pdf_schedule(*, marketplace_id, invoice_id) -> None:
    """Enqueue the invoice's PDF job in the caller's transaction (the issue), so it is never
    lost; one that a worker died running is redone by the minute's sweep (common.jobs)."""
    generate_pdf.enqueue(marketplace_id=str(marketplace_id), invoice_id=str(invoice_id))


@task()
def generate_pdf(*, marketplace_id: str, invoice_id: str, attempt: int = 1):
    """Store the issued invoice's PDF and record `invoice.pdf_created`; idempotent (a PDF
    already stored is kept), retried with backoff up to MAX_PDF_ATTEMPTS."""
    from common.clock import now
    from common.errors import NotFound
    from common.jobs import retry_job
    from invoicing.documents import invoice_load, invoice_pdf_generate

    try:
        invoice = invoice_load(invoice_id=invoice_id)
    except NotFound:
        return {"skipped": "no such invoice"}
    try:
        generated = invoice_pdf_generate(invoice=invoice, actor="system", at=now())
    except Exception:
        retry_job(generate_pdf, attempt=attempt, max_attempts=MAX_PDF_ATTEMPTS, at=now(),
                  marketplace_id=marketplace_id, invoice_id=invoice_id)
        raise
    return {"version": generated.version, "file": generated.file.name}
