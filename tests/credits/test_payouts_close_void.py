"""Payouts (pending, succeeded, failed), close, void, and the memo's status derived from its
amounts, with `total = applied + paid_out + closed + remaining` after every step."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django_tasks_db.models import DBTaskResult

from common.errors import BusinessRule, InvalidInput, InvalidState, NotFound
from credits import services as credits
from credits.models import CreditMemo
from credits.selectors import available_credit
from credits.tasks import settle_payout
from invoicing.serializers import invoice_data
from tests.factories import (
    D,
    ad_hoc,
    amounts,
    apply,
    assert_adds_up,
    configure,
    credit_line,
    fails,
    from_invoice,
    invoice,
    journal,
    pay,
    reload,
)

pytestmark = pytest.mark.usefixtures("ledger_agrees")


@pytest.fixture
def manual(mp):
    return configure(mp, auto_apply_credit_to_new_invoices=False)


def payout(mp, memo, *, at, **kwargs):
    return credits.payout_create(marketplace=mp, memo_id=memo.id, actor="t", at=at, **kwargs)


def settle(mp, p, succeeded, *, at, message=""):
    return credits.payout_settle(marketplace=mp, payout_id=p.id, succeeded=succeeded,
                                 message=message, actor="payment_method", at=at)


class TestPayouts:
    def test_default_is_all_remaining_and_pending_counts_as_paid_out(self, manual, customer,
                                                                     clock):
        """100.00 memo: the payout takes all 100.00 at once, pending; the memo is paid_out
        (remaining 0) while the payment method has not answered; a settle job is queued."""
        memo = ad_hoc(manual, customer, "100.00", at=clock())
        at = clock()
        p = payout(manual, memo, at=at)
        assert (p.amount, p.method, p.status, p.created_at, p.settled_at) == (
            D("100.00"), "card", "pending", at, None)
        assert amounts(memo) == (D("100.00"), 0, D("100.00"), 0, 0, "paid_out")
        task = DBTaskResult.objects.get(task_path="credits.tasks.settle_payout")
        assert task.args_kwargs["kwargs"] == {"marketplace_id": str(manual.id),
                                              "payout_id": str(p.id)}
        assert journal("payout", p.id) == [("payout", {("customer_credit", D("100.00"), 0),
                                                       ("cash", 0, D("100.00"))})]

    def test_part_of_the_balance(self, manual, customer, clock):
        """40.00 of 100.00: 60.00 remains; 0 < remaining < total is partially_applied."""
        memo = ad_hoc(manual, customer, "100.00", at=clock())
        payout(manual, memo, at=clock(), amount="40.00")
        assert amounts(memo) == (D("100.00"), 0, D("40.00"), 0, D("60.00"),
                                 "partially_applied")

    def test_succeeded(self, manual, customer, clock):
        memo = ad_hoc(manual, customer, "100.00", at=clock())
        p = payout(manual, memo, at=clock())
        at = clock()
        p = settle(manual, p, True, at=at)
        assert (p.status, p.settled_at, p.failure_message) == ("succeeded", at, "")
        assert amounts(memo) == (D("100.00"), 0, D("100.00"), 0, 0, "paid_out")
        # Settling again changes nothing.
        again = settle(manual, p, False, at=clock())
        assert again.status == "succeeded"
        assert amounts(memo)[-1] == "paid_out"

    def test_failed_gives_the_balance_back(self, manual, customer, clock):
        """A failed 100.00 payout: the memo has 100.00 remaining again (unapplied); the
        payout entry is reversed."""
        memo = ad_hoc(manual, customer, "100.00", at=clock())
        p = payout(manual, memo, at=clock())
        p = settle(manual, p, False, at=clock(), message="card expired")
        assert (p.status, p.failure_message) == ("failed", "card expired")
        assert amounts(memo) == (D("100.00"), 0, 0, 0, D("100.00"), "unapplied")
        assert journal("payout", p.id)[1] == ("payout_failed", {
            ("customer_credit", 0, D("100.00")), ("cash", D("100.00"), 0)})
        assert settle(manual, p, True, at=clock()).status == "failed"
        assert amounts(memo)[-2] == D("100.00")

    def test_partial_failed_after_applications(self, manual, customer, clock):
        """100.00: 30.00 applied, 50.00 paid out, which fails: 70.00 remains."""
        memo = ad_hoc(manual, customer, "100.00", at=clock())
        apply(manual, memo, invoice(manual, customer, "30.00", at=clock()), at=clock())
        p = payout(manual, memo, at=clock(), amount="50.00")
        assert amounts(memo) == (D("100.00"), D("30.00"), D("50.00"), 0, D("20.00"),
                                 "partially_applied")
        settle(manual, p, False, at=clock())
        assert amounts(memo) == (D("100.00"), D("30.00"), 0, 0, D("70.00"),
                                 "partially_applied")

    def test_failed_after_close_is_written_off(self, manual, customer, clock):
        """40.00 paid out (pending), the remaining 60.00 closed; the payout then fails: the
        40.00 comes back to a closed memo, so it is written off with the rest."""
        memo = ad_hoc(manual, customer, "100.00", at=clock())
        p = payout(manual, memo, at=clock(), amount="40.00")
        credits.credit_memo_close(marketplace=manual, memo_id=memo.id, actor="t", at=clock())
        settle(manual, p, False, at=clock())
        assert amounts(memo) == (D("100.00"), 0, 0, D("100.00"), 0, "closed")

    def test_simulated_gateway_through_the_task(self, manual, customer, clock):
        """The settle job, run directly: the simulated payment method accepts "card" and
        declines "test_decline", which gives the balance back."""
        accepted = ad_hoc(manual, customer, "100.00", at=clock())
        declined = ad_hoc(manual, customer, "100.00", at=clock())
        ok = payout(manual, accepted, at=clock())
        ko = payout(manual, declined, at=clock(), method="test_decline")
        assert ko.method == "test_decline"
        for p, expected in ((ok, "succeeded"), (ko, "failed")):
            status = settle_payout.call(marketplace_id=str(manual.id), payout_id=str(p.id))
            assert status == reload(p).status == expected
        assert reload(ko).failure_message == "declined by the payment method"
        assert amounts(accepted)[-1] == "paid_out"
        assert amounts(declined) == (D("100.00"), 0, 0, 0, D("100.00"), "unapplied")
        # A settled payout is not sent again.
        assert settle_payout.call(marketplace_id=str(manual.id),
                                  payout_id=str(ko.id)) == "failed"

    def test_method_of_the_source_invoices_latest_payment(self, manual, customer, clock):
        """Paid by card, then the rest by SEPA: the payout goes back by SEPA, whatever is
        asked."""
        inv = invoice(manual, customer, "100.00", at=clock())
        pay(manual, inv, "50.00", at=clock(), method="card")
        pay(manual, inv, "50.00", at=clock(), method="sepa_debit")
        memo = from_invoice(manual, inv, at=clock(), lines=[credit_line(inv,
                                                                        amount="20.00")])
        assert payout(manual, memo, at=clock(), method="paypal").method == "sepa_debit"

    def test_method_given_else_card(self, manual, customer, clock):
        """No source invoice: the method given, else "card". (A memo from an invoice can
        only be paid out up to what was paid on it, so it always has a payment's method.)"""
        goodwill = ad_hoc(manual, customer, "15.00", at=clock())
        assert payout(manual, goodwill, at=clock(), amount="10.00",
                      method="bank_transfer").method == "bank_transfer"
        assert payout(manual, goodwill, at=clock()).method == "card"
        other = ad_hoc(manual, customer, "5.00", at=clock())
        assert payout(manual, other, at=clock(), method="paypal").method == "paypal"

    def test_exceeds_remaining(self, manual, customer, clock):
        memo = ad_hoc(manual, customer, "100.00", at=clock())
        fails(BusinessRule, "exceeds_remaining", credits.payout_create, marketplace=manual,
              memo_id=memo.id, amount="100.01", actor="t", at=clock())
        payout(manual, memo, at=clock(), amount="60.00")
        fails(BusinessRule, "exceeds_remaining", credits.payout_create, marketplace=manual,
              memo_id=memo.id, amount="40.01", actor="t", at=clock())
        payout(manual, memo, at=clock())
        for amount in (None, "0.01"):
            fails(BusinessRule, "exceeds_remaining", credits.payout_create,
                  marketplace=manual, memo_id=memo.id, amount=amount, actor="t", at=clock())

    @pytest.mark.parametrize("state", ["draft", "void", "closed"])
    def test_unusable_memo(self, manual, customer, clock, state):
        memo = ad_hoc(manual, customer, "100.00", at=clock(), draft=state == "draft")
        if state == "void":
            credits.credit_memo_void(marketplace=manual, memo_id=memo.id, actor="t",
                                     at=clock())
        if state == "closed":
            credits.credit_memo_close(marketplace=manual, memo_id=memo.id, actor="t",
                                      at=clock())
        fails(InvalidState, "invalid_state", credits.payout_create, marketplace=manual,
              memo_id=memo.id, actor="t", at=clock())

    @pytest.mark.parametrize("amount", ["0", "-1.00", "1.001", "NaN", "1000000000000"])
    def test_malformed_amount(self, manual, customer, clock, amount):
        memo = ad_hoc(manual, customer, "100.00", at=clock())
        fails(InvalidInput, "invalid", credits.payout_create, marketplace=manual,
              memo_id=memo.id, amount=amount, actor="t", at=clock())

    def test_unknown(self, manual, clock):
        fails(NotFound, "not_found", credits.payout_create, marketplace=manual, memo_id="x",
              actor="t", at=clock())
        fails(NotFound, "not_found", credits.payout_settle, marketplace=manual,
              payout_id="00000000-0000-0000-0000-000000000000", succeeded=True, actor="t",
              at=clock())


class TestClose:
    def test_close_unapplied(self, manual, customer, clock):
        memo = ad_hoc(manual, customer, "100.00", at=clock())
        at = clock()
        memo = credits.credit_memo_close(marketplace=manual, memo_id=memo.id,
                                         reason="customer left", actor="t", at=at)
        assert (memo.closed_at, memo.close_reason) == (at, "customer left")
        assert amounts(memo) == (D("100.00"), 0, 0, D("100.00"), 0, "closed")
        assert journal("credit_memo", memo.id)[1] == ("credit_memo_closed", {
            ("customer_credit", D("100.00"), 0), ("credit_written_off", 0, D("100.00"))})

    def test_close_partially_applied(self, manual, customer, clock):
        """100.00 with 30.00 applied: closing writes off the 70.00 left."""
        memo = ad_hoc(manual, customer, "100.00", at=clock())
        apply(manual, memo, invoice(manual, customer, "30.00", at=clock()), at=clock())
        credits.credit_memo_close(marketplace=manual, memo_id=memo.id, actor="t", at=clock())
        assert amounts(memo) == (D("100.00"), D("30.00"), 0, D("70.00"), 0, "closed")
        assert available_credit(company=customer, currency="USD") == 0

    @pytest.mark.parametrize("state", ["draft", "void", "closed", "fully_applied",
                                       "paid_out"])
    def test_only_unapplied_or_partially_applied(self, manual, customer, clock, state):
        memo = ad_hoc(manual, customer, "100.00", at=clock(), draft=state == "draft")
        if state == "void":
            credits.credit_memo_void(marketplace=manual, memo_id=memo.id, actor="t",
                                     at=clock())
        elif state == "closed":
            credits.credit_memo_close(marketplace=manual, memo_id=memo.id, actor="t",
                                      at=clock())
        elif state == "fully_applied":
            apply(manual, memo, invoice(manual, customer, "100.00", at=clock()), at=clock())
        elif state == "paid_out":
            payout(manual, memo, at=clock())
        assert amounts(memo)[-1] == state
        fails(InvalidState, "invalid_state", credits.credit_memo_close, marketplace=manual,
              memo_id=memo.id, actor="t", at=clock())

    def test_reason_must_be_text(self, manual, customer, clock):
        memo = ad_hoc(manual, customer, "100.00", at=clock())
        fails(InvalidInput, "invalid", credits.credit_memo_close, marketplace=manual,
              memo_id=memo.id, reason=["x"], actor="t", at=clock())


class TestVoid:
    def test_void_a_draft(self, manual, customer, clock):
        draft = ad_hoc(manual, customer, "100.00", at=clock(), draft=True)
        memo = credits.credit_memo_void(marketplace=manual, memo_id=draft.id, actor="t",
                                        at=clock())
        assert (memo.status, memo.number) == ("void", None)
        assert journal("credit_memo", memo.id) == []

    def test_void_unapplied_reverses_the_issue(self, manual, customer, clock):
        """A 119.00 memo (100.00 + 19.00 tax), voided: keeps its figures but is credit
        nowhere; the issue entry is mirrored."""
        memo = ad_hoc(manual, customer, "100.00", tax_rate="0.19", at=clock())
        memo = credits.credit_memo_void(marketplace=manual, memo_id=memo.id, actor="t",
                                        at=clock())
        assert (memo.status, memo.number, memo.total, memo.remaining_amount) == (
            "void", "CM-000001", D("119.00"), D("119.00"))
        assert available_credit(company=customer, currency="USD") == 0
        assert journal("credit_memo", memo.id) == [
            ("credit_memo_issued", {("sales_allowances", D("100.00"), 0),
                                    ("tax_payable", D("19.00"), 0),
                                    ("customer_credit", 0, D("119.00"))}),
            ("credit_memo_voided", {("sales_allowances", 0, D("100.00")),
                                    ("tax_payable", 0, D("19.00")),
                                    ("customer_credit", D("119.00"), 0)})]

    def test_void_memo_is_not_in_the_lines_credited_amount(self, manual, customer, clock):
        inv = invoice(manual, customer, "100.00", at=clock())
        memo = from_invoice(manual, inv, at=clock(), apply_to=[],
                            lines=[credit_line(inv, amount="40.00")])
        assert invoice_data(inv)["lines"][0]["credited_amount"] == "40.00"
        credits.credit_memo_void(marketplace=manual, memo_id=memo.id, actor="t", at=clock())
        assert invoice_data(inv)["lines"][0]["credited_amount"] == "0.00"

    def test_voidable_again_after_everything_is_reversed(self, manual, customer, clock):
        """Nothing applied, paid out or closed any more: unapplied, so voidable."""
        memo = ad_hoc(manual, customer, "100.00", at=clock())
        application = apply(manual, memo, invoice(manual, customer, "30.00", at=clock()),
                            at=clock())
        credits.application_reverse(marketplace=manual, memo_id=memo.id,
                                    application_id=application.id, actor="t", at=clock())
        assert credits.credit_memo_void(marketplace=manual, memo_id=memo.id, actor="t",
                                        at=clock()).status == "void"

    @pytest.mark.parametrize("state", ["partially_applied", "fully_applied", "paid_out",
                                       "closed", "void"])
    def test_not_voidable(self, manual, customer, clock, state):
        memo = ad_hoc(manual, customer, "100.00", at=clock())
        if state in ("partially_applied", "fully_applied"):
            amount = "30.00" if state == "partially_applied" else "100.00"
            apply(manual, memo, invoice(manual, customer, amount, at=clock()), at=clock())
        elif state == "paid_out":
            payout(manual, memo, at=clock())
        elif state == "closed":
            credits.credit_memo_close(marketplace=manual, memo_id=memo.id, actor="t",
                                      at=clock())
        elif state == "void":
            credits.credit_memo_void(marketplace=manual, memo_id=memo.id, actor="t",
                                     at=clock())
        assert amounts(memo)[-1] == state
        fails(InvalidState, "not_voidable", credits.credit_memo_void, marketplace=manual,
              memo_id=memo.id, actor="t", at=clock())

    def test_pending_payout_makes_it_not_voidable(self, manual, customer, clock):
        memo = ad_hoc(manual, customer, "100.00", at=clock())
        payout(manual, memo, at=clock(), amount="10.00")
        fails(InvalidState, "not_voidable", credits.credit_memo_void, marketplace=manual,
              memo_id=memo.id, actor="t", at=clock())

    def test_unknown(self, manual, clock):
        for call in (credits.credit_memo_void, credits.credit_memo_close):
            fails(NotFound, "not_found", call, marketplace=manual, memo_id="x", actor="t",
                  at=clock())


class TestStatus:
    @pytest.mark.parametrize("fields, status", [
        ({"issued_at": None}, "draft"),
        ({"voided_at": "set"}, "void"),
        ({"issued_at": None, "voided_at": "set"}, "void"),
        ({}, "unapplied"),
        ({"applied_amount": 40, "remaining_amount": 60}, "partially_applied"),
        ({"paid_out_amount": 40, "remaining_amount": 60}, "partially_applied"),
        ({"applied_amount": 100, "remaining_amount": 0}, "fully_applied"),
        ({"paid_out_amount": 100, "remaining_amount": 0}, "paid_out"),
        ({"applied_amount": 60, "paid_out_amount": 40, "remaining_amount": 0}, "paid_out"),
        ({"closed_amount": 100, "remaining_amount": 0}, "closed"),
        ({"applied_amount": 60, "closed_amount": 40, "remaining_amount": 0}, "closed"),
        ({"paid_out_amount": 60, "closed_amount": 40, "remaining_amount": 0}, "closed"),
    ])
    def test_derived_from_the_amounts(self, fields, status):
        at = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
        values = {"issued_at": at, "voided_at": None, "total": D(100), "applied_amount": 0,
                  "paid_out_amount": 0, "closed_amount": 0, "remaining_amount": D(100)}
        values.update({k: (at if v == "set" else v) for k, v in fields.items()})
        assert CreditMemo(**values).derive_status() == status

    def test_a_memo_through_every_status(self, manual, customer, clock):
        """draft -> unapplied -> partially_applied -> fully_applied (apply) -> partially
        applied (reverse) -> closed; a second memo paid out; a third voided. The four
        amounts add up to the total after every step."""
        memo = ad_hoc(manual, customer, "100.00", at=clock(), draft=True)
        seen = [amounts(memo)[-1]]
        credits.credit_memo_issue(marketplace=manual, memo_id=memo.id, actor="t", at=clock())
        seen.append(amounts(memo)[-1])
        inv = invoice(manual, customer, "500.00", at=clock())
        first = apply(manual, memo, inv, "40.00", at=clock())
        seen.append(amounts(memo)[-1])
        apply(manual, memo, inv, "60.00", at=clock())
        seen.append(amounts(memo)[-1])
        credits.application_reverse(marketplace=manual, memo_id=memo.id,
                                    application_id=first.id, amount="10.00", actor="t",
                                    at=clock())
        seen.append(amounts(memo)[-1])
        assert_adds_up(memo)
        credits.credit_memo_close(marketplace=manual, memo_id=memo.id, actor="t", at=clock())
        seen.append(amounts(memo)[-1])
        assert amounts(memo) == (D("100.00"), D("90.00"), 0, D("10.00"), 0, "closed")
        paid = ad_hoc(manual, customer, "10.00", at=clock())
        payout(manual, paid, at=clock())
        seen.append(amounts(paid)[-1])
        void = ad_hoc(manual, customer, "10.00", at=clock())
        credits.credit_memo_void(marketplace=manual, memo_id=void.id, actor="t", at=clock())
        seen.append(amounts(void)[-1])
        assert seen == ["draft", "unapplied", "partially_applied", "fully_applied",
                        "partially_applied", "closed", "paid_out", "void"]
        for m in CreditMemo.objects.all():
            assert_adds_up(m)

    def test_the_database_refuses_amounts_that_do_not_add_up(self, manual, customer, clock):
        """`total = applied + paid_out + closed + remaining` and every part >= 0 are database
        constraints."""
        memo = ad_hoc(manual, customer, "100.00", at=clock())
        for changes in ({"remaining_amount": D("99.00")},
                        {"applied_amount": D("-10.00"), "remaining_amount": D("110.00")}):
            with pytest.raises(IntegrityError), transaction.atomic():
                CreditMemo.objects.filter(pk=memo.pk).update(**changes)
        assert amounts(memo)[-2] == D("100.00")
