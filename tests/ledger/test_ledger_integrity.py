"""The ledger's integrity: the PostgreSQL triggers of ledger/migrations/0002 (every entry
balances at commit; posted entries and lines never change) and `abate ledger-check`, which
proves the ledger against the documents and lists every difference."""

import contextlib
import io
import os
import re
import subprocess
import sys
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction

from credits import services as credits
from credits.models import CreditMemo
from credits.selectors import ledger_differences
from customers import services as customers
from invoicing import services as invoicing
from invoicing.models import Invoice
from ledger.models import JournalEntry, JournalLine
from ledger.services import UnbalancedEntry, entry_post
from tests.conftest import T0, fresh

DIFFERENCE = re.compile(
    r"^(?P<slug>\S+): (?P<company>.+) (?P<account>receivables|customer_credit) "
    r"(?P<currency>\w{3}): ledger (?P<ledger>-?[\d.]+), documents (?P<documents>-?[\d.]+)$"
)


def busy_books(mp, make_company, make_invoice, clock):
    """Every kind of posting: invoice issued, payment, memo from an invoice applied to it,
    partial reversal, failed and succeeded payouts, auto-apply on a new invoice, close, void
    of a memo and of an invoice, refund. Returns the companies and documents by name."""
    globex, initech = make_company("Globex"), make_company("Initech")
    inv1 = make_invoice(globex, amount="1000.00", tax_rate="0.19")  # 1,190.00
    payment = invoicing.payment_create(marketplace=mp, invoice_id=inv1.id, amount="190.00",
                                       actor="t", at=clock())
    memo1 = credits.credit_memo_create_from_invoice(
        marketplace=mp, invoice_id=inv1.id, reason_code="overcharge", actor="t", at=clock(),
        lines=[{"invoice_line_id": str(inv1.lines.get().id), "amount": "200.00"}])
    application = memo1.applications.get()
    credits.application_reverse(marketplace=mp, memo_id=memo1.id,
                                application_id=application.id, amount="38.00", actor="t",
                                at=clock())
    payout = credits.payout_create(marketplace=mp, memo_id=memo1.id, amount="38.00",
                                   actor="t", at=clock())
    credits.payout_settle(marketplace=mp, payout_id=payout.id, succeeded=False, actor="t",
                          at=clock())
    memo2 = credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=initech.id, reason_code="service_credit", actor="t",
        at=clock(), lines=[{"name": "Outage", "quantity": "1", "unit_price": "500.00"}])
    inv2 = make_invoice(initech, amount="300.00")  # paid by memo2 on issue
    payout = credits.payout_create(marketplace=mp, memo_id=memo2.id, amount="50.00",
                                   actor="t", at=clock())
    credits.payout_settle(marketplace=mp, payout_id=payout.id, succeeded=True, actor="t",
                          at=clock())
    credits.credit_memo_close(marketplace=mp, memo_id=memo2.id, actor="t", at=clock())
    memo3 = credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=globex.id, reason_code="goodwill", actor="t", at=clock(),
        lines=[{"name": "Sorry", "quantity": "1", "unit_price": "20.00"}])
    credits.credit_memo_void(marketplace=mp, memo_id=memo3.id, actor="t", at=clock())
    inv3 = make_invoice(initech, amount="70.00")
    invoicing.invoice_void(marketplace=mp, invoice_id=inv3.id, actor="t", at=clock())
    credits.refund_create(marketplace=mp, payment_id=payment.id, amount="40.00", actor="t",
                          at=clock())
    return {"globex": globex, "initech": initech, "inv1": fresh(inv1), "inv2": fresh(inv2),
            "memo1": fresh(memo1), "memo2": fresh(memo2)}


def run_check(*args):
    out = io.StringIO()
    try:
        call_command("ledger_check", *args, stdout=out)
    except CommandError as error:
        return out.getvalue(), error
    return out.getvalue(), None


def differences(output):
    """{(slug, company, account, currency): (ledger, documents)} from the command's output."""
    found = {}
    for line in output.splitlines():
        match = DIFFERENCE.match(line)
        if match:
            key = (match["slug"], match["company"], match["account"], match["currency"])
            found[key] = (Decimal(match["ledger"]), Decimal(match["documents"]))
    return found


def db_id(model, pk):
    return model._meta.pk.get_db_prep_value(pk, connection)


