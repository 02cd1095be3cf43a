"""Background billing: a run asked for over the API, and the scheduled daily run.

The daily run is a task that re-enqueues itself: `daily_billing(run_on=D)` waits in the task
queue until 00:05 UTC on D (`run_after`), enqueues itself for D + 1, then bills every marketplace
as of D. A `DailyRun` row per day, written in the same transaction as the enqueue, makes
scheduling idempotent: `abate bill-run --schedule-daily` (once, at set-up; repeating it is
harmless) starts the chain, and a worker that was down catches up day by day. A run is
idempotent, so a task retried after a crash finishes what was left. Run `abate worker` (or
`abate serve`, which runs one) for the queue to be worked.

While workers run, `reap_billing_runs` looks every minute for runs that died (see
billing.services.runs) and marks them failed, so that they show so and may be run again."""

import datetime

from django_tasks import task

from common.transactions import service

RUN_AFTER = datetime.time(0, 5, tzinfo=datetime.UTC)
REAP_EVERY = datetime.timedelta(minutes=1)


@task()
def billing_run_task(*, marketplace_id: str, as_of: str) -> dict:
    from billing.services import billing_run
    from common.clock import now
    from marketplaces.models import Marketplace

    marketplace = Marketplace.objects.get(pk=marketplace_id)
    run = billing_run(marketplace=marketplace, as_of=datetime.date.fromisoformat(as_of),
                      actor="billing_run", at=now())
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
    from notifications.outbox import keep_queued

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
        billing_run(marketplace=marketplace, as_of=day, actor="daily_billing", at=now())
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
