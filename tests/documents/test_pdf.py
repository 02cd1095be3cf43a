"""PDFs: generated in the background after issue, stored, read back with pypdf."""

import io
import subprocess

import pytest
from django_tasks_db.models import DBTaskResult
from pypdf import PdfReader

from common.errors import InvalidInput
from credits import services as credits
from credits.documents import memo_pdf_bytes, memo_pdf_generate, memo_pdf_render
from documents import services as documents
from documents.models import GeneratedPdf
from invoicing.documents import invoice_document_data, invoice_pdf_render
from notifications.models import Event
from tests.documents.conftest import ARTIFACTS
from tests.jobs import assert_jobs_ok

TAXED_LINES = [
    {"name": "Pro plan", "quantity": "1", "unit_price": "1000.00", "tax_rate": "0.19"},
    {"name": "Extra seats", "quantity": "3", "unit_price": "15.00", "tax_rate": "0.19"},
]


def text_of(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def memo(mp, buyer, make_invoice, clock):
    invoice = make_invoice(buyer, TAXED_LINES)
    line = invoice.lines.all()[0]
    return credits.credit_memo_create_from_invoice(
        marketplace=mp, invoice_id=invoice.id, reason_code="overcharge",
        lines=[{"invoice_line_id": str(line.id), "amount": "200.00"}], note="Overcharged in "
        "January.", actor="test", at=clock())


def test_issue_enqueues_the_pdf_job_in_its_transaction(memo):
    [memo_job] = DBTaskResult.objects.filter(task_path="credits.tasks.generate_pdf")
    assert memo_job.args_kwargs["kwargs"]["memo_id"] == str(memo.id)
    # The invoice it was made from got its own job, of invoicing, when it was issued.
    [invoice_job] = DBTaskResult.objects.filter(task_path="invoicing.tasks.generate_pdf")
    assert invoice_job.args_kwargs["kwargs"]["invoice_id"] == str(memo.source_invoice_id)


def test_background_job_stores_the_pdf_and_records_the_event(mp, memo, media_root):
    assert_jobs_ok()
    generated = GeneratedPdf.objects.get(kind="credit_memo", document_id=memo.id)
    assert generated.version == 1 and generated.number == "CM-000001"
    path = media_root / generated.file.name
    assert path.is_file() and path.stat().st_size == generated.size
    text = text_of(path.read_bytes())
    for expected in ("Credit memo", "CM-000001", "INV-000001", "Acme Market GmbH",
                     "Globex Corporation B.V.", "Pro plan", "200.00", "38.00", "238.00",
                     "Remaining balance", "Overcharged in January."):
        assert expected in text, expected
    # Applied at once to its source invoice: nothing remains.
    assert "EUR" not in text and "USD 0.00" in text
    types = list(Event.objects.filter(subject_id=memo.id).order_by("id")
                 .values_list("type", flat=True))
    assert types[-1] == "credit_memo.pdf_created"
    assert types.index("credit_memo.issued") < types.index("credit_memo.pdf_created")
    event = Event.objects.get(subject_id=memo.id, type="credit_memo.pdf_created")
    assert event.data["number"] == "CM-000001" and "reason" not in event.data


def test_the_job_runs_once_per_document_even_if_run_twice(mp, memo):
    assert_jobs_ok()
    from credits.tasks import generate_pdf

    generate_pdf.enqueue(marketplace_id=str(mp.id), memo_id=str(memo.id))
    assert_jobs_ok()
    assert GeneratedPdf.objects.filter(document_id=memo.id).count() == 1
    assert Event.objects.filter(subject_id=memo.id, type="credit_memo.pdf_created").count() == 1


def test_download_before_the_job_renders_and_stores_once(mp, memo, clock):
    content, name = memo_pdf_bytes(memo=memo, actor="api", at=clock())
    assert name == "CM-000001.pdf" and content.startswith(b"%PDF-")
    assert_jobs_ok()
    assert GeneratedPdf.objects.filter(document_id=memo.id).count() == 1
    again, _ = memo_pdf_bytes(memo=memo, actor="api", at=clock())
    assert again == content


def test_regenerate_adds_a_version(mp, memo, clock):
    first = memo_pdf_generate(memo=memo, actor="t", at=clock())
    second = memo_pdf_generate(memo=memo, actor="t", at=clock(), force=True)
    assert (first.version, second.version) == (1, 2)
    assert first.file.name != second.file.name
    assert documents.pdf_current(kind="credit_memo", document_id=memo.id) == second
    assert Event.objects.filter(subject_id=memo.id, type="credit_memo.pdf_created").count() == 2


def test_page_rendered_to_png_for_people_to_look_at(mp, memo, clock, tmp_path):
    content, _ = memo_pdf_bytes(memo=memo, actor="t", at=clock())
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "credit-memo.pdf").write_bytes(content)
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                    str(ARTIFACTS / "credit-memo.pdf"), str(ARTIFACTS / "credit-memo")],
                   check=True, timeout=60)
    png = (ARTIFACTS / "credit-memo.png").read_bytes()
    assert png.startswith(b"\x89PNG")
    width = int.from_bytes(png[16:20], "big")
    height = int.from_bytes(png[20:24], "big")
    assert (width, height) == (662, 936)  # A4 at 80 dpi


