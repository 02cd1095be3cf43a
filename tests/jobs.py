"""Queued jobs run in the test's own process and transaction, as `db_worker` runs them."""


def run_jobs(*, limit: int = 200) -> list:
    """Run every queued job that is due, in this process and this test's transaction, the
    way `db_worker` runs them (jobs that jobs enqueue included). Returns the failed ones."""
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(queue_names=["*"], interval=0, batch=True, backend_name="default",
                    startup_delay=False, max_tasks=None, worker_id="test",
                    excluded_queue_names=[])
    failed = []
    for _ in range(limit):
        job = DBTaskResult.objects.ready().first()
        if job is None:
            break
        job.claim("test")
        worker.run_task(job)
        job.refresh_from_db()
        if job.status == "FAILED":
            failed.append(job)
    return failed


def assert_jobs_ok():
    failed = run_jobs()
    assert not failed, "\n".join(job.traceback for job in failed)
