"""Events (every state change, in the same transaction; the memo's audit trail), the ledger
(one balanced entry per money movement, as design.md lists them; agreement with the
documents) and gapless document numbers."""

import json
import re

import pytest
from django.core.management import CommandError, call_command

from common.errors import BusinessRule
from credits import services as credits
from credits.selectors import ledger_differences
from customers import services as customers
from invoicing.services import invoice_void
from ledger.models import JournalEntry, JournalLine
from ledger.services import UnbalancedEntry, entry_post
from notifications.models import Event
from notifications.selectors import events_for
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
)

pytestmark = pytest.mark.usefixtures("ledger_agrees")


def trail(obj, subject_type="credit_memo"):
    return events_for(subject_type=subject_type, subject_id=obj.id)


def types(obj, subject_type="credit_memo"):
    return [e.type for e in trail(obj, subject_type)]


class TestEvents:
    def test_memo_audit_trail_oldest_first(self, mp, customer, clock):
        """Every change of one memo, in order, each with its time, its actor and the memo as
        the change left it; never the internal reason."""
        configure(mp, auto_apply_credit_to_new_invoices=False)
        inv = invoice(mp, customer, "300.00", at=clock())
        memo = ad_hoc(mp, customer, "100.00", at=clock(), draft=True,
                      reason="internal: angry customer")
        steps = []

        def step(call, **kwargs):
            at = clock()
            call(marketplace=mp, memo_id=memo.id, actor=f"user{len(steps)}", at=at, **kwargs)
            steps.append(at)

        step(credits.credit_memo_issue)
        step(credits.application_create, invoice_id=inv.id, amount="30.00")
        application = memo.applications.get()
        step(credits.application_reverse, application_id=application.id, amount="10.00")
        step(credits.payout_create, amount="20.00")
        payout = memo.payouts.get()
        at = clock()
        credits.payout_settle(marketplace=mp, payout_id=payout.id, succeeded=False,
                              actor="payment_method", at=at)
        step(credits.credit_memo_close, reason="written off")
        events = trail(memo)
        assert [e.type for e in events] == [
            "credit_memo.created", "credit_memo.issued", "credit_memo.applied",
            "credit_memo.application_reversed", "credit_memo.paid_out",
            "credit_memo.payout_failed", "credit_memo.closed"]
        assert [e.actor for e in events] == ["test", "user0", "user1", "user2", "user3",
                                             "payment_method", "user4"]
        assert [e.at for e in events[1:]] == steps[:4] + [at, steps[4]]
        assert [e.id for e in events] == sorted(e.id for e in events)
        assert [(e.data["status"], e.data["remaining_amount"]) for e in events] == [
            ("draft", "100.00"), ("unapplied", "100.00"), ("partially_applied", "70.00"),
            ("partially_applied", "80.00"), ("partially_applied", "60.00"),
            ("partially_applied", "80.00"), ("closed", "0.00")]
        assert events[1].data["number"] == "CM-000001"
        for event in events:
            assert "reason" not in event.data
            assert "angry" not in json.dumps(event.data)
            assert (event.subject_type, event.subject_id, event.marketplace_id) == (
                "credit_memo", memo.id, mp.id)

    def test_void_and_payout_succeeded(self, mp, customer, clock):
        void = ad_hoc(mp, customer, "10.00", at=clock())
        credits.credit_memo_void(marketplace=mp, memo_id=void.id, actor="t", at=clock())
        assert types(void) == ["credit_memo.issued", "credit_memo.voided"]
        paid = ad_hoc(mp, customer, "10.00", at=clock())
        p = credits.payout_create(marketplace=mp, memo_id=paid.id, actor="t", at=clock())
        credits.payout_settle(marketplace=mp, payout_id=p.id, succeeded=True, actor="pm",
                              at=clock())
        assert types(paid) == ["credit_memo.issued", "credit_memo.paid_out",
                               "credit_memo.payout_succeeded"]
        assert trail(paid)[-1].data["payouts"][0]["status"] == "succeeded"

    def test_memo_issued_and_applied_to_its_invoice(self, mp, customer, clock):
        """The 1,000.00 / 200.00 case: memo issued then applied; the invoice gets no event
        (it is still open)."""
        inv = invoice(mp, customer, "1000.00", at=clock())
        memo = from_invoice(mp, inv, at=clock(), lines=[credit_line(inv, amount="200.00")])
        assert types(memo) == ["credit_memo.issued", "credit_memo.applied"]
        applied = trail(memo)[-1].data
        assert applied["applications"][0]["invoice_number"] == "INV-000001"
        assert types(inv, "invoice") == ["invoice.issued"]

    def test_invoice_events(self, mp, customer, clock):
        """Draft, issue, payment, paid, void: each its event, the invoice as it was then."""
        draft = invoice(mp, customer, "100.00", at=clock(), finalize=False)
        credits.invoice_finalize(marketplace=mp, invoice_id=draft.id, actor="t", at=clock())
        pay(mp, draft, "40.00", at=clock())
        pay(mp, draft, "60.00", at=clock())
        events = trail(draft, "invoice")
        assert [e.type for e in events] == [
            "invoice.created", "invoice.issued", "invoice.payment_succeeded",
            "invoice.payment_succeeded", "invoice.paid"]
        assert [(e.data["status"], e.data["amount_due"]) for e in events] == [
            ("draft", "100.00"), ("open", "100.00"), ("open", "60.00"), ("paid", "0.00"),
            ("paid", "0.00")]
        other = invoice(mp, customer, "5.00", at=clock())
        invoice_void(marketplace=mp, invoice_id=other.id, actor="t", at=clock())
        assert types(other, "invoice") == ["invoice.issued", "invoice.voided"]

    def test_invoice_paid_by_credit_at_issue(self, mp, customer, clock):
        """Auto-apply pays the new invoice: issued (already paid), paid, and the memo's
        application, in that order."""
        memo = ad_hoc(mp, customer, "500.00", at=clock())
        inv = invoice(mp, customer, "100.00", at=clock())
        assert types(inv, "invoice") == ["invoice.issued", "invoice.paid"]
        assert trail(inv, "invoice")[0].data["amount_credited"] == "100.00"
        assert types(memo)[-1] == "credit_memo.applied"
        last = Event.objects.filter(marketplace=mp).order_by("-id")[0]
        assert (last.type, last.subject_id) == ("credit_memo.applied", memo.id)

    def test_invoice_paid_by_an_application(self, mp, customer, clock):
        configure(mp, auto_apply_credit_to_new_invoices=False)
        memo = ad_hoc(mp, customer, "500.00", at=clock())
        inv = invoice(mp, customer, "100.00", at=clock())
        apply(mp, memo, inv, at=clock())
        assert types(inv, "invoice") == ["invoice.issued", "invoice.paid"]

    def test_failed_change_records_no_event(self, mp, customer, clock):
        """A draft issued too late (the line was credited meanwhile) fails after its issue
        began: no event, no entry, no number survive."""
        inv = invoice(mp, customer, "100.00", at=clock())
        draft = from_invoice(mp, inv, at=clock(), draft=True)
        from_invoice(mp, inv, at=clock(), lines=[credit_line(inv, amount="1.00")])
        count = Event.objects.count()
        fails(BusinessRule, "exceeds_creditable_amount", credits.credit_memo_issue,
              marketplace=mp, memo_id=draft.id, actor="t", at=clock())
        assert Event.objects.count() == count
        assert types(draft) == ["credit_memo.created"]


