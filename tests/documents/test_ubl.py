"""UBL e-invoices: every document built here is checked by the official artefacts of the
e-invoicing kit (UBL 2.1 XSD, EN 16931, Peppol BIS 3) under both CEN rule sets."""

import pytest
from lxml import etree

from common.errors import BusinessRule
from credits import services as credits
from credits.documents import memo_ubl
from customers import services as customers
from invoicing.documents import invoice_ubl
from tests.conftest import BUYER_PARTY, T0
from tests.documents.conftest import keep_ubl, validate_ubl

NS = {"cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
      "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"}


def xpath(xml: bytes, path: str) -> list[str]:
    return [str(v) for v in etree.fromstring(xml).xpath(path, namespaces=NS)]


def ubl(memo_or_invoice, kind="credit_memo") -> bytes:
    memo_or_invoice.refresh_from_db()
    if kind == "invoice":
        return invoice_ubl(invoice=memo_or_invoice)
    return memo_ubl(memo=memo_or_invoice)


def test_documents_pass_the_official_rules(mp, seller, buyer, make_company, make_invoice,
                                           clock):
    produced = {}
    # A 19 % invoice with a discount, a 0 % line and a negative line.
    invoice = make_invoice(buyer, [
        {"name": "Pro plan", "quantity": "1", "unit_price": "1000.00", "tax_rate": "0.19"},
        {"name": "Seats", "quantity": "3", "unit_price": "33.33", "discount_amount": "9.99",
         "tax_rate": "0.19", "period_start": "2026-01-01", "period_end": "2026-02-01"},
        {"name": "Training", "quantity": "2.5", "unit_price": "80.00", "tax_rate": "0"},
        {"name": "Loyalty rebate", "quantity": "1", "unit_price": "-50.00", "tax_rate": "0.19"},
    ])
    produced["invoice-mixed"] = ubl(invoice, "invoice")
    # Whole-invoice credit, then three partial credits of one 100.00 line at 19 %.
    produced["memo-whole-invoice"] = ubl(credits.credit_memo_create_from_invoice(
        marketplace=mp, invoice_id=invoice.id, reason_code="duplicate", note="Duplicate.",
        actor="t", at=clock()))
    small = make_invoice(buyer, [{"name": "Support", "quantity": "1", "unit_price": "100.00",
                                  "tax_rate": "0.19"}])
    line_id = str(small.lines.get().id)
    for i, amount in enumerate(("33.33", "33.33", "33.34")):
        produced[f"memo-partial-{i}"] = ubl(credits.credit_memo_create_from_invoice(
            marketplace=mp, invoice_id=small.id, reason_code="overcharge",
            lines=[{"invoice_line_id": line_id, "amount": amount}], actor="t", at=clock()))
    # Ad hoc, untaxed, a custom charge and a product-less service credit.
    produced["memo-ad-hoc-untaxed"] = ubl(credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=buyer.id, reason_code="goodwill", actor="t", at=clock(),
        lines=[{"name": "Goodwill", "quantity": "1", "unit_price": "25.00"},
               {"name": "Service credit", "quantity": "0.5", "unit_price": "0.99"}]))
    # Reseller billing: the reseller is the buyer, in JPY (no minor digits); by quantity.
    reseller = make_company("Resellco", currency="JPY", is_reseller=True,
                            party={**BUYER_PARTY, "peppol_id": "0088:5790000435975"})
    end = make_company("Initech", currency="JPY", reseller_id=reseller.id)
    yen = make_invoice(end, [{"name": "Licence", "quantity": "7", "unit_price": "1234",
                              "tax_rate": "0.10"}])
    produced["invoice-jpy-reseller"] = ubl(yen, "invoice")
    produced["memo-jpy-reseller"] = ubl(credits.credit_memo_create_from_invoice(
        marketplace=mp, invoice_id=yen.id, reason_code="return",
        lines=[{"invoice_line_id": str(yen.lines.get().id), "quantity": "2"}], actor="t",
        at=clock()))

    paths = [keep_ubl(name, xml) for name, xml in produced.items()]
    outputs = validate_ubl(paths)
    assert outputs["connectingeurope"].count("VALID: 0 fatal") == len(paths)
    assert outputs["peppol-bundled"].count("VALID: 0 fatal") == len(paths)

    whole = produced["memo-whole-invoice"]
    assert xpath(whole, "/*/cbc:CreditNoteTypeCode/text()") == ["381"]
    assert xpath(whole, "/*/cbc:ID/text()") == ["CM-000001"]
    assert xpath(whole, "//cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID/text()") \
        == ["INV-000001"]
    # 1000.00 + (99.99 - 9.99) - 50.00 at 19 % = 1040.00, tax 197.60; 200.00 at 0 %.
    assert xpath(whole, "//cac:TaxSubtotal/cbc:TaxableAmount/text()") == ["1040.00", "200.00"]
    assert xpath(whole, "//cac:TaxSubtotal/cac:TaxCategory/cbc:ID/text()") == ["S", "Z"]
    assert xpath(whole, "//cac:LegalMonetaryTotal/cbc:PayableAmount/text()") == ["1437.60"]
    partial_tax = [xpath(produced[f"memo-partial-{i}"], "/*/cac:TaxTotal/cbc:TaxAmount/text()")
                   [0] for i in range(3)]
    assert partial_tax == ["6.33", "6.34", "6.33"]  # 19.00 of tax in all, to the cent
    untaxed = produced["memo-ad-hoc-untaxed"]
    assert xpath(untaxed, "//cac:TaxSubtotal/cac:TaxCategory/cbc:ID/text()") == ["Z"]
    assert xpath(untaxed, "//cac:BillingReference") == []
    yen_memo = produced["memo-jpy-reseller"]
    assert xpath(yen_memo, "//cac:AccountingCustomerParty//cbc:EndpointID/text()") == [
        "5790000435975"]
    assert xpath(yen_memo, "//cbc:PayableAmount/text()") == ["2715"]  # 2 x 1234 + 10 %


