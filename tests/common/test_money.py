"""Money at the service level: exact per currency (USD 2 decimals, JPY 0, BHD 3), half-up per
line, and every malformed amount a 400 (InvalidInput) that writes nothing."""

from decimal import Decimal

import pytest

from common.errors import InvalidInput
from common.money import format_amount, parse_amount, round_amount
from credits import services as credits
from credits.serializers import memo_data
from invoicing.serializers import invoice_data
from tests.factories import (
    D,
    ad_hoc,
    configure,
    credit_line,
    fails,
    from_invoice,
    invoice,
    line,
)

pytestmark = pytest.mark.usefixtures("ledger_agrees")


class TestRounding:
    @pytest.mark.parametrize("value, currency, expected", [
        ("0.125", "USD", "0.13"),      # half-up, where banker's rounding gives 0.12
        ("0.135", "USD", "0.14"),
        ("-0.125", "USD", "-0.13"),    # half away from zero
        ("62.5", "JPY", "63"),
        ("0.1665", "BHD", "0.167"),    # banker's would give 0.166
        ("0.1005", "BHD", "0.101"),
    ])
    def test_round_amount_is_half_up_to_the_minor_unit(self, value, currency, expected):
        assert str(round_amount(D(value), currency)) == expected

    def test_amounts_are_written_with_exactly_the_minor_digits(self):
        assert format_amount(D("200"), "USD") == "200.00"
        assert format_amount(D("200.0000"), "JPY") == "200"
        assert format_amount(D("1.5"), "BHD") == "1.500"


class TestParseAmount:
    @pytest.mark.parametrize("value, currency, expected", [
        ("200.00", "USD", "200.00"),
        ("200", "USD", "200.00"),
        (200, "USD", "200.00"),
        (0.1, "USD", "0.10"),
        (Decimal("1.5"), "USD", "1.50"),
        ("200", "JPY", "200"),
        ("200.0", "JPY", "200"),     # trailing zeros are not extra decimals
        ("1.500", "BHD", "1.500"),
        ("1.5", "BHD", "1.500"),
        ("999999999999.99", "USD", "999999999999.99"),
    ])
    def test_accepts_plain_decimals_and_numbers(self, value, currency, expected):
        assert str(parse_amount(value, currency)) == expected

    @pytest.mark.parametrize("value, currency", [
        ("1.001", "USD"), ("1.5", "JPY"), ("0.0005", "BHD"),          # extra decimals
        ("NaN", "USD"), (Decimal("NaN"), "USD"), (float("nan"), "USD"),  # NaN
        ("Infinity", "USD"), (Decimal("Infinity"), "USD"), (float("inf"), "USD"),
        ("-0.01", "USD"), (-5, "JPY"),                                 # negative
        ("1000000000000", "USD"), ("1000000000000", "JPY"), (10**12, "BHD"),  # >= 10^12
        ("1e3", "USD"), ("", "USD"), ("1,000.00", "USD"), ("abc", "USD"), (None, "USD"),
        (True, "USD"), ([1], "USD"),
    ])
    def test_rejects_as_invalid_input(self, value, currency):
        with pytest.raises(InvalidInput) as info:
            parse_amount(value, currency)
        assert info.value.kind == "invalid_request"


