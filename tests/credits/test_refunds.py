"""Refunds of payments: money back to the payment method, at most what is not yet refunded,
recorded as a credit memo with origin `refund` already paid out by the refund. The memo
credits the invoice's lines pro rata (net and tax), so the tax is reversed and what it
credits counts toward each line's creditable amount; the invoice's amounts and status do not
change. For every invoice, refunds plus payouts of memos from it never exceed what was paid
on it."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db.models import Sum
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from catalog.services import product_create
from common.errors import BusinessRule, InvalidInput, InvalidState, NotFound
from common.money import allocate_cumulative, round_amount
from credits import services as credits
from credits.compute import Credited, ExceedsCreditableAmount, refund_invoice_lines
from credits.models import CreditMemo, CreditMemoLine
from credits.selectors import ledger_differences
from invoicing.serializers import invoice_data
from notifications.selectors import events_for
from tests.conftest import T0
from tests.factories import (
    D,
    amounts,
    configure,
    credit_line,
    fails,
    from_invoice,
    invoice,
    journal,
    line,
    pay,
    reload,
)

pytestmark = pytest.mark.usefixtures("ledger_agrees")


def refund(mp, payment, amount, *, at):
    return credits.refund_create(marketplace=mp, payment_id=payment.id, amount=amount,
                                 actor="t", at=at)


@pytest.fixture
def paid(mp, customer, clock):
    """A 1,000.00 invoice paid in full by SEPA debit."""
    inv = invoice(mp, customer, "1000.00", at=clock())
    return inv, pay(mp, inv, "1000.00", at=clock(), method="sepa_debit")


class TestRefund:
    def test_refund_issues_a_paid_out_memo_and_leaves_the_invoice(self, mp, paid, clock):
        """Refunding 300.00 of 1,000.00: a 300.00 memo, origin refund, paid out (succeeded)
        by that refund to SEPA; the invoice still shows 1,000.00 paid, nothing due."""
        inv, payment = paid
        at = clock()
        r = refund(mp, payment, "300.00", at=at)
        assert (r.amount, r.status, r.created_at) == (D("300.00"), "succeeded", at)
        memo = CreditMemo.objects.get(pk=r.credit_memo_id)
        assert (memo.origin, memo.reason_code, memo.source_invoice_id, memo.company_id,
                memo.number, memo.issued_at) == (
            "refund", "refund", inv.id, inv.company_id, "CM-000001", at)
        assert amounts(memo) == (D("300.00"), 0, D("300.00"), 0, 0, "paid_out")
        p = memo.payouts.get()
        assert (p.amount, p.method, p.status, p.refund_id) == (
            D("300.00"), "sepa_debit", "succeeded", r.id)
        reload(inv, payment)
        assert (inv.status, inv.amount_paid, inv.amount_credited, inv.amount_due) == (
            "paid", D("1000.00"), 0, 0)
        assert payment.refunded_amount == D("300.00")

    def test_ledger(self, mp, paid, clock):
        """Memo issued (Dr sales_allowances / Cr customer_credit), then paid out
        (Dr customer_credit / Cr cash): the customer's credit is back to zero."""
        inv, payment = paid
        memo = CreditMemo.objects.get(pk=refund(mp, payment, "300.00", at=clock())
                                      .credit_memo_id)
        assert journal("credit_memo", memo.id) == [("credit_memo_issued", {
            ("sales_allowances", D("300.00"), 0), ("customer_credit", 0, D("300.00"))})]
        assert journal("payout", memo.payouts.get().id) == [("payout", {
            ("customer_credit", D("300.00"), 0), ("cash", 0, D("300.00"))})]

    def test_events(self, mp, paid, clock):
        inv, payment = paid
        memo_id = refund(mp, payment, "300.00", at=clock()).credit_memo_id
        assert [e.type for e in events_for(subject_type="credit_memo", subject_id=memo_id)] == [
            "credit_memo.issued", "credit_memo.paid_out"]
        refunded = events_for(subject_type="invoice", subject_id=inv.id)[-1]
        assert refunded.type == "invoice.payment_refunded"
        assert refunded.data["payment"]["refunded_amount"] == "300.00"

    def test_at_most_what_is_not_yet_refunded(self, mp, paid, clock):
        """1,000.00 paid: 300.00 refunded leaves 700.00; 700.01 is too much; 700.00 fits;
        then even 0.01 is too much."""
        inv, payment = paid
        refund(mp, payment, "300.00", at=clock())
        fails(BusinessRule, "exceeds_refundable_amount", credits.refund_create,
              marketplace=mp, payment_id=payment.id, amount="700.01", actor="t", at=clock())
        refund(mp, payment, "700.00", at=clock())
        fails(BusinessRule, "exceeds_refundable_amount", credits.refund_create,
              marketplace=mp, payment_id=payment.id, amount="0.01", actor="t", at=clock())
        assert reload(payment).refunded_amount == D("1000.00")
        assert list(CreditMemo.objects.order_by("number").values_list("number", "total")) == [
            ("CM-000001", D("300.00")), ("CM-000002", D("700.00"))]

    def test_per_payment(self, mp, customer, clock):
        """Two payments of 50.00: each refundable up to its own 50.00."""
        inv = invoice(mp, customer, "100.00", at=clock())
        first, second = pay(mp, inv, "50.00", at=clock()), pay(mp, inv, "50.00", at=clock())
        fails(BusinessRule, "exceeds_refundable_amount", credits.refund_create,
              marketplace=mp, payment_id=first.id, amount="50.01", actor="t", at=clock())
        refund(mp, first, "50.00", at=clock())
        refund(mp, second, "50.00", at=clock())

    def test_partial_payment_of_an_open_invoice(self, mp, customer, clock):
        """Open invoice, 400.00 of 1,000.00 paid, 100.00 refunded: still 600.00 due."""
        inv = invoice(mp, customer, "1000.00", at=clock())
        payment = pay(mp, inv, "400.00", at=clock())
        refund(mp, payment, "100.00", at=clock())
        assert (reload(inv).status, inv.amount_due, inv.amount_paid) == (
            "open", D("600.00"), D("400.00"))

    def test_the_refund_memo_is_spent(self, mp, paid, customer, clock):
        """Paid out: not voidable, not closable, nothing to apply or pay out, and no credit
        for the next invoice."""
        inv, payment = paid
        memo_id = refund(mp, payment, "300.00", at=clock()).credit_memo_id
        fails(InvalidState, "not_voidable", credits.credit_memo_void, marketplace=mp,
              memo_id=memo_id, actor="t", at=clock())
        fails(InvalidState, "invalid_state", credits.credit_memo_close, marketplace=mp,
              memo_id=memo_id, actor="t", at=clock())
        fails(BusinessRule, "exceeds_remaining", credits.payout_create, marketplace=mp,
              memo_id=memo_id, actor="t", at=clock())
        assert invoice(mp, customer, "100.00", at=clock()).amount_due == D("100.00")

    @pytest.mark.parametrize("amount", ["0", "-1.00", "1.001", "NaN", None, "1000000000000"])
    def test_malformed_amount(self, mp, paid, clock, amount):
        inv, payment = paid
        fails(InvalidInput, "invalid", credits.refund_create, marketplace=mp,
              payment_id=payment.id, amount=amount, actor="t", at=clock())

    def test_unknown_payment(self, mp, paid, clock):
        inv, payment = paid
        for bad in ("x", inv.id, None):
            fails(NotFound, "not_found", credits.refund_create, marketplace=mp,
                  payment_id=bad, amount="1.00", actor="t", at=clock())


