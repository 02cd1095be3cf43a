"""Background work for documents: thin, load by id and call one service."""

from django_tasks import task

MAX_ATTEMPTS = 5


@task()
def generate_pdf(*, marketplace_id: str, kind: str, document_id: str, attempt: int = 1):
    from common.clock import now
    from common.errors import NotFound
    from documents import services, sources
    from notifications.outbox import retry_job

    try:
        document = sources.load(kind=kind, document_id=document_id)
    except NotFound:
        return {"skipped": "no such document"}
    try:
        generated = services.pdf_generate(kind=kind, document=document, actor="system",
                                          at=now())
    except Exception:
        retry_job(generate_pdf, attempt=attempt, max_attempts=MAX_ATTEMPTS, at=now(),
                  marketplace_id=marketplace_id, kind=kind, document_id=document_id)
        raise
    return {"version": generated.version, "file": generated.file.name}