def post_raw(mp, lines, kind="tampered"):
    """Write an entry bypassing ledger.services (and its balance check)."""
    entry = JournalEntry.objects.create(marketplace=mp, kind=kind, source_type="test",
                                        source_id="00000000-0000-0000-0000-000000000001",
                                        currency="USD", posted_at=T0)
    JournalLine.objects.bulk_create(
        JournalLine(entry=entry, marketplace=mp, account=account, company_id=company_id,
                    currency="USD", debit=Decimal(debit), credit=Decimal(credit))
        for account, company_id, debit, credit in lines)
    return entry


@contextlib.contextmanager
def balance_trigger_disabled():
    """Rows written meanwhile are never checked (the test's transaction rolls the ALTER back
    in any case; Django checks deferred constraints before that rollback)."""
    if connection.vendor != "postgresql":
        yield
        return
    # ALTER TABLE refuses to run while trigger events are pending: fire them first.
    fire = "SET CONSTRAINTS ALL IMMEDIATE; SET CONSTRAINTS ALL DEFERRED"
    with connection.cursor() as cursor:
        cursor.execute(fire)
        cursor.execute("ALTER TABLE ledger_journalline DISABLE TRIGGER ledger_entry_balances")
        yield
        cursor.execute(fire)
        cursor.execute("ALTER TABLE ledger_journalline ENABLE TRIGGER ledger_entry_balances")


class TestLedgerCheck:
    def test_passes_on_consistent_books(self, mp, make_company, make_invoice, clock):
        books = busy_books(mp, make_company, make_invoice, clock)
        # Worked numbers: 1,190.00 - 190.00 paid - (238.00 - 38.00) credited = 800.00 due.
        assert books["inv1"].amount_due == Decimal("800.00")
        assert books["memo1"].remaining_amount == Decimal("38.00")
        assert books["inv2"].status == "paid"
        assert (books["memo2"].applied_amount, books["memo2"].paid_out_amount,
                books["memo2"].closed_amount) == (Decimal("300.00"), Decimal("50.00"),
                                                  Decimal("150.00"))
        assert set(JournalEntry.objects.filter(marketplace=mp).values_list("kind", flat=True)) == {
            "invoice_issued", "payment", "credit_memo_issued", "credit_applied",
            "credit_application_reversed", "payout", "payout_failed", "credit_memo_closed",
            "credit_memo_voided", "invoice_voided"}

        output, error = run_check()

        assert error is None
        assert "ledger agrees with the documents in 1 marketplace(s)" in output
        assert ledger_differences(marketplace=mp) == []

    def test_lists_every_difference_and_fails(self, mp, make_company, make_invoice, clock):
        books = busy_books(mp, make_company, make_invoice, clock)
        globex, initech = books["globex"], books["initech"]
        other = customers.marketplace_create(slug="other-books", name="Other", at=T0)
        hooli = customers.company_create(marketplace=other, name="Hooli", at=T0)
        credits.invoice_create(marketplace=other, company_id=hooli.id, actor="t", at=clock(),
                               lines=[{"name": "Plan", "quantity": "1", "unit_price": "10.00"}])
        # 1. The invoice's total and amount due raised by 5.00 behind the ledger's back (the
        #    check constraint amount_due = total - credited - paid still holds).
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE invoicing_invoice SET total = total + 5, amount_due = amount_due + 5 "
                "WHERE id = %s", [db_id(Invoice, books["inv1"].id)])
        # 2. A memo's remaining balance written off without a posting.
        CreditMemo.objects.filter(pk=books["memo1"].pk).update(
            remaining_amount=Decimal("35.00"), closed_amount=Decimal("3.00"))
        # 3. A balanced but wrong entry: 7.00 of customer credit for Initech out of thin air.
        post_raw(mp, [("customer_credit", initech.id, "0", "7.00"),
                      ("credit_written_off", initech.id, "7.00", "0")])
        # 4. An unbalanced entry, behind PostgreSQL's balance trigger's back.
        with balance_trigger_disabled():
            bad = post_raw(mp, [("cash", globex.id, "1.00", "0"),
                                ("receivables", globex.id, "0", "0.99")])
        # 5. In the other marketplace: receivables posted for nothing.
        post_raw(other, [("receivables", hooli.id, "2.50", "0"),
                         ("revenue", hooli.id, "0", "2.50")])

        output, error = run_check()

        assert error is not None
        assert str(error) == "5 difference(s) between ledger and documents"
        assert f"journal entry {bad.id} is off balance by 0.01" in output
        assert differences(output) == {
            (mp.slug, "Globex", "receivables", "USD"): (Decimal("799.01"), Decimal("805.00")),
            (mp.slug, "Globex", "customer_credit", "USD"): (Decimal("38.00"), Decimal("35.00")),
            (mp.slug, "Initech", "customer_credit", "USD"): (Decimal("7.00"), Decimal("0")),
            ("other-books", "Hooli", "receivables", "USD"): (Decimal("12.50"),
                                                             Decimal("10.00")),
        }

        output, error = run_check("--marketplace", "other-books")

        assert str(error) == "1 difference(s) between ledger and documents"
        assert list(differences(output)) == [("other-books", "Hooli", "receivables", "USD")]

    def test_entry_post_refuses_unbalanced_lines(self, mp, customer, at):
        before = JournalEntry.objects.count()

        with pytest.raises(UnbalancedEntry):
            entry_post(marketplace=mp, kind="test", source=("test", customer.id),
                       currency="USD", at=at,
                       lines=[("cash", customer.id, Decimal("1.00")),
                              ("revenue", customer.id, Decimal("-0.99"))])

        assert JournalEntry.objects.count() == before


