"""A billing run that died is marked failed, says why, and may be run again, which bills only
what it had not billed (issue 9, point 9). Died: a running run without a heartbeat for the
lease (its process stopped), a queued run whose job was taken by a worker that stopped, a run
that hit an error that is no billing rule. The kill of a real `abate bill-run` process is in
test_crash_recovery.py."""

import datetime
import threading

import pytest
from django.db import connection, transaction
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from billing import services as billing
from billing.models import BillingRun, BillingRunEntry
from billing.services.runs import RUN_LEASE, _run_start
from customers.models import Company
from invoicing.models import Invoice
from tests.billing.conftest import at

APR_1 = datetime.date(2026, 4, 1)
SECOND = datetime.timedelta(seconds=1)


def _work_billing_jobs() -> list[str]:
    """What `abate worker` does with the billing run jobs that are ready: run each, marking
    it succeeded or failed. Returns their statuses."""
    worker = Worker(queue_names=["*"], interval=0, batch=True, backend_name="default",
                    startup_delay=False, max_tasks=None, worker_id="test",
                    excluded_queue_names=[])
    statuses = []
    for job in DBTaskResult.objects.ready().filter(task_path__endswith="billing_run_task"):
        job.claim("test")
        worker.run_task(job)
        job.refresh_from_db()
        statuses.append(job.status)
    return statuses


def _invoices(company) -> list:
    return list(Invoice.objects.filter(company=company).values_list("number", "total"))


@pytest.fixture
def three_customers(world, make_customer, make_plan, subscribe):
    """Globex, Initech and Umbrella, each on Pro at 100.00 a month from April 1."""
    customers = [world.mine, world.theirs, make_customer("Umbrella")]
    pro = make_plan("pro", "100.00")
    for company in customers:
        subscribe(company, pro, APR_1)
    return customers


def test_a_run_whose_process_stopped_fails_after_the_lease_and_reruns_the_rest(
        mp, api, three_customers, ledger_agrees):
    """A process billing April 1 started at 23:00 and was killed after its first customer:
    Globex has INV-000001 (100.00), the run is left "running" with the heartbeat of 23:00.
    At 23:09:59 it may still be working; at 23:10:01 (the lease is 10 minutes) it has died.
    Asked again, the run bills Initech and Umbrella only: three invoices of 100.00 in all,
    one each."""
    globex, initech, umbrella = three_customers
    started = at(2026, 4, 1, 23)
    dead = _run_start(marketplace=mp, as_of=APR_1, at=started, beat_at=started)
    billing.billing_run_customer(marketplace=mp, run=dead, company_id=globex.id, as_of=APR_1,
                                 actor="billing_run", at=started)
    assert _invoices(globex) == [("INV-000001", 100)]

    assert billing.billing_runs_reap(at=started + RUN_LEASE - SECOND) == 0
    assert BillingRun.objects.get(pk=dead.pk).status == "running"
    assert billing.billing_runs_reap(at=started + RUN_LEASE + SECOND) == 1
    manager = api("manager")
    shown = manager.get(f"/billing_runs/{dead.pk}").json()
    assert (shown["status"], shown["failure_reason"]) == (
        "failed", "no progress for 10 minutes: the process running it stopped")
    assert billing.billing_runs_reap(at=started + 2 * RUN_LEASE) == 0  # failed once

    again = manager.post("/billing_runs", {"as_of": "2026-04-01"})
    assert (again.status_code, again.json()["id"], again.json()["status"],
            again.json()["failure_reason"]) == (200, str(dead.pk), "queued", None)
    assert _work_billing_jobs() == ["SUCCESSFUL"]
    done = manager.get(f"/billing_runs/{dead.pk}").json()
    assert (done["status"], done["customers_billed"], done["invoices_issued"]) == (
        "completed", 3, 3)
    assert _invoices(globex) == [("INV-000001", 100)]
    assert sorted(_invoices(initech) + _invoices(umbrella)) == [
        ("INV-000002", 100), ("INV-000003", 100)]
    assert BillingRunEntry.objects.filter(run=dead).count() == 3


