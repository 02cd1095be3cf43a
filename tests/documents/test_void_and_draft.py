"""Void and draft documents are never credit (issue 9, point 6): their PDFs carry a VOID or
DRAFT mark (a stamp and the word, read back with pypdf), a PDF stored before the void is never
served again, and the credit memo report gives a void memo no remaining balance."""

import csv
import io
import subprocess
from decimal import Decimal

from pypdf import PdfReader

from credits import services as credits
from credits.documents import memo_pdf_bytes
from documents import services as documents
from documents.models import GeneratedPdf
from invoicing import services as invoicing
from invoicing.documents import invoice_pdf_bytes
from reports import queries
from reports import services as reports
from tests.api.conftest import ApiClient, key_for
from tests.documents.conftest import ARTIFACTS
from tests.jobs import assert_jobs_ok


def text_of(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def ad_hoc(mp, company, clock, amount, *, draft=False):
    return credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=company.id, reason_code="goodwill", draft=draft,
        actor="t", at=clock(), lines=[{"name": "Goodwill", "quantity": "1",
                                       "unit_price": amount}])


def download(document, kind, clock):
    if kind == "invoice":
        return invoice_pdf_bytes(invoice=document, actor="t", at=clock())
    return memo_pdf_bytes(memo=document, actor="t", at=clock())


def keep_picture(name: str, content: bytes) -> None:
    """The PDF and its first page as a PNG under test-artifacts/, for people to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"{name}.pdf").write_bytes(content)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
                    str(ARTIFACTS / f"{name}.pdf"), str(ARTIFACTS / name)],
                   check=True, timeout=60)


def test_a_void_memo_pdf_says_void_and_the_one_stored_before_is_not_served(
        mp, buyer, clock, media_root):
    """Memos of 100.00 and 40.00; the job stores both PDFs, unmarked; then the 40.00 one is
    voided. Its download is rendered again, VOID-marked, and stores nothing; the 100.00
    one's is still the stored file."""
    kept = ad_hoc(mp, buyer, clock, "100.00")
    memo = ad_hoc(mp, buyer, clock, "40.00")
    assert_jobs_ok()
    stored = GeneratedPdf.objects.get(document_id=memo.id)
    before = (media_root / stored.file.name).read_bytes()
    assert "VOID" not in text_of(before) and "40.00" in text_of(before)

    credits.credit_memo_void(marketplace=mp, memo_id=memo.id, actor="t", at=clock())
    memo.refresh_from_db()
    content, name = download(memo, "credit_memo", clock)
    text = text_of(content)
    assert name == "CM-000002-void.pdf" and content != before
    for expected in ("VOID", "This credit memo is void: it is no credit.", "CM-000002",
                     "40.00"):
        assert expected in text, expected
    assert GeneratedPdf.objects.filter(document_id=memo.id).count() == 1  # nothing stored
    again, _ = download(memo, "credit_memo", clock)
    assert "VOID" in text_of(again)
    keep_picture("credit-memo-void", content)

    live, live_name = download(kept, "credit_memo", clock)
    assert live_name == "CM-000001.pdf" and "VOID" not in text_of(live)
    assert live == (media_root / GeneratedPdf.objects.get(document_id=kept.id).file.name) \
        .read_bytes()


def test_a_pdf_job_that_runs_after_the_void_stores_it_marked(mp, buyer, clock, media_root):
    """Issued, then voided before the worker got to its PDF: what the job stores says
    VOID, so no unmarked PDF of it ever exists."""
    memo = ad_hoc(mp, buyer, clock, "40.00")
    credits.credit_memo_void(marketplace=mp, memo_id=memo.id, actor="t", at=clock())
    assert_jobs_ok()
    stored = GeneratedPdf.objects.get(document_id=memo.id)
    assert "VOID" in text_of((media_root / stored.file.name).read_bytes())


def test_the_api_downloads_a_void_memo_marked(mp, buyer, clock):
    memo = ad_hoc(mp, buyer, clock, "40.00")
    assert_jobs_ok()
    credits.credit_memo_void(marketplace=mp, memo_id=memo.id, actor="t", at=clock())
    api = ApiClient(key_for(mp, "customer", buyer)).get(f"/credit_memos/{memo.id}/pdf")
    assert api.status_code == 200
    assert api["Content-Disposition"] == 'inline; filename="CM-000001-void.pdf"'
    assert "VOID" in text_of(api.content)


def test_a_draft_pdf_says_draft(mp, buyer, clock):
    memo = ad_hoc(mp, buyer, clock, "25.00", draft=True)
    invoice = invoicing.invoice_draft_create(
        marketplace=mp, company_id=buyer.id, at=clock(),
        lines=[{"name": "Setup", "quantity": "1", "unit_price": "9.00"}])
    memo_text = text_of(download(memo, "credit_memo", clock)[0])
    invoice_content, _ = download(invoice, "invoice", clock)
    invoice_text = text_of(invoice_content)
    assert "DRAFT" in memo_text and "is a draft: it is not issued and is no credit" in memo_text
    assert "25.00" in memo_text and "VOID" not in memo_text
    assert "DRAFT" in invoice_text and "9.00" in invoice_text
    keep_picture("invoice-draft", invoice_content)
    assert not GeneratedPdf.objects.exists()


