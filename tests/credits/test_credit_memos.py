"""Credit memos: from an invoice (whole, lines, by amount, by quantity), ad hoc, drafts and
issue, preview; the creditable amount of an invoice line over all its memos; tax allocation of
partial credits; applying at creation (source invoice, apply_to, auto_apply)."""

import datetime

import pytest

from catalog.models import Product, Subscription
from common.errors import BusinessRule, InvalidInput, InvalidState, NotFound
from credits import services as credits
from credits.models import CreditMemo
from customers import services as customers
from invoicing.serializers import invoice_data
from invoicing.services import invoice_void
from tests.conftest import T0
from tests.factories import (
    D,
    ad_hoc,
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
    snapshot,
    user,
)

pytestmark = pytest.mark.usefixtures("ledger_agrees")


def create_fails(error, code, mp, inv, clock, **kwargs):
    kwargs.setdefault("reason_code", "overcharge")
    return fails(error, code, credits.credit_memo_create_from_invoice, marketplace=mp,
                 invoice_id=inv.id, actor="t", at=clock(), **kwargs)


class TestFromInvoice:
    def test_overcharge_1000_credited_200_then_owes_800(self, mp, customer, clock):
        """A 1,000.00 invoice overcharged by 200.00 gets a 200.00 memo from the invoice, applied
        to it at once: it then owes 800.00."""
        inv = invoice(mp, customer, "1000.00", at=clock())
        memo = from_invoice(mp, inv, at=clock(), lines=[credit_line(inv, amount="200.00")])
        reload(inv)
        assert (memo.number, memo.origin, memo.source_invoice_id, memo.reason_code) == (
            "CM-000001", "invoice", inv.id, "overcharge")
        assert amounts(memo) == (D("200.00"), D("200.00"), 0, 0, 0, "fully_applied")
        assert (inv.amount_credited, inv.amount_due, inv.status) == (
            D("200.00"), D("800.00"), "open")
        assert invoice_data(inv)["lines"][0]["credited_amount"] == "200.00"

    def test_whole_invoice(self, mp, customer, clock):
        """No lines: every line's remaining net. 100.00 at 19 % (tax 19.00) + 50.00 at 0 % ->
        subtotal 150.00, tax 19.00, total 169.00; the invoice is then paid."""
        inv = invoice(mp, customer, at=clock(), lines=[line("100.00", tax_rate="0.19"),
                                                       line("25.00", quantity="2")])
        memo = from_invoice(mp, inv, at=clock())
        assert (memo.subtotal, memo.tax_total, memo.total) == (D("150.00"), D("19.00"),
                                                               D("169.00"))
        first, second = memo.lines.all()
        assert (first.amount, first.tax_amount, first.quantity, first.unit_price) == (
            D("100.00"), D("19.00"), D(1), D("100.00"))
        assert (second.amount, second.quantity, second.unit_price) == (
            D("50.00"), D(2), D("25.00"))
        assert reload(inv).status == "paid"
        assert amounts(memo)[-1] == "fully_applied"

    def test_lines_copy_the_invoice_line(self, mp, customer, clock):
        product = Product.objects.create(marketplace=mp, name="Pro plan", created_at=T0)
        sub = Subscription.objects.create(marketplace=mp, company=customer, product=product,
                                          currency="USD", created_at=T0)
        inv = invoice(mp, customer, at=clock(), lines=[
            line("10.00", name="Setup"),
            {"subscription_id": str(sub.id), "quantity": "1", "unit_price": "90.00",
             "description": "Pro, January", "billing_action": "renewal",
             "period_start": "2026-01-01", "period_end": "2026-02-01", "tax_rate": "0.1"}])
        # Lines keep the order given, not the invoice's.
        memo = from_invoice(mp, inv, at=clock(), lines=[credit_line(inv, 1),
                                                        credit_line(inv, 0)])
        first, second = memo.lines.all()
        source = inv.lines.all()[1]
        assert (first.product_id, first.subscription_id, first.name, first.description,
                first.billing_action, first.period_start, first.period_end, first.tax_rate,
                first.source_invoice_line_id, first.custom_charge) == (
            product.id, sub.id, "Pro plan", "Pro, January", "renewal",
            datetime.date(2026, 1, 1), datetime.date(2026, 2, 1), D("0.1"), source.id, False)
        assert (second.name, second.custom_charge) == ("Setup", False)

    def test_by_quantity_is_net_per_unit(self, mp, customer, clock):
        """3 x 10.00 - 3.00 discount = 27.00 net; 1 unit credits 27.00 / 3 = 9.00."""
        inv = invoice(mp, customer, at=clock(), lines=[
            line("10.00", quantity="3", discount_amount="3.00")])
        memo = from_invoice(mp, inv, at=clock(), lines=[credit_line(inv, quantity="1")])
        ml = memo.lines.get()
        assert (ml.quantity, ml.unit_price, ml.amount, memo.total) == (
            D(1), D("9.00"), D("9.00"), D("9.00"))

    def test_by_quantity_rounds_half_up(self, mp, customer, clock):
        """3 x 50.00 - 50.00 discount = 100.00 net for 3 units: 1 unit = 33.333.. -> 33.33;
        2 more = 66.666.. -> 66.67; together exactly 100.00."""
        inv = invoice(mp, customer, at=clock(), lines=[
            line("50.00", quantity="3", discount_amount="50.00")])
        one = from_invoice(mp, inv, at=clock(), lines=[credit_line(inv, quantity="1")])
        two = from_invoice(mp, inv, at=clock(), apply_to=[],
                           lines=[credit_line(inv, quantity="2")])
        assert (one.total, two.total) == (D("33.33"), D("66.67"))

    def test_more_quantity_than_the_line(self, mp, customer, clock):
        inv = invoice(mp, customer, at=clock(), lines=[line("10.00", quantity="3")])
        create_fails(BusinessRule, "exceeds_creditable_amount", mp, inv, clock,
                     lines=[credit_line(inv, quantity="4")])

    def test_by_amount_tax_follows_the_line_rate(self, mp, customer, clock):
        """25.00 of a 100.00 line at 20 %: tax 5.00, total 30.00."""
        inv = invoice(mp, customer, "100.00", tax_rate="0.20", at=clock())
        memo = from_invoice(mp, inv, at=clock(), lines=[credit_line(inv, amount="25.00")])
        assert (memo.subtotal, memo.tax_total, memo.total) == (D("25.00"), D("5.00"),
                                                               D("30.00"))
        assert reload(inv).amount_due == D("90.00")

    def test_whole_line_after_a_partial_credit(self, mp, customer, clock):
        """100.00 line: 30.00 credited, then the whole line gives what is left, 70.00."""
        inv = invoice(mp, customer, "100.00", at=clock())
        from_invoice(mp, inv, at=clock(), lines=[credit_line(inv, amount="30.00")])
        rest = from_invoice(mp, inv, at=clock(), lines=[credit_line(inv)])
        assert rest.total == D("70.00")
        create_fails(BusinessRule, "exceeds_creditable_amount", mp, inv, clock,
                     lines=[credit_line(inv)])

    def test_amount_and_quantity_together_is_invalid(self, mp, customer, clock):
        inv = invoice(mp, customer, "100.00", at=clock())
        create_fails(InvalidInput, "invalid", mp, inv, clock,
                     lines=[credit_line(inv, amount="10.00", quantity="1")])

    @pytest.mark.parametrize("lines, error, code", [
        ([], InvalidInput, "invalid"),
        ("all", InvalidInput, "invalid"),
        ([{"invoice_line_id": "x"}], NotFound, "not_found"),
        ([{"amount": "1.00"}], NotFound, "not_found"),
        ([{"invoice_line_id": "LINE", "colour": "red"}], InvalidInput, "unknown_parameter"),
        ([{"invoice_line_id": "LINE", "quantity": "0"}], InvalidInput, "invalid"),
        ([{"invoice_line_id": "LINE", "amount": "0.00"}], InvalidInput, "invalid"),
        ([{"invoice_line_id": "LINE"}, {"invoice_line_id": "LINE"}], InvalidInput, "invalid"),
    ])
    def test_malformed_lines(self, mp, customer, clock, lines, error, code):
        inv = invoice(mp, customer, "100.00", at=clock())
        if isinstance(lines, list):
            lines = [{k: (str(inv.lines.get().id) if v == "LINE" else v)
                      for k, v in ln.items()} for ln in lines]
        create_fails(error, code, mp, inv, clock, lines=lines)

    def test_line_of_another_invoice_is_not_found(self, mp, customer, clock):
        inv = invoice(mp, customer, "100.00", at=clock())
        other = invoice(mp, customer, "100.00", at=clock())
        create_fails(NotFound, "not_found", mp, inv, clock, lines=[credit_line(other)])

    @pytest.mark.parametrize("kwargs", [{"reason_code": "because"}, {"reason_code": None},
                                        {"note": 5}, {"draft": "yes"}, {"apply_to": "x"}])
    def test_malformed_header(self, mp, customer, clock, kwargs):
        inv = invoice(mp, customer, "100.00", at=clock())
        create_fails(InvalidInput, "invalid", mp, inv, clock, **kwargs)

    def test_source_invoice_must_be_open_or_paid(self, mp, customer, clock):
        draft = invoice(mp, customer, "100.00", at=clock(), finalize=False)
        void = invoice(mp, customer, "100.00", at=clock())
        invoice_void(marketplace=mp, invoice_id=void.id, actor="t", at=clock())
        for inv in (draft, void):
            create_fails(InvalidState, "invalid_state", mp, inv, clock)
            fails(InvalidState, "invalid_state", credits.credit_memo_preview_from_invoice,
                  marketplace=mp, invoice_id=inv.id, reason_code="overcharge")

    def test_unknown_invoice(self, mp, clock):
        fails(NotFound, "not_found", credits.credit_memo_create_from_invoice, marketplace=mp,
              invoice_id="x", reason_code="overcharge", actor="t", at=clock())

    def test_paid_source_invoice_leaves_the_credit_available(self, mp, customer, clock):
        """A paid invoice can be credited; the credit is not applied (nothing is due)."""
        inv = invoice(mp, customer, "100.00", at=clock())
        pay(mp, inv, "100.00", at=clock())
        memo = from_invoice(mp, inv, at=clock(), lines=[credit_line(inv, amount="40.00")])
        assert amounts(memo) == (D("40.00"), 0, 0, 0, D("40.00"), "unapplied")
        assert reload(inv).amount_due == 0