def test_a_queued_run_whose_worker_stopped_before_it_began_fails_and_reruns(
        mp, api, three_customers, ledger_agrees):
    """The run's job was taken by a worker that died at once: the job stays "running", the
    run "queued". Past the lease both are failed; asked again, the run is queued with a new
    job and bills the three customers."""
    manager = api("manager")
    queued = manager.post("/billing_runs", {"as_of": "2026-04-01"}).json()
    run = BillingRun.objects.get(pk=queued["id"])
    job = DBTaskResult.objects.get(pk=run.job_id)
    job.claim("dead-worker")  # taken, never run
    taken = job.started_at

    assert billing.billing_runs_reap(at=taken + RUN_LEASE - SECOND) == 0
    assert billing.billing_runs_reap(at=taken + RUN_LEASE + SECOND) == 1
    run.refresh_from_db()
    job.refresh_from_db()
    assert (run.status, run.failure_reason) == (
        "failed", "the worker that took its job stopped before the run began")
    assert job.status == "FAILED" and "The billing run died" in job.traceback

    again = manager.post("/billing_runs", {"as_of": "2026-04-01"}).json()
    assert (again["id"], again["status"]) == (queued["id"], "queued")
    run.refresh_from_db()
    assert run.job_id != job.pk
    assert _work_billing_jobs() == ["SUCCESSFUL"]
    run.refresh_from_db()
    assert (run.status, run.invoices_issued) == ("completed", 3)
    assert Invoice.objects.filter(company__in=three_customers).count() == 3


def test_a_run_that_dies_as_it_is_asked_again_is_failed_then_queued(mp, api,
                                                                    three_customers):
    """Asking again for a run whose heartbeat is past the lease fails it first (with the
    reason) and queues it, without waiting for the background reaper."""
    started = at(2026, 4, 1, 23)
    dead = _run_start(marketplace=mp, as_of=APR_1, at=started, beat_at=started)
    queued = billing.billing_run_request(marketplace=mp, as_of="2026-04-01",
                                         today=datetime.date(2026, 4, 2),
                                         at=started + RUN_LEASE + SECOND)
    assert (queued.pk, queued.status, queued.failure_reason) == (dead.pk, "queued", "")
    alive = _run_start(marketplace=mp, as_of=APR_1, at=started, beat_at=started)
    still = billing.billing_run_request(marketplace=mp, as_of="2026-04-01",
                                        today=datetime.date(2026, 4, 2),
                                        at=started + RUN_LEASE - SECOND)
    assert (still.pk, still.status) == (alive.pk, "running")  # a second job joins it


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_run_that_hits_an_error_fails_with_it_and_its_job_too(mp, make_customer,
                                                                make_plan, subscribe):
    """Another transaction holds Globex's row and this session waits at most 200 ms for a
    lock: billing Globex raises PostgreSQL's lock timeout, which is no billing rule. The run
    is failed with that reason and the job failed with the error. Once the lock is gone, the
    run asked again bills Globex: one invoice of 100.00."""
    globex = make_customer("Globex")
    subscribe(globex, make_plan("pro", "100.00"), APR_1)
    locked, release = threading.Event(), threading.Event()

    def hold_the_row():
        try:
            with transaction.atomic():
                Company.objects.select_for_update().get(pk=globex.pk)
                locked.set()
                release.wait(timeout=60)
        finally:
            connection.close()

    holder = threading.Thread(target=hold_the_row)
    holder.start()
    try:
        assert locked.wait(timeout=30)
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '200ms'")
        run = billing.billing_run_request(marketplace=mp, as_of="2026-04-01",
                                          today=datetime.date(2026, 4, 2), at=at(2026, 4, 2))
        assert _work_billing_jobs() == ["FAILED"]
    finally:
        release.set()
        holder.join(timeout=30)
        with connection.cursor() as cursor:
            cursor.execute("RESET lock_timeout")
    run.refresh_from_db()
    assert run.status == "failed"
    assert run.failure_reason.startswith("OperationalError: canceling statement due to lock "
                                         "timeout"), run.failure_reason
    assert Invoice.objects.filter(company=globex).count() == 0

    billing.billing_run_request(marketplace=mp, as_of="2026-04-01",
                                today=datetime.date(2026, 4, 2), at=at(2026, 4, 2, 10))
    assert _work_billing_jobs() == ["SUCCESSFUL"]
    run.refresh_from_db()
    assert (run.status, run.failure_reason, run.invoices_issued) == ("completed", "", 1)
    assert list(Invoice.objects.filter(company=globex).values_list("total", flat=True)) == [100]
