"""Background billing: a run asked for over the API, and the scheduled daily run.

The daily run is a task that re-enqueues itself: `daily_billing(run_on=D)` waits in the task
queue until 00:05 UTC on D (`run_after`), enqueues itself for D + 1, then bills every marketplace
as of D. A `DailyRun` row per day, written in the same transaction as the enqueue, makes
scheduling idempotent: `abate bill-run --schedule-daily` (once, at set-up; repeating it is
harmless) starts the chain, and a worker that was down catches up day by day. A run is
idempotent, so a task retried after a crash finishes what was left. Run `abate worker` (or
`abate serve`, which runs one) for the queue to be worked.

A run fans out: `billing_run_task` starts it and enqueues up to `HELPERS` jobs of
`billing_run_help` (one per batch beyond its first), so that as many workers as run bill its
batches side by side; a helper that comes when no batch is left ends at once. Run `abate
worker` several times (or on several machines) for a run to use them: each job is claimed by
one worker only.

While workers run, `reap_billing_runs` looks every minute for runs that died (see
billing.services.runs) and marks them failed, so that they show so and may be run again."""

import datetime
import os

from django_tasks import task

from common.transactions import service

RUN_AFTER = datetime.time(0, 5, tzinfo=datetime.UTC)
REAP_EVERY = datetime.timedelta(minutes=1)
# The most workers a run asks to join the one that started it.
HELPERS = int(os.environ.get("ABATE_BILLING_RUN_HELPERS", "3"))


def ask_helpers(*, actor: str, at: datetime.datetime):
    """What `billing_run` calls to ask other workers to join a run it planned."""

    def ask(run_id, count: int) -> None:
        for _ in range(min(count, HELPERS)):
            billing_run_help.enqueue(run_id=str(run_id), actor=actor, at=at.isoformat())

    return ask


@task()
def billing_run_task(*, marketplace_id: str, as_of: str) -> dict:
    from billing.services import billing_run
    from common.clock import now
    from marketplaces.models import Marketplace

    marketplace = Marketplace.objects.get(pk=marketplace_id)
    at = now()
    run = billing_run(marketplace=marketplace, as_of=datetime.date.fromisoformat(as_of),
                      actor="billing_run", at=at, helpers=ask_helpers(actor="billing_run", at=at))
    return {"id": str(run.id), "status": run.status}


@task(takes_context=True)
def billing_run_help(context, *, run_id: str, actor: str, at: str) -> dict:
    """Join a run: bill its batches until none is left."""
    from billing.models import BillingRun
    from billing.services import billing_run_join

    run = BillingRun.objects.select_related("marketplace").get(pk=run_id)
    run = billing_run_join(run=run, actor=actor, at=datetime.datetime.fromisoformat(at),
                           job_id=context.task_result.id)
    return {"id": str(run.id), "status": run.status}


@task()
def reap_billing_runs() -> int:
    from billing.services import billing_runs_reap
    from common.clock import now

    reaped = billing_runs_reap(at=now())
    ensure_reaper()
    return reaped


def ensure_reaper() -> None:
    from common.clock import now
    from common.jobs import keep_queued

    keep_queued(reap_billing_runs, every=REAP_EVERY, at=now())


@task()
def daily_billing(*, run_on: str) -> str:
    from billing.services import billing_run
    from common.clock import now
    from marketplaces.models import Marketplace

    day = datetime.date.fromisoformat(run_on)
    # Tomorrow's run is enqueued first: if this one dies half-way, the chain goes on, and
    # tomorrow's run (as of a later date) bills what was left.
    daily_billing_schedule(run_on=day + datetime.timedelta(days=1), at=now())
    for marketplace in Marketplace.objects.order_by("created_at", "id"):
        at = now()
        billing_run(marketplace=marketplace, as_of=day, actor="daily_billing", at=at,
                    helpers=ask_helpers(actor="daily_billing", at=at))
    return run_on


@service
def daily_billing_schedule(*, run_on: datetime.date, at) -> datetime.date:
    """Enqueue the daily run for `run_on`, unless it was enqueued already."""
    from billing.models import DailyRun

    _, created = DailyRun.objects.get_or_create(run_on=run_on, defaults={"enqueued_at": at})
    if created:
        daily_billing.using(
            run_after=datetime.datetime.combine(run_on, RUN_AFTER)
        ).enqueue(run_on=run_on.isoformat())
    return run_on
