"""Background work for credits: thin, load by id and call one service."""

from django_tasks import task


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
    """Enqueue the memo's PDF job in the caller's transaction (the issue)."""
    from documents.services import pdf_schedule as schedule

    schedule(marketplace_id=marketplace_id, kind="credit_memo", document_id=memo_id)
