"""Producing reports as CSV: streamed to the client as rows are read, or produced in the
background into a file, with progress. Memory stays constant whatever the size: rows go from
the database cursor through the CSV writer to the response or the file one at a time."""

import csv
import os
import tempfile

from django.core.files import File

from common.errors import InvalidState
from common.ids import find
from common.transactions import service
from reports import queries
from reports.models import ReportRun

PROGRESS_EVERY = 5000


class _Line:
    """A file-like object whose write returns what it was given: csv.writer then makes one
    line at a time, for a streaming response."""

    def write(self, value):
        return value


def csv_lines(rows):
    """CSV text, one line per row, as bytes (UTF-8)."""
    writer = csv.writer(_Line())
    for row in rows:
        yield writer.writerow(row).encode()


def report_stream(*, marketplace, report: str, filters: queries.Filters):
    """The CSV of a report, line by line (for StreamingHttpResponse)."""
    return csv_lines(queries.rows(marketplace=marketplace, report=report, filters=filters))


def file_name(run_or_report, filters: queries.Filters | None = None) -> str:
    if isinstance(run_or_report, ReportRun):
        report, values = run_or_report.report, run_or_report.filters
    else:
        report, values = run_or_report, filters.as_dict()
    dates = "_".join(v for v in (values.get("date_from"), values.get("date_to")) if v)
    return f"{report}{'_' + dates if dates else ''}.csv"


@service
def report_request(*, marketplace, report, date_from=None, date_to=None, company_id=None,
                   reseller_id=None, actor, at) -> ReportRun:
    """Queue a report to be produced in the background (the job is enqueued with it)."""
    from reports.tasks import produce_report

    filters = queries.parse_filters(marketplace=marketplace, report=report,
                                    date_from=date_from, date_to=date_to,
                                    company_id=company_id, reseller_id=reseller_id)
    run = ReportRun.objects.create(marketplace=marketplace, report=report,
                                   filters=filters.as_dict(), requested_by=actor,
                                   created_at=at)
    produce_report.enqueue(report_id=str(run.id))
    return run


def report_get(*, marketplace, report_id) -> ReportRun:
    return find(ReportRun.objects.filter(marketplace=marketplace), report_id,
                what="report", param="id")


def _filters(run: ReportRun) -> queries.Filters:
    import datetime

    values = run.filters
    return queries.Filters(
        date_from=datetime.date.fromisoformat(values["date_from"])
        if values.get("date_from") else None,
        date_to=datetime.date.fromisoformat(values["date_to"]) if values.get("date_to")
        else None,
        company_id=values.get("company_id"), reseller_id=values.get("reseller_id"))


def report_produce(*, report_id, at, clock=None) -> ReportRun:
    """Write the report's CSV to a temporary file, counting rows as it goes, then store it.
    Progress is committed every PROGRESS_EVERY rows; a run that fails says why."""
    from common.clock import now

    clock = clock or now
    run = ReportRun.objects.select_related("marketplace").get(pk=report_id)
    if run.status == "succeeded":
        return run
    filters = _filters(run)
    total = queries.row_count(marketplace=run.marketplace, report=run.report, filters=filters)
    ReportRun.objects.filter(pk=run.pk).update(status="running", started_at=at,
                                               rows_total=total, rows_written=0, error="")
    written = 0
    with tempfile.NamedTemporaryFile("w+b", suffix=".csv", delete=False) as handle:
        try:
            lines = report_stream(marketplace=run.marketplace, report=run.report,
                                  filters=filters)
            handle.write(next(lines))  # the header
            for line in lines:
                handle.write(line)
                written += 1
                if written % PROGRESS_EVERY == 0:
                    ReportRun.objects.filter(pk=run.pk).update(rows_written=written)
            handle.flush()
            handle.seek(0)
            run.refresh_from_db()
            run.file.save(file_name(run), File(handle), save=False)
            run.size = os.fstat(handle.fileno()).st_size
        except Exception as error:
            ReportRun.objects.filter(pk=run.pk).update(
                status="failed", error=f"{type(error).__name__}: {error}"[:2000],
                finished_at=clock())
            raise
        finally:
            os.unlink(handle.name)
    run.status, run.rows_written, run.finished_at = "succeeded", written, clock()
    run.save(update_fields=["status", "rows_written", "finished_at", "file", "size"])
    return run


def report_open(*, marketplace, report_id):
    """The stored CSV of a finished run, as an open file."""
    run = report_get(marketplace=marketplace, report_id=report_id)
    if run.status != "succeeded":
        raise InvalidState(f"the report is {run.status}")
    return run, run.file.open("rb")
