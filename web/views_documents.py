"""Pages of the documents issue: PDF downloads; Settings › PDF templates (with a live preview),
Notifications, Webhooks (endpoints, deliveries, attempts, redelivery); and the addresses of
the Reports and Background jobs pages (web/views/reports.py).

Each view makes one service call and shows the service's error beside the form."""

import base64

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.views.decorators.http import require_POST

from common.clock import now
from common.errors import DomainError
from credits.documents import memo_pdf_bytes
from documents import pdf as pdf_rendering
from documents import services as documents
from invoicing.documents import invoice_pdf_bytes
from notifications import services as notifications
from notifications.models import EMAIL_KINDS, WebhookDelivery, WebhookEndpoint
from notifications.serializers import delivery_data, endpoint_data
from web.once import acts_once
from web.pages import error_status, message_for, page, page_view, require
from web.selectors import visible_invoice, visible_memo
from web.views import reports
from web.views.memos import actor

KINDS = {"credit_memo": "Credit memo", "invoice": "Invoice"}


def _pdf(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


@page_view
def credit_memo_pdf(request, memo_id):
    memo = visible_memo(marketplace=request.marketplace, company=request.company,
                        memo_id=memo_id)
    if memo is None:
        raise Http404("no such document")
    return _pdf(*memo_pdf_bytes(memo=memo, actor=actor(request), at=now()))


@page_view
def invoice_pdf(request, invoice_id):
    invoice = visible_invoice(marketplace=request.marketplace, company=request.company,
                              invoice_id=invoice_id)
    if invoice is None:
        raise Http404("no such document")
    return _pdf(*invoice_pdf_bytes(invoice=invoice, actor=actor(request), at=now()))


# --- Settings › PDF templates ----------------------------------------------------------------

def _kind(kind: str) -> str:
    if kind not in KINDS:
        raise Http404("no such document type")
    return kind


def _preview_png(kind: str, html: str) -> str:
    content = documents.pdf_preview(kind=kind, html=html)
    return base64.b64encode(pdf_rendering.page_png(content, dpi=96)).decode()


@page_view
@acts_once
def pdf_templates(request, kind="credit_memo"):
    denied = require(request, "settings")
    if denied:
        return denied
    kind, marketplace = _kind(kind), request.marketplace
    error, status = None, 200
    if request.method == "POST":
        try:
            if request.POST.get("action") == "reset":
                documents.pdf_template_reset(marketplace=marketplace, kind=kind)
                messages.success(request, f"{KINDS[kind]} template reset to the default.")
            else:
                documents.pdf_template_update(marketplace=marketplace, kind=kind,
                                              html=request.POST.get("html", ""),
                                              actor=actor(request), at=now())
                messages.success(request, f"{KINDS[kind]} template saved.")
            return redirect("web:pdf_templates_kind", kind=kind)
        except DomainError as failure:
            error, status = message_for(failure), error_status(failure)
        html = request.POST.get("html", "")
    else:
        html = documents.template_source(marketplace_id=marketplace.id, kind=kind)
    preview, preview_error = None, None
    try:
        preview = _preview_png(kind, html)
    except DomainError as failure:
        preview_error = message_for(failure)
    return page(request, "web/documents/pdf_templates.html", {
        "kind": kind, "kind_label": KINDS[kind].lower(), "kinds": KINDS, "html": html,
        "error": error, "preview": preview, "preview_error": preview_error,
        "custom": documents.template_is_custom(marketplace_id=marketplace.id, kind=kind),
    }, status=status)


@page_view
@require_POST
def pdf_template_preview(request, kind):
    """The live preview (htmx): page 1 of the sample document with the typed template."""
    denied = require(request, "settings")
    if denied:
        return denied
    context = {"preview": None, "preview_error": None}
    try:
        context["preview"] = _preview_png(_kind(kind), request.POST.get("html", ""))
    except DomainError as failure:
        context["preview_error"] = message_for(failure)
    return render(request, "web/documents/_preview.html", context)


# --- Settings › Notifications ----------------------------------------------------------------

@page_view
@acts_once
def notification_settings(request):
    denied = require(request, "settings")
    if denied:
        return denied
    marketplace = request.marketplace
    failed_kind, error, status = None, None, 200
    typed = {}
    if request.method == "POST":
        kind = request.POST.get("kind")
        try:
            notifications.email_setting_update(
                marketplace=marketplace, kind=kind, enabled=request.POST.get("enabled") == "on",
                subject=request.POST.get("subject", ""), body=request.POST.get("body", ""),
                at=now())
            messages.success(request, "Notification saved.")
            return redirect("web:notification_settings")
        except DomainError as failure:
            failed_kind, error, status = kind, message_for(failure), error_status(failure)
            typed = {"enabled": request.POST.get("enabled") == "on",
                     "subject": request.POST.get("subject", ""),
                     "body": request.POST.get("body", "")}
    settings = []
    for kind in EMAIL_KINDS:
        setting = notifications.email_setting(marketplace=marketplace, kind=kind)
        if kind == failed_kind:
            setting = {**setting, **typed, "error": error}
        settings.append(setting)
    return page(request, "web/documents/notifications.html", {"settings": settings},
                status=status)


# --- Settings › Webhooks ---------------------------------------------------------------------

@page_view
@acts_once
def webhook_endpoints(request):
    denied = require(request, "webhooks")
    if denied:
        return denied
    marketplace = request.marketplace
    error, status, typed = None, 200, {"url": "", "event_types": "credit_memo.issued"}
    if request.method == "POST":
        typed = {"url": request.POST.get("url", ""),
                 "event_types": request.POST.get("event_types", "")}
        types = [t.strip() for t in typed["event_types"].replace(",", " ").split() if t.strip()]
        try:
            endpoint = notifications.webhook_endpoint_create(
                marketplace=marketplace, url=typed["url"], event_types=types, at=now())
            messages.success(request, "Endpoint added. Its signing secret is shown on its page.")
            return redirect("web:webhook_endpoint", endpoint_id=endpoint.id)
        except DomainError as failure:
            error, status = message_for(failure), error_status(failure)
    endpoints = [endpoint_data(e) for e in WebhookEndpoint.objects.filter(
        marketplace=marketplace).order_by("-created_at")]
    return page(request, "web/documents/webhooks.html", {
        "endpoints": endpoints, "error": error, "typed": typed}, status=status)


def _endpoint(request, endpoint_id):
    try:
        return notifications.webhook_endpoint_get(marketplace=request.marketplace,
                                                  endpoint_id=endpoint_id)
    except DomainError:
        raise Http404("no such webhook endpoint") from None


@page_view
def webhook_endpoint(request, endpoint_id):
    denied = require(request, "webhooks")
    if denied:
        return denied
    endpoint = _endpoint(request, endpoint_id)
    deliveries = (WebhookDelivery.objects.filter(endpoint=endpoint).select_related("event")
                  .prefetch_related("attempt_log").order_by("-created_at", "-id")[:50])
    return page(request, "web/documents/webhook_endpoint.html", {
        "endpoint": endpoint_data(endpoint, include_secret=True),
        "deliveries": [delivery_data(d) for d in deliveries],
    })


@page_view
@require_POST
@acts_once
def webhook_endpoint_action(request, endpoint_id, action):
    denied = require(request, "webhooks")
    if denied:
        return denied
    endpoint = _endpoint(request, endpoint_id)
    if action == "delete":
        notifications.webhook_endpoint_delete(marketplace=request.marketplace,
                                              endpoint_id=endpoint.id)
        messages.success(request, "Endpoint deleted.")
        return redirect("web:webhook_endpoints")
    if action == "enable":
        notifications.webhook_endpoint_enable(marketplace=request.marketplace,
                                              endpoint_id=endpoint.id, at=now())
        messages.success(request, "Endpoint enabled.")
        return redirect("web:webhook_endpoint", endpoint_id=endpoint.id)
    raise Http404


@page_view
@require_POST
@acts_once
def webhook_redeliver(request, endpoint_id, delivery_id):
    denied = require(request, "webhooks")
    if denied:
        return denied
    endpoint = _endpoint(request, endpoint_id)
    try:
        notifications.webhook_delivery_redeliver(marketplace=request.marketplace,
                                                 endpoint_id=endpoint.id,
                                                 delivery_id=delivery_id, at=now())
        messages.success(request, "The delivery will be sent again in a moment.")
    except DomainError as failure:
        messages.error(request, message_for(failure))
    return redirect("web:webhook_endpoint", endpoint_id=endpoint.id)


urlpatterns = [
    path("credit-memos/<str:memo_id>/pdf", credit_memo_pdf, name="credit_memo_pdf"),
    path("invoices/<str:invoice_id>/pdf", invoice_pdf, name="invoice_pdf"),
    path("settings/pdf-templates", pdf_templates, name="pdf_templates"),
    path("settings/pdf-templates/<str:kind>", pdf_templates, name="pdf_templates_kind"),
    path("settings/pdf-templates/<str:kind>/preview", pdf_template_preview,
         name="pdf_template_preview"),
    path("settings/notifications", notification_settings, name="notification_settings"),
    path("settings/webhooks", webhook_endpoints, name="webhook_endpoints"),
    path("settings/webhooks/<str:endpoint_id>", webhook_endpoint, name="webhook_endpoint"),
    path("settings/webhooks/<str:endpoint_id>/<str:action>", webhook_endpoint_action,
         name="webhook_endpoint_action"),
    path("settings/webhooks/<str:endpoint_id>/deliveries/<str:delivery_id>/redeliver",
         webhook_redeliver, name="webhook_redeliver"),
    path("reports", reports.reports_page, name="reports"),
    path("reports/runs", reports.report_runs, name="report_runs"),
    path("reports/download", reports.report_csv, name="report_download"),
    path("reports/<str:report>.csv", reports.report_csv, name="report_csv"),
    path("reports/runs/<str:report_id>/file", reports.report_file, name="report_file"),
    path("settings/jobs", reports.jobs, name="jobs"),
]
