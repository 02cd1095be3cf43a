"""Invoices: draft, issue (finalize), void; lines (negative ones too, but never a negative total);
payments. Every refused call writes nothing."""

import datetime

import pytest

from catalog.models import Product, Subscription
from common.errors import BusinessRule, InvalidInput, InvalidState, NotFound
from credits import services as credits
from customers import services as customers
from invoicing.services import invoice_void, payment_create
from tests.conftest import T0
from tests.factories import (
    D,
    ad_hoc,
    apply,
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


class TestIssue:
    def test_issued_invoice(self, mp, customer, clock):
        at = clock()
        inv = invoice(mp, customer, "1000.00", at=at)
        assert (inv.number, inv.status, inv.issued_at, inv.due_date) == (
            "INV-000001", "open", at, at.date())
        assert (inv.company_id, inv.billed_company_id, inv.currency) == (
            customer.id, customer.id, "USD")
        assert (inv.total, inv.amount_credited, inv.amount_paid, inv.amount_due) == (
            D("1000.00"), 0, 0, D("1000.00"))

    def test_due_date_and_currency_given(self, mp, customer, clock):
        inv = invoice(mp, customer, "10.00", at=clock(), due_date="2026-03-31",
                      currency="EUR")
        assert (inv.due_date, inv.currency) == (datetime.date(2026, 3, 31), "EUR")

    def test_line_details_and_order_are_kept(self, mp, customer, clock):
        product = Product.objects.create(marketplace=mp, name="Pro plan", created_at=T0)
        sub = Subscription.objects.create(marketplace=mp, company=customer, product=product,
                                          currency="USD", created_at=T0)
        inv = invoice(mp, customer, at=clock(), lines=[
            {"product_id": str(product.id), "quantity": "1", "unit_price": "30.00",
             "billing_action": "upgrade", "period_start": "2026-01-01",
             "period_end": "2026-02-01", "description": "January"},
            {"subscription_id": str(sub.id), "quantity": "2", "unit_price": "5.00",
             "billing_action": "renewal"},
            line("1.00", name="Setup"),
        ])
        first, second, third = inv.lines.all()
        assert (first.name, first.product_id, first.billing_action, first.period_start,
                first.description) == ("Pro plan", product.id, "upgrade",
                                       datetime.date(2026, 1, 1), "January")
        assert (second.subscription_id, second.product_id, second.name, second.amount) == (
            sub.id, product.id, "Pro plan", D("10.00"))
        assert (third.name, third.billing_action) == ("Setup", "one_time")

    def test_negative_line_is_allowed(self, mp, customer, clock):
        """100.00 - 30.00 (a negative unit price) = 70.00."""
        inv = invoice(mp, customer, at=clock(), lines=[line("100.00"),
                                                       line("-30.00", name="Promo")])
        assert [ln.amount for ln in inv.lines.all()] == [D("100.00"), D("-30.00")]
        assert (inv.subtotal, inv.total, inv.amount_due) == (D("70.00"), D("70.00"),
                                                             D("70.00"))

    def test_negative_total_is_refused(self, mp, customer, clock):
        """100.00 - 130.00 = -30.00: 422 negative_invoice_total; a credit memo's job."""
        fails(BusinessRule, "negative_invoice_total", credits.invoice_create, marketplace=mp,
              company_id=customer.id, lines=[line("100.00"), line("-130.00")], actor="t",
              at=clock())
        fails(BusinessRule, "negative_invoice_total", credits.invoice_create, marketplace=mp,
              company_id=customer.id, lines=[line("-1.00")], finalize=False, actor="t",
              at=clock())

    def test_zero_total_is_paid_at_issue(self, mp, customer, clock):
        """100.00 - 100.00 = 0: issued, with nothing due, so paid."""
        inv = invoice(mp, customer, at=clock(), lines=[line("100.00"), line("-100.00")])
        assert (inv.status, inv.total, inv.number) == ("paid", 0, "INV-000001")

    def test_discount_above_the_line_breaks_a_rule(self, mp, customer, clock):
        # Each field is well formed; together they break a rule: 422.
        fails(BusinessRule, "discount_exceeds_amount", credits.invoice_create, marketplace=mp,
              company_id=customer.id, lines=[line("10.00", discount_amount="10.01")],
              actor="t", at=clock())

    @pytest.mark.parametrize("lines, code", [
        ([], "invalid"),
        ("nope", "invalid"),
        ([{"quantity": "1", "unit_price": "1.00"}], "invalid"),   # no name nor product
        ([line("1.00", billing_action="refill")], "invalid"),
        ([line("1.00", period_start="01/02/2026")], "invalid"),
        ([line("1.00", colour="red")], "unknown_parameter"),
    ])
    def test_malformed_lines(self, mp, customer, clock, lines, code):
        fails(InvalidInput, code, credits.invoice_create, marketplace=mp,
              company_id=customer.id, lines=lines, actor="t", at=clock())

    def test_a_period_that_ends_before_it_starts_breaks_a_rule(self, mp, customer, clock):
        fails(BusinessRule, "invalid_period", credits.invoice_create, marketplace=mp,
              company_id=customer.id, actor="t", at=clock(),
              lines=[line("1.00", period_start="2026-02-01", period_end="2026-01-01")])

    def test_unknown_references_are_not_found(self, mp, customer, clock):
        other_mp = customers.marketplace_create(slug="other", name="Other", at=T0)
        stranger = customers.company_create(marketplace=other_mp, name="X", at=T0)
        for kwargs in ({"company_id": stranger.id}, {"company_id": "x"},
                       {"company_id": customer.id,
                        "lines": [{"product_id": "x", "quantity": "1", "unit_price": "1.00"}]},
                       {"company_id": customer.id,
                        "lines": [line("1.00", subscription_id=str(stranger.id))]}):
            kwargs.setdefault("lines", [line("1.00")])
            fails(NotFound, "not_found", credits.invoice_create, marketplace=mp, actor="t",
                  at=clock(), **kwargs)

    def test_issued_invoice_lines_and_totals_never_change(self, mp, customer, clock):
        """Credit, payment and reversal move the tallies, never the lines or the total."""
        inv = invoice(mp, customer, "100.00", tax_rate="0.19", at=clock())
        before = list(inv.lines.values())
        memo = from_invoice(mp, inv, at=clock(), lines=[credit_line(inv, amount="50.00")])
        pay(mp, inv, "20.00", at=clock())
        credits.application_reverse(marketplace=mp, memo_id=memo.id,
                                    application_id=memo.applications.get().id, actor="t",
                                    at=clock())
        reload(inv)
        assert list(inv.lines.values()) == before
        assert (inv.total, inv.amount_credited, inv.amount_paid, inv.amount_due) == (
            D("119.00"), 0, D("20.00"), D("99.00"))


class TestDraftAndFinalize:
    def test_draft_has_no_number_event_or_entry(self, mp, customer, clock):
        inv = invoice(mp, customer, "100.00", at=clock(), finalize=False)
        assert (inv.status, inv.number, inv.issued_at, inv.due_date) == (
            "draft", None, None, None)
        assert inv.amount_due == D("100.00")
        assert journal("invoice", inv.id) == []

    def test_finalize_issues_it(self, mp, customer, clock):
        draft = invoice(mp, customer, "100.00", at=clock(), finalize=False)
        at = clock()
        inv = credits.invoice_finalize(marketplace=mp, invoice_id=draft.id, actor="t", at=at)
        assert (inv.status, inv.number, inv.issued_at, inv.due_date) == (
            "open", "INV-000001", at, at.date())
        assert journal("invoice", inv.id) == [("invoice_issued", {
            ("receivables", D("100.00"), 0), ("revenue", 0, D("100.00"))})]

    def test_finalize_twice_or_void_is_invalid_state(self, mp, customer, clock):
        inv = invoice(mp, customer, "100.00", at=clock())
        fails(InvalidState, "invalid_state", credits.invoice_finalize, marketplace=mp,
              invoice_id=inv.id, actor="t", at=clock())
        draft = invoice(mp, customer, "100.00", at=clock(), finalize=False)
        invoice_void(marketplace=mp, invoice_id=draft.id, actor="t", at=clock())
        fails(InvalidState, "invalid_state", credits.invoice_finalize, marketplace=mp,
              invoice_id=draft.id, actor="t", at=clock())

    def test_finalize_unknown_is_not_found(self, mp, clock):
        fails(NotFound, "not_found", credits.invoice_finalize, marketplace=mp,
              invoice_id="INV-000001", actor="t", at=clock())

    def test_finalize_bad_flag_is_invalid(self, mp, customer, clock):
        fails(InvalidInput, "invalid", credits.invoice_create, marketplace=mp,
              company_id=customer.id, lines=[line("1.00")], finalize="no", actor="t",
              at=clock())


class TestVoid:
    def test_void_a_draft(self, mp, customer, clock):
        draft = invoice(mp, customer, "100.00", at=clock(), finalize=False)
        inv = invoice_void(marketplace=mp, invoice_id=draft.id, actor="t", at=clock())
        assert (inv.status, inv.number) == ("void", None)
        assert journal("invoice", inv.id) == []

    def test_void_an_open_invoice_reverses_its_entry(self, mp, customer, clock):
        inv = invoice(mp, customer, "100.00", tax_rate="0.20", at=clock())
        inv = invoice_void(marketplace=mp, invoice_id=inv.id, actor="t", at=clock())
        assert inv.status == "void"
        issued = {("receivables", D("120.00"), 0), ("revenue", 0, D("100.00")),
                  ("tax_payable", 0, D("20.00"))}
        reversed_ = {("receivables", 0, D("120.00")), ("revenue", D("100.00"), 0),
                     ("tax_payable", D("20.00"), 0)}
        assert journal("invoice", inv.id) == [("invoice_issued", issued),
                                              ("invoice_voided", reversed_)]

    def test_not_voidable_when_paid_in_part_or_whole(self, mp, customer, clock):
        part = invoice(mp, customer, "100.00", at=clock())
        pay(mp, part, "0.01", at=clock())
        whole = invoice(mp, customer, "100.00", at=clock())
        pay(mp, whole, "100.00", at=clock())
        for inv in (part, whole):
            fails(InvalidState, "not_voidable", invoice_void, marketplace=mp,
                  invoice_id=inv.id, actor="t", at=clock())

    def test_not_voidable_when_credit_is_applied(self, mp, customer, clock):
        inv = invoice(mp, customer, "100.00", at=clock())
        memo = ad_hoc(mp, customer, "10.00", at=clock())
        application = apply(mp, memo, inv, at=clock())
        fails(InvalidState, "not_voidable", invoice_void, marketplace=mp, invoice_id=inv.id,
              actor="t", at=clock())
        # Once the credit is taken back, nothing is credited any more: it may be voided.
        credits.application_reverse(marketplace=mp, memo_id=memo.id,
                                    application_id=application.id, actor="t", at=clock())
        assert invoice_void(marketplace=mp, invoice_id=inv.id, actor="t",
                            at=clock()).status == "void"

    def test_not_voidable_when_credited_by_a_memo(self, mp, customer, clock):
        """Credited means a memo from it as well, even one applied elsewhere (apply_to []).
        A void memo or a draft credits nothing."""
        inv = invoice(mp, customer, "100.00", at=clock())
        memo = from_invoice(mp, inv, at=clock(), apply_to=[],
                            lines=[credit_line(inv, amount="10.00")])
        draft = from_invoice(mp, inv, at=clock(), draft=True,
                             lines=[credit_line(inv, amount="10.00")])
        fails(InvalidState, "not_voidable", invoice_void, marketplace=mp, invoice_id=inv.id,
              actor="t", at=clock())
        credits.credit_memo_void(marketplace=mp, memo_id=memo.id, actor="t", at=clock())
        assert invoice_void(marketplace=mp, invoice_id=inv.id, actor="t",
                            at=clock()).status == "void"
        # The draft cannot be issued against a void invoice any more.
        fails(InvalidState, "invalid_state", credits.credit_memo_issue, marketplace=mp,
              memo_id=draft.id, actor="t", at=clock())

    def test_void_twice(self, mp, customer, clock):
        inv = invoice(mp, customer, "100.00", at=clock())
        invoice_void(marketplace=mp, invoice_id=inv.id, actor="t", at=clock())
        fails(InvalidState, "not_voidable", invoice_void, marketplace=mp, invoice_id=inv.id,
              actor="t", at=clock())

    def test_void_unknown_or_another_marketplaces(self, mp, clock):
        other_mp = customers.marketplace_create(slug="other", name="Other", at=T0)
        theirs = invoice(other_mp, customers.company_create(marketplace=other_mp, name="X",
                                                            at=T0), "1.00", at=clock())
        for bad in (theirs.id, "nope", None):
            fails(NotFound, "not_found", invoice_void, marketplace=mp, invoice_id=bad,
                  actor="t", at=clock())


class TestPayments:
    def test_partial_then_full_payment(self, mp, customer, clock):
        """1,000.00 owed; 300.00 paid leaves 700.00 (open); 700.00 more pays it."""
        inv = invoice(mp, customer, "1000.00", at=clock())
        first = pay(mp, inv, "300.00", at=clock())
        assert (first.amount, first.method, first.status) == (D("300.00"), "card",
                                                             "succeeded")
        reload(inv)
        assert (inv.amount_paid, inv.amount_due, inv.status) == (D("300.00"), D("700.00"),
                                                                 "open")
        pay(mp, inv, "700.00", at=clock(), method="sepa_debit")
        reload(inv)
        assert (inv.amount_paid, inv.amount_due, inv.status) == (D("1000.00"), 0, "paid")
        assert journal("payment", first.id) == [("payment", {
            ("cash", D("300.00"), 0), ("receivables", 0, D("300.00"))})]

    def test_payment_after_credit_pays_the_rest(self, mp, customer, clock):
        """1,000.00 - 200.00 credit = 800.00 due; paying 800.00 makes it paid."""
        inv = invoice(mp, customer, "1000.00", at=clock())
        from_invoice(mp, inv, at=clock(), lines=[credit_line(inv, amount="200.00")])
        pay(mp, inv, "800.00", at=clock())
        reload(inv)
        assert (inv.amount_credited, inv.amount_paid, inv.amount_due, inv.status) == (
            D("200.00"), D("800.00"), 0, "paid")

    def test_more_than_due(self, mp, customer, clock):
        inv = invoice(mp, customer, "100.00", at=clock())
        pay(mp, inv, "60.00", at=clock())
        fails(BusinessRule, "exceeds_amount_due", payment_create, marketplace=mp,
              invoice_id=inv.id, amount="40.01", actor="t", at=clock())

    def test_invoice_must_be_open(self, mp, customer, clock):
        draft = invoice(mp, customer, "100.00", at=clock(), finalize=False)
        paid = invoice(mp, customer, "100.00", at=clock())
        pay(mp, paid, "100.00", at=clock())
        void = invoice(mp, customer, "100.00", at=clock())
        invoice_void(marketplace=mp, invoice_id=void.id, actor="t", at=clock())
        for inv in (draft, paid, void):
            fails(InvalidState, "invalid_state", payment_create, marketplace=mp,
                  invoice_id=inv.id, amount="1.00", actor="t", at=clock())

    @pytest.mark.parametrize("amount", ["0", "0.00", "-1.00", "1.001", "NaN", None,
                                        "1000000000000"])
    def test_malformed_amount(self, mp, customer, clock, amount):
        inv = invoice(mp, customer, "100.00", at=clock())
        fails(InvalidInput, "invalid", payment_create, marketplace=mp, invoice_id=inv.id,
              amount=amount, actor="t", at=clock())

    def test_unknown_invoice(self, mp, clock):
        fails(NotFound, "not_found", payment_create, marketplace=mp, invoice_id="x",
              amount="1.00", actor="t", at=clock())

    def test_credit_then_payment_with_auto_apply_off(self, mp, customer, clock):
        configure(mp, auto_apply_credit_to_new_invoices=False)
        ad_hoc(mp, customer, "50.00", at=clock())
        inv = invoice(mp, customer, "100.00", at=clock())
        assert inv.amount_due == D("100.00")