def test_seller_without_vat_id_issues_not_subject_to_vat(mp, make_company, clock):
    own = customers.own_company(marketplace=mp)
    customers.company_update(marketplace=mp, company_id=own.id, at=T0, changes={
        "peppol_id": "0088:7300010000001", "address": {"city": "Dublin", "country": "IE"}})
    buyer = make_company("Emerald Ltd", party={**BUYER_PARTY, "vat_id": "IE6388047V"})
    memo = credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=buyer.id, reason_code="goodwill", actor="t", at=clock(),
        lines=[{"name": "Goodwill", "quantity": "1", "unit_price": "10.00"}])
    xml = ubl(memo)
    assert xpath(xml, "//cac:TaxSubtotal/cac:TaxCategory/cbc:ID/text()") == ["O"]
    assert xpath(xml, "//cac:PartyTaxScheme") == []
    validate_ubl([keep_ubl("memo-not-subject-to-vat", xml)], label="not-subject-to-vat")
    # A taxed line needs the seller's VAT id.
    taxed = credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=buyer.id, reason_code="goodwill", actor="t", at=clock(),
        lines=[{"name": "Goodwill", "quantity": "1", "unit_price": "10.00", "tax_rate": "0.25"}])
    with pytest.raises(BusinessRule) as error:
        ubl(taxed)
    assert (error.value.code, error.value.param) == ("incomplete_party_data", "seller.vat_id")


@pytest.mark.parametrize(("who", "field", "param"), [
    ("seller", "peppol_id", "seller.peppol_id"),
    ("buyer", "address", "buyer.address.country"),
    ("buyer", "peppol_id", "buyer.peppol_id"),
])
def test_missing_party_data_is_named(mp, seller, buyer, clock, who, field, param):
    company = seller if who == "seller" else buyer
    customers.company_update(marketplace=mp, company_id=company.id, at=T0,
                             changes={field: {} if field == "address" else ""})
    memo = credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=buyer.id, reason_code="goodwill", actor="t", at=clock(),
        lines=[{"name": "Goodwill", "quantity": "1", "unit_price": "10.00"}])
    with pytest.raises(BusinessRule) as error:
        ubl(memo)
    assert (error.value.code, error.value.param) == ("incomplete_party_data", param)


def test_three_decimal_currency_cannot_be_written(mp, seller, make_company, clock):
    buyer = make_company("Gulf Trading", currency="BHD", party=BUYER_PARTY)
    memo = credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=buyer.id, reason_code="goodwill", actor="t", at=clock(),
        lines=[{"name": "Goodwill", "quantity": "1", "unit_price": "1.500"}])
    with pytest.raises(BusinessRule) as error:
        ubl(memo)
    assert error.value.code == "unsupported_currency"
