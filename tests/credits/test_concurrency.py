"""Invariants of design.md under real concurrency, on PostgreSQL: threads, each on its own
connection, released together by a barrier against committed data. Every outcome must be a
success or a domain error; a deadlock or any database error fails the test."""

import threading
from collections import Counter
from decimal import Decimal
from functools import partial

import pytest
from django.db import connection
from django.db.models import Sum

from common.errors import DomainError
from credits import services as credits
from credits.models import CreditMemo, CreditMemoLine, Payout
from credits.selectors import ledger_differences
from invoicing import services as invoicing
from invoicing.models import Invoice

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

D = Decimal


def run_together(calls, timeout=60):
    """Run each call in its own thread and connection, all released at once. Returns
    [("ok", result) | ("domain", error)]; any other exception fails the test."""
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def work(i, call):
        try:
            connection.ensure_connection()
            barrier.wait(timeout)
            outcomes[i] = ("ok", call())
        except DomainError as error:
            outcomes[i] = ("domain", error)
        except BaseException as error:  # noqa: B036 - reported to the main thread below
            outcomes[i] = ("crash", error)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
    assert not any(thread.is_alive() for thread in threads), "a thread hung (deadlock?)"
    crashes = [repr(o[1]) for o in outcomes if o[0] == "crash"]
    assert crashes == []
    return outcomes


def codes(outcomes):
    return Counter("ok" if kind == "ok" else value.code for kind, value in outcomes)


def invoice(mp, company, amount, clock, tax_rate="0"):
    return credits.invoice_create(
        marketplace=mp, company_id=company.id, actor="t", at=clock(),
        lines=[{"name": "Plan", "quantity": "1", "unit_price": amount, "tax_rate": tax_rate}])


def ad_hoc(mp, company, amount, clock):
    return credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=company.id, reason_code="service_credit", actor="t",
        at=clock(), lines=[{"name": "Credit", "quantity": "1", "unit_price": amount}])


def assert_memo_adds_up(memo):
    memo.refresh_from_db()
    applied = memo.applications.aggregate(s=Sum("amount"))["s"] or 0
    paid_out = memo.payouts.exclude(status="failed").aggregate(s=Sum("amount"))["s"] or 0
    assert memo.total == (memo.applied_amount + memo.paid_out_amount + memo.closed_amount
                          + memo.remaining_amount)
    assert memo.remaining_amount >= 0
    assert memo.applied_amount == applied
    assert memo.paid_out_amount == paid_out
    assert memo.status == memo.derive_status()
    return memo


def assert_invoice_adds_up(inv):
    inv.refresh_from_db()
    credited = inv.credit_applications.aggregate(s=Sum("amount"))["s"] or 0
    assert inv.amount_credited == credited
    assert inv.amount_due == inv.total - inv.amount_credited - inv.amount_paid >= 0
    return inv


def test_thirty_applications_of_one_memo_apply_exactly_its_balance(mp, make_company, clock):
    customer = make_company("Globex")
    invoices = [invoice(mp, customer, "50.00", clock) for _ in range(30)]
    memo = ad_hoc(mp, customer, "100.00", clock)

    outcomes = run_together([
        lambda inv=inv: credits.application_create(marketplace=mp, memo_id=memo.id,
                                                   invoice_id=inv.id, amount="10.00",
                                                   actor="t", at=clock.t)
        for inv in invoices])

    assert codes(outcomes) == {"ok": 10, "exceeds_remaining": 20}
    memo = assert_memo_adds_up(memo)
    assert (memo.applied_amount, memo.remaining_amount, memo.status) == (
        D("100.00"), D("0"), "fully_applied")
    dues = Counter(assert_invoice_adds_up(inv).amount_due for inv in invoices)
    assert dues == {D("40.00"): 10, D("50.00"): 20}
    assert ledger_differences(marketplace=mp) == []


