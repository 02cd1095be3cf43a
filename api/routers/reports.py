"""Reports as CSV: streamed as they are read (constant memory, any size), or produced in the
background into a file with progress, for large ones."""

import datetime
from typing import Literal

from django.http import FileResponse, StreamingHttpResponse
from ninja import Query, Router
from pydantic import ConfigDict, Field, StrictStr

from api.auth import MANAGE, actor, allow, marketplace
from api.pagination import CURSOR, LIMIT, paginate
from api.responses import READ_ERRORS, ok, responds
from api.schemas import ErrorOut, In, Out, list_of
from api.schemas.base import DateIn, DateQuery, Id
from common.clock import now
from reports import queries
from reports import services as reports
from reports.models import REPORT_STATUSES, ReportRun

router = Router(tags=["reports"])

ReportName = Literal[queries.REPORTS]  # type: ignore[valid-type]
DATE_FROM = Query(None, description="YYYY-MM-DD, the issue date in UTC, inclusive")
DATE_TO = Query(None, description="YYYY-MM-DD, the issue date in UTC, inclusive; not before "
                                  "`date_from` (`422 invalid_date_range`)")
COMPANY = Query(None, description="matches `company_id` or `billed_company_id`; an id that "
                                  "names nothing matches nothing")

# The reseller reconciliation names its reseller; the other reports take none (null is "not
# given"). Inside allOf, so that generated clients keep the fields.
_RESELLER_FOR_RECONCILIATION = {"allOf": [{"anyOf": [
    {"properties": {"report": {"enum": [r for r in queries.REPORTS
                                        if r != "reseller_reconciliation"]},
                    "reseller_id": {"type": "null"}}},
    {"required": ["reseller_id"],
     "properties": {"report": {"const": "reseller_reconciliation"},
                    "reseller_id": {"type": "string"}}},
]}]}


class ReportIn(In):
    model_config = ConfigDict(json_schema_extra=_RESELLER_FOR_RECONCILIATION)

    report: ReportName
    date_from: DateIn | None = Field(None, description="YYYY-MM-DD, the issue date in UTC, "
                                                       "inclusive")
    date_to: DateIn | None = Field(None, description="YYYY-MM-DD, the issue date in UTC, "
                                   "inclusive; not before `date_from` "
                                   "(`422 invalid_date_range`)")
    company_id: StrictStr | None = Field(None, description="matches `company_id` or "
                                         "`billed_company_id`; an id that names nothing "
                                         "matches nothing")
    reseller_id: Id | None = Field(None, description="the reseller: required by "
                                   "`reseller_reconciliation`, taken by no other report")


class ReportFiltersOut(Out):
    date_from: datetime.date | None
    date_to: datetime.date | None
    company_id: str | None
    reseller_id: str | None


class ReportRunOut(Out):
    id: str
    object: Literal["report"]
    report: ReportName
    filters: ReportFiltersOut
    status: Literal[REPORT_STATUSES]  # type: ignore[valid-type]
    rows_total: int | None
    rows_written: int
    progress: int | None = Field(description="percent done, when known")
    size: int | None
    error: str | None
    created_at: datetime.datetime
    started_at: datetime.datetime | None
    finished_at: datetime.datetime | None


ReportRunList = list_of(ReportRunOut, "ReportRunList")


def _ts(value):
    return value.isoformat().replace("+00:00", "Z") if value else None


def run_data(run: ReportRun) -> dict:
    return {
        "id": str(run.id), "object": "report", "report": run.report, "filters": run.filters,
        "status": run.status, "rows_total": run.rows_total, "rows_written": run.rows_written,
        "progress": run.progress, "size": run.size, "error": run.error or None,
        "created_at": _ts(run.created_at), "started_at": _ts(run.started_at),
        "finished_at": _ts(run.finished_at),
    }


# A report's dates out of order, its reseller not one: a 422.
CSV_ERRORS = (*READ_ERRORS, 422)


def _csv_operation(description: str, *, errors=READ_ERRORS) -> dict:
    return {
        "response": {200: None, **{status: ErrorOut for status in errors}},
        "openapi_extra": {"responses": {"200": {"description": description, "content": {
            "text/csv": {"schema": {"type": "string"}}}}}},
    }


