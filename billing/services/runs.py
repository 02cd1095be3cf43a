"""Billing runs. A run bills every customer with something due as of a date, each customer
(payer) in its own durable transaction (`billing_run_customer`, which writes the customer's
(marketplace, company, as_of) entry with its documents), so a run may be repeated, or
restarted after a crash at any point, and it issues nothing twice and finishes what was left.

A run fans out over the background workers: its start plans the customers due in batches
(billing.services.run_batches); the job that started it asks up to `helpers` more workers to
join, and every worker taking part claims batches until none is left. The run shows its
progress as batches finish and is completed by the worker that finishes the last one. Alone
(`abate bill-run`, or one worker), a run bills its batches in order: oldest customer first.
With several workers, customers are billed side by side, so document numbers no longer follow
the customers' order across a run; they stay gapless and unique.

Every worker taking part writes the run's heartbeat as it goes. A run whose heartbeat is older
than the lease has died (a worker stopped mid-batch: what it had committed stays, the rest of
its batch is not redone behind the operator's back): it is marked failed with the reason, and
asking for it again plans anew and bills only what is still due."""

import contextlib
import datetime

from billing.compute import add_months
from billing.models import BillingRun, BillingRunBatch, CustomerDiscount
from billing.services.run_batches import BATCH_SIZE, batch_claim, batch_done, plan
from billing.services.run_customer import billing_run_customer
from common.clock import now
from common.errors import BusinessRule, DomainError
from common.jobs import fail_lost_job
from common.parsing import parse_bool, parse_date
from common.transactions import service

# A running run writes a heartbeat at least this often while it makes progress (between
# customers); one without a heartbeat for the lease has died.
HEARTBEAT_EVERY = datetime.timedelta(seconds=30)
RUN_LEASE = datetime.timedelta(minutes=10)
UNFINISHED = ("queued", "running")

class FutureAsOf(BusinessRule):
    code = "future_as_of"


class AsOfOutOfRange(BusinessRule):
    """A well-formed date outside the window a run may bill (which no schema can hold)."""

    code = "as_of_out_of_range"


class NotATestMarketplace(BusinessRule):
    code = "not_a_test_marketplace"


class RunDied(Exception):
    """Marks the job of a billing run that died (see `_death`)."""


