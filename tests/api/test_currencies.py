"""Money is made only in active ISO 4217 currencies (issue 9, point 9). A code ISO 4217 does
not have is the contract's unknown currency, 400 `invalid_currency`; no currency ("", XXX)
or a code that is no money one can bill in now (XTS, XAU and the other codes without minor
units, fund codes, withdrawn codes) is 422 `unsupported_currency`, wherever a currency is
given, and nothing is created. Filters over existing documents take any ISO 4217 code."""

import datetime

import pytest
from django.core.management import CommandError, call_command

from billing import services as billing
from billing.models import CustomerDiscount, Order
from catalog.models import Plan
from common.errors import DomainError
from common.money import check_currency
from credits.models import CreditMemo
from customers import services as customers
from customers.models import Company
from invoicing.models import Invoice
from marketplaces.models import Marketplace
from tests.api.conftest import error_of
from tests.conftest import T0

NOT_MONEY = ["", "XXX", "XTS", "XAU", "XAG", "XPT", "XPD", "XDR", "XSU", "XUA", "XBA", "CLF",
             "USN", "DEM", "FRF", "HRK", "BGN", "ANG", "SLL"]
UNKNOWN = ["ABC", "usd", "EURO", "US"]
ACTIVE = ["USD", "EUR", "JPY", "BHD", "XAF", "XOF", "XPF", "XCD", "XCG", "SLE", "BYN"]


@pytest.mark.parametrize("code", ACTIVE)
def test_active_currencies_are_accepted(code):
    assert check_currency(code) == code


@pytest.mark.parametrize("code", NOT_MONEY)
def test_no_currency_or_no_money_now_is_a_business_rule(code):
    with pytest.raises(DomainError) as refused:
        check_currency(code)
    assert (refused.value.kind, refused.value.code) == ("business_rule",
                                                        "unsupported_currency")


def test_a_withdrawn_code_was_money_before_it_was_withdrawn():
    """The lev was legal tender in Bulgaria until the end of January 2026 (CLDR)."""
    assert check_currency("BGN", on=datetime.date(2025, 12, 1)) == "BGN"
    with pytest.raises(DomainError):
        check_currency("BGN", on=datetime.date(2026, 3, 1))


def _write_bodies(world):
    product = world.product()
    return {
        "/companies": {"name": "New Co"},
        "/invoices": {"company_id": str(world.mine.id),
                      "lines": [{"name": "Service", "quantity": "1", "unit_price": "10"}]},
        "/credit_memos": {"company_id": str(world.mine.id), "reason_code": "goodwill",
                          "lines": [{"name": "Sorry", "quantity": "1", "unit_price": "5"}]},
        "/plans": {"product_id": str(product.id), "code": "pro", "name": "Pro",
                   "scheme": "flat", "interval": "month", "unit_price": "10"},
    }


def _counts():
    return (Company.objects.count(), Invoice.objects.count(), CreditMemo.objects.count(),
            Plan.objects.count())


def test_every_api_write_refuses_what_is_no_money_with_422_and_unknown_codes_with_400(
        world, api):
    manager = api("manager")
    before = _counts()
    for path, body in _write_bodies(world).items():
        for code in ("", "XXX", "XTS", "XAU", "DEM"):
            refused = manager.post(path, {**body, "currency": code})
            assert refused.status_code == 422, (path, code, refused.content)
            assert (error_of(refused)["code"], error_of(refused)["param"]) == (
                "unsupported_currency", "currency"), (path, code)
        for code in ("ABC", "usd"):
            refused = manager.post(path, {**body, "currency": code})
            assert refused.status_code == 400, (path, code)
            assert error_of(refused)["code"] == "invalid_currency"
    assert _counts() == before
    made = manager.post("/companies", {"name": "Douala SARL", "currency": "XAF"})
    assert (made.status_code, made.json()["currency"]) == (200, "XAF")
    invoice = manager.post("/invoices", {
        "company_id": made.json()["id"],
        "lines": [{"name": "Service", "quantity": "1", "unit_price": "1500"}]}).json()
    assert (invoice["currency"], invoice["total"]) == ("XAF", "1500")  # no minor unit


def test_the_services_without_an_endpoint_refuse_them_too(mp, customer):
    with pytest.raises(DomainError) as refused:
        customers.marketplace_create(slug="gold", name="Gold", currency="XAU", at=T0)
    assert refused.value.code == "unsupported_currency"
    with pytest.raises(DomainError) as refused:
        billing.customer_discount_create(marketplace=mp, company_id=customer.id, kind="fixed",
                                         amount="5", currency="XTS",
                                         valid_from=datetime.date(2026, 2, 1), at=T0)
    assert refused.value.code == "unsupported_currency"
    with pytest.raises(DomainError) as refused:
        billing.order_create(marketplace=mp, company_id=customer.id, currency="",
                             actor="t", at=T0,
                             lines=[{"name": "Setup", "quantity": "1", "unit_price": "9"}])
    assert refused.value.code == "unsupported_currency"
    assert not Marketplace.objects.filter(slug="gold").exists()
    assert not CustomerDiscount.objects.exists() and not Order.objects.exists()
    with pytest.raises(CommandError, match="XTS is not an active currency"):
        call_command("create_marketplace", "--slug", "tests", "--name", "T", "--currency",
                     "XTS")


def test_filters_over_existing_documents_take_any_iso_code(world, api):
    manager = api("manager")
    for code in ("BGN", "XAU"):
        listed = manager.get("/credit_memos", {"currency": code})
        assert (listed.status_code, listed.json()["data"]) == (200, [])
    balance = manager.get(f"/companies/{world.mine.id}/credit_balance", {"currency": "DEM"})
    assert (balance.status_code, balance.json()["available_credit"]) == (200, "0.00")
    unknown = manager.get("/credit_memos", {"currency": "ABC"})
    assert (unknown.status_code, error_of(unknown)["code"]) == (400, "invalid_currency")