def _stream(request, report, **values):
    filters = queries.parse_filters(marketplace=marketplace(request), report=report, **values)
    response = StreamingHttpResponse(
        reports.report_stream(marketplace=marketplace(request), report=report,
                              filters=filters), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{reports.file_name(report, filters)}"')
    return response


@router.get("/reports/invoice_details.csv", auth=allow(MANAGE),
            summary="Invoice details report (CSV)",
            **_csv_operation("one row per document line, invoices and credit memos (amounts "
                             "negative), oldest first", errors=CSV_ERRORS))
def invoice_details_csv(request, date_from: DateQuery | None = DATE_FROM,
                        date_to: DateQuery | None = DATE_TO, company_id: str | None = COMPANY):
    """Issued invoices and credit memos (drafts and void ones left out), one row per line
    with the `document_type`, streamed as it is read."""
    return _stream(request, "invoice_details", date_from=date_from, date_to=date_to,
                   company_id=company_id)


@router.get("/reports/credit_memos.csv", auth=allow(MANAGE), summary="Credit memo report (CSV)",
            **_csv_operation("one row per issued credit memo: status, origin, applied, "
                             "remaining (0 for a void memo)", errors=CSV_ERRORS))
def credit_memos_csv(request, date_from: DateQuery | None = DATE_FROM,
                     date_to: DateQuery | None = DATE_TO, company_id: str | None = COMPANY):
    """Issued credit memos (drafts left out), oldest first, with their `status`. A void memo
    keeps its row and its `total`, but its `remaining_amount` is `0.00`: it is no credit, so
    the column sums to the customers' available credit. Streamed as it is read."""
    return _stream(request, "credit_memos", date_from=date_from, date_to=date_to,
                   company_id=company_id)


@router.get("/reports/reseller_reconciliation.csv", auth=allow(MANAGE),
            summary="Reseller reconciliation report (CSV)",
            **_csv_operation("the lines of the documents the reseller pays for, with each "
                             "end customer, custom charges left out", errors=CSV_ERRORS))
def reseller_reconciliation_csv(request, reseller_id: Id = Query(...),
                                date_from: DateQuery | None = DATE_FROM,
                                date_to: DateQuery | None = DATE_TO):
    return _stream(request, "reseller_reconciliation", date_from=date_from, date_to=date_to,
                   reseller_id=reseller_id)


@router.post("/reports", auth=allow(MANAGE), response=responds(ReportRunOut, write=True),
             summary="Produce a report in the background")
def report_create(request, body: ReportIn):
    """Queued at once; `GET /reports/{id}` shows its progress and `GET /reports/{id}/file`
    answers the CSV once it has `succeeded`."""
    run = reports.report_request(marketplace=marketplace(request), actor=actor(request),
                                 at=now(), **body.model_dump(exclude_unset=True))
    return ok(run_data(run))


@router.get("/reports", auth=allow(MANAGE), response=responds(ReportRunList),
            summary="List reports produced in the background")
def reports_list(request, limit: int = LIMIT, cursor: str | None = CURSOR):
    runs = ReportRun.objects.filter(marketplace_id=request.auth.marketplace_id)
    return ok(paginate(runs, limit=limit, cursor=cursor, serialize=run_data))


@router.get("/reports/{report_id}", auth=allow(MANAGE), response=responds(ReportRunOut),
            summary="A report and its progress")
def report_get(request, report_id: Id):
    return ok(run_data(reports.report_get(marketplace=marketplace(request),
                                          report_id=report_id)))


@router.get("/reports/{report_id}/file", auth=allow(MANAGE), summary="A report's CSV",
            **_csv_operation("the CSV of a report that has succeeded (else 409)",
                             errors=(*READ_ERRORS, 409)))
def report_file(request, report_id: Id):
    run, handle = reports.report_open(marketplace=marketplace(request), report_id=report_id)
    return FileResponse(handle, as_attachment=True, filename=reports.file_name(run),
                        content_type="text/csv; charset=utf-8")
