"""A billing run fans out over the workers (issue 10, point 3): it plans its customers in
batches, every worker taking part claims batches until none is left, the run shows its
progress as batches finish and is completed once, by the worker that finishes the last batch.
Customers are the ones of `make_customer`, each on Pro at 100.00 a month from April 1
(no tax), so each is billed one invoice of 100.00 as of April 1."""

import datetime
import threading

import pytest
from django.db import connection
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from billing import services as billing
from billing.models import BillingRun, BillingRunBatch, BillingRunEntry
from billing.services.run_batches import batch_claim, batch_done
from billing.services.runs import RUN_LEASE, _run_start
from billing.tasks import billing_run_help
from invoicing.models import Invoice
from tests.billing.conftest import at

APR_1 = datetime.date(2026, 4, 1)
RUN_AT = at(2026, 4, 1, 23)


@pytest.fixture
def customers(mp, make_customer, make_plan, subscribe):
    def make(count: int) -> list:
        pro = make_plan("pro", "100.00")
        made = [make_customer(f"Customer {i}") for i in range(count)]
        for company in made:
            subscribe(company, pro, APR_1)
        return made

    return make


def _invoices() -> list:
    return sorted(Invoice.objects.values_list("company__name", "number", "total"))


def _work_jobs(task_name: str) -> list[str]:
    """What `abate worker` does with the ready jobs of a task: run each; their statuses."""
    worker = Worker(queue_names=["*"], interval=0, batch=True, backend_name="default",
                    startup_delay=False, max_tasks=None, worker_id="test",
                    excluded_queue_names=[])
    statuses = []
    for job in DBTaskResult.objects.ready().filter(task_path__endswith=task_name):
        job.claim("test")
        worker.run_task(job)
        job.refresh_from_db()
        statuses.append(job.status)
    return statuses


def _bill(run, batch) -> list:
    """What a worker does with a claimed batch, short of recording it done."""
    entries = [billing.billing_run_customer(marketplace=run.marketplace, run=run,
                                            company_id=pk, as_of=APR_1, actor="billing_run",
                                            at=RUN_AT) for pk in batch.company_ids]
    return [e for e in entries if e is not None]


def test_a_run_plans_batches_asks_helpers_and_completes_alone_in_customer_order(
        mp, customers, ledger_agrees):
    """5 customers in batches of 2: 3 batches (2 + 2 + 1), so 2 helpers are asked for. With
    no helper coming, the run bills all 5 alone, oldest customer first: INV-000001 to
    INV-000005, 100.00 each; customers due 5, done 5, completed. (The customers were
    created at the same instant: oldest first is then by id.)"""
    made = sorted(customers(5), key=lambda company: company.pk)
    asked = []
    done = billing.billing_run(marketplace=mp, as_of=APR_1, actor="billing_run", at=RUN_AT,
                               batch_size=2, helpers=lambda run_id, n: asked.append(n))
    assert asked == [2]
    assert list(BillingRunBatch.objects.filter(run=done).order_by("position").values_list(
        "status", "company_ids")) == [
        ("done", [str(made[0].pk), str(made[1].pk)]),
        ("done", [str(made[2].pk), str(made[3].pk)]),
        ("done", [str(made[4].pk)])]
    assert (done.status, done.customers_due, done.customers_done, done.customers_billed,
            done.invoices_issued, done.finished_at) == ("completed", 5, 5, 5, 5, RUN_AT)
    assert _invoices() == sorted((company.name, f"INV-00000{i + 1}", 100)
                                 for i, company in enumerate(made))


def test_progress_shows_per_batch_and_a_helper_finishes_the_run(mp, customers, api):
    """5 customers in batches of 2. A worker bills the first batch: the run shows 2 of 5
    done, 2 invoices, still running. A helper job joins and bills the 3 left: completed,
    5 of 5, 5 invoices; a second helper coming later finds nothing and leaves it so."""
    customers(5)
    run = _run_start(marketplace=mp, as_of=APR_1, at=RUN_AT, beat_at=RUN_AT, batch_size=2)
    batch = batch_claim(run_id=run.pk, at=RUN_AT)
    progress = batch_done(batch=batch, entries=_bill(run, batch), failures=[], at=RUN_AT)
    shown = api("manager").get(f"/billing_runs/{run.pk}").json()
    assert (progress.status, shown["status"], shown["customers_due"], shown["customers_done"],
            shown["invoices_issued"]) == ("running", "running", 5, 2, 2)

    for _ in range(2):
        billing_run_help.enqueue(run_id=str(run.pk), actor="billing_run",
                                 at=RUN_AT.isoformat())
    assert _work_jobs("billing_run_help") == ["SUCCESSFUL", "SUCCESSFUL"]
    shown = api("manager").get(f"/billing_runs/{run.pk}").json()
    assert (shown["status"], shown["customers_due"], shown["customers_done"],
            shown["customers_billed"], shown["invoices_issued"]) == (
        "completed", 5, 5, 5, 5)
    assert len(_invoices()) == 5


