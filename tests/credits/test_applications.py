"""Applications: manual (default amount), the rules in the contract's order, a memo's
auto-apply, auto-apply when an invoice is issued, and reversals."""

import pytest

from common.errors import BusinessRule, InvalidInput, InvalidState, NotFound
from credits import services as credits
from customers import services as customers
from invoicing.services import invoice_void
from tests.conftest import T0
from tests.factories import (
    D,
    ad_hoc,
    amounts,
    apply,
    assert_adds_up,
    configure,
    credit_line,
    day,
    fails,
    from_invoice,
    invoice,
    journal,
    line,
    pay,
    reload,
    user,
)

pytestmark = pytest.mark.usefixtures("ledger_agrees")


def apply_fails(error, code, mp, memo, inv, clock, amount=None):
    return fails(error, code, credits.application_create, marketplace=mp, memo_id=memo.id,
                 invoice_id=inv.id, amount=amount, actor="t", at=clock())


@pytest.fixture
def manual(mp):
    """Invoices issued without drawing on existing credit, so tests apply it by hand."""
    return configure(mp, auto_apply_credit_to_new_invoices=False)


class TestManual:
    def test_default_amount_is_the_amount_due(self, manual, customer, clock):
        """500.00 memo, 300.00 due: applies 300.00; 200.00 remains; the invoice is paid."""
        memo = ad_hoc(manual, customer, "500.00", at=clock())
        inv = invoice(manual, customer, "300.00", at=clock())
        at = clock()
        application = apply(manual, memo, inv, at=at)
        assert (application.amount, application.applied_at, application.applied_by,
                application.reversed_at) == (D("300.00"), at, "test", None)
        assert amounts(memo) == (D("500.00"), D("300.00"), 0, 0, D("200.00"),
                                 "partially_applied")
        assert (reload(inv).amount_due, inv.amount_credited, inv.status) == (
            0, D("300.00"), "paid")

    def test_default_amount_is_the_remaining(self, manual, customer, clock):
        """100.00 memo, 300.00 due: applies 100.00 (fully_applied); 200.00 still due."""
        memo = ad_hoc(manual, customer, "100.00", at=clock())
        inv = invoice(manual, customer, "300.00", at=clock())
        assert apply(manual, memo, inv, at=clock()).amount == D("100.00")
        assert amounts(memo)[-2:] == (0, "fully_applied")
        assert (reload(inv).amount_due, inv.status) == (D("200.00"), "open")

    def test_given_amount(self, manual, customer, clock):
        memo = ad_hoc(manual, customer, "100.00", at=clock())
        inv = invoice(manual, customer, "300.00", at=clock())
        apply(manual, memo, inv, "40.00", at=clock())
        apply(manual, memo, inv, "60.00", at=clock())
        assert memo.applications.count() == 2
        assert amounts(memo)[-2:] == (0, "fully_applied")
        assert reload(inv).amount_due == D("200.00")
        assert_adds_up(memo)

    def test_credit_applies_after_discounts_and_tax(self, manual, customer, clock):
        """2 x 50.00 - 10.00 + 20 % tax = 108.00 due; a 200.00 memo applies 108.00."""
        memo = ad_hoc(manual, customer, "200.00", at=clock())
        inv = invoice(manual, customer, at=clock(), lines=[
            line("50.00", quantity="2", discount_amount="10.00", tax_rate="0.20")])
        assert apply(manual, memo, inv, at=clock()).amount == D("108.00")

    def test_ledger_entry(self, manual, customer, clock):
        memo = ad_hoc(manual, customer, "100.00", at=clock())
        inv = invoice(manual, customer, "300.00", at=clock())
        application = apply(manual, memo, inv, "40.00", at=clock())
        assert journal("application", application.id) == [("credit_applied", {
            ("customer_credit", D("40.00"), 0), ("receivables", 0, D("40.00"))})]

    @pytest.mark.parametrize("amount", ["0", "-1.00", "1.001", "NaN", "1000000000000"])
    def test_malformed_amount(self, manual, customer, clock, amount):
        memo = ad_hoc(manual, customer, "100.00", at=clock())
        inv = invoice(manual, customer, "300.00", at=clock())
        apply_fails(InvalidInput, "invalid", manual, memo, inv, clock, amount)

    def test_unknown_memo_or_invoice(self, manual, customer, clock):
        memo = ad_hoc(manual, customer, "100.00", at=clock())
        inv = invoice(manual, customer, "300.00", at=clock())
        other_mp = customers.marketplace_create(slug="other", name="Other", at=T0)
        theirs = invoice(other_mp, customers.company_create(marketplace=other_mp, name="X",
                                                            at=T0), "1.00", at=clock())
        for memo_id, invoice_id in ((memo.id, "x"), ("x", inv.id), (memo.id, theirs.id),
                                    (inv.id, inv.id)):
            fails(NotFound, "not_found", credits.application_create, marketplace=manual,
                  memo_id=memo_id, invoice_id=invoice_id, actor="t", at=clock())


