"""Reports: invoice details, credit memos and reseller reconciliation, streamed as CSV and
produced in the background with progress."""

import csv
import datetime
import io

import pytest
from django_tasks_db.models import DBTaskResult

from catalog.services import product_create
from common.errors import BusinessRule, InvalidInput, NotFound
from credits import services as credits
from reports import queries
from reports import services as reports
from tests.conftest import T0
from tests.jobs import assert_jobs_ok


def day(n, hour=10):
    return datetime.datetime(2026, 1, n, hour, tzinfo=datetime.UTC)


@pytest.fixture
def book(mp, make_company):
    """Day 2: an invoice to Globex (a direct customer). Day 3: an invoice to Initech, billed
    through Resellco. Day 4: a 30.00 credit of Globex's first line. Day 5: an ad hoc memo to
    Initech with a product line and a custom charge. Day 6: a void memo and a draft."""
    globex = make_company("Globex")
    resellco = make_company("Resellco", is_reseller=True)
    initech = make_company("Initech", reseller_id=resellco.id)
    seats = product_create(marketplace=mp, name="Seats", sku="S-1", at=T0)
    inv1 = credits.invoice_create(marketplace=mp, company_id=globex.id, actor="t", at=day(2),
                                  lines=[
        {"name": "Plan", "quantity": "1", "unit_price": "100.00", "tax_rate": "0.20"},
        {"name": "Setup", "quantity": "2", "unit_price": "25.00", "discount_amount": "5.00"},
    ])
    inv2 = credits.invoice_create(marketplace=mp, company_id=initech.id, actor="t", at=day(3),
                                  lines=[{"product_id": str(seats.id), "quantity": "4",
                                          "unit_price": "50.00"}])
    memo1 = credits.credit_memo_create_from_invoice(
        marketplace=mp, invoice_id=inv1.id, reason_code="overcharge", actor="t", at=day(4),
        lines=[{"invoice_line_id": str(inv1.lines.all()[0].id), "amount": "30.00"}])
    memo2 = credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=initech.id, reason_code="service_credit", actor="t",
        at=day(5), lines=[
            {"product_id": str(seats.id), "quantity": "1", "unit_price": "50.00"},
            {"name": "Goodwill", "quantity": "1", "unit_price": "10.00"},
        ])
    void = credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=globex.id, reason_code="goodwill", actor="t", at=day(6),
        lines=[{"name": "Oops", "quantity": "1", "unit_price": "1.00"}])
    credits.credit_memo_void(marketplace=mp, memo_id=void.id, actor="t", at=day(6, 11))
    credits.invoice_create(marketplace=mp, company_id=globex.id, actor="t", at=day(6),
                           finalize=False, lines=[{"name": "Draft", "quantity": "1",
                                                   "unit_price": "9.00"}])
    return {"globex": globex, "resellco": resellco, "initech": initech, "inv1": inv1,
            "inv2": inv2, "memo1": memo1, "memo2": memo2}


def read(mp, report, **filters):
    parsed = queries.parse_filters(marketplace=mp, report=report, **filters)
    text = b"".join(reports.report_stream(marketplace=mp, report=report, filters=parsed))
    return list(csv.DictReader(io.StringIO(text.decode())))


def pick(rows, *fields):
    return [tuple(row[f] for f in fields) for row in rows]


def test_invoice_details_one_row_per_line_memos_negative(mp, book):
    rows = read(mp, "invoice_details")
    assert pick(rows, "document_type", "number", "issued_date", "name", "amount",
                "tax_amount", "total") == [
        ("invoice", "INV-000001", "2026-01-02", "Plan", "100.00", "20.00", "120.00"),
        ("invoice", "INV-000001", "2026-01-02", "Setup", "45.00", "0.00", "45.00"),
        ("invoice", "INV-000002", "2026-01-03", "Seats", "200.00", "0.00", "200.00"),
        ("credit_memo", "CM-000001", "2026-01-04", "Plan", "-30.00", "-6.00", "-36.00"),
        ("credit_memo", "CM-000002", "2026-01-05", "Seats", "-50.00", "0.00", "-50.00"),
        ("credit_memo", "CM-000002", "2026-01-05", "Goodwill", "-10.00", "0.00", "-10.00"),
    ]
    setup = rows[1]
    assert (setup["quantity"], setup["unit_price"], setup["discount_amount"]) == (
        "2", "25.00", "5.00")
    assert pick(rows[2:3], "company_name", "billed_company_name") == [("Resellco", "Initech")]
    assert rows[-1]["custom_charge"] == "true" and rows[-2]["custom_charge"] == "false"


def test_invoice_details_filters(mp, book):
    globex = read(mp, "invoice_details", company_id=str(book["globex"].id))
    assert {r["number"] for r in globex} == {"INV-000001", "CM-000001"}
    # The billed company matches too.
    assert {r["number"] for r in read(mp, "invoice_details",
                                      company_id=str(book["initech"].id))} == {
        "INV-000002", "CM-000002"}
    window = read(mp, "invoice_details", date_from="2026-01-03", date_to="2026-01-04")
    assert [r["number"] for r in window] == ["INV-000002", "CM-000001"]
    assert read(mp, "invoice_details", company_id="nope") == []
    # Two well-formed dates in the wrong order: a rule no schema holds, so a 422.
    with pytest.raises(BusinessRule) as error:
        read(mp, "invoice_details", date_from="2026-01-05", date_to="2026-01-04")
    assert (error.value.code, error.value.param) == ("invalid_date_range", "date_to")