def test_reseller_invoice_shows_payer_and_end_customer(mp, make_company, seller, make_invoice):
    reseller = make_company("Resellco", is_reseller=True)
    end_customer = make_company("Initech", reseller_id=reseller.id)
    invoice = make_invoice(end_customer, [
        {"name": "Licence", "quantity": "2", "unit_price": "50.00", "discount_amount": "10.00",
         "tax_rate": "0.20"},
        {"name": "Rebate", "quantity": "1", "unit_price": "-5.00"},
    ])
    data = invoice_document_data(invoice)
    assert data["customer"]["name"] == "Resellco" and data["billed"]["name"] == "Initech"
    text = text_of(invoice_pdf_render(invoice=invoice))
    # 2 x 50.00 - 10.00 = 90.00 + 18.00 tax; -5.00 untaxed: total 103.00.
    for expected in ("Invoice", "INV-000001", "Resellco", "END CUSTOMER", "Initech", "Licence",
                     "90.00", "18.00", "-5.00", "103.00", "Amount due"):
        assert expected in text, expected


def test_draft_is_rendered_but_not_stored(mp, buyer):
    draft = credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=buyer.id, reason_code="goodwill", draft=True, actor="t",
        at=mp.created_at, lines=[{"name": "Goodwill", "quantity": "1", "unit_price": "25.00"}])
    content, name = memo_pdf_bytes(memo=draft, actor="t", at=mp.created_at)
    assert "draft" in name and "25.00" in text_of(content)
    assert not GeneratedPdf.objects.exists()


def test_custom_template_is_used_and_checked(mp, memo, clock):
    html = documents.template_source(marketplace_id=mp.id, kind="credit_memo").replace(
        "<h1>{{ doc.title }}</h1>", "<h1>Gutschrift {{ doc.number }}</h1>")
    documents.pdf_template_update(marketplace=mp, kind="credit_memo", html=html, actor="t",
                                  at=clock())
    text = text_of(memo_pdf_render(memo=memo))
    assert "Gutschrift CM-000001" in text
    preview = text_of(documents.pdf_preview(kind="credit_memo", html=html))
    assert "Gutschrift CM-000042" in preview  # the sample memo
    with pytest.raises(InvalidInput) as error:
        documents.pdf_template_update(marketplace=mp, kind="credit_memo", html="{% if %}",
                                      actor="t", at=clock())
    assert error.value.code == "invalid_template"
    # Stored templates cannot read files: no include, no loaders.
    with pytest.raises(InvalidInput):
        documents.pdf_template_update(marketplace=mp, kind="credit_memo", actor="t",
                                      at=clock(), html='{% include "documents/pdf/x.html" %}')
    documents.pdf_template_reset(marketplace=mp, kind="credit_memo")
    assert "Gutschrift" not in text_of(memo_pdf_render(memo=memo))


def test_template_fetches_nothing(mp, memo, clock):
    html = ('<html><body><p>Number {{ doc.number }}</p>'
            '<img src="file:///etc/passwd"><img src="http://127.0.0.1:9/x.png">'
            '<link rel="stylesheet" href="file:///etc/hostname"></body></html>')
    documents.pdf_template_update(marketplace=mp, kind="credit_memo", html=html, actor="t",
                                  at=clock())
    text = text_of(memo_pdf_render(memo=memo))
    assert "Number CM-000001" in text and "root:" not in text