def test_a_voided_draft_says_void(mp, buyer, clock):
    memo = ad_hoc(mp, buyer, clock, "25.00", draft=True)
    credits.credit_memo_void(marketplace=mp, memo_id=memo.id, actor="t", at=clock())
    memo.refresh_from_db()
    content, name = download(memo, "credit_memo", clock)
    assert name == f"credit_memo-void-{memo.id}.pdf"
    text = text_of(content)
    assert "VOID" in text and "DRAFT" not in text


def test_a_void_invoice_pdf_says_void(mp, buyer, make_invoice, clock):
    """An open invoice of 100.00 + 19 % = 119.00, its PDF stored, then voided: its amount
    due (still 119.00 in its figures) is struck through and the VOID mark is on it."""
    mp.auto_apply_credit_to_new_invoices = False
    mp.save()
    invoice = make_invoice(buyer, amount="100.00", tax_rate="0.19")
    assert_jobs_ok()
    stored = documents.pdf_current(kind="invoice", document_id=invoice.id)
    with stored.file.open("rb") as handle:
        assert "VOID" not in text_of(handle.read())
    invoicing.invoice_void(marketplace=mp, invoice_id=invoice.id, actor="t", at=clock())
    invoice.refresh_from_db()
    content, name = download(invoice, "invoice", clock)
    text = text_of(content)
    assert name == "INV-000001-void.pdf"
    for expected in ("VOID", "This invoice is void: nothing is owed on it.", "119.00"):
        assert expected in text, expected
    keep_picture("invoice-void", content)


def test_a_custom_template_cannot_leave_the_mark_out(mp, buyer, clock):
    """A template that says nothing of the status, and even hides every div, still gives a
    void memo's PDF its VOID stamp; an issued memo's has none."""
    documents.pdf_template_update(
        marketplace=mp, kind="credit_memo", actor="t", at=clock(),
        html="<html><head><style>div { display: none !important; color: white !important; }"
             "</style></head><body><h1>No {{ doc.number }}</h1></body></html>")
    kept = ad_hoc(mp, buyer, clock, "100.00")
    memo = ad_hoc(mp, buyer, clock, "40.00")
    credits.credit_memo_void(marketplace=mp, memo_id=memo.id, actor="t", at=clock())
    memo.refresh_from_db()
    assert text_of(download(memo, "credit_memo", clock)[0]).split() == ["No", "CM-000002",
                                                                        "VOID"]
    assert text_of(download(kept, "credit_memo", clock)[0]).split() == ["No", "CM-000001"]


def credit_memo_csv(mp) -> list[dict]:
    filters = queries.parse_filters(marketplace=mp, report="credit_memos")
    content = b"".join(reports.report_stream(marketplace=mp, report="credit_memos",
                                             filters=filters))
    return list(csv.DictReader(io.StringIO(content.decode())))


def test_the_credit_memo_report_gives_a_void_memo_no_remaining_balance(mp, buyer, clock):
    """Memos of 100.00 and 40.00, the 40.00 one voided: the rows say `unapplied` and
    `void`, the remaining column sums to 100.00 (not 140.00), and no row has 40.00
    remaining; the void memo keeps its total."""
    ad_hoc(mp, buyer, clock, "100.00")
    memo = ad_hoc(mp, buyer, clock, "40.00")
    credits.credit_memo_void(marketplace=mp, memo_id=memo.id, actor="t", at=clock())
    rows = credit_memo_csv(mp)
    assert [(r["number"], r["status"], r["total"], r["remaining_amount"]) for r in rows] == [
        ("CM-000001", "unapplied", "100.00", "100.00"),
        ("CM-000002", "void", "40.00", "0.00"),
    ]
    assert sum(Decimal(r["remaining_amount"]) for r in rows) == Decimal("100.00")

    response = ApiClient(key_for(mp, "manager")).get("/reports/credit_memos.csv")
    assert response.status_code == 200
    api_rows = list(csv.DictReader(io.StringIO(
        b"".join(response.streaming_content).decode())))
    assert api_rows == rows


def test_a_report_produced_in_the_background_gives_a_void_memo_none_either(mp, buyer, clock):
    ad_hoc(mp, buyer, clock, "100.00")
    memo = ad_hoc(mp, buyer, clock, "40.00")
    credits.credit_memo_void(marketplace=mp, memo_id=memo.id, actor="t", at=clock())
    run = reports.report_request(marketplace=mp, report="credit_memos", actor="t", at=clock())
    assert_jobs_ok()
    run.refresh_from_db()
    rows = list(csv.DictReader(io.StringIO(run.file.read().decode())))
    assert [(r["status"], r["remaining_amount"]) for r in rows] == [
        ("unapplied", "100.00"), ("void", "0.00")]