def memo_of(r) -> CreditMemo:
    return CreditMemo.objects.get(pk=r.credit_memo_id)


def memo_lines(memo) -> list[tuple]:
    """(invoice line position, net, tax) of each memo line, in order."""
    return [(ln.source_invoice_line.position, ln.amount, ln.tax_amount)
            for ln in memo.lines.select_related("source_invoice_line")]


def credited(inv) -> list[str]:
    """Each invoice line's `credited_amount`, as the API shows it."""
    return [ln["credited_amount"] for ln in invoice_data(reload(inv))["lines"]]


@pytest.fixture
def vat_paid(mp, customer, clock):
    """119.00 = 100.00 + 19 % VAT, paid in full by card."""
    inv = invoice(mp, customer, "100.00", tax_rate="0.19", at=clock())
    return inv, pay(mp, inv, "119.00", at=clock())


class TestRefundCreditsTheLines:
    def test_refund_reverses_tax(self, mp, vat_paid, clock):
        """Refund 59.50 of 119.00: half of the line's 119.00 left, so net 50.00 and tax 9.50
        (9.50 = 19.00 x 50.00 / 100.00). The ledger takes 50.00 off revenue (sales
        allowances) and 9.50 off tax payable; the payout moves 59.50 of cash."""
        inv, payment = vat_paid
        memo = memo_of(refund(mp, payment, "59.50", at=clock()))
        assert (memo.subtotal, memo.tax_total, memo.total) == (
            D("50.00"), D("9.50"), D("59.50"))
        assert memo_lines(memo) == [(0, D("50.00"), D("9.50"))]
        assert journal("credit_memo", memo.id) == [("credit_memo_issued", {
            ("sales_allowances", D("50.00"), 0), ("tax_payable", D("9.50"), 0),
            ("customer_credit", 0, D("59.50"))})]
        assert journal("payout", memo.payouts.get().id) == [("payout", {
            ("customer_credit", D("59.50"), 0), ("cash", 0, D("59.50"))})]
        # It counts toward the line's credited amount, not toward what the invoice owes.
        assert credited(inv) == ["50.00"]
        assert (inv.status, inv.amount_paid, inv.amount_credited, inv.amount_due) == (
            "paid", D("119.00"), 0, 0)

    def test_memo_lines_copy_the_invoice_line(self, mp, customer, clock):
        """As a memo from an invoice does: product, name, description, billing action,
        period; the line's own quantity and unit price when it credits all of it."""
        seats = product_create(marketplace=mp, name="Seats", at=T0)
        inv = invoice(mp, customer, at=clock(), lines=[line(
            "25.00", quantity="4", tax_rate="0.2", name="Team seats", product_id=str(seats.id),
            description="March", billing_action="renewal", period_start="2026-03-01",
            period_end="2026-04-01")])  # 100.00 + 20.00
        payment = pay(mp, inv, "120.00", at=clock())
        memo = memo_of(refund(mp, payment, "120.00", at=clock()))
        assert memo.note == f"Refund of payment {payment.id}"
        got = memo.lines.get()
        source = inv.lines.get()
        assert (got.source_invoice_line_id, got.product_id, got.name, got.description,
                got.billing_action, got.period_start, got.period_end, got.quantity,
                got.unit_price, got.amount, got.tax_rate, got.tax_amount, got.custom_charge) == (
            source.id, seats.id, "Team seats", "March", "renewal",
            datetime.date(2026, 3, 1), datetime.date(2026, 4, 1), D("4"), D("25.00"),
            D("100.00"), D("0.2"), D("20.00"), False)

    def test_then_a_credit_memo_credits_at_most_the_rest(self, mp, vat_paid, clock):
        """After refunding 59.50, the line has 50.00 net (and 9.50 tax) left: a 60.00 credit
        is refused, the whole rest is 50.00 + 9.50, and then nothing is left."""
        inv, payment = vat_paid
        refund(mp, payment, "59.50", at=clock())
        error = fails(BusinessRule, "exceeds_creditable_amount",
                      credits.credit_memo_create_from_invoice, marketplace=mp, invoice_id=inv.id,
                      reason_code="overcharge", lines=[credit_line(inv, amount="60.00")],
                      actor="t", at=clock())
        assert error.message == "the line has 50.00 left to credit"
        rest = from_invoice(mp, inv, at=clock())
        assert (rest.subtotal, rest.tax_total, rest.total, rest.status) == (
            D("50.00"), D("9.50"), D("59.50"), "unapplied")
        assert credited(inv) == ["100.00"]
        fails(BusinessRule, "exceeds_creditable_amount", credits.credit_memo_create_from_invoice,
              marketplace=mp, invoice_id=inv.id, reason_code="overcharge", actor="t",
              at=clock())

    def test_refund_then_a_credit_memo_is_refused(self, mp, customer, clock):
        """Paid 100.00, refunded 100.00: the line is credited in full."""
        inv = invoice(mp, customer, "100.00", at=clock())
        refund(mp, pay(mp, inv, "100.00", at=clock()), "100.00", at=clock())
        fails(BusinessRule, "exceeds_creditable_amount", credits.credit_memo_create_from_invoice,
              marketplace=mp, invoice_id=inv.id, reason_code="overcharge", actor="t",
              at=clock())
        fails(BusinessRule, "exceeds_creditable_amount", credits.credit_memo_create_from_invoice,
              marketplace=mp, invoice_id=inv.id, reason_code="overcharge", actor="t",
              at=clock(), lines=[credit_line(inv, amount="0.01")])
        assert credited(inv) == ["100.00"]

    def test_a_draft_from_the_invoice_is_checked_again_at_issue(self, mp, customer, clock):
        """A 40.00 draft reserves nothing; a 70.00 refund then leaves 30.00 on the line, so
        issuing the draft is refused."""
        inv = invoice(mp, customer, "100.00", at=clock())
        payment = pay(mp, inv, "100.00", at=clock())
        draft = from_invoice(mp, inv, at=clock(), draft=True,
                             lines=[credit_line(inv, amount="40.00")])
        refund(mp, payment, "70.00", at=clock())
        fails(BusinessRule, "exceeds_creditable_amount", credits.credit_memo_issue,
              marketplace=mp, memo_id=draft.id, actor="t", at=clock())

    def test_three_lines_at_three_rates(self, mp, customer, clock):
        """Lines 33.33 + 6.33 (19 %), 10.01 + 0.70 (7 %), 5.00 + 0 (0 %): 55.37 in all.
        A 10.00 refund is shared by what each line has left, cumulatively:
        line 1 round(10.00 x 39.66 / 55.37) = 7.16; line 2 round(10.00 x 50.37 / 55.37)
        - 7.16 = 9.10 - 7.16 = 1.94; line 3 the rest, 0.90. Each share splits as a partial
        credit would: 7.16 = 6.02 + round(6.33 x 6.02 / 33.33 = 1.1433) = 6.02 + 1.14;
        1.94 = 1.81 + round(0.70 x 1.81 / 10.01 = 0.1266) = 1.81 + 0.13. A 0.01 refund then
        goes to line 1 (its cumulative share rounds up first), as net. The rest, 45.36,
        credits every line to its net and tax exactly."""
        inv = invoice(mp, customer, at=clock(), lines=[
            line("33.33", tax_rate="0.19"), line("10.01", tax_rate="0.07"), line("5.00")])
        assert inv.total == D("55.37")
        payment = pay(mp, inv, "55.37", at=clock())
        first = memo_of(refund(mp, payment, "10.00", at=clock()))
        assert memo_lines(first) == [(0, D("6.02"), D("1.14")), (1, D("1.81"), D("0.13")),
                                     (2, D("0.90"), D("0.00"))]
        assert (first.subtotal, first.tax_total, first.total) == (
            D("8.73"), D("1.27"), D("10.00"))
        cent = memo_of(refund(mp, payment, "0.01", at=clock()))
        assert memo_lines(cent) == [(0, D("0.01"), D("0.00"))]
        rest = memo_of(refund(mp, payment, "45.36", at=clock()))
        assert memo_lines(rest) == [(0, D("27.30"), D("5.19")), (1, D("8.20"), D("0.57")),
                                    (2, D("4.10"), D("0.00"))]
        assert credited(inv) == ["33.33", "10.01", "5.00"]
        by_line = CreditMemoLine.objects.filter(source_invoice_line__invoice=inv).values(
            "source_invoice_line__position").annotate(net=Sum("amount"), tax=Sum("tax_amount"))
        assert sorted((r["source_invoice_line__position"], r["net"], r["tax"])
                      for r in by_line) == [(0, D("33.33"), D("6.33")),
                                            (1, D("10.01"), D("0.70")), (2, D("5.00"), 0)]
        assert reload(payment).refunded_amount == D("55.37")

    def test_a_negative_line_takes_its_share(self, mp, customer, clock):
        """100.00 + 20.00 tax and a -20.00 - 4.00 discount: 96.00 left. Refund 48.00: the
        first line round(48.00 x 120.00 / 96.00) = 60.00 = 50.00 + 10.00 tax, the discount
        the rest, -12.00 = -10.00 - 2.00 tax."""
        inv = invoice(mp, customer, at=clock(), lines=[
            line("100.00", tax_rate="0.2"), line("-20.00", tax_rate="0.2", name="Discount")])
        memo = memo_of(refund(mp, pay(mp, inv, "96.00", at=clock()), "48.00", at=clock()))
        assert memo_lines(memo) == [(0, D("50.00"), D("10.00")), (1, D("-10.00"), D("-2.00"))]
        assert (memo.subtotal, memo.tax_total, memo.total) == (D("40.00"), D("8.00"),
                                                               D("48.00"))
        assert credited(inv) == ["50.00", "-10.00"]

    def test_in_yen(self, mp, make_company, clock):
        """1,000 JPY + 10 % = 1,100. Refund 333: net 303 + tax round(100 x 303 / 1,000 =
        30.3) = 30; then 1 more: net 1 (the tax of 304 is still round(30.4) = 30)."""
        yen = make_company("Yen", currency="JPY")
        inv = invoice(mp, yen, "1000", tax_rate="0.10", at=clock())
        payment = pay(mp, inv, "1100", at=clock())
        memo = memo_of(refund(mp, payment, "333", at=clock()))
        assert memo_lines(memo) == [(0, D("303"), D("30"))]
        one = memo_of(refund(mp, payment, "1", at=clock()))
        assert memo_lines(one) == [(0, D("1"), D("0"))]
        assert credited(inv) == ["304"]

    def test_ledger_check_agrees(self, mp, vat_paid, clock):
        inv, payment = vat_paid
        refund(mp, payment, "59.50", at=clock())
        from_invoice(mp, inv, at=clock(), lines=[credit_line(inv, amount="25.00")])
        assert ledger_differences(marketplace=mp) == []
        out = io.StringIO()
        call_command("ledger_check", "--marketplace", mp.slug, stdout=out)
        assert "ledger agrees with the documents in 1 marketplace(s)" in out.getvalue()


