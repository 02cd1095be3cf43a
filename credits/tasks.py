"""Background work for credits: thin, load by id and call one service."""

from django_tasks import task

MAX_PDF_ATTEMPTS = 5


@task()
def settle_payout(*, marketplace_id: str, payout_id: str) -> str:
    from common.clock import now
    from credits.gateway import send_payout
    from credits.models import Payout
    from credits.services.payouts import payout_settle

    payout = Payout.objects.select_related("marketplace").get(pk=payout_id)
    if payout.status != "pending":
        return payout.status
    succeeded, message = send_payout(payout)
    settled = payout_settle(marketplace=payout.marketplace, payout_id=payout.id,
                            succeeded=succeeded, message=message, actor="payment_method",
                            at=now())
    return settled.status



def pdf_schedule(*, marketplace_id, memo_id) -> None:
    """Enqueue the memo's PDF job in the caller's transaction (the issue), so it is never
    lost; one that a worker died running is redone by the minute's sweep (common.jobs)."""
    generate_pdf.enqueue(marketplace_id=str(marketplace_id), memo_id=str(memo_id))


@task()
def generate_pdf(*, marketplace_id: str, memo_id: str, attempt: int = 1):
    """Store the issued memo's PDF and record `credit_memo.pdf_created`; idempotent (a PDF
    already stored is kept), retried with backoff up to MAX_PDF_ATTEMPTS."""
    from common.clock import now
    from common.errors import NotFound
    from common.jobs import retry_job
    from credits.documents import memo_load, memo_pdf_generate

    try:
        memo = memo_load(memo_id=memo_id)
    except NotFound:
        return {"skipped": "no such credit memo"}
    try:
        generated = memo_pdf_generate(memo=memo, actor="system", at=now())
    except Exception:
        retry_job(generate_pdf, attempt=attempt, max_attempts=MAX_PDF_ATTEMPTS, at=now(),
                  marketplace_id=marketplace_id, memo_id=memo_id)
        raise
    return {"version": generated.version, "file": generated.file.name}