class TestNegativeLines:
    def test_whole_invoice_with_a_negative_line(self, mp, customer, clock):
        """100.00 + (-30.00) = 70.00: crediting it whole gives lines 100.00 and -30.00."""
        inv = invoice(mp, customer, at=clock(), lines=[line("100.00"),
                                                       line("-30.00", name="Promo")])
        memo = from_invoice(mp, inv, at=clock())
        assert [ml.amount for ml in memo.lines.all()] == [D("100.00"), D("-30.00")]
        assert memo.total == D("70.00")
        assert reload(inv).status == "paid"

    def test_part_of_a_negative_line(self, mp, customer, clock):
        """Crediting 10.00 of the -30.00 line takes 10.00 off the memo: 50.00 - 10.00 = 40.00.
        The amount is a magnitude; its sign follows the line."""
        inv = invoice(mp, customer, at=clock(), lines=[line("100.00"), line("-30.00")])
        memo = from_invoice(mp, inv, at=clock(), lines=[
            credit_line(inv, 0, amount="50.00"), credit_line(inv, 1, amount="10.00")])
        assert [ml.amount for ml in memo.lines.all()] == [D("50.00"), D("-10.00")]
        assert memo.total == D("40.00")
        create_fails(BusinessRule, "exceeds_creditable_amount", mp, inv, clock, lines=[
            credit_line(inv, 0, amount="50.00"), credit_line(inv, 1, amount="20.01")])

    def test_only_the_negative_line_is_not_a_credit(self, mp, customer, clock):
        """A memo's total must be above zero (422 credit_total_not_positive)."""
        inv = invoice(mp, customer, at=clock(), lines=[line("100.00"), line("-30.00")])
        create_fails(BusinessRule, "credit_total_not_positive", mp, inv, clock,
                     lines=[credit_line(inv, 1)])

    def test_by_quantity_on_a_negative_line(self, mp, customer, clock):
        """-30.00 for 3 units: 1 unit credits -10.00 beside 40.00 of the positive line."""
        inv = invoice(mp, customer, at=clock(), lines=[line("100.00"),
                                                       line("-10.00", quantity="3")])
        memo = from_invoice(mp, inv, at=clock(), lines=[
            credit_line(inv, 0, amount="40.00"), credit_line(inv, 1, quantity="1")])
        assert [ml.amount for ml in memo.lines.all()] == [D("40.00"), D("-10.00")]