class TestInvoiceAmounts:
    def test_usd_line_net_tax_and_total(self, mp, customer, clock):
        """2 x 50.00 - 10.00 discount = 90.00 net; 20 % tax = 18.00; total 108.00."""
        inv = invoice(mp, customer, at=clock(), lines=[
            line("50.00", quantity="2", tax_rate="0.20", discount_amount="10.00")])
        ln = inv.lines.get()
        assert (ln.amount, ln.tax_amount, ln.total) == (D("90.00"), D("18.00"), D("108.00"))
        assert (inv.subtotal, inv.discount_total, inv.tax_total, inv.total) == (
            D("100.00"), D("10.00"), D("18.00"), D("108.00"))

    def test_rounding_is_per_line_not_on_the_sum(self, mp, customer, clock):
        """Two lines of 0.5 x 0.01 USD: each 0.005 rounds half-up to 0.01, so the subtotal is
        0.02 (rounding the sum, 0.010, would give 0.01). Tax likewise: 1.00 at 0.5 % is 0.005,
        0.01 per line, 0.02 in all."""
        inv = invoice(mp, customer, at=clock(), lines=[
            line("0.01", quantity="0.5"), line("0.01", quantity="0.5"),
            line("1.00", tax_rate="0.005"), line("1.00", tax_rate="0.005")])
        assert [ln.amount for ln in inv.lines.all()] == [D("0.01"), D("0.01"), D("1.00"),
                                                          D("1.00")]
        assert inv.subtotal == D("2.02")
        assert inv.tax_total == D("0.02")
        assert inv.total == D("2.04")

    def test_jpy_has_no_decimals(self, mp, make_company, clock):
        """JPY: 3 x 333 = 999, 10 % tax = 99.9 -> 100, total 1,099; 0.5 x 125 = 62.5 -> 63."""
        tokyo = make_company("Tokyo KK", currency="JPY")
        inv = invoice(mp, tokyo, at=clock(), lines=[
            line("333", quantity="3", tax_rate="0.10"), line("125", quantity="0.5")])
        first, second = inv.lines.all()
        assert inv.currency == "JPY"
        assert (first.amount, first.tax_amount, first.total) == (D(999), D(100), D(1099))
        assert second.amount == D(63)
        assert inv.total == D(1162)
        data = invoice_data(inv)
        assert (data["total"], data["lines"][0]["tax_amount"]) == ("1162", "100")

    def test_bhd_has_three_decimals_half_up_per_line(self, mp, make_company, clock):
        """BHD: 3 x 0.335 = 1.005; 10 % tax = 0.1005 -> 0.101 (half-up); line total 1.106.
        0.5 x 0.333 = 0.1665 -> 0.167. Invoice total 1.273."""
        manama = make_company("Manama WLL", currency="BHD")
        inv = invoice(mp, manama, at=clock(), lines=[
            line("0.335", quantity="3", tax_rate="0.10"), line("0.333", quantity="0.5")])
        first, second = inv.lines.all()
        assert (first.amount, first.tax_amount, first.total) == (
            D("1.005"), D("0.101"), D("1.106"))
        assert second.amount == D("0.167")
        assert inv.total == D("1.273")
        assert invoice_data(inv)["total"] == "1.273"

    @pytest.mark.parametrize("field, value", [
        ("unit_price", "10.001"),            # extra decimals
        ("unit_price", "NaN"),
        ("unit_price", "1000000000000"),     # >= 10^12
        ("discount_amount", "-1.00"),        # only unit_price may be negative
        ("discount_amount", "0.001"),
        ("quantity", "0"),
        ("quantity", "-1"),
        ("quantity", "NaN"),
        ("quantity", "1.0000001"),           # more than 6 decimals
        ("quantity", "1000000000000"),
        ("tax_rate", "1.01"),
        ("tax_rate", "-0.1"),
        ("tax_rate", "NaN"),
    ])
    def test_malformed_line_values_are_invalid_input(self, mp, customer, clock, field, value):
        bad = line("10.00", **{field: value})
        fails(InvalidInput, "invalid", credits.invoice_create, marketplace=mp,
              company_id=customer.id, lines=[bad], actor="t", at=clock())

    def test_jpy_unit_price_with_decimals_is_invalid(self, mp, make_company, clock):
        tokyo = make_company("Tokyo KK", currency="JPY")
        fails(InvalidInput, "invalid", credits.invoice_create, marketplace=mp,
              company_id=tokyo.id, lines=[line("100.5")], actor="t", at=clock())

    def test_line_total_of_10_to_the_12_is_invalid(self, mp, customer, clock):
        """2 x 600,000,000,000.00 = 1.2 x 10^12: each amount is fine, their product is not."""
        fails(InvalidInput, "invalid", credits.invoice_create, marketplace=mp,
              company_id=customer.id, lines=[line("600000000000.00", quantity="2")],
              actor="t", at=clock())

    def test_invoice_total_of_10_to_the_12_is_invalid(self, mp, customer, clock):
        """Two lines of 600,000,000,000.00 make a total of 1.2 x 10^12."""
        fails(InvalidInput, "invalid", credits.invoice_create, marketplace=mp,
              company_id=customer.id,
              lines=[line("600000000000.00"), line("600000000000.00")], actor="t", at=clock())

    def test_unknown_currency_is_invalid(self, mp, customer, clock):
        for code in ("XYZ", "usd", 840):
            fails(InvalidInput, "invalid_currency", credits.invoice_create, marketplace=mp,
                  company_id=customer.id, currency=code, lines=[line("10.00")], actor="t",
                  at=clock())


