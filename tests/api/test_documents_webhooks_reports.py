"""The HTTP API of documents, webhooks, notifications and reports."""

import csv
import io

import pytest
from pypdf import PdfReader

from credits import services as credits
from customers import services as customers
from documents.models import GeneratedPdf
from notifications.models import WebhookDelivery
from tests.api.conftest import ApiClient, error_of, key_for
from tests.conftest import BUYER_PARTY, SELLER_PARTY, T0
from tests.documents.conftest import keep_ubl, validate_ubl
from tests.jobs import assert_jobs_ok


@pytest.fixture
def parties(mp):
    own = customers.own_company(marketplace=mp)
    customers.company_update(marketplace=mp, company_id=own.id, changes=SELLER_PARTY, at=T0)
    mine = customers.company_create(marketplace=mp, name="Globex", party=BUYER_PARTY, at=T0)
    theirs = customers.company_create(marketplace=mp, name="Initech", party=BUYER_PARTY, at=T0)
    return mine, theirs


@pytest.fixture
def client(mp, parties):
    mine, _ = parties
    return lambda role: ApiClient(key_for(mp, role, mine))


def memo_of(mp, company, clock, *, draft=False, tax_rate="0.19"):
    return credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=company.id, reason_code="goodwill", reason="internal",
        draft=draft, actor="t", at=clock(),
        lines=[{"name": "Goodwill", "quantity": "2", "unit_price": "61.73",
                "tax_rate": tax_rate}])