class TestCreditableAmount:
    def test_cumulative_over_several_memos(self, mp, customer, clock):
        """A 100.00 line: 60.00 then 30.00 are fine; 20.00 more exceeds the 10.00 left;
        10.00 fits exactly; after that nothing can be credited."""
        inv = invoice(mp, customer, "100.00", at=clock())
        for amount in ("60.00", "30.00"):
            from_invoice(mp, inv, at=clock(), lines=[credit_line(inv, amount=amount)])
        error = create_fails(BusinessRule, "exceeds_creditable_amount", mp, inv, clock,
                             lines=[credit_line(inv, amount="20.00")])
        assert error.param == "lines[0]"
        from_invoice(mp, inv, at=clock(), lines=[credit_line(inv, amount="10.00")])
        create_fails(BusinessRule, "exceeds_creditable_amount", mp, inv, clock,
                     lines=[credit_line(inv, amount="0.01")])
        create_fails(BusinessRule, "exceeds_creditable_amount", mp, inv, clock)
        create_fails(BusinessRule, "exceeds_creditable_amount", mp, inv, clock,
                     lines=[credit_line(inv, quantity="1")])
        assert invoice_data(reload(inv))["lines"][0]["credited_amount"] == "100.00"

    def test_drafts_reserve_nothing_and_are_checked_at_issue(self, mp, customer, clock):
        """Draft of 80.00 on a 100.00 line; a 50.00 memo is still issued (the draft reserves
        nothing); issuing the draft then exceeds the 50.00 left, and writes nothing."""
        inv = invoice(mp, customer, "100.00", at=clock())
        draft = from_invoice(mp, inv, at=clock(), draft=True,
                             lines=[credit_line(inv, amount="80.00")])
        assert invoice_data(reload(inv))["lines"][0]["credited_amount"] == "0.00"
        from_invoice(mp, inv, at=clock(), lines=[credit_line(inv, amount="50.00")])
        fails(BusinessRule, "exceeds_creditable_amount", credits.credit_memo_issue,
              marketplace=mp, memo_id=draft.id, actor="t", at=clock())
        assert amounts(draft)[-1] == "draft"

    def test_draft_tax_is_allocated_afresh_at_issue(self, mp, customer, clock):
        """A 1.00 line at 5 % (tax 0.05). Draft A of 0.50 gets tax 0.025 -> 0.03. Memo B of
        0.50 is issued first and takes 0.03. Issuing A, the last credit of the line, takes
        what is left: 0.02, total 0.52; the line's tax is credited exactly, 0.05."""
        inv = invoice(mp, customer, "1.00", tax_rate="0.05", at=clock())
        a = from_invoice(mp, inv, at=clock(), draft=True, lines=[credit_line(inv,
                                                                             amount="0.50")])
        assert (a.tax_total, a.total) == (D("0.03"), D("0.53"))
        b = from_invoice(mp, inv, at=clock(), lines=[credit_line(inv, amount="0.50")])
        assert b.tax_total == D("0.03")
        a = credits.credit_memo_issue(marketplace=mp, memo_id=a.id, actor="t", at=clock())
        assert (a.tax_total, a.total, a.lines.get().tax_amount) == (D("0.02"), D("0.52"),
                                                                     D("0.02"))
        assert amounts(a) == (D("0.52"), D("0.52"), 0, 0, 0, "fully_applied")
        assert reload(inv).status == "paid"

    def test_void_memos_release_their_credit(self, mp, customer, clock):
        """100.00 credited (kept available, apply_to []), then voided: 100.00 can be
        credited again."""
        inv = invoice(mp, customer, "100.00", at=clock())
        memo = from_invoice(mp, inv, at=clock(), apply_to=[])
        create_fails(BusinessRule, "exceeds_creditable_amount", mp, inv, clock)
        credits.credit_memo_void(marketplace=mp, memo_id=memo.id, actor="t", at=clock())
        assert invoice_data(reload(inv))["lines"][0]["credited_amount"] == "0.00"
        again = from_invoice(mp, inv, at=clock())
        assert again.total == D("100.00")


