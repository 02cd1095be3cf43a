"""PDFs show each line's VAT category, a VAT breakdown per category and rate, and the legal
note of each category present (read back with pypdf)."""

import re

from credits import services as credits
from credits.documents import memo_pdf_render
from documents.pdf import default_template, render_html
from documents.samples import sample_data
from invoicing.documents import invoice_pdf_render
from tests.documents.test_pdf import text_of

REVERSE_CHARGE_NOTE = ("Reverse charge: VAT is to be accounted for by the customer (Article "
                       "196, Council Directive 2006/112/EC).")


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_invoice_with_s_ae_and_e_lines(mp, make_company, seller, clock):
    buyer = make_company("Initech", party={"vat_id": "NL123456789B01",
                                           "reverse_charge": True,
                                           "address": {"country": "NL"}})
    invoice = credits.invoice_create(marketplace=mp, company_id=buyer.id, actor="test",
                                     at=clock(), lines=[
        {"name": "Hosting", "quantity": "1", "unit_price": "100.00", "tax_rate": "0.19",
         "tax_category": "S"},
        {"name": "Medical check", "quantity": "1", "unit_price": "50.00",
         "tax_category": "E", "tax_exemption_reason_code": "VATEX-EU-132-1I",
         "tax_exemption_reason": "Medical care"},
        {"name": "Consulting", "quantity": "1", "unit_price": "30.00", "tax_rate": "0.19"},
    ])
    assert (invoice.tax_total, invoice.total) == (19, 199)
    text = _flat(text_of(invoice_pdf_render(invoice=invoice)))
    for expected in (
            "S · Standard rate", "E · Exempt from VAT", "AE · Reverse charge",
            "VAT S (Standard rate) 19 % on 100.00", "VAT E (Exempt from VAT) 0 % on 50.00",
            "VAT AE (Reverse charge) 0 % on 30.00", "19.00", "199.00",
            REVERSE_CHARGE_NOTE, "Exempt from VAT: Medical care."):
        assert expected in text, (expected, text)
    assert "Not subject to VAT" not in text


def test_notes_of_k_g_o_and_z():
    data = sample_data("invoice")
    for category, note in (
            ("K", "Intra-community supply, exempt from VAT (Article 138, Directive "
                  "2006/112/EC)."),
            ("G", "Export outside the EU, exempt from VAT (Article 146, Directive "
                  "2006/112/EC)."),
            ("O", "Not subject to VAT."), ("Z", "Zero rated.")):
        lines = [{**line, "tax_category": category, "tax_rate": "0", "tax_amount": "0.00",
                  "tax_exemption_reason_code": "", "tax_exemption_reason": ""}
                 for line in data["document"]["lines"]]
        html = render_html(template_source=default_template("invoice"), data={
            **data, "document": {**data["document"], "lines": lines}})
        assert note in html, category


def test_the_sample_shows_its_exempt_line():
    data = sample_data("credit_memo")
    html = _flat(render_html(template_source=default_template("credit_memo"), data=data))
    assert "E · Exempt from VAT" in html
    assert "Exempt from VAT: Vocational training." in html
    assert "VAT S (Standard rate) 19 % on 165.00" in html


def test_a_reverse_charge_credit_memo_says_so(mp, make_company, seller, clock):
    buyer = make_company("Initech", party={"vat_id": "NL123456789B01",
                                           "reverse_charge": True})
    memo = credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=buyer.id, reason_code="goodwill", actor="test", at=clock(),
        lines=[{"name": "Goodwill", "quantity": "1", "unit_price": "25.00",
                "tax_rate": "0.19"}])
    text = _flat(text_of(memo_pdf_render(memo=memo)))
    assert REVERSE_CHARGE_NOTE in text
    assert "AE · Reverse charge" in text