class TestLedger:
    def test_every_kind_of_entry(self, mp, customer, clock):
        """One flow with every money movement; each entry has the lines design.md lists and
        balances, and the ledger agrees with the documents after each step."""
        configure(mp, auto_apply_credit_to_new_invoices=False)
        checks = []

        def agrees():
            checks.append(ledger_differences(marketplace=mp))

        inv = invoice(mp, customer, "100.00", tax_rate="0.19", at=clock())
        agrees()
        memo = from_invoice(mp, inv, at=clock(), apply_to=[],
                            lines=[credit_line(inv, amount="50.00")])
        agrees()
        application = apply(mp, memo, inv, "20.00", at=clock())
        agrees()
        credits.application_reverse(marketplace=mp, memo_id=memo.id,
                                    application_id=application.id, amount="5.00", actor="t",
                                    at=clock())
        agrees()
        # Paid first: a memo from the invoice pays out at most what was paid on it.
        payment = pay(mp, inv, "10.00", at=clock())
        agrees()
        p = credits.payout_create(marketplace=mp, memo_id=memo.id, amount="10.00", actor="t",
                                  at=clock())
        agrees()
        credits.payout_settle(marketplace=mp, payout_id=p.id, succeeded=False, actor="t",
                              at=clock())
        agrees()
        credits.credit_memo_close(marketplace=mp, memo_id=memo.id, actor="t", at=clock())
        agrees()
        void = ad_hoc(mp, customer, "5.00", at=clock())
        credits.credit_memo_void(marketplace=mp, memo_id=void.id, actor="t", at=clock())
        agrees()
        assert checks == [[]] * len(checks)

        assert journal("invoice", inv.id) == [("invoice_issued", {
            ("receivables", D("119.00"), 0), ("revenue", 0, D("100.00")),
            ("tax_payable", 0, D("19.00"))})]
        # Memo of 50.00 + 9.50 tax = 59.50.
        assert journal("credit_memo", memo.id) == [
            ("credit_memo_issued", {("sales_allowances", D("50.00"), 0),
                                    ("tax_payable", D("9.50"), 0),
                                    ("customer_credit", 0, D("59.50"))}),
            # 59.50 - 15.00 applied - 0 paid out (failed) = 44.50 written off.
            ("credit_memo_closed", {("customer_credit", D("44.50"), 0),
                                    ("credit_written_off", 0, D("44.50"))})]
        assert journal("application", application.id) == [
            ("credit_applied", {("customer_credit", D("20.00"), 0),
                                ("receivables", 0, D("20.00"))}),
            ("credit_application_reversed", {("receivables", D("5.00"), 0),
                                             ("customer_credit", 0, D("5.00"))})]
        assert journal("payout", p.id) == [
            ("payout", {("customer_credit", D("10.00"), 0), ("cash", 0, D("10.00"))}),
            ("payout_failed", {("customer_credit", 0, D("10.00")), ("cash", D("10.00"), 0)})]
        assert journal("payment", payment.id) == [("payment", {
            ("cash", D("10.00"), 0), ("receivables", 0, D("10.00"))})]
        assert [kind for kind, _ in journal("credit_memo", void.id)] == [
            "credit_memo_issued", "credit_memo_voided"]
        for entry in JournalEntry.objects.filter(marketplace=mp):
            lines = list(entry.lines.all())
            assert sum(ln.debit for ln in lines) == sum(ln.credit for ln in lines)
            assert {ln.currency for ln in lines} == {entry.currency}

    def test_reversals_are_new_entries(self, mp, customer, clock):
        """Voiding posts a mirror entry that names the original; the original is unchanged."""
        inv = invoice(mp, customer, "100.00", at=clock())
        original = JournalEntry.objects.get(source_id=inv.id)
        before = list(original.lines.values_list("account", "debit", "credit"))
        invoice_void(marketplace=mp, invoice_id=inv.id, actor="t", at=clock())
        mirror = JournalEntry.objects.get(source_id=inv.id, reverses=original)
        assert mirror.kind == "invoice_voided"
        assert list(original.lines.values_list("account", "debit", "credit")) == before

    def test_lines_name_the_payer(self, mp, make_company, clock):
        """A reseller's end customer: every line is in the reseller's sub-ledger."""
        reseller = make_company("Resell Ltd", is_reseller=True)
        end = make_company("End GmbH", reseller_id=reseller.id)
        inv = invoice(mp, end, "100.00", at=clock())
        from_invoice(mp, inv, at=clock(), lines=[credit_line(inv, amount="10.00")])
        assert set(JournalLine.objects.filter(marketplace=mp)
                   .values_list("company_id", flat=True)) == {reseller.id}

    def test_currency_is_kept_apart(self, mp, customer, clock):
        """JPY and USD documents of one company: each currency agrees on its own."""
        invoice(mp, customer, "1000", currency="JPY", at=clock())
        ad_hoc(mp, customer, "300", currency="JPY", at=clock())
        invoice(mp, customer, "10.00", at=clock())
        assert ledger_differences(marketplace=mp) == []
        assert set(JournalLine.objects.values_list("currency", flat=True)) == {"JPY", "USD"}

    def test_unbalanced_entry_is_refused(self, mp, customer):
        before = JournalEntry.objects.count()
        with pytest.raises(UnbalancedEntry):
            entry_post(marketplace=mp, kind="test", source=("test", customer.id),
                       currency="USD", at=T0,
                       lines=[("cash", customer.id, D("10.00")),
                              ("receivables", customer.id, D("-9.99"))])
        with pytest.raises(UnbalancedEntry):
            entry_post(marketplace=mp, kind="test", source=("test", customer.id),
                       currency="USD", at=T0,
                       lines=[("petty_cash", customer.id, D("10.00")),
                              ("receivables", customer.id, D("-10.00"))])
        assert JournalEntry.objects.count() == before

    def test_differences_are_found_and_listed(self, mp, customer, clock, capsys):
        """A stray entry moving 10.00 of receivables: ledger_differences names it and
        `abate ledger-check` fails; the correcting entry makes it agree again."""
        invoice(mp, customer, "100.00", at=clock())
        call_command("ledger_check", marketplace=mp.slug)
        stray = [("receivables", customer.id, D("10.00")), ("revenue", customer.id,
                                                            D("-10.00"))]
        entry_post(marketplace=mp, kind="stray", source=("test", customer.id),
                   currency="USD", at=T0, lines=stray)
        [difference] = ledger_differences(marketplace=mp)
        assert re.fullmatch(rf"{mp.slug}: Globex receivables USD: ledger 110(\.0+)?, "
                            r"documents 100(\.0+)?", difference)
        with pytest.raises(CommandError):
            call_command("ledger_check", marketplace=mp.slug)
        assert "Globex receivables USD" in capsys.readouterr().out
        entry_post(marketplace=mp, kind="stray_reversed", source=("test", customer.id),
                   currency="USD", at=T0, lines=[(a, c, -v) for a, c, v in stray])
        call_command("ledger_check", marketplace=mp.slug)


