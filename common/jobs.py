"""Plumbing for background jobs (django-tasks' database backend) that any app may use: the
retry backoff, retrying a failed job, redoing a job that a stopped worker left "running",
and keeping one job of a periodic task queued.

An idempotent task whose lost jobs may simply be run again registers itself with
`redo_when_lost`; the minute's sweep (notifications.services.outbox_sweep) redoes them all
through `redo_all_lost_jobs`, knowing none of the apps they belong to."""

import datetime

from django.conf import settings
from django.db import transaction

MAX_BACKOFF = datetime.timedelta(hours=10)
WORKER_LOST = "common.jobs.WorkerLost"

_redone_when_lost: dict[str, object] = {}


class WorkerLost(Exception):
    """Marks a job whose worker stopped while running it (the exception path operators see)."""


def backoff(attempt: int) -> datetime.timedelta:
    """How long to wait after the `attempt`-th try: base x 4^(n-1), at most 10 hours."""
    seconds = settings.ABATE_RETRY_BASE_SECONDS * 4 ** (attempt - 1)
    return min(datetime.timedelta(seconds=seconds), MAX_BACKOFF)


def retry_job(task, *, attempt: int, max_attempts: int, at, **kwargs) -> bool:
    """After a job failed: enqueue its next try after the backoff, unless that was the last
    (then the job's result stays visibly failed). Returns whether it will be tried again."""
    if attempt >= max_attempts:
        return False
    task.using(run_after=at + backoff(attempt)).enqueue(attempt=attempt + 1, **kwargs)
    return True


def fail_lost_job(*, job_id, at, cause: str, account: str) -> bool:
    """Mark a job that a stopped worker left "running" failed, with why (`cause`, the
    exception path operators see, and `account`); False when it is not running any more."""
    from django_tasks_db.models import DBTaskResult

    return bool(DBTaskResult.objects.filter(pk=job_id, status="RUNNING").update(
        status="FAILED", finished_at=at, exception_class_path=cause, traceback=account))


def redo_lost_jobs(task, *, lease: datetime.timedelta, at, cause: str = WORKER_LOST) -> int:
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
            if fail_lost_job(job_id=pk, at=at, cause=cause,
                             account="The worker running this job stopped before it "
                                     "finished; the job was queued again."):
                task.enqueue(*args_kwargs["args"], **args_kwargs["kwargs"])
                redone += 1
    return redone


def redo_when_lost(task):
    """Register an idempotent task: its jobs that a stopped worker left running are redone
    by `redo_all_lost_jobs`. Apps call it when they are ready (AppConfig.ready), so the
    sweeping process knows the task before it ever ran one of its jobs."""
    _redone_when_lost[task.module_path] = task
    return task


def redone_task_paths() -> list[str]:
    return sorted(_redone_when_lost)


def redo_all_lost_jobs(*, lease: datetime.timedelta, at, cause: str = WORKER_LOST) -> int:
    """`redo_lost_jobs` for every registered task. Returns how many jobs were redone."""
    return sum(redo_lost_jobs(task, lease=lease, at=at, cause=cause)
               for _, task in sorted(_redone_when_lost.items()))


def keep_queued(task, *, every: datetime.timedelta, at) -> None:
    """Keep one job of a periodic task queued, `every` ahead: workers call this when they
    start and the job when it runs, so the chain goes on while any worker runs."""
    from django_tasks_db.models import DBTaskResult

    if DBTaskResult.objects.filter(task_path=task.module_path, status="READY").exists():
        return
    task.using(run_after=at + every).enqueue()