def _death(run: BillingRun, *, at, lease) -> str | None:
    """Why a queued or running run has died, or None while it may still finish. A running
    run writes a heartbeat as it goes: none for `lease` means its processes stopped (a
    SIGKILL, a lost machine; an error it hit marks it failed at once). A queued run waits for
    its job: that job failed or is gone, or was taken by a worker that stopped before the run
    began."""
    from django_tasks_db.models import DBTaskResult

    if run.status == "running":
        if (run.heartbeat_at or run.started_at) < at - lease:
            minutes = int(lease.total_seconds() // 60)
            return f"no progress for {minutes} minutes: the process running it stopped"
        return None
    if run.job_id is None:
        return None
    job = DBTaskResult.objects.filter(pk=run.job_id).values_list("status", "started_at").first()
    if job is None:
        return "its job is gone"
    if job[0] == "FAILED":
        return "its job failed before the run began"
    if job[0] == "RUNNING" and job[1] < at - lease:
        return "the worker that took its job stopped before the run began"
    return None


def _mark_failed(run: BillingRun, *, reason: str, at) -> None:
    run.status, run.failure_reason, run.finished_at = "failed", reason[:2000], at
    run.save(update_fields=["status", "failure_reason", "finished_at"])


def _reap(run: BillingRun, *, at, lease) -> bool:
    """Mark a dead run failed, and the jobs that its stopped workers left running (the run's
    and those of the batches left working), so that operators see it ended."""
    reason = _death(run, at=at, lease=lease)
    if reason is None:
        return False
    _mark_failed(run, reason=reason, at=at)
    jobs = {run.job_id, *BillingRunBatch.objects.filter(run=run, status="working")
            .values_list("job_id", flat=True)} - {None}
    for job_id in jobs:
        fail_lost_job(job_id=job_id, at=at, cause="billing.services.runs.RunDied",
                      account=f"The billing run died: {reason}.")
    return True


@service
def billing_run_reap(*, run_id, at, lease=RUN_LEASE) -> BillingRun | None:
    """Mark the run failed if it has died (see `_death`); the run, or None if it lives."""
    run = BillingRun.objects.select_for_update(no_key=True).filter(
        pk=run_id, status__in=UNFINISHED).first()
    return run if run and _reap(run, at=at, lease=lease) else None


def billing_runs_reap(*, at, lease=RUN_LEASE) -> int:
    """Mark every run that died failed (the background sweep); how many were."""
    ids = BillingRun.objects.filter(status__in=UNFINISHED).values_list("id", flat=True)
    return sum(billing_run_reap(run_id=pk, at=at, lease=lease) is not None for pk in ids)


@service
def _run_start(*, marketplace, as_of, at, beat_at, batch_size=BATCH_SIZE) -> BillingRun:
    """Start the run (or start it again): plan its customers in batches, unless it is
    running with batches left, which this worker then joins. `run.batches_planned` says
    how many batches this start planned (0 when it joined). With no one due, the run is
    completed at once."""
    run, created = BillingRun.objects.get_or_create(
        marketplace=marketplace, as_of=as_of,
        defaults={"status": "running", "started_at": at, "heartbeat_at": beat_at,
                  "created_at": at})
    if not created:
        run = BillingRun.objects.select_for_update(no_key=True).get(pk=run.pk)
    joining = not created and run.status == "running" and BillingRunBatch.objects.filter(
        run=run).exclude(status="done").exists()
    run.batches_planned = 0 if joining else plan(run, batch_size=batch_size)
    run.status, run.heartbeat_at, run.failure_reason = "running", beat_at, ""
    if not joining and not run.batches_planned:  # no one is due: done already
        run.status, run.finished_at = "completed", at
    run.save()
    return run


def _beat(run: BillingRun, *, last, clock):
    """A heartbeat (its own short transaction) when the last one is HEARTBEAT_EVERY old."""
    beat_at = clock()
    if beat_at - last < HEARTBEAT_EVERY:
        return last
    BillingRun.objects.filter(pk=run.pk, status="running").update(heartbeat_at=beat_at)
    return beat_at


@service
def _run_fail(*, run, reason, at) -> None:
    run = BillingRun.objects.select_for_update(no_key=True).get(pk=run.pk)
    _mark_failed(run, reason=reason, at=at)


@service
def billing_run_request(*, marketplace, as_of=None, test_mode=False, today, at) -> BillingRun:
    """Ask for a run as of `as_of` (default: today): the run is queued for the background
    worker in this transaction, and its object answered at once (poll it for the outcome).
    Asking again for the same date re-runs it, which bills only what is still due; a run
    that died is marked failed first, then queued again."""
    from billing.tasks import billing_run_task

    as_of = check_as_of(marketplace=marketplace, as_of=as_of, today=today, test_mode=test_mode)
    run, created = BillingRun.objects.get_or_create(
        marketplace=marketplace, as_of=as_of,
        defaults={"status": "queued", "started_at": at, "created_at": at})
    run = BillingRun.objects.select_for_update(no_key=True).get(pk=run.pk)
    if not created and run.status in UNFINISHED:
        _reap(run, at=at, lease=RUN_LEASE)
    if run.status in ("completed", "failed"):
        run.status, run.failure_reason = "queued", ""
    job = billing_run_task.enqueue(marketplace_id=str(marketplace.id), as_of=as_of.isoformat())
    run.job_id = job.id
    run.save(update_fields=["status", "failure_reason", "job_id"])
    return run


def check_as_of(*, marketplace, as_of, today: datetime.date, test_mode=False) -> datetime.date:
    """`as_of` (default today) from the day the marketplace was created (a run as of an
    earlier day bills nothing that one as of today does not) to a year after today: `422
    as_of_out_of_range` otherwise. A day after today needs `test_mode` (`422 future_as_of`),
    which only a test marketplace may use (`422 not_a_test_marketplace`)."""
    as_of = parse_date(as_of, param="as_of") or today
    test_mode = parse_bool(test_mode, param="test_mode", default=False)
    earliest, latest = marketplace.created_at.date(), add_months(today, 12)
    if not earliest <= as_of <= latest:
        raise AsOfOutOfRange(f"as_of is a day from {earliest} (the marketplace's creation) "
                             f"to {latest} (a year ahead)", param="as_of")
    if test_mode and not marketplace.is_test:
        raise NotATestMarketplace(
            "test_mode is for test marketplaces only (abate create-marketplace --test)",
            param="test_mode")
    if as_of > today and not test_mode:
        raise FutureAsOf(f"as_of {as_of} is in the future; only a test-mode run bills ahead",
                         param="as_of")
    return as_of


def billing_run(*, marketplace, as_of: datetime.date, actor, at, clock=now, helpers=None,
                batch_size=BATCH_SIZE, job_id=None) -> BillingRun:
    """Start (or join) the run as of `as_of` and bill its batches with this process;
    `helpers(run_id, count)` asks up to `count` more workers to join (one per batch left
    beyond this one's first). Returns the run: completed when this process finished its last
    batch, still running when another worker is finishing one. Each customer is one
    transaction; a customer whose billing fails (a domain error) is listed in the run's
    `failures` and left for the next run, the others go on. Any other error fails the run
    (`failed`, with the reason) and is raised; so does a run that dies without a word, once
    its heartbeat (read from `clock` as it goes) is older than the lease. Either may be run
    again."""
    run = _run_start(marketplace=marketplace, as_of=as_of, at=at, beat_at=clock(),
                     batch_size=batch_size)
    if helpers is not None and run.batches_planned > 1:
        helpers(run.pk, run.batches_planned - 1)
    return billing_run_join(run=run, actor=actor, at=at, clock=clock, job_id=job_id)


def billing_run_join(*, run, actor, at, clock=now, job_id=None) -> BillingRun:
    """Bill the run's batches with this process until none is left (see `billing_run`)."""
    marketplace, last_beat = run.marketplace, clock()
    try:
        any_discounts = CustomerDiscount.objects.filter(marketplace=marketplace).exists()
        while batch := batch_claim(run_id=run.pk, job_id=job_id, at=clock()):
            entries, failures = [], []
            for company_id in batch.company_ids:
                try:
                    entry = billing_run_customer(
                        marketplace=marketplace, run=run, company_id=company_id,
                        as_of=run.as_of, actor=actor, at=at, any_discounts=any_discounts)
                except DomainError as error:
                    failures.append({"company_id": str(company_id), "code": error.code,
                                     "message": error.message})
                else:
                    if entry is not None:
                        entries.append(entry)
                last_beat = _beat(run, last=last_beat, clock=clock)
            batch_done(batch=batch, entries=entries, failures=failures, at=at)
    except Exception as error:
        # If even this fails (the database is gone), the heartbeat's lease tells it later.
        with contextlib.suppress(Exception):
            _run_fail(run=run, reason=f"{type(error).__name__}: {error}", at=clock())
        raise
    run.refresh_from_db()
    return run