class TestPartialTax:
    def test_three_partial_credits_on_100_at_19_percent_credit_exactly_19_00_of_tax(
            self, mp, customer, clock):
        """100.00 at 19 % (tax 19.00), credited 33.33 + 33.33 + 33.34. Each tax is the
        rounded cumulative share less what was taken: 6.3327 -> 6.33; 12.6654 -> 12.67, so
        6.34; the last takes the rest, 19.00 - 12.67 = 6.33. Together exactly 19.00 (rounding
        each alone would give 6.33 x 3 = 18.99)."""
        inv = invoice(mp, customer, "100.00", tax_rate="0.19", at=clock())
        memos = [from_invoice(mp, inv, at=clock(), lines=[credit_line(inv, amount=a)])
                 for a in ("33.33", "33.33", "33.34")]
        assert [m.tax_total for m in memos] == [D("6.33"), D("6.34"), D("6.33")]
        assert [m.total for m in memos] == [D("39.66"), D("39.67"), D("39.67")]
        assert sum(m.tax_total for m in memos) == D("19.00")
        reload(inv)
        assert (inv.amount_credited, inv.amount_due, inv.status) == (D("119.00"), 0, "paid")

    def test_preview_shows_the_same_allocation(self, mp, customer, clock):
        inv = invoice(mp, customer, "100.00", tax_rate="0.19", at=clock())
        from_invoice(mp, inv, at=clock(), lines=[credit_line(inv, amount="33.33")])
        preview = credits.credit_memo_preview_from_invoice(
            marketplace=mp, invoice_id=inv.id, reason_code="overcharge",
            lines=[credit_line(inv, amount="33.33")])
        assert (preview["tax_total"], preview["total"]) == ("6.34", "39.67")