class TestNumbering:
    def test_invoices_and_memos_are_numbered_apart(self, mp, customer, clock):
        numbers = [invoice(mp, customer, "100.00", at=clock()).number,
                   ad_hoc(mp, customer, "1.00", at=clock()).number,
                   invoice(mp, customer, "100.00", at=clock()).number,
                   ad_hoc(mp, customer, "1.00", at=clock()).number]
        assert numbers == ["INV-000001", "CM-000001", "INV-000002", "CM-000002"]

    def test_drafts_take_their_number_when_issued(self, mp, customer, clock):
        first = invoice(mp, customer, "100.00", at=clock(), finalize=False)
        second = invoice(mp, customer, "100.00", at=clock())
        first = credits.invoice_finalize(marketplace=mp, invoice_id=first.id, actor="t",
                                         at=clock())
        assert (second.number, first.number) == ("INV-000001", "INV-000002")
        draft = ad_hoc(mp, customer, "1.00", at=clock(), draft=True)
        issued = ad_hoc(mp, customer, "1.00", at=clock())
        draft = credits.credit_memo_issue(marketplace=mp, memo_id=draft.id, actor="t",
                                          at=clock())
        assert (issued.number, draft.number) == ("CM-000001", "CM-000002")

    def test_prefix_and_padding_change_without_restarting(self, mp, customer, clock):
        """Two invoices and a memo; then invoice prefix "F-", memo prefix "CN/", padding 3:
        the next are F-003 and CN/002; padding 0 gives F-4."""
        invoice(mp, customer, "100.00", at=clock())
        invoice(mp, customer, "100.00", at=clock())
        ad_hoc(mp, customer, "1.00", at=clock())
        configure(mp, invoice_number_prefix="F-", credit_memo_number_prefix="CN/",
                  number_padding=3)
        assert invoice(mp, customer, "100.00", at=clock()).number == "F-003"
        assert ad_hoc(mp, customer, "1.00", at=clock()).number == "CN/002"
        configure(mp, number_padding=0)
        assert invoice(mp, customer, "100.00", at=clock()).number == "F-4"

    def test_failed_issues_leave_no_gap(self, mp, customer, make_company, clock):
        """A refused invoice and a refused memo (its apply_to breaks a rule after the issue
        began) take no number: the next ones are consecutive."""
        assert invoice(mp, customer, "100.00", at=clock()).number == "INV-000001"
        fails(BusinessRule, "negative_invoice_total", credits.invoice_create, marketplace=mp,
              company_id=customer.id, lines=[line("-1.00")], actor="t", at=clock())
        theirs = invoice(mp, make_company("Initech"), "5.00", at=clock())
        assert theirs.number == "INV-000002"
        inv = invoice(mp, customer, "100.00", at=clock())
        fails(BusinessRule, "not_same_customer", credits.credit_memo_create_from_invoice,
              marketplace=mp, invoice_id=inv.id, reason_code="overcharge",
              apply_to=[str(theirs.id)], actor="t", at=clock())
        assert from_invoice(mp, inv, at=clock()).number == "CM-000001"
        assert invoice(mp, customer, "100.00", at=clock()).number == "INV-000004"

    def test_per_marketplace(self, mp, customer, clock):
        other = customers.marketplace_create(slug="second", name="Second", at=T0)
        theirs = customers.company_create(marketplace=other, name="X", at=T0)
        assert invoice(mp, customer, "1.00", at=clock()).number == "INV-000001"
        assert invoice(other, theirs, "1.00", at=clock()).number == "INV-000001"
        assert invoice(mp, customer, "1.00", at=clock()).number == "INV-000002"

    def test_refund_memos_share_the_memo_sequence(self, mp, customer, clock):
        inv = invoice(mp, customer, "100.00", at=clock())
        payment = pay(mp, inv, "100.00", at=clock())
        ad_hoc(mp, customer, "1.00", at=clock())
        r = credits.refund_create(marketplace=mp, payment_id=payment.id, amount="10.00",
                                  actor="t", at=clock())
        from credits.models import CreditMemo

        assert CreditMemo.objects.get(pk=r.credit_memo_id).number == "CM-000002"