class TestRules:
    """Each a 422 with its code, checked in the contract's order; the memo's state (409)
    before any rule."""

    def test_currency_mismatch(self, manual, customer, make_company, clock):
        memo = ad_hoc(manual, customer, "100.00", at=clock())
        euro = invoice(manual, customer, "10.00", currency="EUR", at=clock())
        apply_fails(BusinessRule, "currency_mismatch", manual, memo, euro, clock)
        # Before not_same_customer, invoice_not_open and the amounts.
        theirs = invoice(manual, make_company("Initech"), "10.00", currency="EUR",
                         at=clock())
        pay(manual, theirs, "10.00", at=clock())
        apply_fails(BusinessRule, "currency_mismatch", manual, memo, theirs, clock,
                    amount="500.00")

    def test_malformed_amount_is_invalid_before_any_rule(self, manual, customer, clock):
        """Reading: a 422 is for well-formed requests, so an amount of 1.001 USD is a 400
        even when the invoice is in another currency."""
        memo = ad_hoc(manual, customer, "100.00", at=clock())
        euro = invoice(manual, customer, "10.00", currency="EUR", at=clock())
        apply_fails(InvalidInput, "invalid", manual, memo, euro, clock, "1.001")

    def test_not_same_customer_payer(self, manual, customer, make_company, clock):
        memo = ad_hoc(manual, customer, "100.00", at=clock())
        theirs = invoice(manual, make_company("Initech"), "10.00", at=clock())
        apply_fails(BusinessRule, "not_same_customer", manual, memo, theirs, clock)
        # Before invoice_not_open and the amounts.
        pay(manual, theirs, "10.00", at=clock())
        apply_fails(BusinessRule, "not_same_customer", manual, memo, theirs, clock,
                    amount="500.00")

    def test_not_same_customer_user(self, manual, customer, clock):
        """The same user (null matching only null) unless company_wide_billing is on."""
        ann, bob = user(manual, customer), user(manual, customer, email="bob@example.com")
        anns = ad_hoc(manual, customer, "100.00", at=clock(), user_id=ann.id)
        nobodys = ad_hoc(manual, customer, "100.00", at=clock())
        bobs_invoice = invoice(manual, customer, "10.00", at=clock(), user_id=bob.id)
        plain_invoice = invoice(manual, customer, "10.00", at=clock())
        apply_fails(BusinessRule, "not_same_customer", manual, anns, bobs_invoice, clock)
        apply_fails(BusinessRule, "not_same_customer", manual, anns, plain_invoice, clock)
        apply_fails(BusinessRule, "not_same_customer", manual, nobodys, bobs_invoice, clock)
        assert apply(manual, nobodys, plain_invoice, at=clock()).amount == D("10.00")
        configure(manual, company_wide_billing=True)
        assert apply(manual, anns, bobs_invoice, at=clock()).amount == D("10.00")

    def test_same_payer_through_a_reseller(self, manual, make_company, clock):
        """Two end customers of one reseller: the payer is the same, so credit given for one
        may go to the other's invoice."""
        reseller = make_company("Resell Ltd", is_reseller=True)
        one = make_company("One", reseller_id=reseller.id)
        two = make_company("Two", reseller_id=reseller.id)
        memo = ad_hoc(manual, one, "100.00", at=clock())
        inv = invoice(manual, two, "30.00", at=clock())
        assert apply(manual, memo, inv, at=clock()).amount == D("30.00")
        # The reseller's own invoices as well.
        own = invoice(manual, reseller, "30.00", at=clock())
        assert apply(manual, memo, own, at=clock()).amount == D("30.00")

    def test_invoice_not_open(self, manual, customer, clock):
        memo = ad_hoc(manual, customer, "100.00", at=clock())
        draft = invoice(manual, customer, "10.00", at=clock(), finalize=False)
        paid = invoice(manual, customer, "10.00", at=clock())
        pay(manual, paid, "10.00", at=clock())
        void = invoice(manual, customer, "10.00", at=clock())
        invoice_void(marketplace=manual, invoice_id=void.id, actor="t", at=clock())
        for inv in (draft, paid, void):
            apply_fails(BusinessRule, "invoice_not_open", manual, memo, inv, clock)
        # Before the amounts.
        apply_fails(BusinessRule, "invoice_not_open", manual, memo, paid, clock,
                    amount="500.00")

    def test_exceeds_remaining(self, manual, customer, clock):
        """100.00 memo, 300.00 due: 100.01 exceeds the remaining (checked before the amount
        due: 400.00 exceeds both and is exceeds_remaining)."""
        memo = ad_hoc(manual, customer, "100.00", at=clock())
        inv = invoice(manual, customer, "300.00", at=clock())
        apply_fails(BusinessRule, "exceeds_remaining", manual, memo, inv, clock, "100.01")
        apply_fails(BusinessRule, "exceeds_remaining", manual, memo, inv, clock, "400.00")

    def test_exceeds_remaining_when_nothing_remains(self, manual, customer, clock):
        memo = ad_hoc(manual, customer, "100.00", at=clock())
        inv = invoice(manual, customer, "300.00", at=clock())
        apply(manual, memo, inv, at=clock())
        apply_fails(BusinessRule, "exceeds_remaining", manual, memo, inv, clock)
        apply_fails(BusinessRule, "exceeds_remaining", manual, memo, inv, clock, "0.01")
        paid_out = ad_hoc(manual, customer, "50.00", at=clock())
        credits.payout_create(marketplace=manual, memo_id=paid_out.id, actor="t", at=clock())
        apply_fails(BusinessRule, "exceeds_remaining", manual, paid_out, inv, clock)

    def test_exceeds_amount_due(self, manual, customer, clock):
        memo = ad_hoc(manual, customer, "500.00", at=clock())
        inv = invoice(manual, customer, "300.00", at=clock())
        apply_fails(BusinessRule, "exceeds_amount_due", manual, memo, inv, clock, "300.01")

    @pytest.mark.parametrize("state", ["draft", "void", "closed"])
    def test_unusable_memo_is_invalid_state_before_any_rule(self, manual, customer, clock,
                                                            state):
        """A draft, void or closed memo: 409, even with an invoice that breaks every rule."""
        memo = ad_hoc(manual, customer, "100.00", at=clock(), draft=state == "draft")
        if state == "void":
            credits.credit_memo_void(marketplace=manual, memo_id=memo.id, actor="t",
                                     at=clock())
        if state == "closed":
            credits.credit_memo_close(marketplace=manual, memo_id=memo.id, actor="t",
                                      at=clock())
        euro_paid = invoice(manual, customer, "10.00", currency="EUR", at=clock())
        pay(manual, euro_paid, "10.00", at=clock())
        fine = invoice(manual, customer, "10.00", at=clock())
        for inv in (euro_paid, fine):
            apply_fails(InvalidState, "invalid_state", manual, memo, inv, clock, "1.00")