class TestApplyAtCreation:
    def test_default_applies_to_the_source_up_to_its_amount_due(self, mp, customer, clock):
        """100.00 invoice, 80.00 paid: 20.00 due. A whole credit of 100.00 applies 20.00 and
        leaves 80.00 available (partially_applied)."""
        inv = invoice(mp, customer, "100.00", at=clock())
        pay(mp, inv, "80.00", at=clock())
        memo = from_invoice(mp, inv, at=clock())
        assert amounts(memo) == (D("100.00"), D("20.00"), 0, 0, D("80.00"),
                                 "partially_applied")
        assert reload(inv).status == "paid"

    def test_apply_to_in_order(self, mp, customer, clock):
        """Invoices B (50.00) and C (30.00); a 100.00 credit from A with apply_to [C, B]
        gives C 30.00, then B 50.00, and keeps 20.00; A is untouched."""
        a = invoice(mp, customer, "100.00", at=clock())
        b = invoice(mp, customer, "50.00", at=clock())
        c = invoice(mp, customer, "30.00", at=clock())
        memo = from_invoice(mp, a, at=clock(), apply_to=[str(c.id), str(b.id)])
        assert dict(memo.applications.values_list("invoice_id", "amount")) == {
            c.id: D("30.00"), b.id: D("50.00")}
        assert amounts(memo) == (D("100.00"), D("80.00"), 0, 0, D("20.00"),
                                 "partially_applied")
        assert [reload(x).amount_due for x in (a, b, c)] == [D("100.00"), 0, 0]

    def test_apply_to_stops_when_the_credit_is_used(self, mp, customer, clock):
        """60.00 of credit over C (30.00) and B (50.00): C 30.00, B 30.00 (owes 20.00)."""
        a = invoice(mp, customer, "100.00", at=clock())
        b = invoice(mp, customer, "50.00", at=clock())
        c = invoice(mp, customer, "30.00", at=clock())
        memo = from_invoice(mp, a, at=clock(), lines=[credit_line(a, amount="60.00")],
                            apply_to=[str(c.id), str(b.id)])
        assert amounts(memo)[-2:] == (0, "fully_applied")
        assert (reload(c).amount_due, reload(b).amount_due) == (0, D("20.00"))

    def test_apply_to_empty_applies_nothing(self, mp, customer, clock):
        inv = invoice(mp, customer, "100.00", at=clock())
        memo = from_invoice(mp, inv, at=clock(), apply_to=[])
        assert amounts(memo) == (D("100.00"), 0, 0, 0, D("100.00"), "unapplied")
        assert reload(inv).amount_due == D("100.00")

    def test_apply_to_breaking_a_rule_creates_nothing(self, mp, customer, make_company,
                                                      clock):
        """Each rule's 422 fails the whole request, even when an earlier invoice in the list
        was fine: no memo, no number, no application, no event, no entry."""
        configure(mp, auto_apply_credit_to_new_invoices=False)
        inv = invoice(mp, customer, "100.00", at=clock())
        fine = invoice(mp, customer, "10.00", at=clock())
        euro = invoice(mp, customer, "10.00", currency="EUR", at=clock())
        others = invoice(mp, make_company("Initech"), "10.00", at=clock())
        paid = invoice(mp, customer, "10.00", at=clock())
        pay(mp, paid, "10.00", at=clock())
        for bad, code in ((euro, "currency_mismatch"), (others, "not_same_customer"),
                          (paid, "invoice_not_open")):
            create_fails(BusinessRule, code, mp, inv, clock,
                         apply_to=[str(fine.id), str(bad.id)])
        for bad in ("x", "00000000-0000-0000-0000-000000000000"):
            create_fails(NotFound, "not_found", mp, inv, clock, apply_to=[bad])
        assert CreditMemo.objects.count() == 0
        assert from_invoice(mp, inv, at=clock()).number == "CM-000001"

    def test_ad_hoc_auto_apply_at_issue(self, mp, customer, clock):
        """auto_apply: the memo goes to the open invoices at once, oldest due date first."""
        later = invoice(mp, customer, "100.00", at=clock(), due_date="2026-03-01")
        sooner = invoice(mp, customer, "100.00", at=clock(), due_date="2026-02-01")
        memo = ad_hoc(mp, customer, "150.00", at=clock(), auto_apply=True)
        assert memo.auto_apply is True
        assert dict(memo.applications.values_list("invoice_id", "amount")) == {
            sooner.id: D("100.00"), later.id: D("50.00")}

    def test_ad_hoc_without_auto_apply_stays_available(self, mp, customer, clock):
        inv = invoice(mp, customer, "100.00", at=clock())
        memo = ad_hoc(mp, customer, "50.00", at=clock())
        assert (memo.auto_apply, amounts(memo)[-1], reload(inv).amount_due) == (
            False, "unapplied", D("100.00"))