def test_credit_memo_report(mp, book):
    rows = read(mp, "credit_memos")
    assert pick(rows, "number", "status", "origin", "source_invoice_number", "total",
                "applied_amount", "remaining_amount") == [
        ("CM-000001", "fully_applied", "invoice", "INV-000001", "36.00", "36.00", "0.00"),
        ("CM-000002", "unapplied", "ad_hoc", "", "60.00", "0.00", "60.00"),
        ("CM-000003", "void", "ad_hoc", "", "1.00", "0.00", "0.00"),  # void: no credit
    ]


def test_reseller_reconciliation_leaves_out_custom_charges(mp, book):
    rows = read(mp, "reseller_reconciliation", reseller_id=str(book["resellco"].id))
    assert pick(rows, "document_type", "number", "billed_company_name", "name", "total") == [
        ("invoice", "INV-000002", "Initech", "Seats", "200.00"),
        ("credit_memo", "CM-000002", "Initech", "Seats", "-50.00"),
    ]
    with pytest.raises(BusinessRule) as error:
        read(mp, "reseller_reconciliation", reseller_id=str(book["globex"].id))
    assert (error.value.code, error.value.param) == ("not_a_reseller", "reseller_id")
    with pytest.raises(NotFound):
        read(mp, "reseller_reconciliation", reseller_id="nope")
    # The reconciliation needs its reseller, and no other report takes one.
    with pytest.raises(InvalidInput) as error:
        read(mp, "reseller_reconciliation")
    assert (error.value.code, error.value.param) == ("parameter_missing", "reseller_id")
    with pytest.raises(InvalidInput) as error:
        read(mp, "credit_memos", reseller_id=str(book["resellco"].id))
    assert error.value.param == "reseller_id"


def test_background_report_with_progress(mp, book, clock):
    run = reports.report_request(marketplace=mp, report="invoice_details", actor="t",
                                 date_from="2026-01-01", at=clock())
    assert run.status == "queued" and run.progress is None
    job = DBTaskResult.objects.get(task_path="reports.tasks.produce_report")
    assert job.args_kwargs["kwargs"] == {"report_id": str(run.id)}
    assert_jobs_ok()
    run.refresh_from_db()
    assert (run.status, run.rows_total, run.rows_written, run.progress) == (
        "succeeded", 6, 6, 100)
    with run.file.open("rb") as handle:
        stored = handle.read()
    streamed = b"".join(reports.report_stream(
        marketplace=mp, report="invoice_details",
        filters=queries.parse_filters(marketplace=mp, report="invoice_details",
                                      date_from="2026-01-01")))
    assert stored == streamed and run.size == len(stored)
    assert reports.file_name(run) == "invoice_details_2026-01-01.csv"


def test_line_reports_carry_each_line_s_vat_category(mp, make_company, clock):
    """The lines CSV ends with the line's VAT category and exemption reason: an exempt line,
    a reverse-charge line and a standard-rate line, and the memo crediting the exempt one."""
    from customers import services as customers

    customers.company_update(marketplace=mp,
                             company_id=customers.own_company(marketplace=mp).id,
                             changes={"vat_id": "DE123456789"}, at=clock())
    buyer = make_company("Hooli", party={"vat_id": "NL123456789B01", "reverse_charge": True})
    invoice = credits.invoice_create(marketplace=mp, company_id=buyer.id, actor="t",
                                     at=clock(), lines=[
        {"name": "Care", "quantity": "1", "unit_price": "50.00", "tax_category": "E",
         "tax_exemption_reason_code": "VATEX-EU-132-1I", "tax_exemption_reason": "Medical care"},
        {"name": "Hosting", "quantity": "1", "unit_price": "30.00", "tax_rate": "0.19"},
        {"name": "Seats", "quantity": "1", "unit_price": "100.00", "tax_rate": "0.19",
         "tax_category": "S"}])
    credits.credit_memo_create_from_invoice(
        marketplace=mp, invoice_id=invoice.id, reason_code="overcharge", actor="t",
        at=clock(), lines=[{"invoice_line_id": str(invoice.lines.get(position=0).id),
                            "amount": "20.00"}])
    rows = read(mp, "invoice_details")
    assert list(rows[0])[-3:] == ["tax_category", "tax_exemption_reason_code",
                                  "tax_exemption_reason"]
    assert pick(rows, "name", "amount", "tax_amount", "tax_category",
                "tax_exemption_reason_code", "tax_exemption_reason") == [
        ("Care", "50.00", "0.00", "E", "VATEX-EU-132-1I", "Medical care"),
        ("Hosting", "30.00", "0.00", "AE", "VATEX-EU-AE", "Reverse charge"),
        ("Seats", "100.00", "19.00", "S", "", ""),
        ("Care", "-20.00", "0.00", "E", "VATEX-EU-132-1I", "Medical care"),
    ]
