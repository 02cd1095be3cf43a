"""Background work for reports: thin, load by id and call one service."""

from django_tasks import task

MAX_ATTEMPTS = 3


@task()
def produce_report(*, report_id: str, attempt: int = 1) -> dict:
    from common.clock import now
    from common.jobs import retry_job
    from reports.services import report_produce

    try:
        run = report_produce(report_id=report_id, at=now())
    except Exception:
        retry_job(produce_report, attempt=attempt, max_attempts=MAX_ATTEMPTS, at=now(),
                  report_id=report_id)
        raise
    return {"rows": run.rows_written, "file": run.file.name}
