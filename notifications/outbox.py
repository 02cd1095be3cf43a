"""At-least-once sending of outbox items (webhook deliveries, e-mails) on the task queue.

An attempt is claimed in its own transaction, which also enqueues the job that will try again
(when the lease of this attempt ends or its backoff is over, whichever is later), before
anything is sent. So a worker that dies in the middle of sending leaves a queued job behind
it, and the item is sent again, never lost. The attempt's outcome is written in a second
transaction; a success or a final failure deletes that job again. The plumbing any job may
use (backoff, retries, redoing lost jobs) is in common.jobs."""

import datetime
from dataclasses import dataclass

from django.db import transaction

from common.jobs import backoff


def enqueue_wakeup(task, item, *, run_after=None):
    job = (task.using(run_after=run_after) if run_after else task).enqueue(
        item_id=str(item.pk))
    return job.id


def drop_wakeup(item) -> None:
    from django_tasks_db.models import DBTaskResult

    if item.wakeup_job_id:
        DBTaskResult.objects.filter(pk=item.wakeup_job_id, status="READY").delete()
    item.wakeup_job_id = None


@dataclass
class Claim:
    item: object
    number: int


def _give_up(item, *, error: str, at) -> None:
    item.status, item.finished_at, item.lease_until = "failed", at, None
    item.last_error = error
    drop_wakeup(item)
    item.save()


def claim(model, *, item_id, task, lease: datetime.timedelta, at, refuse=None,
          started=None) -> Claim | None:
    """Start the next attempt of a pending, due item that is not in flight elsewhere.
    `refuse(item)` may name a reason to fail the item at once; `started(item, number)` runs
    in the claim's transaction."""
    with transaction.atomic(durable=True):
        item = model.objects.select_for_update(no_key=True).filter(pk=item_id).first()
        if item is None or item.status != "pending":
            return None
        if item.lease_until and item.lease_until > at:
            return None
        if item.next_attempt_at and item.next_attempt_at > at:
            return None
        reason = refuse(item) if refuse else None
        if reason:
            _give_up(item, error=reason, at=at)
            return None
        if item.attempts >= item.attempt_limit:
            _give_up(item, error=item.last_error or "no attempts left", at=at)
            return None
        number = item.attempts + 1
        retry_at = at + max(lease, backoff(number))
        item.attempts = number
        item.lease_until = at + lease
        item.next_attempt_at = retry_at
        item.wakeup_job_id = enqueue_wakeup(task, item, run_after=retry_at)
        item.save(update_fields=["attempts", "lease_until", "next_attempt_at",
                                 "wakeup_job_id"])
        if started:
            started(item, number)
        return Claim(item, number)


def finish(model, *, item_id, number: int, ok: bool, error: str, at):
    """Record an attempt's outcome. Returns the item when this outcome settled it
    ("succeeded" or "failed"), else None."""
    with transaction.atomic(durable=True):
        item = model.objects.select_for_update(no_key=True).filter(pk=item_id).first()
        if item is None or item.status != "pending":
            return None
        if not ok and number != item.attempts:
            return None  # a later attempt is under way; it decides
        item.lease_until = None
        item.last_error = "" if ok else error[:2000]
        if ok or item.attempts >= item.attempt_limit:
            item.status = "succeeded" if ok else "failed"
            item.finished_at = at
            item.next_attempt_at = None
            drop_wakeup(item)
        item.save()
        return item if item.status != "pending" else None


def reschedule(item, *, task, at, extra_attempts: int) -> None:
    """Send a finished item again (manual redelivery): due now, with a fresh retry budget.
    Runs in the caller's transaction, with the item locked."""
    drop_wakeup(item)
    item.status = "pending"
    item.attempt_limit = item.attempts + extra_attempts
    item.next_attempt_at = None
    item.lease_until = None
    item.finished_at = None
    item.wakeup_job_id = enqueue_wakeup(task, item)
    item.save()
