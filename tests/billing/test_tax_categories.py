"""The billing run gives each charge its VAT category: the product's default, S at the plan's
rate, or AE (reverse charge, at 0) for a payer marked so."""

import datetime

from catalog.models import Product
from customers import services as customers
from invoicing.models import Invoice
from tests.billing.conftest import D, run
from tests.conftest import T0

APR_1 = datetime.date(2026, 4, 1)


def _lines(company):
    invoice = Invoice.objects.get(company=company)
    return invoice, [(ln.tax_category, ln.tax_rate, ln.tax_exemption_reason_code,
                      ln.amount, ln.tax_amount) for ln in invoice.lines.order_by("position")]


def test_standard_reverse_charge_and_exempt_products(mp, make_plan, make_customer, subscribe):
    customers.company_update(marketplace=mp,
                             company_id=customers.own_company(marketplace=mp).id,
                             changes={"vat_id": "DE123456789"}, at=T0)
    plan = make_plan("pro", "200.00", tax_rate="0.19")
    plain = make_customer("Globex")
    reverse = make_customer("Initech", party={"vat_id": "NL123456789B01",
                                              "reverse_charge": True})
    subscribe(plain, plan, APR_1)
    subscribe(reverse, plan, APR_1)
    run(mp, APR_1)
    invoice, lines = _lines(plain)
    assert lines == [("S", D("0.19"), "", D("200.00"), D("38.00"))]
    assert invoice.total == D("238.00")
    invoice, lines = _lines(reverse)
    assert lines == [("AE", D("0"), "VATEX-EU-AE", D("200.00"), D("0.00"))]
    assert invoice.total == D("200.00")


def test_an_exempt_product_s_plan_rate_is_not_charged(mp, make_plan, make_customer, subscribe):
    """A product marked E (exempt) takes its charges to 0 %, whatever its plan's rate."""
    Product.objects.update(tax_category="E", tax_exemption_reason_code="VATEX-EU-132-1I",
                           tax_exemption_reason="Vocational training")
    plan = make_plan("course", "90.00", tax_rate="0.19")
    customer = make_customer("Hooli")
    subscribe(customer, plan, APR_1)
    run(mp, APR_1)
    invoice, lines = _lines(customer)
    assert lines == [("E", D("0"), "VATEX-EU-132-1I", D("90.00"), D("0.00"))]
    assert (invoice.tax_total, invoice.total) == (D("0.00"), D("90.00"))
