"""Tax categories of lines (common.tax): a line's tax is a category plus a rate. Worked numbers
through the services: invoices, credits of invoices (whole, partial, refunds), ad hoc memos,
products' default categories, reverse-charge customers, and the errors."""

from decimal import Decimal

import pytest

from catalog.services import product_create, product_update
from common.errors import InvalidInput
from common.tax import InvalidTax, breakdown, legal_notes, rate_percent, tax_of
from credits import services as credits
from credits.models import CreditMemo
from customers.services import company_update, own_company
from tests.conftest import T0
from tests.factories import ACTOR, fails, from_invoice, pay, reload

D = Decimal
RULE, FORM = (InvalidTax, "invalid_tax"), (InvalidInput, "invalid")
MEDICAL = {"tax_category": "E", "tax_exemption_reason_code": "VATEX-EU-132-1I",
           "tax_exemption_reason": "Medical care"}


@pytest.fixture
def seller(mp):
    return company_update(marketplace=mp, company_id=own_company(marketplace=mp).id,
                          changes={"vat_id": "DE123456789"}, at=T0)


@pytest.fixture
def buyer(make_company, seller):
    return make_company("Globex", party={"vat_id": "FR12345678901"})


@pytest.fixture
def reverse_buyer(make_company, seller):
    return make_company("Initech", party={"vat_id": "NL123456789B01",
                                          "reverse_charge": True})


def line(amount, name="Service", **extra):
    return {"name": name, "quantity": "1", "unit_price": amount, **extra}


def invoice(mp, company, lines, clock, **kwargs):
    return credits.invoice_create(marketplace=mp, company_id=company.id, lines=lines,
                                  actor=ACTOR, at=clock(), **kwargs)


def taxes(document):
    return [(ln.tax_category, ln.tax_rate, ln.tax_exemption_reason_code,
             ln.tax_exemption_reason, ln.amount, ln.tax_amount)
            for ln in document.lines.order_by("position")]


def test_s_e_and_ae_lines_on_one_invoice(mp, reverse_buyer, clock):
    """100.00 at 19 % (S, given explicitly: the reverse charge does not turn it), 50.00
    exempt (medical care), 30.00 reverse charge: tax 19.00, total 199.00."""
    inv = invoice(mp, reverse_buyer, [
        line("100.00", tax_rate="0.19", tax_category="S"),
        line("50.00", **MEDICAL),
        line("30.00", tax_rate="0.19"),  # no category: S turned into AE at 0
    ], clock)
    assert (inv.subtotal, inv.tax_total, inv.total) == (D("180.00"), D("19.00"), D("199.00"))
    assert taxes(inv) == [
        ("S", D("0.19"), "", "", D("100.00"), D("19.00")),
        ("E", D("0"), "VATEX-EU-132-1I", "Medical care", D("50.00"), D("0.00")),
        ("AE", D("0"), "VATEX-EU-AE", "Reverse charge", D("30.00"), D("0.00")),
    ]
    groups = breakdown(list(inv.lines.all()))
    assert [(g["category"], g["rate"], g["taxable"], g["tax"]) for g in groups] == [
        ("S", D("0.19"), D("100.00"), D("19.00")), ("E", D("0"), D("50.00"), D("0.00")),
        ("AE", D("0"), D("30.00"), D("0.00"))]
    notes = legal_notes([{f: getattr(ln, f) for f in ("tax_category", "tax_exemption_reason",
                                                      "tax_exemption_reason_code")}
                         for ln in inv.lines.all()])
    assert notes == ["Exempt from VAT: Medical care.",
                     "Reverse charge: VAT is to be accounted for by the customer (Article 196, "
                     "Council Directive 2006/112/EC)."]


def test_partial_credit_of_the_exempt_line_keeps_its_category_and_reason(mp, buyer, clock):
    inv = invoice(mp, buyer, [line("100.00", tax_rate="0.19"), line("50.00", **MEDICAL)],
                  clock)
    exempt = inv.lines.get(position=1)
    memo = from_invoice(mp, inv, at=clock(), lines=[
        {"invoice_line_id": str(exempt.id), "amount": "20.00"}])
    assert taxes(memo) == [("E", D("0"), "VATEX-EU-132-1I", "Medical care", D("20.00"),
                            D("0.00"))]
    assert memo.total == D("20.00")
    # The rest, whole: both lines keep theirs (S 19 % on 100.00 -> 19.00 tax).
    rest = from_invoice(mp, inv, at=clock())
    assert taxes(rest) == [("S", D("0.19"), "", "", D("100.00"), D("19.00")),
                           ("E", D("0"), "VATEX-EU-132-1I", "Medical care", D("30.00"),
                            D("0.00"))]