class TestMoneyGoesBackOnce:
    """For every invoice: refunds of its payments + payouts of memos from it <= paid."""

    def test_paid_out_memo_then_refund(self, mp, customer, clock):
        """Paid 100.00; a full 100.00 memo (the invoice is paid, so it stays available) paid
        out; a refund of the payment would give back 200.00: not refundable. Refundability
        is checked before the lines (here fully credited too)."""
        inv = invoice(mp, customer, "100.00", at=clock())
        payment = pay(mp, inv, "100.00", at=clock())
        memo = from_invoice(mp, inv, at=clock())
        credits.payout_create(marketplace=mp, memo_id=memo.id, actor="t", at=clock())
        error = fails(BusinessRule, "exceeds_refundable_amount", credits.refund_create,
                      marketplace=mp, payment_id=payment.id, amount="100.00", actor="t",
                      at=clock())
        assert error.message == ("100.00 is more than the 0.00 that may still go back on "
                                 "invoice INV-000001 (100.00 paid, 100.00 refunded or paid out)")
        fails(BusinessRule, "exceeds_refundable_amount", credits.refund_create,
              marketplace=mp, payment_id=payment.id, amount="0.01", actor="t", at=clock())

    def test_memo_not_paid_out_then_refund(self, mp, customer, clock):
        """The same 100.00 memo kept as credit: nothing went back, but the line is credited
        in full, so the refund is refused as not creditable."""
        inv = invoice(mp, customer, "100.00", at=clock())
        payment = pay(mp, inv, "100.00", at=clock())
        from_invoice(mp, inv, at=clock())
        fails(BusinessRule, "exceeds_creditable_amount", credits.refund_create,
              marketplace=mp, payment_id=payment.id, amount="0.01", actor="t", at=clock())

    def test_a_memo_of_an_unpaid_invoice_is_not_paid_out(self, mp, customer, clock):
        """Nothing paid: the memo's 30.00 can be applied, never paid out."""
        configure(mp, auto_apply_credit_to_new_invoices=False)
        inv = invoice(mp, customer, "100.00", at=clock())
        memo = from_invoice(mp, inv, at=clock(), apply_to=[],
                            lines=[credit_line(inv, amount="30.00")])
        fails(BusinessRule, "exceeds_refundable_amount", credits.payout_create,
              marketplace=mp, memo_id=memo.id, actor="t", at=clock())
        credits.application_create(marketplace=mp, memo_id=memo.id, invoice_id=inv.id,
                                   actor="t", at=clock())
        assert amounts(memo)[-1] == "fully_applied"

    def test_payouts_and_refunds_share_what_was_paid(self, mp, customer, clock):
        """100.00 invoice, 50.00 paid. A 30.00 memo (kept) paid out: 20.00 may still go back.
        A 20.01 refund is refused, 20.00 refunded; a 0.01 payout of a second memo then is
        refused. The first payout fails: 30.00 may go back again, and is refunded."""
        configure(mp, auto_apply_credit_to_new_invoices=False)
        inv = invoice(mp, customer, "100.00", at=clock())
        payment = pay(mp, inv, "50.00", at=clock())
        memo = from_invoice(mp, inv, at=clock(), apply_to=[],
                            lines=[credit_line(inv, amount="30.00")])
        p = credits.payout_create(marketplace=mp, memo_id=memo.id, actor="t", at=clock())
        fails(BusinessRule, "exceeds_refundable_amount", credits.refund_create,
              marketplace=mp, payment_id=payment.id, amount="20.01", actor="t", at=clock())
        refund(mp, payment, "20.00", at=clock())
        second = from_invoice(mp, inv, at=clock(), apply_to=[],
                              lines=[credit_line(inv, amount="10.00")])
        fails(BusinessRule, "exceeds_refundable_amount", credits.payout_create,
              marketplace=mp, memo_id=second.id, amount="0.01", actor="t", at=clock())
        credits.payout_settle(marketplace=mp, payout_id=p.id, succeeded=False, actor="t",
                              at=clock())
        refund(mp, payment, "30.00", at=clock())
        assert reload(payment).refunded_amount == D("50.00")
        # Lines: 30.00 (memo) + 20.00 + 30.00 (refunds) + 10.00 (second memo) of 100.00.
        assert credited(inv) == ["90.00"]

    def test_exceeds_remaining_comes_first(self, mp, customer, clock):
        """More than the memo's remaining is exceeds_remaining, even when less may go back
        on the invoice."""
        configure(mp, auto_apply_credit_to_new_invoices=False)
        inv = invoice(mp, customer, "100.00", at=clock())
        pay(mp, inv, "10.00", at=clock())
        memo = from_invoice(mp, inv, at=clock(), apply_to=[],
                            lines=[credit_line(inv, amount="30.00")])
        fails(BusinessRule, "exceeds_remaining", credits.payout_create, marketplace=mp,
              memo_id=memo.id, amount="30.01", actor="t", at=clock())
        fails(BusinessRule, "exceeds_refundable_amount", credits.payout_create, marketplace=mp,
              memo_id=memo.id, amount="10.01", actor="t", at=clock())
        credits.payout_create(marketplace=mp, memo_id=memo.id, amount="10.00", actor="t",
                              at=clock())

    def test_ad_hoc_memos_are_not_bound(self, mp, customer, clock):
        """A memo with no source invoice pays out up to its remaining balance."""
        memo = credits.credit_memo_create_ad_hoc(
            marketplace=mp, company_id=customer.id, reason_code="goodwill", actor="t",
            at=clock(), lines=[line("80.00")])
        p = credits.payout_create(marketplace=mp, memo_id=memo.id, actor="t", at=clock())
        assert p.amount == D("80.00")