class TestDrafts:
    def test_draft_then_issue_applies_as_created(self, mp, customer, clock):
        inv = invoice(mp, customer, "1000.00", at=clock())
        draft = from_invoice(mp, inv, at=clock(), draft=True,
                             lines=[credit_line(inv, amount="200.00")])
        assert (draft.status, draft.number, draft.issued_at) == ("draft", None, None)
        assert journal("credit_memo", draft.id) == []
        assert reload(inv).amount_due == D("1000.00")
        at = clock()
        memo = credits.credit_memo_issue(marketplace=mp, memo_id=draft.id, actor="t", at=at)
        assert (memo.number, memo.issued_at, memo.status) == ("CM-000001", at,
                                                              "fully_applied")
        assert reload(inv).amount_due == D("800.00")

    def test_draft_with_apply_to_is_checked_at_issue(self, mp, customer, clock):
        """apply_to is kept with the draft and applied (rules checked) when it is issued."""
        inv = invoice(mp, customer, "100.00", at=clock())
        target = invoice(mp, customer, "40.00", at=clock())
        draft = from_invoice(mp, inv, at=clock(), draft=True, apply_to=[str(target.id)])
        pay(mp, target, "40.00", at=clock())
        fails(BusinessRule, "invoice_not_open", credits.credit_memo_issue, marketplace=mp,
              memo_id=draft.id, actor="t", at=clock())

    def test_ad_hoc_draft_with_auto_apply(self, mp, customer, clock):
        inv = invoice(mp, customer, "100.00", at=clock())
        draft = ad_hoc(mp, customer, "30.00", at=clock(), draft=True, auto_apply=True)
        assert reload(inv).amount_due == D("100.00")
        credits.credit_memo_issue(marketplace=mp, memo_id=draft.id, actor="t", at=clock())
        assert reload(inv).amount_due == D("70.00")

    def test_issue_twice_or_void_is_invalid_state(self, mp, customer, clock):
        memo = ad_hoc(mp, customer, "30.00", at=clock())
        fails(InvalidState, "invalid_state", credits.credit_memo_issue, marketplace=mp,
              memo_id=memo.id, actor="t", at=clock())
        draft = ad_hoc(mp, customer, "30.00", at=clock(), draft=True)
        credits.credit_memo_void(marketplace=mp, memo_id=draft.id, actor="t", at=clock())
        fails(InvalidState, "invalid_state", credits.credit_memo_issue, marketplace=mp,
              memo_id=draft.id, actor="t", at=clock())

    def test_issue_unknown(self, mp, clock):
        fails(NotFound, "not_found", credits.credit_memo_issue, marketplace=mp, memo_id="x",
              actor="t", at=clock())