class TestMemoAmounts:
    def test_jpy_memo_from_invoice_by_quantity(self, mp, make_company, clock):
        """JPY line 3 x 333 = 999, tax 10 % = 100. Crediting 1 unit: 999 / 3 = 333 net, tax
        100 x 333 / 999 = 33.3 -> 33; total 366. The rest (666, tax 67) credits exactly the
        line's 100 of tax."""
        tokyo = make_company("Tokyo KK", currency="JPY")
        inv = invoice(mp, tokyo, at=clock(), lines=[line("333", quantity="3",
                                                         tax_rate="0.10")])
        one = from_invoice(mp, inv, at=clock(), lines=[credit_line(inv, quantity="1")])
        assert (one.subtotal, one.tax_total, one.total) == (D(333), D(33), D(366))
        rest = from_invoice(mp, inv, at=clock())
        assert (rest.subtotal, rest.tax_total, rest.total) == (D(666), D(67), D(733))
        assert memo_data(one)["total"] == "366"
        inv.refresh_from_db()
        assert (inv.amount_credited, inv.amount_due, inv.status) == (D(1099), D(0), "paid")

    def test_bhd_memo_by_quantity_and_rest(self, mp, make_company, clock):
        """BHD line 3 x 0.335 = 1.005, tax 0.101. One unit: 0.335 net, tax 0.101 x 0.335 /
        1.005 = 0.03366.. -> 0.034; the rest: 0.670 net, tax 0.101 - 0.034 = 0.067."""
        manama = make_company("Manama WLL", currency="BHD")
        inv = invoice(mp, manama, at=clock(), lines=[line("0.335", quantity="3",
                                                          tax_rate="0.10")])
        one = from_invoice(mp, inv, at=clock(), lines=[credit_line(inv, quantity="1")])
        ml = one.lines.get()
        assert (ml.quantity, ml.unit_price, ml.amount, ml.tax_amount) == (
            D(1), D("0.335"), D("0.335"), D("0.034"))
        rest = from_invoice(mp, inv, at=clock())
        assert (rest.subtotal, rest.tax_total, rest.total) == (D("0.670"), D("0.067"),
                                                               D("0.737"))
        assert memo_data(rest)["total"] == "0.737"

    def test_bhd_ad_hoc_half_up(self, mp, make_company, clock):
        """Ad hoc BHD: 3 x 0.335 = 1.005, 10 % tax 0.1005 -> 0.101, total 1.106."""
        manama = make_company("Manama WLL", currency="BHD")
        memo = credits.credit_memo_create_ad_hoc(
            marketplace=mp, company_id=manama.id, reason_code="goodwill", actor="t",
            at=clock(), lines=[line("0.335", quantity="3", tax_rate="0.10")])
        assert (memo.currency, memo.subtotal, memo.tax_total, memo.total) == (
            "BHD", D("1.005"), D("0.101"), D("1.106"))

    def test_jpy_ad_hoc(self, mp, make_company, clock):
        """Ad hoc JPY 500 at 10 %: 500 + 50 = 550."""
        tokyo = make_company("Tokyo KK", currency="JPY")
        memo = ad_hoc(mp, tokyo, "500", tax_rate="0.10", at=clock())
        assert (memo.currency, memo.total, memo_data(memo)["total"]) == ("JPY", D(550), "550")

    @pytest.mark.parametrize("amount", ["10.001", "NaN", "-1.00", "1000000000000", "0", "x"])
    def test_memo_line_amount_malformed(self, mp, customer, clock, amount):
        inv = invoice(mp, customer, "100.00", at=clock())
        fails(InvalidInput, "invalid", credits.credit_memo_create_from_invoice, marketplace=mp,
              invoice_id=inv.id, reason_code="overcharge",
              lines=[credit_line(inv, amount=amount)], actor="t", at=clock())

    def test_jpy_memo_amount_with_decimals_is_invalid(self, mp, make_company, clock):
        tokyo = make_company("Tokyo KK", currency="JPY")
        inv = invoice(mp, tokyo, "1000", at=clock())
        fails(InvalidInput, "invalid", credits.credit_memo_create_from_invoice, marketplace=mp,
              invoice_id=inv.id, reason_code="overcharge",
              lines=[credit_line(inv, amount="1.5")], actor="t", at=clock())

    @pytest.mark.parametrize("field, value", [
        ("unit_price", "5.001"), ("unit_price", "NaN"), ("unit_price", "-5.00"),
        ("unit_price", "1000000000000"), ("quantity", "0"), ("tax_rate", "2"),
    ])
    def test_ad_hoc_malformed(self, mp, customer, clock, field, value):
        fails(InvalidInput, "invalid", credits.credit_memo_create_ad_hoc, marketplace=mp,
              company_id=customer.id, reason_code="goodwill",
              lines=[line("5.00", **{field: value})], actor="t", at=clock())

    def test_ad_hoc_unknown_currency(self, mp, customer, clock):
        fails(InvalidInput, "invalid_currency", credits.credit_memo_create_ad_hoc,
              marketplace=mp, company_id=customer.id, reason_code="goodwill", currency="XXY",
              lines=[line("5.00")], actor="t", at=clock())

    def test_ad_hoc_total_of_10_to_the_12_is_invalid(self, mp, customer, clock):
        fails(InvalidInput, "invalid", credits.credit_memo_create_ad_hoc, marketplace=mp,
              company_id=customer.id, reason_code="goodwill", actor="t", at=clock(),
              lines=[line("600000000000.00"), line("600000000000.00")])


class TestExactOnEveryDatabase:
    def test_tenths_add_up_in_the_database(self, mp, customer, clock):
        """0.30 of credit, 0.10 applied to a 0.30 invoice: the database checks
        `amount_due = total - credited - paid` (0.30 - 0.10 = 0.20) and `total = applied +
        paid_out + closed + remaining` (0.10 + 0.20 = 0.30). Exact in decimal; in binary
        floating point 0.3 - 0.1 != 0.2 and 0.1 + 0.2 != 0.3."""
        configure(mp, auto_apply_credit_to_new_invoices=False)
        memo = ad_hoc(mp, customer, "0.30", at=clock())
        inv = invoice(mp, customer, "0.30", at=clock())
        credits.application_create(marketplace=mp, memo_id=memo.id, invoice_id=inv.id,
                                   amount="0.10", actor="t", at=clock())
        inv.refresh_from_db()
        memo.refresh_from_db()
        assert (inv.amount_due, memo.remaining_amount) == (D("0.20"), D("0.20"))
