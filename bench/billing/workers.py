"""Real `abate worker` processes against the bench database: started and idle before the clock
starts, a run asked for as the API asks for it (`billing_run_request`: queued for the
workers), polled until it is finished, and each worker's peak memory (VmHWM) read before it
is stopped. Their logs go to $TMPDIR/abate_bench_worker_N.log."""

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.billing.seed import DB_URL, MAY_1

ROOT = Path(__file__).resolve().parents[2]


def _peak_rss_kib(pid: int) -> int:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def _start_workers(count: int) -> list[subprocess.Popen]:
    env = {**os.environ, "DATABASE_URL": DB_URL, "ABATE_LOG_LEVEL": "ERROR",
           "PYTHONPATH": str(ROOT)}
    abate = str(Path(sys.executable).parent / "abate")
    logs = Path(tempfile.gettempdir())
    workers = [subprocess.Popen([abate, "worker", "--interval", "0.05", "--no-startup-delay",
                                 "--no-reload"], env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                                stderr=open(logs / f"abate_bench_worker_{i}.log", "w"))  # noqa: SIM115
               for i in range(count)]
    time.sleep(4)  # Django set up, migrations checked, idle and polling
    for worker in workers:
        assert worker.poll() is None, "a worker did not start"
    return workers


def run_with_workers(marketplace, *, workers: int, time_limit: float | None = None) -> dict:
    """Bill the marketplace as of May 1 with `workers` worker processes: seconds from the
    request until the run is completed (or `time_limit` passed: the workers are stopped and
    the run is then partly done), the run, and the workers' peak memory (MiB)."""
    import datetime

    from django_tasks_db.models import DBTaskResult

    from billing.models import BillingRun
    from billing.services import billing_run_request

    # The PDFs of documents issued before (an earlier measurement, the raw SQL's) wait: the
    # workers bill. (9999-01-01 is django-tasks-db's "no delay": a day before it is not.)
    DBTaskResult.objects.filter(status="READY", task_path__in=(
        "credits.tasks.generate_pdf", "invoicing.tasks.generate_pdf")).update(
        run_after=datetime.datetime(9998, 12, 31, tzinfo=datetime.UTC))
    procs = _start_workers(workers)
    try:
        started = time.perf_counter()
        run = billing_run_request(marketplace=marketplace, as_of=MAY_1,
                                  today=datetime.date.today(), at=datetime.datetime.now(
                                      datetime.UTC))
        peaks = [0] * workers
        while True:
            time.sleep(0.1)
            peaks = [max(p, _peak_rss_kib(w.pid)) for p, w in zip(peaks, procs, strict=True)]
            status = BillingRun.objects.filter(pk=run.pk).values_list("status", flat=True)[0]
            if status in ("completed", "failed"):
                break
            if time_limit and time.perf_counter() - started > time_limit:
                break
            assert all(w.poll() is None for w in procs), "a worker stopped"
        seconds = time.perf_counter() - started
        peaks = [max(p, _peak_rss_kib(w.pid)) for p, w in zip(peaks, procs, strict=True)]
    finally:
        for worker in procs:
            worker.send_signal(signal.SIGTERM)
            worker.send_signal(signal.SIGTERM)  # the second: now, not after the job
        for worker in procs:
            try:
                worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                worker.kill()
    run.refresh_from_db()
    if run.status != "completed":  # stopped at the time limit: the next workers leave it
        DBTaskResult.objects.filter(status="READY",
                                    task_path__startswith="billing.tasks.billing_run").delete()
        BillingRun.objects.filter(pk=run.pk).update(status="failed",
                                                    failure_reason="stopped by the bench")
    assert run.status == "completed" or time_limit, run.failure_reason
    return {"seconds": seconds, "run": run, "peak_mib": [p / 1024 for p in peaks]}