def test_pdf_download_for_every_reader_and_scoped(mp, parties, client, clock):
    mine, theirs = parties
    memo = memo_of(mp, mine, clock)
    response = client("customer").get(f"/credit_memos/{memo.id}/pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="CM-000001.pdf"'
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    # 2 x 61.73 = 123.46, 19 % tax 23.46: 146.92.
    for expected in ("CM-000001", "Acme Market GmbH", "Globex Corporation B.V.", "Goodwill",
                     "123.46", "23.46", "146.92"):
        assert expected in text
    assert "internal" not in text  # the credit reason never appears
    assert GeneratedPdf.objects.filter(document_id=memo.id).count() == 1
    other = memo_of(mp, theirs, clock)
    assert client("customer").get(f"/credit_memos/{other.id}/pdf").status_code == 404
    assert client("developer").get(f"/credit_memos/{other.id}/pdf").status_code == 200
    assert client("manager").get("/credit_memos/nope/pdf").status_code == 404
    invoice = credits.invoice_create(marketplace=mp, company_id=mine.id, actor="t", at=clock(),
                                     lines=[{"name": "Plan", "quantity": "1",
                                             "unit_price": "10.00"}])
    response = client("billing").get(f"/invoices/{invoice.id}/pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_regenerate_pdf(mp, parties, client, clock):
    memo = memo_of(mp, parties[0], clock)
    assert_jobs_ok()
    response = client("billing").post(f"/credit_memos/{memo.id}/pdf/regenerate")
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["object"], body["version"], body["number"]) == ("generated_pdf", 2,
                                                                 "CM-000001")
    assert client("developer").post(f"/credit_memos/{memo.id}/pdf/regenerate"
                                    ).status_code == 403


def test_ubl_endpoints_pass_the_rules(mp, parties, client, clock, make_invoice):
    mine, _ = parties
    memo = memo_of(mp, mine, clock)
    invoice = make_invoice(mine, [{"name": "Plan", "quantity": "3", "unit_price": "19.99",
                                   "tax_rate": "0.07"}])
    from_invoice = credits.credit_memo_create_from_invoice(
        marketplace=mp, invoice_id=invoice.id, reason_code="overcharge", actor="t", at=clock(),
        lines=[{"invoice_line_id": str(invoice.lines.get().id), "quantity": "1"}])
    paths = []
    for path, name in ((f"/credit_memos/{memo.id}/ubl", "api-memo"),
                       (f"/invoices/{invoice.id}/ubl", "api-invoice"),
                       (f"/credit_memos/{from_invoice.id}/ubl", "api-memo-from-invoice")):
        response = client("customer").get(path)
        assert response.status_code == 200, response.content
        assert response["Content-Type"] == "application/xml; charset=utf-8"
        paths.append(keep_ubl(name, response.content))
    assert b"<cbc:ID>CM-000002</cbc:ID>" in paths[2].read_bytes()
    assert b"<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>" in paths[0].read_bytes()
    validate_ubl(paths, label="api")


def test_ubl_errors(mp, parties, client, clock):
    mine, _ = parties
    draft = memo_of(mp, mine, clock, draft=True)
    response = client("manager").get(f"/credit_memos/{draft.id}/ubl")
    assert response.status_code == 409 and error_of(response)["code"] == "invalid_state"
    own = customers.own_company(marketplace=mp)
    customers.company_update(marketplace=mp, company_id=own.id, changes={"vat_id": ""}, at=T0)
    memo = memo_of(mp, mine, clock)
    response = client("manager").get(f"/credit_memos/{memo.id}/ubl")
    assert response.status_code == 422
    assert error_of(response) == {
        "type": "business_rule", "code": "incomplete_party_data",
        "message": "the seller has no vat_id, and a line is taxed", "param": "seller.vat_id"}


def test_webhook_endpoints(mp, parties, client, clock, settings):
    settings.ABATE_WEBHOOKS_ALLOW_PRIVATE = False
    developer = client("developer")
    response = developer.post("/webhook_endpoints", {"url": "https://127.0.0.1/x",
                                                      "event_types": ["credit_memo.issued"]})
    assert response.status_code == 400
    assert error_of(response)["code"] == "invalid_url" and error_of(response)["param"] == "url"
    assert client("billing").post("/webhook_endpoints", {
        "url": "https://8.8.8.8/x", "event_types": ["*"]}).status_code == 403

    response = developer.post("/webhook_endpoints", {
        "url": "https://8.8.8.8/hooks", "event_types": ["credit_memo.issued"]})
    assert response.status_code == 200, response.content
    created = response.json()
    assert set(created) >= {"id", "url", "event_types", "secret"}
    assert created["secret"].startswith("whsec_") and created["status"] == "enabled"
    listed = developer.get("/webhook_endpoints").json()
    assert [e["id"] for e in listed["data"]] == [created["id"]]
    assert "secret" not in listed["data"][0]
    assert developer.get(f"/webhook_endpoints/{created['id']}").json()["secret"] == \
        created["secret"]

    memo_of(mp, parties[0], clock)
    deliveries = developer.get(f"/webhook_endpoints/{created['id']}/deliveries").json()
    [delivery] = deliveries["data"]
    assert (delivery["status"], delivery["event_type"], delivery["attempts"]) == (
        "pending", "credit_memo.issued", 0)
    response = developer.post(f"/webhook_endpoints/{created['id']}/deliveries/"
                              f"{delivery['id']}/redeliver")
    assert response.status_code == 409

    response = client("manager").client.delete(f"/api/v1/webhook_endpoints/{created['id']}")
    assert response.status_code == 200 and response.json()["deleted"] is True
    assert developer.get(f"/webhook_endpoints/{created['id']}").status_code == 404
    assert not WebhookDelivery.objects.exists()


def test_notification_settings(mp, parties, client):
    manager = client("manager")
    listed = manager.get("/notification_settings").json()["data"]
    assert [s["kind"] for s in listed] == ["credit_memo_pdf_created", "invoice_issued",
                                           "credit_applied"]
    assert all(s["enabled"] is False for s in listed)
    response = manager.patch("/notification_settings/credit_memo_pdf_created",
                             {"enabled": True, "subject": "Credit {{ document.number }}"})
    assert response.status_code == 200, response.content
    assert response.json()["enabled"] is True
    assert response.json()["subject"] == "Credit {{ document.number }}"
    # Well-formed text that is no Django template: a rule the schema cannot hold, a 422.
    bad = manager.patch("/notification_settings/invoice_issued", {"body": "{% if %}"})
    assert bad.status_code == 422 and error_of(bad)["code"] == "invalid_template"
    blank = manager.patch("/notification_settings/invoice_issued", {"body": " "})
    assert (blank.status_code, error_of(blank)["param"]) == (400, "body")
    assert client("billing").get("/notification_settings").status_code == 403


def test_reports_stream_and_background(mp, parties, client, clock):
    mine, _ = parties
    memo_of(mp, mine, clock, tax_rate="0")
    billing = client("billing")
    response = billing.get("/reports/invoice_details.csv", {"date_from": "2026-01-01"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"] == \
        'attachment; filename="invoice_details_2026-01-01.csv"'
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [(r["document_type"], r["number"], r["amount"]) for r in rows] == [
        ("credit_memo", "CM-000001", "-123.46")]
    bad = billing.get("/reports/invoice_details.csv", {"date_from": "yesterday"})
    assert bad.status_code == 400 and error_of(bad)["param"] == "date_from"
    assert client("developer").get("/reports/credit_memos.csv").status_code == 403

    response = billing.post("/reports", {"report": "credit_memos"})
    assert response.status_code == 200, response.content
    run = response.json()
    assert (run["status"], run["progress"]) == ("queued", None)
    assert billing.get(f"/reports/{run['id']}/file").status_code == 409
    assert_jobs_ok()
    run = billing.get(f"/reports/{run['id']}").json()
    assert (run["status"], run["rows_total"], run["rows_written"], run["progress"]) == (
        "succeeded", 1, 1, 100)
    response = billing.get(f"/reports/{run['id']}/file")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    assert text.splitlines()[1].startswith("CM-000001,")
    assert billing.get("/reports").json()["data"][0]["id"] == run["id"]