def test_a_batch_whose_worker_died_fails_the_run_which_reruns_what_is_left(mp, customers):
    """6 customers in batches of 2. Worker A claims the first batch (job J) and dies at once;
    worker B bills the other two batches: 4 invoices, the run still running (A's batch is
    `working`). It is not redone behind the operator's back: past the lease the reaper
    fails the run and job J. Asked again, the run plans anew: the 2 customers of A's batch,
    billed once each; completed with 6 customers and 6 invoices, numbers gapless."""
    customers(6)
    run = _run_start(marketplace=mp, as_of=APR_1, at=RUN_AT, beat_at=RUN_AT, batch_size=2)
    job = billing_run_help.enqueue(run_id=str(run.pk), actor="billing_run",
                                   at=RUN_AT.isoformat())
    DBTaskResult.objects.get(pk=job.id).claim("worker-a")
    lost = batch_claim(run_id=run.pk, job_id=job.id, at=RUN_AT)
    after_b = billing.billing_run_join(run=run, actor="billing_run", at=RUN_AT,
                                       clock=lambda: RUN_AT)
    assert (after_b.status, after_b.customers_done, after_b.invoices_issued) == (
        "running", 4, 4)
    assert billing.billing_runs_reap(at=RUN_AT + RUN_LEASE - datetime.timedelta(seconds=1)) == 0
    assert billing.billing_runs_reap(at=RUN_AT + RUN_LEASE + datetime.timedelta(seconds=1)) == 1
    run.refresh_from_db()
    assert (run.status, run.failure_reason) == (
        "failed", "no progress for 10 minutes: the process running it stopped")
    assert DBTaskResult.objects.get(pk=job.id).status == "FAILED"

    again = billing.billing_run(marketplace=mp, as_of=APR_1, actor="billing_run",
                                at=at(2026, 4, 2), batch_size=2)
    assert (again.status, again.customers_due, again.customers_done, again.customers_billed,
            again.invoices_issued) == ("completed", 2, 2, 6, 6)
    assert sorted(n for _, n, _ in _invoices()) == [f"INV-00000{i}" for i in range(1, 7)]
    assert BillingRunEntry.objects.filter(company_id__in=lost.company_ids).count() == 2
    # The late worker's batch is no longer the run's: recording it changes nothing.
    assert batch_done(batch=lost, entries=[], failures=[], at=RUN_AT).customers_done == 2


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_workers_finishing_the_last_batches_at_once_complete_the_run_once(
        mp, customers):
    """4 customers in batches of 2: two workers each claim a batch, bill it, then record it
    done at the same instant (a barrier). The run's lock orders them: one sees the other's
    batch unfinished and leaves the run running, the other completes it: 4 customers, 4
    invoices, numbered INV-000001 to INV-000004 without gap."""
    customers(4)
    run = _run_start(marketplace=mp, as_of=APR_1, at=RUN_AT, beat_at=RUN_AT, batch_size=2)
    barrier, seen, errors = threading.Barrier(2), [], []

    def worker():
        try:
            batch = batch_claim(run_id=run.pk, at=RUN_AT)
            entries = _bill(run, batch)
            barrier.wait(timeout=30)
            seen.append(batch_done(batch=batch, entries=entries, failures=[],
                                   at=RUN_AT).status)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert sorted(seen) == ["completed", "running"]
    run.refresh_from_db()
    assert (run.status, run.customers_done, run.customers_billed, run.invoices_issued) == (
        "completed", 4, 4, 4)
    assert sorted(n for _, n, _ in _invoices()) == [f"INV-00000{i}" for i in range(1, 5)]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_workers_bill_a_run_side_by_side_each_customer_once(mp, customers):
    """8 customers in batches of 1: the starting worker asks for a helper, which joins in
    another thread. Each customer gets exactly one invoice of 100.00, the numbers are
    INV-000001 to INV-000008 without gap, and the run is completed with 8 of 8."""
    customers(8)
    helpers, errors = [], []

    def join(run_id):
        try:
            billing.billing_run_join(run=BillingRun.objects.get(pk=run_id),
                                     actor="billing_run", at=RUN_AT)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    def ask(run_id, count):
        helpers.append(threading.Thread(target=join, args=(run_id,)))
        helpers[-1].start()

    billing.billing_run(marketplace=mp, as_of=APR_1, actor="billing_run", at=RUN_AT,
                        batch_size=1, helpers=ask)
    for thread in helpers:
        thread.join(timeout=60)
    assert errors == []
    run = BillingRun.objects.get(marketplace=mp, as_of=APR_1)
    assert (run.status, run.customers_due, run.customers_done, run.invoices_issued) == (
        "completed", 8, 8, 8)
    invoices = _invoices()
    assert sorted(n for _, n, _ in invoices) == [f"INV-00000{i}" for i in range(1, 9)]
    assert sorted(name for name, _, _ in invoices) == [f"Customer {i}" for i in range(8)]
    assert {total for _, _, total in invoices} == {100}
