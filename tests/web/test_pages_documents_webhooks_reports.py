"""The pages: PDF downloads, PDF templates with live preview, notifications, webhooks,
reports with progress, background jobs."""

import csv
import io

import pytest
from pypdf import PdfReader

from credits import services as credits
from documents.models import PdfTemplate
from notifications.models import EmailNotificationSetting, WebhookDelivery, WebhookEndpoint
from reports.models import ReportRun
from tests.conftest import T0
from tests.jobs import assert_jobs_ok
from web.services import page_user_create

PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def sign_in(client, mp):
    def signed(role, company=None):
        email = f"{role}@pages.test"
        page_user_create(marketplace=mp, email=email, password=PASSWORD, role=role,
                         company_id=company.id if company else None, at=T0)
        assert client.post("/sign-in", {"email": email, "password": PASSWORD}
                           ).status_code == 302
        return client

    return signed


def memo_for(mp, company, clock, amount="40.00"):
    return credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=company.id, reason_code="goodwill", actor="t", at=clock(),
        lines=[{"name": "Goodwill", "quantity": "1", "unit_price": amount}])


def test_pdf_downloads_are_scoped_to_the_customer(mp, make_company, sign_in, clock):
    mine, theirs = make_company("Globex"), make_company("Initech")
    memo, other = memo_for(mp, mine, clock), memo_for(mp, theirs, clock)
    client = sign_in("customer", mine)
    response = client.get(f"/credit-memos/{memo.id}/pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "CM-000001" in PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert client.get(f"/credit-memos/{other.id}/pdf").status_code == 404
    # The detail page links it.
    assert f'href="/credit-memos/{memo.id}/pdf"' in client.get(
        f"/credit-memos/{memo.id}").content.decode()


def test_pdf_template_page_with_live_preview(mp, sign_in):
    client = sign_in("manager")
    page = client.get("/settings/pdf-templates/credit_memo")
    assert page.status_code == 200
    html = page.content.decode()
    assert "This is the default template." in html and 'src="data:image/png;base64,' in html
    preview = client.post("/settings/pdf-templates/credit_memo/preview",
                          {"html": "<p>{{ doc.number }}</p>"})
    assert preview.status_code == 200 and b"data:image/png;base64," in preview.content
    broken = client.post("/settings/pdf-templates/credit_memo/preview", {"html": "{% if %}"})
    assert b'role="alert"' in broken.content
    refused = client.post("/settings/pdf-templates/invoice",
                          {"html": "{% if %} typed text", "action": "save"})
    assert refused.status_code == 400
    assert b"{% if %} typed text" in refused.content  # nothing typed is lost
    saved = client.post("/settings/pdf-templates/invoice",
                        {"html": "<h1>Rechnung {{ doc.number }}</h1>", "action": "save"})
    assert saved.status_code == 302
    assert PdfTemplate.objects.get(marketplace=mp, kind="invoice").html.startswith("<h1>Rech")
    client.post("/settings/pdf-templates/invoice", {"action": "reset"})
    assert not PdfTemplate.objects.exists()


def test_settings_pages_need_their_role(mp, sign_in):
    client = sign_in("billing")
    for path in ("/settings/pdf-templates", "/settings/notifications", "/settings/webhooks",
                 "/settings/jobs"):
        assert client.get(path).status_code == 403, path
    assert client.get("/reports").status_code == 200


def test_notifications_page(mp, sign_in):
    client = sign_in("manager")
    assert b"Credit memo PDF created" in client.get("/settings/notifications").content
    response = client.post("/settings/notifications", {
        "kind": "credit_memo_pdf_created", "enabled": "on",
        "subject": "Credit {{ document.number }}", "body": "Hello {{ company.name }}"})
    assert response.status_code == 302
    setting = EmailNotificationSetting.objects.get(marketplace=mp)
    assert (setting.enabled, setting.subject) == (True, "Credit {{ document.number }}")
    refused = client.post("/settings/notifications", {
        "kind": "invoice_issued", "subject": "{% for %}", "body": "kept body"})
    # A template Django refuses is a rule broken by well-formed text: 422, the form kept.
    assert refused.status_code == 422 and b"kept body" in refused.content


def test_webhooks_pages(mp, customer, sign_in, settings, clock):
    settings.ABATE_WEBHOOKS_ALLOW_PRIVATE = False
    client = sign_in("developer")
    refused = client.post("/settings/webhooks", {"url": "https://10.0.0.1/x",
                                                 "event_types": "*"})
    assert refused.status_code == 400 and b"private" in refused.content
    response = client.post("/settings/webhooks", {"url": "https://8.8.8.8/hooks",
                                                  "event_types": "credit_memo.issued, "
                                                                 "invoice.issued"})
    assert response.status_code == 302
    endpoint = WebhookEndpoint.objects.get()
    assert endpoint.event_types == ["credit_memo.issued", "invoice.issued"]
    memo_for(mp, customer, clock)
    page = client.get(f"/settings/webhooks/{endpoint.id}").content.decode()
    assert endpoint.secret in page and "credit_memo.issued" in page and "pending" in page
    delivery = WebhookDelivery.objects.get()
    delivery.status = "failed"
    delivery.save()
    client.post(f"/settings/webhooks/{endpoint.id}/deliveries/{delivery.id}/redeliver")
    delivery.refresh_from_db()
    assert delivery.status == "pending"
    assert client.post(f"/settings/webhooks/{endpoint.id}/delete").status_code == 302
    assert not WebhookEndpoint.objects.exists()


def test_reports_page_background_with_progress(mp, customer, sign_in, clock):
    memo_for(mp, customer, clock, amount="12.34")
    client = sign_in("billing")
    assert b"Reports" in client.get("/reports").content
    now_csv = client.get("/reports/download", {"report": "invoice_details"})
    rows = list(csv.DictReader(io.StringIO(b"".join(now_csv.streaming_content).decode())))
    assert [(r["number"], r["amount"]) for r in rows] == [("CM-000001", "-12.34")]
    response = client.post("/reports", {"report": "credit_memos"})
    assert response.status_code == 302
    runs = client.get("/reports/runs").content.decode()
    assert "queued" in runs and 'hx-trigger="load delay:1s"' in runs  # it polls
    assert_jobs_ok()
    runs = client.get("/reports/runs").content.decode()
    assert "succeeded" in runs and "hx-trigger" not in runs
    run = ReportRun.objects.get()
    file = client.get(f"/reports/runs/{run.id}/file")
    assert b"CM-000001" in b"".join(file.streaming_content)
    bad = client.post("/reports", {"report": "reseller_reconciliation"})
    assert bad.status_code == 400 and b"reseller" in bad.content


def test_jobs_page(mp, customer, sign_in, clock):
    memo_for(mp, customer, clock)
    client = sign_in("manager")
    page = client.get("/settings/jobs").content.decode()
    assert "generate_pdf" in page and "Queued" in page
