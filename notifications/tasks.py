"""Background work for notifications: thin, load by id and call one service."""

import datetime

from django_tasks import task

SWEEP_EVERY = datetime.timedelta(minutes=1)


@task()
def deliver_webhook(*, item_id: str) -> str:
    from common.clock import now
    from notifications.services import webhook_deliver

    ensure_sweeper()
    return webhook_deliver(delivery_id=item_id, at=now())


@task()
def send_email(*, item_id: str) -> str:
    from common.clock import now
    from notifications.services import email_send

    ensure_sweeper()
    return email_send(notification_id=item_id, at=now())


@task()
def sweep_outbox() -> dict:
    from common.clock import now
    from common.idempotency import purge_expired
    from notifications.services import outbox_sweep

    result = outbox_sweep(at=now())
    purge_expired(at=now())  # stored answers past their 24 h
    ensure_sweeper()
    return result


def ensure_sweeper() -> None:
    """Keep one sweep queued a minute ahead while workers run. `abate worker` and `abate
    serve` may call it at start; each delivery and e-mail job calls it too."""
    from common.clock import now
    from common.jobs import keep_queued

    keep_queued(sweep_outbox, every=SWEEP_EVERY, at=now())
