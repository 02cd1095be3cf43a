"""Pages of reports (CSV now, or produced in the background with progress) and of the
background jobs (queued, running, failed). Each view makes one service call and shows the
service's error beside the form."""

import datetime

from django.contrib import messages
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import redirect, render

from common.clock import now
from common.errors import DomainError
from marketplaces.roles import roles_for
from reports import queries
from reports import services as reports
from reports.models import ReportRun
from web.once import acts_once
from web.pages import error_status, forbidden, message_for, page, page_view
from web.views.memos import actor

REPORT_ROLES = roles_for("reports")
JOB_ROLES = roles_for("jobs")
REPORT_LABELS = {
    "invoice_details": "Invoice details",
    "credit_memos": "Credit memos",
    "reseller_reconciliation": "Reseller reconciliation",
}


# --- Reports ---------------------------------------------------------------------------------

def _report_denied(request):
    if request.role not in REPORT_ROLES:
        return forbidden(request, "Your role may not see reports.")
    return None


def _report_values(source) -> dict:
    return {name: (source.get(name) or None) for name in
            ("report", "date_from", "date_to", "company_id", "reseller_id")}


def _runs(marketplace) -> dict:
    """The latest runs, and whether the page should poll for their progress."""
    runs = [{"id": str(r.id), "label": REPORT_LABELS.get(r.report, r.report), "status": r.status,
             "progress": r.progress, "rows_written": r.rows_written, "rows_total": r.rows_total,
             "filters": r.filters, "created_at": r.created_at, "error": r.error}
            for r in ReportRun.objects.filter(marketplace=marketplace)
            .order_by("-created_at")[:20]]
    return {"runs": runs, "polling": any(r["status"] in ("queued", "running") for r in runs)}


@page_view
@acts_once
def reports_page(request):
    denied = _report_denied(request)
    if denied:
        return denied
    from customers.models import Company

    marketplace = request.marketplace
    error, status, typed = None, 200, _report_values(request.POST)
    if request.method == "POST":
        try:
            reports.report_request(marketplace=marketplace, actor=actor(request), at=now(),
                                   **{k: v for k, v in typed.items()})
            messages.success(request, "The report is being produced; it appears below.")
            return redirect("web:reports")
        except DomainError as failure:
            error, status = message_for(failure), error_status(failure)
    companies = list(Company.objects.filter(marketplace=marketplace, is_own=False)
                     .order_by("name").values("id", "name", "is_reseller")[:500])
    return page(request, "web/documents/reports.html", {
        "labels": REPORT_LABELS, **_runs(marketplace), "error": error, "typed": typed,
        "companies": companies, "resellers": [c for c in companies if c["is_reseller"]],
    }, status=status)


@page_view
def report_runs(request):
    """The runs with their progress (htmx polls it while one runs)."""
    denied = _report_denied(request)
    if denied:
        return denied
    return render(request, "web/documents/_report_runs.html", _runs(request.marketplace))


@page_view
def report_csv(request, report=None):
    """A report streamed as it is read (any size, constant memory)."""
    denied = _report_denied(request)
    if denied:
        return denied
    values = _report_values(request.GET)
    report = report or values["report"]
    values.pop("report")
    if report not in queries.REPORTS:
        raise Http404
    try:
        filters = queries.parse_filters(marketplace=request.marketplace, report=report, **values)
    except DomainError as failure:
        messages.error(request, message_for(failure))
        return redirect("web:reports")
    response = StreamingHttpResponse(
        reports.report_stream(marketplace=request.marketplace, report=report, filters=filters),
        content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{reports.file_name(report, filters)}"')
    return response


@page_view
def report_file(request, report_id):
    denied = _report_denied(request)
    if denied:
        return denied
    try:
        run, handle = reports.report_open(marketplace=request.marketplace, report_id=report_id)
    except DomainError:
        raise Http404("no such report, or not ready") from None
    return FileResponse(handle, as_attachment=True, filename=reports.file_name(run),
                        content_type="text/csv; charset=utf-8")


# --- Background jobs -------------------------------------------------------------------------

@page_view
def jobs(request):
    """What the workers do: queued, running and failed jobs of every kind (the queue is
    shared by all marketplaces, so only the job's kind, times and error are shown)."""
    if request.role not in JOB_ROLES:
        return forbidden(request, "Your role may not see background jobs.")
    from django.db.models import Count
    from django_tasks_db.models import DBTaskResult

    at = now()
    counts = dict(DBTaskResult.objects.values_list("status").annotate(n=Count("id")))
    due = DBTaskResult.objects.filter(status="READY", run_after__lte=at).count()

    def rows(queryset):
        return [{"id": str(j.id), "task": j.task_path.rsplit(".", 1)[-1],
                 "status": j.status, "enqueued_at": j.enqueued_at, "started_at": j.started_at,
                 "finished_at": j.finished_at,
                 "run_after": None if j.run_after.year == 9999 else j.run_after,
                 "error": j.exception_class_path.rsplit(".", 1)[-1],
                 "stuck": j.status == "RUNNING" and j.started_at
                 and j.started_at < at - datetime.timedelta(minutes=15)}
                for j in queryset]

    return page(request, "web/documents/jobs.html", {
        "counts": {"queued": counts.get("READY", 0), "due": due,
                   "running": counts.get("RUNNING", 0), "failed": counts.get("FAILED", 0),
                   "succeeded": counts.get("SUCCESSFUL", 0)},
        "running": rows(DBTaskResult.objects.filter(status="RUNNING").order_by("started_at")
                        [:50]),
        "queued": rows(DBTaskResult.objects.filter(status="READY").order_by("run_after")[:50]),
        "failed": rows(DBTaskResult.objects.filter(status="FAILED").order_by("-finished_at")
                       [:50]),
    })