@pytest.mark.parametrize("document", ["invoice", "credit_memo"])
def test_thirty_parallel_issues_take_thirty_consecutive_numbers(mp, make_company, clock,
                                                                 document):
    customers = [make_company(f"Customer {i}") for i in range(30)]
    if document == "invoice":
        calls = [lambda c=c: invoice(mp, c, "12.00", clock) for c in customers]
        model, prefix = Invoice, "INV-"
    else:
        calls = [lambda c=c: ad_hoc(mp, c, "12.00", clock) for c in customers]
        model, prefix = CreditMemo, "CM-"

    outcomes = run_together(calls)

    assert codes(outcomes) == {"ok": 30}
    numbers = sorted(model.objects.filter(marketplace=mp).values_list("number", flat=True))
    assert numbers == [f"{prefix}{n:06d}" for n in range(1, 31)]
    assert sorted(result.number for _, result in outcomes) == numbers
    assert ledger_differences(marketplace=mp) == []


def test_invoice_issue_and_application_never_consume_a_credit_twice(mp, make_company, clock):
    """Auto-apply on issue (the marketplace's default) races a manual application of the
    same memo. Either order is fine; spending the 100.00 twice is not."""
    orders = Counter()
    for i in range(8):
        customer = make_company(f"Race {i}")
        older = invoice(mp, customer, "80.00", clock)
        memo = ad_hoc(mp, customer, "100.00", clock)

        outcomes = run_together([
            partial(credits.application_create, marketplace=mp, memo_id=memo.id,
                    invoice_id=older.id, actor="t", at=clock.t),
            partial(invoice, mp, customer, "70.00", clock),
        ])

        assert codes(outcomes) == {"ok": 2}
        newer = assert_invoice_adds_up(outcomes[1][1])
        older = assert_invoice_adds_up(older)
        memo = assert_memo_adds_up(memo)
        credited = (older.amount_credited, newer.amount_credited)
        # Application first: 80.00 to the older, 20.00 left for the newer; issue first:
        # 70.00 to the newer, the application's default takes the 30.00 left.
        assert credited in [(D("80.00"), D("20.00")), (D("30.00"), D("70.00"))]
        assert (memo.applied_amount, memo.remaining_amount) == (D("100.00"), D("0"))
        orders[credited] += 1
    assert sum(orders.values()) == 8
    assert ledger_differences(marketplace=mp) == []


@pytest.mark.parametrize(("what", "succeeded"), [
    ({"amount": "20.00"}, 5),      # 5 x 20.00 = the line's 100.00 net
    ({"amount": "33.33"}, 3),      # 3 x 33.33 = 99.99; 0.01 left is less than 33.33
    ({"quantity": "3"}, 3),        # 3 x 3 of the line's 10 units
])
def test_parallel_partial_credits_never_exceed_the_line(mp, make_company, clock, what,
                                                        succeeded):
    customer = make_company("Globex")
    inv = credits.invoice_create(
        marketplace=mp, company_id=customer.id, actor="t", at=clock(),
        lines=[{"name": "Seats", "quantity": "10", "unit_price": "10.00", "tax_rate": "0.19"}])
    line = inv.lines.get()  # net 100.00, tax 19.00

    outcomes = run_together([
        lambda: credits.credit_memo_create_from_invoice(
            marketplace=mp, invoice_id=inv.id, reason_code="overcharge", actor="t",
            at=clock.t, lines=[{"invoice_line_id": str(line.id), **what}])
        for _ in range(8)])

    assert codes(outcomes) == {"ok": succeeded, "exceeds_creditable_amount": 8 - succeeded}
    credited = CreditMemoLine.objects.filter(source_invoice_line=line).aggregate(
        net=Sum("amount"), tax=Sum("tax_amount"))
    assert credited["net"] <= D("100.00")
    assert credited["tax"] <= D("19.00")
    if credited["net"] == D("100.00"):
        assert credited["tax"] == D("19.00")
    # Each memo went to its source invoice, which owes the rest.
    inv = assert_invoice_adds_up(inv)
    assert inv.amount_credited == credited["net"] + credited["tax"]
    assert ledger_differences(marketplace=mp) == []


