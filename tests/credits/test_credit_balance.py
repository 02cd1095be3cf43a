"""Credit balance and credit check per company: available credit (remaining of issued,
non-void memos), outstanding (amount due of open invoices), exposure = outstanding - available,
counting the documents the company pays for, in its currency unless another is asked."""

import pytest

from common.errors import InvalidInput
from credits import services as credits
from credits.selectors import available_credit, credit_balance, credit_check, outstanding
from customers import services as customers
from tests.conftest import T0
from tests.factories import D, ad_hoc, apply, configure, invoice, pay, snapshot

pytestmark = pytest.mark.usefixtures("ledger_agrees")


@pytest.fixture
def manual(mp):
    return configure(mp, auto_apply_credit_to_new_invoices=False)


@pytest.fixture
def books(manual, customer, clock):
    """Open invoices owing 1,000.00 and 280.00 (500.00 less 200.00 paid, less 20.00 of
    credit); a paid, a draft and a EUR invoice that do not count; memos with 150.00 and 80.00
    (of 100.00) left, and a draft, a void, a closed and a EUR memo that do not count."""
    invoice(manual, customer, "1000.00", at=clock())
    part = invoice(manual, customer, "500.00", at=clock())
    pay(manual, part, "200.00", at=clock())
    paid = invoice(manual, customer, "70.00", at=clock())
    pay(manual, paid, "70.00", at=clock())
    invoice(manual, customer, "999.00", at=clock(), finalize=False)
    invoice(manual, customer, "40.00", currency="EUR", at=clock())
    ad_hoc(manual, customer, "150.00", at=clock())
    used = ad_hoc(manual, customer, "100.00", at=clock())
    apply(manual, used, part, "20.00", at=clock())   # 300.00 -> 280.00 due
    ad_hoc(manual, customer, "500.00", at=clock(), draft=True)
    void = ad_hoc(manual, customer, "60.00", at=clock())
    credits.credit_memo_void(marketplace=manual, memo_id=void.id, actor="t", at=clock())
    closed = ad_hoc(manual, customer, "70.00", at=clock())
    credits.credit_memo_close(marketplace=manual, memo_id=closed.id, actor="t", at=clock())
    ad_hoc(manual, customer, "25.00", currency="EUR", at=clock())
    return customer


class TestCreditBalance:
    def test_balance(self, books):
        """Outstanding 1,000.00 + 280.00 = 1,280.00; available 150.00 + 80.00 = 230.00;
        exposure 1,050.00."""
        assert credit_balance(company=books) == {
            "currency": "USD", "available_credit": "230.00", "outstanding": "1280.00",
            "exposure": "1050.00", "credit_limit": None}
        assert available_credit(company=books, currency="USD") == D("230.00")
        assert outstanding(company=books, currency="USD") == D("1280.00")

    def test_another_currency(self, books):
        """EUR: 40.00 owed, 25.00 available, exposure 15.00."""
        assert credit_balance(company=books, currency="EUR") == {
            "currency": "EUR", "available_credit": "25.00", "outstanding": "40.00",
            "exposure": "15.00", "credit_limit": None}

    def test_negative_exposure(self, manual, customer, clock):
        """Only credit: exposure -50.00."""
        ad_hoc(manual, customer, "50.00", at=clock())
        assert credit_balance(company=customer)["exposure"] == "-50.00"

    def test_empty(self, customer):
        assert credit_balance(company=customer) == {
            "currency": "USD", "available_credit": "0.00", "outstanding": "0.00",
            "exposure": "0.00", "credit_limit": None}

    def test_jpy_company(self, manual, make_company, clock):
        tokyo = make_company("Tokyo KK", currency="JPY", credit_limit="100000")
        invoice(manual, tokyo, "5000", at=clock())
        ad_hoc(manual, tokyo, "1200", at=clock())
        assert credit_balance(company=tokyo) == {
            "currency": "JPY", "available_credit": "1200", "outstanding": "5000",
            "exposure": "3800", "credit_limit": "100000"}

    def test_reseller_pays_so_counts_the_end_customers_documents(self, manual, make_company,
                                                                  clock):
        """Documents belong to the payer: the reseller's balance holds its end customer's
        500.00 invoice and 100.00 memo; the end customer's holds nothing."""
        reseller = make_company("Resell Ltd", is_reseller=True)
        end = make_company("End GmbH", reseller_id=reseller.id)
        invoice(manual, end, "500.00", at=clock())
        ad_hoc(manual, end, "100.00", at=clock())
        assert credit_balance(company=reseller)["exposure"] == "400.00"
        assert credit_balance(company=end) == {
            "currency": "USD", "available_credit": "0.00", "outstanding": "0.00",
            "exposure": "0.00", "credit_limit": None}

    def test_unknown_currency(self, customer):
        for bad in ("XYZ", "eur"):
            with pytest.raises(InvalidInput) as info:
                credit_balance(company=customer, currency=bad)
            assert info.value.code == "invalid_currency"


class TestCreditCheck:
    def test_within_the_limit(self, manual, books):
        """Limit 2,000.00, exposure 1,050.00: 950.00 more reaches exactly 2,000.00 (allowed);
        950.01 does not."""
        customers.company_update(marketplace=manual, company_id=books.id,
                                 changes={"credit_limit": "2000.00"}, at=T0)
        books.refresh_from_db()
        before = snapshot()
        assert credit_check(company=books, amount="950.00") == {
            "allowed": True, "exposure_after": "2000.00", "credit_limit": "2000.00"}
        assert credit_check(company=books, amount="950.01") == {
            "allowed": False, "exposure_after": "2000.01", "credit_limit": "2000.00"}
        assert credit_balance(company=books)["credit_limit"] == "2000.00"
        assert snapshot() == before

    def test_no_limit_always_allowed(self, books):
        assert credit_check(company=books, amount="999999999999.99") == {
            "allowed": True, "exposure_after": "1000000001049.99", "credit_limit": None}

    def test_zero_limit(self, manual, make_company, clock):
        """Limit 0.00 and 50.00 of credit: a charge of 50.00 is allowed, 50.01 is not."""
        company = make_company("Tight", credit_limit="0.00")
        ad_hoc(manual, company, "50.00", at=clock())
        assert credit_check(company=company, amount="50.00")["allowed"] is True
        assert credit_check(company=company, amount="50.01")["allowed"] is False

    @pytest.mark.parametrize("amount", [None, "-1.00", "1.001", "NaN", "1000000000000", "x"])
    def test_malformed_amount(self, customer, amount):
        with pytest.raises(InvalidInput):
            credit_check(company=customer, amount=amount)
