"""Refunds of payments: money back to the payment method, at most what is not yet refunded,
recorded as a credit memo with origin `refund` already paid out by the refund. The invoice's
amounts and status do not change."""

import pytest

from common.errors import BusinessRule, InvalidInput, InvalidState, NotFound
from credits import services as credits
from credits.models import CreditMemo
from notifications.selectors import events_for
from tests.factories import D, amounts, fails, invoice, journal, pay, reload

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