@pytest.mark.postgres
class TestPostgresTriggers:
    @pytest.mark.django_db(transaction=True)
    def test_unbalanced_insert_fails_at_commit(self, mp, customer):
        entries = JournalEntry.objects.count()

        with pytest.raises(IntegrityError, match="does not balance: debits - credits = 0.0100"):
            with transaction.atomic():
                post_raw(mp, [("cash", customer.id, "1.00", "0"),
                              ("revenue", customer.id, "0", "0.99")])
                # Deferred: the lines are written; the check runs at commit.
                assert JournalLine.objects.filter(account="cash").count() == 1

        assert JournalEntry.objects.count() == entries
        with transaction.atomic():
            post_raw(mp, [("cash", customer.id, "1.00", "0"),
                          ("revenue", customer.id, "0", "1.00")])
        assert JournalEntry.objects.count() == entries + 1
        # The test runner's teardown flushes the tables with TRUNCATE, which no row trigger
        # stops; flushing by hand proves it here.
        call_command("flush", interactive=False, verbosity=0)
        assert JournalEntry.objects.count() == 0

    @pytest.mark.django_db(transaction=True)
    def test_abate_ledger_check_exits_non_zero(self, mp, customer, make_invoice):
        """The command as an operator runs it, on committed data: exit status 1 and every
        difference listed (call_command above proves the agreeing case)."""
        invoice = make_invoice(customer, amount="100.00")
        db = connection.settings_dict
        url = (f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT']}/"
               f"{db['NAME']}")

        Invoice.objects.filter(pk=invoice.pk).update(total=Decimal("90.00"),
                                                     amount_due=Decimal("90.00"))

        differs = subprocess.run([sys.executable, "-m", "abate.cli", "ledger-check"],
                                 env={**os.environ, "DATABASE_URL": url}, capture_output=True,
                                 text=True, timeout=120)

        assert differs.returncode == 1, differs.stderr
        assert differences(differs.stdout) == {
            (mp.slug, "Globex", "receivables", "USD"): (Decimal("100.00"), Decimal("90.00"))}
        assert "1 difference(s) between ledger and documents" in differs.stderr

    def test_unbalanced_lines_fail_when_constraints_are_checked(self, mp, customer):
        with pytest.raises(IntegrityError, match="does not balance"):
            with transaction.atomic():
                post_raw(mp, [("cash", customer.id, "1.00", "0")])
                with connection.cursor() as cursor:
                    cursor.execute("SET CONSTRAINTS ledger_entry_balances IMMEDIATE")

    def test_posted_entries_never_change(self, mp, customer, make_invoice):
        invoice = make_invoice(customer, amount="100.00")
        entry = JournalEntry.objects.get(source_id=invoice.id)
        line = entry.lines.get(account="receivables")

        with pytest.raises(IntegrityError, match="UPDATE on ledger_journalline"):
            with transaction.atomic():
                JournalLine.objects.filter(pk=line.pk).update(debit=Decimal("90.00"))
        with pytest.raises(IntegrityError, match="DELETE on ledger_journalline"):
            with transaction.atomic():
                JournalLine.objects.filter(pk=line.pk).delete()
        with pytest.raises(IntegrityError, match="UPDATE on ledger_journalentry"):
            with transaction.atomic():
                JournalEntry.objects.filter(pk=entry.pk).update(kind="payment")
        with pytest.raises(IntegrityError, match="DELETE on ledger_journalentry"):
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("DELETE FROM ledger_journalentry WHERE id = %s", [entry.id])

        line.refresh_from_db()
        assert line.debit == Decimal("100.00")
        assert ledger_differences(marketplace=mp) == []