class TestAdHoc:
    def test_custom_charge_product_and_subscription_lines(self, mp, customer, clock):
        product = Product.objects.create(marketplace=mp, name="Support", created_at=T0)
        sub = Subscription.objects.create(marketplace=mp, company=customer, product=product,
                                          currency="USD", created_at=T0)
        memo = credits.credit_memo_create_ad_hoc(
            marketplace=mp, company_id=customer.id, reason_code="service_credit",
            reason="outage 2026-01-10", note="Sorry!", actor="t", at=clock(), lines=[
                line("10.00", name="Outage credit"),
                {"product_id": str(product.id), "quantity": "2", "unit_price": "5.00",
                 "tax_rate": "0.10"},
                {"subscription_id": str(sub.id), "quantity": "1", "unit_price": "1.00",
                 "period_start": "2026-01-01", "period_end": "2026-01-31"}])
        custom, by_product, by_sub = memo.lines.all()
        assert (custom.name, custom.custom_charge, custom.product_id) == (
            "Outage credit", True, None)
        assert (by_product.name, by_product.custom_charge, by_product.amount,
                by_product.tax_amount) == ("Support", False, D("10.00"), D("1.00"))
        assert (by_sub.subscription_id, by_sub.product_id, by_sub.custom_charge) == (
            sub.id, product.id, False)
        assert (memo.origin, memo.source_invoice_id, memo.subtotal, memo.tax_total,
                memo.total, memo.reason, memo.note) == (
            "ad_hoc", None, D("21.00"), D("1.00"), D("22.00"), "outage 2026-01-10", "Sorry!")
        assert memo.lines.get(position=0).source_invoice_line_id is None

    def test_subscription_of_another_company(self, mp, customer, make_company, clock):
        product = Product.objects.create(marketplace=mp, name="Support", created_at=T0)
        sub = Subscription.objects.create(marketplace=mp, company=make_company("Initech"),
                                          product=product, currency="USD", created_at=T0)
        fails(BusinessRule, "subscription_not_for_company", credits.credit_memo_create_ad_hoc,
              marketplace=mp, company_id=customer.id, reason_code="goodwill", actor="t",
              at=clock(), lines=[{"subscription_id": str(sub.id), "quantity": "1",
                                  "unit_price": "1.00"}])

    @pytest.mark.parametrize("lines, error, code", [
        ([], InvalidInput, "invalid"),
        ([line("-5.00")], InvalidInput, "invalid"),          # no negative ad hoc line
        ([{"quantity": "1", "unit_price": "1.00"}], InvalidInput, "invalid"),
        ([line("1.00", product_id="x", subscription_id="y")], InvalidInput, "invalid"),
        ([line("1.00", discount_amount="0.50")], InvalidInput, "unknown_parameter"),
        ([line("1.00", product_id="x")], NotFound, "not_found"),
        ([line("0.00")], BusinessRule, "credit_total_not_positive"),
    ])
    def test_malformed(self, mp, customer, clock, lines, error, code):
        fails(error, code, credits.credit_memo_create_ad_hoc, marketplace=mp,
              company_id=customer.id, reason_code="goodwill", lines=lines, actor="t",
              at=clock())

    def test_unknown_company(self, mp, clock):
        other_mp = customers.marketplace_create(slug="other", name="Other", at=T0)
        stranger = customers.company_create(marketplace=other_mp, name="X", at=T0)
        for bad in (stranger.id, "x", None):
            fails(NotFound, "not_found", credits.credit_memo_create_ad_hoc, marketplace=mp,
                  company_id=bad, reason_code="goodwill", lines=[line("1.00")], actor="t",
                  at=clock())

    def test_currency_default_and_given(self, mp, customer, clock):
        assert ad_hoc(mp, customer, "5.00", at=clock()).currency == "USD"
        assert ad_hoc(mp, customer, "5.00", at=clock(), currency="EUR").currency == "EUR"

    def test_user(self, mp, customer, clock):
        ann = user(mp, customer)
        assert ad_hoc(mp, customer, "5.00", at=clock(), user_id=ann.id).user_id == ann.id