def test_parallel_payout_application_and_close_keep_the_memo_whole(mp, make_company, clock):
    outcomes_seen = Counter()
    for i in range(6):
        customer = make_company(f"Whole {i}")
        inv = invoice(mp, customer, "60.00", clock)
        memo = ad_hoc(mp, customer, "100.00", clock)
        on_memo = {"marketplace": mp, "memo_id": memo.id, "actor": "t", "at": clock.t}

        outcomes = run_together([
            partial(credits.payout_create, amount="30.00", **on_memo),
            partial(credits.payout_create, **on_memo),
            partial(credits.application_create, invoice_id=inv.id, amount="50.00", **on_memo),
            partial(credits.credit_memo_close, **on_memo),
        ])
        outcomes_seen.update(codes(outcomes))
        memo = assert_memo_adds_up(memo)
        assert_invoice_adds_up(inv)

        # Then the payment method answers (every payout fails) while the memo is closed and
        # applied again: a failed payout gives its amount back, or writes it off if closed.
        pending = Payout.objects.filter(memo=memo, status="pending")
        outcomes = run_together([
            *[partial(credits.payout_settle, marketplace=mp, payout_id=p.id, succeeded=False,
                      actor="t", at=clock.t) for p in pending],
            partial(credits.application_create, invoice_id=inv.id, **on_memo),
            partial(credits.credit_memo_close, **on_memo),
        ])
        outcomes_seen.update(codes(outcomes))
        memo = assert_memo_adds_up(memo)
        assert_invoice_adds_up(inv)
        assert not Payout.objects.filter(memo=memo, status="pending").exists()
        assert memo.paid_out_amount == 0
    assert ledger_differences(marketplace=mp) == []
    assert outcomes_seen["ok"] > 0


def test_refund_races_a_credit_memo_on_the_same_invoice(mp, make_company, clock):
    """A refund issues a memo naming the paid invoice while another memo credits that
    invoice: both take a credit memo number, so they must not wait for each other. (They
    deadlocked, every time, before refund_create locked the invoice first.)"""
    for i in range(6):
        customer = make_company(f"Refund {i}")
        inv = invoice(mp, customer, "100.00", clock)
        payment = invoicing.payment_create(marketplace=mp, invoice_id=inv.id, amount="60.00",
                                           actor="t", at=clock())

        outcomes = run_together([
            partial(credits.refund_create, marketplace=mp, payment_id=payment.id,
                    amount="10.00", actor="t", at=clock.t),
            partial(credits.credit_memo_create_from_invoice, marketplace=mp, invoice_id=inv.id,
                    reason_code="overcharge", actor="t", at=clock.t,
                    lines=[{"invoice_line_id": str(inv.lines.get().id), "amount": "15.00"}]),
        ])

        assert codes(outcomes) == {"ok": 2}
        inv = assert_invoice_adds_up(inv)
        assert inv.amount_due == D("25.00")
    numbers = sorted(CreditMemo.objects.filter(marketplace=mp).values_list("number", flat=True))
    assert numbers == [f"CM-{n:06d}" for n in range(1, 13)]
    assert ledger_differences(marketplace=mp) == []