class TestMemoAutoApply:
    def test_oldest_due_date_first_then_oldest_issued(self, manual, customer, clock):
        """Open invoices of 100.00 each: X due 03-01, Y due 02-01, Z due 02-01 issued after
        Y. A 250.00 memo's auto-apply: Y 100.00, Z 100.00, X 50.00."""
        x = invoice(manual, customer, "100.00", at=clock(), due_date="2026-03-01")
        y = invoice(manual, customer, "100.00", at=clock(), due_date=day(1))
        z = invoice(manual, customer, "100.00", at=clock(), due_date=day(1))
        memo = ad_hoc(manual, customer, "250.00", at=clock())
        credits.credit_memo_auto_apply(marketplace=manual, memo_id=memo.id, actor="t",
                                       at=clock())
        assert [reload(i).amount_due for i in (x, y, z)] == [D("50.00"), 0, 0]
        assert amounts(memo)[-2:] == (0, "fully_applied")

    def test_issue_order_breaks_due_date_ties(self, manual, customer, clock):
        """Same due date, 60.00 of credit over two 50.00 invoices: the one issued first is
        paid; the other gets 10.00."""
        first = invoice(manual, customer, "50.00", at=clock(), due_date=day(10))
        second = invoice(manual, customer, "50.00", at=clock(), due_date=day(10))
        memo = ad_hoc(manual, customer, "60.00", at=clock())
        credits.credit_memo_auto_apply(marketplace=manual, memo_id=memo.id, actor="t",
                                       at=clock())
        assert (reload(first).amount_due, reload(second).amount_due) == (0, D("40.00"))

    def test_only_invoices_every_rule_allows(self, manual, customer, make_company, clock):
        """Skipped: another currency, another payer, another user, paid, draft."""
        ann = user(manual, customer)
        euro = invoice(manual, customer, "10.00", currency="EUR", at=clock())
        theirs = invoice(manual, make_company("Initech"), "10.00", at=clock())
        anns = invoice(manual, customer, "10.00", at=clock(), user_id=ann.id)
        paid = invoice(manual, customer, "10.00", at=clock())
        pay(manual, paid, "10.00", at=clock())
        draft = invoice(manual, customer, "10.00", at=clock(), finalize=False)
        mine = invoice(manual, customer, "10.00", at=clock())
        memo = ad_hoc(manual, customer, "100.00", at=clock())
        credits.credit_memo_auto_apply(marketplace=manual, memo_id=memo.id, actor="t",
                                       at=clock())
        assert list(memo.applications.values_list("invoice_id", "amount")) == [
            (mine.id, D("10.00"))]
        assert [reload(i).amount_due for i in (euro, theirs, anns, draft)] == [D("10.00")] * 4

    def test_nothing_to_apply_changes_nothing(self, manual, customer, clock):
        memo = ad_hoc(manual, customer, "100.00", at=clock())
        memo = credits.credit_memo_auto_apply(marketplace=manual, memo_id=memo.id,
                                              actor="t", at=clock())
        assert amounts(memo)[-1] == "unapplied"

    @pytest.mark.parametrize("state", ["draft", "void", "closed"])
    def test_unusable_memo(self, manual, customer, clock, state):
        memo = ad_hoc(manual, customer, "100.00", at=clock(), draft=state == "draft")
        if state == "void":
            credits.credit_memo_void(marketplace=manual, memo_id=memo.id, actor="t",
                                     at=clock())
        if state == "closed":
            credits.credit_memo_close(marketplace=manual, memo_id=memo.id, actor="t",
                                      at=clock())
        invoice(manual, customer, "10.00", at=clock())
        fails(InvalidState, "invalid_state", credits.credit_memo_auto_apply,
              marketplace=manual, memo_id=memo.id, actor="t", at=clock())