def test_credit_by_quantity_and_a_refund_keep_the_categories(mp, reverse_buyer, clock):
    inv = invoice(mp, reverse_buyer, [
        {"name": "Seats", "quantity": "4", "unit_price": "25.00", "tax_rate": "0.19"},
        line("50.00", tax_category="K")], clock)
    assert taxes(inv) == [("AE", D("0"), "VATEX-EU-AE", "Reverse charge", D("100.00"),
                           D("0.00")),
                          ("K", D("0"), "VATEX-EU-IC", "Intra-community supply", D("50.00"),
                           D("0.00"))]
    memo = from_invoice(mp, inv, at=clock(), lines=[
        {"invoice_line_id": str(inv.lines.get(position=0).id), "quantity": "1"}])
    assert taxes(memo) == [("AE", D("0"), "VATEX-EU-AE", "Reverse charge", D("25.00"),
                            D("0.00"))]
    payment = pay(mp, reload(inv), "125.00", at=clock())
    refund = credits.refund_create(marketplace=mp, payment_id=payment.id, amount="60.00",
                                   actor=ACTOR, at=clock())
    refunded = CreditMemo.objects.get(pk=refund.credit_memo_id)
    assert {t[0] for t in taxes(refunded)} == {"AE", "K"}
    assert sum(t[4] for t in taxes(refunded)) == D("60.00")
    assert all(t[5] == 0 for t in taxes(refunded))


def test_a_product_gives_its_default_category(mp, buyer, clock):
    book = product_create(marketplace=mp, name="Course", tax_category="E",
                          tax_exemption_reason_code="VATEX-EU-132-1J",
                          tax_exemption_reason="School education", at=T0)
    plain = product_create(marketplace=mp, name="Hosting", at=T0)
    assert (plain.tax_category, plain.tax_exemption_reason) == ("S", "")
    inv = invoice(mp, buyer, [
        {"product_id": str(book.id), "quantity": "2", "unit_price": "40.00"},
        {"product_id": str(plain.id), "quantity": "1", "unit_price": "10.00",
         "tax_rate": "0.19"},
        # A line's own reason wins over the product's.
        {"product_id": str(book.id), "quantity": "1", "unit_price": "5.00",
         "tax_exemption_reason": "Tutoring"},
    ], clock)
    assert taxes(inv) == [
        ("E", D("0"), "VATEX-EU-132-1J", "School education", D("80.00"), D("0.00")),
        ("S", D("0.19"), "", "", D("10.00"), D("1.90")),
        ("E", D("0"), "", "Tutoring", D("5.00"), D("0.00")),
    ]
    # A product taxed at 0 refuses a rate unless the line says S.
    error = fails(*RULE, credits.invoice_create, marketplace=mp,
                  company_id=buyer.id, actor=ACTOR, at=clock(), lines=[
                      {"product_id": str(book.id), "quantity": "1", "unit_price": "1.00",
                       "tax_rate": "0.19"}])
    assert error.param == "lines[0].tax_rate"
    inv = invoice(mp, buyer, [{"product_id": str(book.id), "quantity": "1",
                               "unit_price": "1.00", "tax_rate": "0.19",
                               "tax_category": "S"}], clock)
    assert taxes(inv) == [("S", D("0.19"), "", "", D("1.00"), D("0.19"))]


def test_a_reverse_charge_customer_s_product_line_becomes_ae_at_0(mp, reverse_buyer, clock):
    hosting = product_create(marketplace=mp, name="Hosting", at=T0)
    inv = invoice(mp, reverse_buyer, [{"product_id": str(hosting.id), "quantity": "3",
                                       "unit_price": "10.00", "tax_rate": "0.21"}], clock)
    assert taxes(inv) == [("AE", D("0"), "VATEX-EU-AE", "Reverse charge", D("30.00"),
                           D("0.00"))]
    assert (inv.tax_total, inv.total) == (D("0.00"), D("30.00"))


def test_zero_rate_without_category_is_z_or_o(mp, make_company, clock):
    """Without a category a line at 0 is Z when the seller has a VAT id (or the document
    has other categories), else O."""
    company = make_company("Umbrella")
    inv = invoice(mp, company, [line("10.00")], clock)
    assert taxes(inv)[0][:3] == ("O", D("0"), "VATEX-EU-O")
    inv = invoice(mp, company, [line("10.00"), line("5.00", tax_rate="0.2")], clock)
    assert [t[0] for t in taxes(inv)] == ["Z", "S"]
    company_update(marketplace=mp, company_id=own_company(marketplace=mp).id,
                   changes={"vat_id": "DE123456789"}, at=T0)
    inv = invoice(mp, company, [line("10.00")], clock)
    assert taxes(inv)[0][:3] == ("Z", D("0"), "")