CENTS = st.integers(-100000, 100000).filter(bool).map(lambda c: Decimal(c) / 100)
RATES = st.sampled_from(["0", "0.07", "0.19", "0.2", "1"])


class Line:
    """An invoice line as `refund_invoice_lines` reads it."""

    def __init__(self, i, net, rate):
        self.id, self.position, self.amount, self.tax_rate = i, i, net, rate
        self.tax_amount = round_amount(net * rate, "USD")
        self.sign = 1 if net > 0 else -1
        self.quantity, self.name, self.description = Decimal(1), f"Line {i}", ""
        self.product = self.subscription = self.billing_action = None
        self.period_start = self.period_end = None
        self.tax_category = "S" if rate > 0 else "Z"
        self.tax_exemption_reason_code = self.tax_exemption_reason = ""


@settings(max_examples=300, deadline=None)
@given(nets=st.lists(st.tuples(CENTS, RATES), min_size=1, max_size=4),
       steps=st.lists(st.tuples(st.booleans(), st.integers(0, 3), st.integers(1, 100)),
                      min_size=1, max_size=8))
def test_refund_shares_never_exceed_a_line_and_add_up(nets, steps):
    """Random lines (negative ones too, the invoice's total above zero), then refunds (a
    percentage of what is left) and partial credits (of a line's net left) in any order:
    each refund's lines add up to it exactly, no line is ever credited beyond its net or its
    tax (in its own sign), a line credited to its net is credited to its tax, and the tax
    credited never runs ahead of what partial credits would have taken but for a line's last
    minor unit (so no partial credit's tax has the wrong sign)."""
    lines = [Line(i, net, Decimal(rate)) for i, (net, rate) in enumerate(nets)]
    assume(sum(ln.amount + ln.tax_amount for ln in lines) > 0)
    got = {}

    def left():
        return sum(ln.amount + ln.tax_amount - sum(got.get(ln.id, (0, 0))) for ln in lines)

    for is_refund, index, percent in steps:
        if is_refund:
            amount = round_amount(left() * percent / 100, "USD")
            if amount <= 0:
                continue
            plans = refund_invoice_lines(
                lines=lines, credited={k: Credited(*v) for k, v in got.items()},
                amount=amount, currency="USD")
            assert sum(p.amount + p.tax_amount for p in plans) == amount
            changes = [(p.source_invoice_line, p.amount, p.tax_amount) for p in plans]
        else:
            ln = lines[index % len(lines)]
            net, tax = got.get(ln.id, (0, 0))
            now = round_amount((ln.amount - net) * percent / 100, "USD")
            if now == 0:
                continue
            changes = [(ln, now, allocate_cumulative(
                total=ln.tax_amount, base=ln.amount, before=net, now=now,
                allocated_before=tax, currency="USD"))]
        for ln, net, tax in changes:
            assert ln.sign * net >= 0 and ln.sign * tax >= 0
            before = got.get(ln.id, (0, 0))
            got[ln.id] = (before[0] + net, before[1] + tax)
    for ln in lines:
        net, tax = (ln.sign * v for v in got.get(ln.id, (0, 0)))
        full_net, full_tax = ln.sign * ln.amount, ln.sign * ln.tax_amount
        assert 0 <= net <= full_net and 0 <= tax <= full_tax
        if net == full_net:
            assert tax == full_tax
        elif net < full_net - Decimal("0.01"):
            assert tax <= round_amount(full_tax * net / full_net, "USD")
    with pytest.raises(ExceedsCreditableAmount):
        refund_invoice_lines(lines=lines, amount=max(left(), 0) + Decimal("0.01"),
                             currency="USD",
                             credited={k: Credited(*v) for k, v in got.items()})