class TestAutoApplyOnIssue:
    def test_500_service_credit_goes_to_the_next_5000_invoice_which_owes_4500(
            self, mp, customer, clock):
        """auto_apply_credit_to_new_invoices is on (the default): a 500.00 ad hoc service
        credit is applied to the next 5,000.00 invoice as it is issued; it then owes
        4,500.00 and the memo is fully applied."""
        assert mp.auto_apply_credit_to_new_invoices is True
        memo = ad_hoc(mp, customer, "500.00", at=clock(), reason_code="service_credit")
        inv = invoice(mp, customer, "5000.00", at=clock())
        assert (inv.status, inv.amount_credited, inv.amount_due) == (
            "open", D("500.00"), D("4500.00"))
        assert amounts(memo) == (D("500.00"), D("500.00"), 0, 0, 0, "fully_applied")
        assert reload(inv).amount_due == D("4500.00")

    def test_oldest_issued_first_until_paid(self, mp, customer, clock):
        """Memos issued in order: 300.00, 500.00, 200.00. A 600.00 invoice takes 300.00 from
        the first and 300.00 from the second, and is paid; the third is untouched."""
        m1 = ad_hoc(mp, customer, "300.00", at=clock())
        m2 = ad_hoc(mp, customer, "500.00", at=clock())
        m3 = ad_hoc(mp, customer, "200.00", at=clock())
        inv = invoice(mp, customer, "600.00", at=clock())
        assert (inv.status, inv.amount_due) == ("paid", 0)
        assert [amounts(m)[-2:] for m in (m1, m2, m3)] == [
            (0, "fully_applied"), (D("200.00"), "partially_applied"),
            (D("200.00"), "unapplied")]

    def test_on_finalize_of_a_draft(self, mp, customer, clock):
        draft = invoice(mp, customer, "100.00", at=clock(), finalize=False)
        memo = ad_hoc(mp, customer, "30.00", at=clock())
        assert reload(draft).amount_due == D("100.00")
        inv = credits.invoice_finalize(marketplace=mp, invoice_id=draft.id, actor="t",
                                       at=clock())
        assert inv.amount_due == D("70.00")
        assert amounts(memo)[-1] == "fully_applied"

    def test_setting_off_applies_nothing(self, manual, customer, clock):
        memo = ad_hoc(manual, customer, "500.00", at=clock())
        inv = invoice(manual, customer, "5000.00", at=clock())
        assert (inv.amount_credited, inv.amount_due) == (0, D("5000.00"))
        assert amounts(memo)[-1] == "unapplied"

    def test_only_memos_every_rule_allows(self, mp, customer, make_company, clock):
        """Skipped: another currency, another payer, another user, closed, void, draft,
        fully applied. Taken: the customer's own 10.00."""
        ann = user(mp, customer)
        skipped = [ad_hoc(mp, customer, "10.00", currency="EUR", at=clock()),
                   ad_hoc(mp, make_company("Initech"), "10.00", at=clock()),
                   ad_hoc(mp, customer, "10.00", user_id=ann.id, at=clock()),
                   ad_hoc(mp, customer, "10.00", at=clock(), draft=True)]
        closed = ad_hoc(mp, customer, "10.00", at=clock())
        credits.credit_memo_close(marketplace=mp, memo_id=closed.id, actor="t", at=clock())
        void = ad_hoc(mp, customer, "10.00", at=clock())
        credits.credit_memo_void(marketplace=mp, memo_id=void.id, actor="t", at=clock())
        taken = ad_hoc(mp, customer, "10.00", at=clock())
        inv = invoice(mp, customer, "100.00", at=clock())
        assert list(inv.credit_applications.values_list("memo_id", "amount")) == [
            (taken.id, D("10.00"))]
        assert [amounts(m)[-1] for m in skipped] == ["unapplied"] * 3 + ["draft"]

    def test_company_wide_billing_takes_every_users_credit(self, mp, customer, clock):
        configure(mp, company_wide_billing=True)
        ann = user(mp, customer)
        ad_hoc(mp, customer, "10.00", user_id=ann.id, at=clock())
        inv = invoice(mp, customer, "100.00", at=clock())
        assert inv.amount_due == D("90.00")

    def test_memo_from_invoice_credit_goes_to_the_next_invoice(self, mp, customer, clock):
        """Credit left on a memo from a paid invoice is drawn by the next invoice."""
        first = invoice(mp, customer, "100.00", at=clock())
        pay(mp, first, "100.00", at=clock())
        memo = from_invoice(mp, first, at=clock(), lines=[credit_line(first, amount="40.00")])
        second = invoice(mp, customer, "100.00", at=clock())
        assert second.amount_due == D("60.00")
        assert amounts(memo)[-1] == "fully_applied"