def test_ad_hoc_memo_lines_take_categories(mp, reverse_buyer, clock):
    memo = credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=reverse_buyer.id, reason_code="service_credit",
        lines=[line("40.00", tax_rate="0.19"), line("10.00", **MEDICAL),
               line("5.00", tax_rate="0.19", tax_category="S")],
        actor=ACTOR, at=clock())
    assert taxes(memo) == [
        ("AE", D("0"), "VATEX-EU-AE", "Reverse charge", D("40.00"), D("0.00")),
        ("E", D("0"), "VATEX-EU-132-1I", "Medical care", D("10.00"), D("0.00")),
        ("S", D("0.19"), "", "", D("5.00"), D("0.95")),
    ]
    assert memo.total == D("55.95")


@pytest.mark.parametrize(("given", "param", "words", "expected"), [
    ({"tax_category": "S", "tax_rate": "0"}, "lines[0].tax_rate", "above 0", RULE),
    ({"tax_category": "Z", "tax_rate": "0.19"}, "lines[0].tax_rate", "taxed at 0", RULE),
    ({"tax_category": "E"}, "lines[0].tax_exemption_reason", "VATEX", RULE),
    ({"tax_category": "G", "tax_rate": "0.07"}, "lines[0].tax_rate", "only S", RULE),
    ({"tax_category": "X"}, "lines[0].tax_category", "one of S, Z, E, AE, K, G, O", FORM),
    ({"tax_category": "Z", "tax_exemption_reason": "why"}, "lines[0].tax_exemption_reason",
     "no exemption reason", RULE),
    ({"tax_category": "E", "tax_exemption_reason_code": "132-1I"},
     "lines[0].tax_exemption_reason_code", "VATEX", FORM),
    ({"tax_category": "E", "tax_exemption_reason_code": "vatex-eu-132-1i"},
     "lines[0].tax_exemption_reason_code", "VATEX", FORM),
    ({"tax_exemption_reason": "Medical care"}, "lines[0].tax_category", "names its", RULE),
])
def test_refused_taxes(mp, buyer, clock, given, param, words, expected):
    for call, extra in ((credits.invoice_create, {}),
                        (credits.credit_memo_create_ad_hoc, {"reason_code": "goodwill"})):
        error = fails(*expected, call, marketplace=mp, company_id=buyer.id,
                      lines=[line("10.00", **given)], actor=ACTOR, at=clock(), **extra)
        assert error.param == param
        assert words in error.message


def test_o_mixed_with_another_category_is_refused(mp, buyer, clock):
    error = fails(*RULE, credits.invoice_create, marketplace=mp,
                  company_id=buyer.id, actor=ACTOR, at=clock(), lines=[
                      line("10.00", tax_category="O"), line("20.00", tax_rate="0.19")])
    assert error.param == "lines[1].tax_category"
    assert "BR-O-11" in error.message


def test_reverse_charge_needs_both_vat_ids(mp, make_company, seller, clock):
    company = make_company("Hooli")
    error = fails(*RULE, credits.invoice_create, marketplace=mp,
                  company_id=company.id, actor=ACTOR, at=clock(),
                  lines=[line("10.00", tax_category="AE")])
    assert (error.param, "the customer has none" in error.message) == (
        "lines[0].tax_category", True)


def test_product_update_checks_the_tax_together(mp):
    product = product_create(marketplace=mp, name="Course", at=T0)
    with pytest.raises(InvalidTax) as info:
        product_update(marketplace=mp, product_id=product.id,
                       changes={"tax_category": "E"}, at=T0)
    assert info.value.param == "tax_exemption_reason"
    product = product_update(marketplace=mp, product_id=product.id, changes={
        "tax_category": "E", "tax_exemption_reason_code": "VATEX-EU-132-1J"}, at=T0)
    assert (product.tax_category, product.tax_exemption_reason_code) == ("E", "VATEX-EU-132-1J")
    product = product_update(marketplace=mp, product_id=product.id,
                             changes={"tax_category": "G"}, at=T0)
    assert (product.tax_category, product.tax_exemption_reason_code) == ("G", "")


def test_rate_percent_and_tax_of():
    assert [rate_percent(r) for r in ("0.19", "0.055", "0", "0.2")] == [
        "19 %", "5.5 %", "0 %", "20 %"]
    assert tax_of(category="AE", rate=D("0")).reason_code == "VATEX-EU-AE"
    assert tax_of(category="O", rate=D("0"), reason="Outside scope").reason_code == ""