def test_a_storm_of_every_operation_on_one_customer_deadlocks_nowhere(mp, make_company, clock):
    """Every verb at once on a few documents of one customer, a few rounds: whatever wins,
    every memo and invoice adds up, numbers stay gapless and the ledger agrees."""
    customer = make_company("Storm")
    for _ in range(4):
        i1 = invoice(mp, customer, "100.00", clock, tax_rate="0.10")  # 110.00
        i2 = invoice(mp, customer, "80.00", clock)
        draft = credits.invoice_create(
            marketplace=mp, company_id=customer.id, actor="t", at=clock(), finalize=False,
            lines=[{"name": "Plan", "quantity": "1", "unit_price": "50.00"}])
        paid = invoicing.payment_create(marketplace=mp, invoice_id=i2.id, amount="20.00",
                                        actor="t", at=clock())
        m1, m2 = ad_hoc(mp, customer, "60.00", clock), ad_hoc(mp, customer, "40.00", clock)
        m3 = credits.credit_memo_create_from_invoice(
            marketplace=mp, invoice_id=i1.id, reason_code="overcharge", actor="t", at=clock(),
            apply_to=[], lines=[{"invoice_line_id": str(i1.lines.get().id), "amount": "30.00"}])
        earlier = credits.application_create(marketplace=mp, memo_id=m1.id, invoice_id=i1.id,
                                             amount="10.00", actor="t", at=clock())
        by = {"marketplace": mp, "actor": "t", "at": clock()}

        outcomes = run_together([
            partial(credits.application_create, memo_id=m1.id, invoice_id=i1.id,
                    amount="25.00", **by),
            partial(credits.application_create, memo_id=m2.id, invoice_id=i2.id, **by),
            partial(credits.application_create, memo_id=m1.id, invoice_id=i2.id,
                    amount="20.00", **by),
            partial(credits.application_create, memo_id=m3.id, invoice_id=i2.id, **by),
            partial(credits.credit_memo_auto_apply, memo_id=m1.id, **by),
            partial(credits.credit_memo_auto_apply, memo_id=m2.id, **by),
            partial(credits.invoice_finalize, invoice_id=draft.id, **by),
            partial(invoice, mp, customer, "30.00", clock),
            partial(credits.payout_create, memo_id=m2.id, amount="10.00", **by),
            partial(credits.credit_memo_close, memo_id=m3.id, **by),
            partial(invoicing.payment_create, invoice_id=i1.id, amount="10.00", **by),
            partial(credits.credit_memo_create_from_invoice, invoice_id=i2.id,
                    reason_code="overcharge", **by,
                    lines=[{"invoice_line_id": str(i2.lines.get().id), "amount": "5.00"}]),
            partial(credits.application_reverse, memo_id=m1.id, application_id=earlier.id,
                    amount="5.00", **by),
            partial(credits.refund_create, payment_id=paid.id, amount="5.00", **by),
            partial(invoicing.invoice_void, invoice_id=i2.id, **by),
        ])

        assert codes(outcomes)["ok"] >= 8
        for memo in CreditMemo.objects.filter(marketplace=mp):
            assert_memo_adds_up(memo)
        for inv in Invoice.objects.filter(marketplace=mp).exclude(status="draft"):
            assert_invoice_adds_up(inv)
    for document, model, prefix in [("invoice", Invoice, "INV-"), ("memo", CreditMemo, "CM-")]:
        numbers = sorted(model.objects.filter(marketplace=mp, number__isnull=False)
                         .values_list("number", flat=True))
        assert numbers == [f"{prefix}{n:06d}" for n in range(1, len(numbers) + 1)], document
    assert ledger_differences(marketplace=mp) == []


def test_payouts_and_refunds_racing_never_give_back_more_than_was_paid(mp, make_company,
                                                                       clock):
    """A 300.00 invoice, 100.00 paid (two payments of 50.00); four memos of 50.00 from it
    kept as credit (200.00 of its lines credited, 100.00 left). Four payouts of 50.00 (one
    per memo, so no memo lock serialises them) and two refunds of 50.00 race: each alone is
    allowed, but only 100.00 may go back, so exactly two win, whichever they are, and the
    other four are exceeds_refundable_amount. Without the invoice lock the payouts all
    read nothing returned and all six succeed."""
    from credits.services.payouts import returned_on_invoice

    seen = Counter()
    for i in range(4):
        customer = make_company(f"Back {i}")
        inv = invoice(mp, customer, "300.00", clock)
        payments = [invoicing.payment_create(marketplace=mp, invoice_id=inv.id,
                                             amount="50.00", actor="t", at=clock())
                    for _ in range(2)]
        memos = [credits.credit_memo_create_from_invoice(
            marketplace=mp, invoice_id=inv.id, reason_code="overcharge", actor="t",
            at=clock(), apply_to=[],
            lines=[{"invoice_line_id": str(inv.lines.get().id), "amount": "50.00"}])
            for _ in range(4)]
        by = {"marketplace": mp, "actor": "t", "at": clock()}

        outcomes = run_together([
            *[partial(credits.payout_create, memo_id=m.id, amount="50.00", **by) for m in memos],
            *[partial(credits.refund_create, payment_id=p.id, amount="50.00", **by)
              for p in payments],
        ])

        assert codes(outcomes) == {"ok": 2, "exceeds_refundable_amount": 4}
        seen[sum(kind == "ok" for kind, _ in outcomes[4:])] += 1  # refunds among winners
        inv = assert_invoice_adds_up(inv)
        assert returned_on_invoice(inv) == D("100.00") == inv.amount_paid
        for memo in CreditMemo.objects.filter(source_invoice=inv):
            assert_memo_adds_up(memo)
        credited = CreditMemoLine.objects.filter(
            source_invoice_line__invoice=inv).aggregate(s=Sum("amount"))["s"]
        assert credited <= D("300.00")
    assert sum(seen.values()) == 4
    assert ledger_differences(marketplace=mp) == []