class TestPreview:
    def test_preview_from_invoice_stores_nothing(self, mp, customer, clock):
        inv = invoice(mp, customer, "1000.00", tax_rate="0.10", at=clock())
        before = snapshot()
        preview = credits.credit_memo_preview_from_invoice(
            marketplace=mp, invoice_id=inv.id, reason_code="overcharge", reason="typo",
            lines=[credit_line(inv, amount="200.00")])
        assert snapshot() == before
        assert (preview["id"], preview["number"], preview["issued_at"], preview["status"]) == (
            None, None, None, "draft")
        assert (preview["subtotal"], preview["tax_total"], preview["total"],
                preview["remaining_amount"]) == ("200.00", "20.00", "220.00", "220.00")
        assert "reason" not in preview
        assert preview["lines"][0]["source_invoice_line_id"] == str(inv.lines.get().id)

    def test_preview_equals_what_issue_gives(self, mp, customer, clock):
        inv = invoice(mp, customer, at=clock(), lines=[
            line("19.99", quantity="3", tax_rate="0.07"), line("-5.00")])
        preview = credits.credit_memo_preview_from_invoice(
            marketplace=mp, invoice_id=inv.id, reason_code="overcharge",
            lines=[credit_line(inv, 0, quantity="2"), credit_line(inv, 1)])
        memo = from_invoice(mp, inv, at=clock(), lines=[credit_line(inv, 0, quantity="2"),
                                                        credit_line(inv, 1)])
        assert (D(preview["subtotal"]), D(preview["tax_total"]), D(preview["total"])) == (
            memo.subtotal, memo.tax_total, memo.total)
        assert (memo.subtotal, memo.tax_total) == (D("34.98"), D("2.80"))

    def test_preview_ad_hoc_stores_nothing(self, mp, customer, clock):
        before = snapshot()
        preview = credits.credit_memo_preview_ad_hoc(
            marketplace=mp, company_id=customer.id, reason_code="goodwill", reason="x",
            include_reason=True, lines=[line("500.00", tax_rate="0.2")], auto_apply=True)
        assert snapshot() == before
        assert (preview["total"], preview["reason"], preview["auto_apply"],
                preview["origin"]) == ("600.00", "x", True, "ad_hoc")

    def test_preview_errors_are_the_same(self, mp, customer, clock):
        inv = invoice(mp, customer, "100.00", at=clock())
        fails(BusinessRule, "exceeds_creditable_amount",
              credits.credit_memo_preview_from_invoice, marketplace=mp, invoice_id=inv.id,
              reason_code="overcharge", lines=[credit_line(inv, amount="100.01")])
        fails(InvalidInput, "invalid", credits.credit_memo_preview_ad_hoc, marketplace=mp,
              company_id=customer.id, reason_code="goodwill", lines=[line("-1.00")])
