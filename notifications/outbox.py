"""At-least-once sending of outbox items (webhook deliveries, e-mails) on the task queue.

An attempt is claimed in its own transaction, which also enqueues the job that will try again
(when the lease of this attempt ends or its backoff is over, whichever is later), before
anything is sent. So a worker that dies in the middle of sending leaves a queued job behind
it, and the item is sent again, never lost. The attempt's outcome is written in a second
transaction; a success or a final failure deletes that job again."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

MAX_BACKOFF = datetime.timedelta(hours=10)


def backoff(attempt: int) -> datetime.timedelta:
    """How long to wait after the `attempt`-th try: base x 4^(n-1), at most 10 hours."""
    seconds = settings.ABATE_RETRY_BASE_SECONDS * 4 ** (attempt - 1)
    return min(datetime.timedelta(seconds=seconds), MAX_BACKOFF)


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


def redo_lost_jobs(task, *, lease: datetime.timedelta, at) -> int:
    """Queue again each job of an idempotent task that a stopped worker left "running" (it
    started more than `lease` ago): the job is marked failed and its copy queued in one
    transaction, so one sweep redoes it, once. Returns how many were."""
    from django_tasks_db.models import DBTaskResult

    lost = (DBTaskResult.objects.filter(task_path=task.module_path, status="RUNNING",
                                        started_at__lt=at - lease)
            .values_list("pk", "args_kwargs")[:500])
    redone = 0
    for pk, args_kwargs in lost:
        with transaction.atomic(durable=True):
            if fail_lost_job(job_id=pk, at=at, cause="notifications.services.WorkerLost",
                             account="The worker running this job stopped before it "
                                     "finished; the job was queued again."):
                task.enqueue(*args_kwargs["args"], **args_kwargs["kwargs"])
                redone += 1
    return redone


def fail_lost_job(*, job_id, at, cause: str, account: str) -> bool:
    """Mark a job that a stopped worker left "running" failed, with why (`cause`, the
    exception path operators see, and `account`); False when it is not running any more."""
    from django_tasks_db.models import DBTaskResult

    return bool(DBTaskResult.objects.filter(pk=job_id, status="RUNNING").update(
        status="FAILED", finished_at=at, exception_class_path=cause, traceback=account))


def keep_queued(task, *, every: datetime.timedelta, at) -> None:
    """Keep one job of a periodic task queued, `every` ahead: workers call this when they
    start and the job when it runs, so the chain goes on while any worker runs."""
    from django_tasks_db.models import DBTaskResult

    if DBTaskResult.objects.filter(task_path=task.module_path, status="READY").exists():
        return
    task.using(run_after=at + every).enqueue()


def retry_job(task, *, attempt: int, max_attempts: int, at, **kwargs) -> bool:
    """After a job failed: enqueue its next try after the backoff, unless that was the last
    (then the job's result stays visibly failed). Returns whether it will be tried again."""
    if attempt >= max_attempts:
        return False
    task.using(run_after=at + backoff(attempt)).enqueue(attempt=attempt + 1, **kwargs)
    return True