class TestReverse:
    @pytest.fixture
    def applied(self, manual, customer, clock):
        """A 500.00 memo with 300.00 applied to a 300.00 invoice (paid)."""
        memo = ad_hoc(manual, customer, "500.00", at=clock())
        inv = invoice(manual, customer, "300.00", at=clock())
        return memo, inv, apply(manual, memo, inv, at=clock())

    def test_partial_reversal(self, manual, applied, clock):
        """Reversing 100.00 of 300.00: the application applies 200.00; the memo has 300.00
        remaining; the invoice owes 100.00 again (paid -> open)."""
        memo, inv, application = applied
        result = credits.application_reverse(marketplace=manual, memo_id=memo.id,
                                             application_id=application.id, amount="100.00",
                                             actor="t", at=clock())
        assert (result.amount, result.original_amount, result.reversed_at) == (
            D("200.00"), D("300.00"), None)
        assert amounts(memo) == (D("500.00"), D("200.00"), 0, 0, D("300.00"),
                                 "partially_applied")
        assert (reload(inv).amount_due, inv.amount_credited, inv.status) == (
            D("100.00"), D("200.00"), "open")
        assert journal("application", application.id)[1] == ("credit_application_reversed", {
            ("receivables", D("100.00"), 0), ("customer_credit", 0, D("100.00"))})

    def test_full_reversal(self, manual, applied, clock):
        """No amount: the whole application; the memo is unapplied again and the invoice
        owes 300.00."""
        memo, inv, application = applied
        at = clock()
        result = credits.application_reverse(marketplace=manual, memo_id=memo.id,
                                             application_id=application.id, actor="t", at=at)
        assert (result.amount, result.reversed_at) == (0, at)
        assert amounts(memo) == (D("500.00"), 0, 0, 0, D("500.00"), "unapplied")
        assert (reload(inv).amount_due, inv.status) == (D("300.00"), "open")
        assert result.reversals.count() == 1

    def test_partial_then_the_rest(self, manual, applied, clock):
        memo, inv, application = applied
        for amount in ("100.00", None):
            credits.application_reverse(marketplace=manual, memo_id=memo.id,
                                        application_id=application.id, amount=amount,
                                        actor="t", at=clock())
        assert reload(application).amount == 0
        assert application.reversed_at is not None
        assert list(application.reversals.values_list("amount", flat=True)) == [
            D("100.00"), D("200.00")]
        assert reload(inv).amount_due == D("300.00")

    def test_exceeds_applied_amount(self, manual, applied, clock):
        memo, inv, application = applied
        fails(BusinessRule, "exceeds_applied_amount", credits.application_reverse,
              marketplace=manual, memo_id=memo.id, application_id=application.id,
              amount="300.01", actor="t", at=clock())
        credits.application_reverse(marketplace=manual, memo_id=memo.id,
                                    application_id=application.id, amount="100.00",
                                    actor="t", at=clock())
        fails(BusinessRule, "exceeds_applied_amount", credits.application_reverse,
              marketplace=manual, memo_id=memo.id, application_id=application.id,
              amount="200.01", actor="t", at=clock())

    def test_fully_reversed_application(self, manual, applied, clock):
        memo, inv, application = applied
        credits.application_reverse(marketplace=manual, memo_id=memo.id,
                                    application_id=application.id, actor="t", at=clock())
        for amount in (None, "1.00"):
            fails(InvalidState, "invalid_state", credits.application_reverse,
                  marketplace=manual, memo_id=memo.id, application_id=application.id,
                  amount=amount, actor="t", at=clock())

    def test_closed_memo(self, manual, applied, clock):
        """A partially applied memo, closed: its applications stay as they are (409)."""
        memo, inv, application = applied
        credits.credit_memo_close(marketplace=manual, memo_id=memo.id, actor="t", at=clock())
        fails(InvalidState, "invalid_state", credits.application_reverse, marketplace=manual,
              memo_id=memo.id, application_id=application.id, actor="t", at=clock())

    @pytest.mark.parametrize("amount", ["0", "-1.00", "1.001", "NaN"])
    def test_malformed_amount(self, manual, applied, clock, amount):
        memo, inv, application = applied
        fails(InvalidInput, "invalid", credits.application_reverse, marketplace=manual,
              memo_id=memo.id, application_id=application.id, amount=amount, actor="t",
              at=clock())

    def test_unknown_application(self, manual, customer, applied, clock):
        memo, inv, application = applied
        other = ad_hoc(manual, customer, "5.00", at=clock())
        for memo_id, application_id in ((memo.id, "x"), (other.id, application.id),
                                        ("x", application.id)):
            fails(NotFound, "not_found", credits.application_reverse, marketplace=manual,
                  memo_id=memo_id, application_id=application_id, actor="t", at=clock())

    def test_reversed_credit_can_be_applied_again(self, manual, customer, applied, clock):
        memo, inv, application = applied
        credits.application_reverse(marketplace=manual, memo_id=memo.id,
                                    application_id=application.id, actor="t", at=clock())
        other = invoice(manual, customer, "500.00", at=clock())
        assert apply(manual, memo, other, at=clock()).amount == D("500.00")
        assert amounts(memo)[-1] == "fully_applied"

    def test_reversal_of_a_paid_out_memo(self, manual, customer, clock):
        """100.00: 60.00 applied, 40.00 paid out (status paid_out). Reversing the application
        gives 60.00 back: partially_applied."""
        memo = ad_hoc(manual, customer, "100.00", at=clock())
        inv = invoice(manual, customer, "60.00", at=clock())
        application = apply(manual, memo, inv, at=clock())
        credits.payout_create(marketplace=manual, memo_id=memo.id, actor="t", at=clock())
        assert amounts(memo) == (D("100.00"), D("60.00"), D("40.00"), 0, 0, "paid_out")
        credits.application_reverse(marketplace=manual, memo_id=memo.id,
                                    application_id=application.id, actor="t", at=clock())
        assert amounts(memo) == (D("100.00"), 0, D("40.00"), 0, D("60.00"),
                                 "partially_applied")
