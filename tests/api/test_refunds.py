"""Refunds over HTTP, with the worked examples of issue 9: a refund's memo credits the
invoice's lines pro rata (net and tax), counts toward what they have left to credit, and
refunds plus payouts of memos from an invoice never exceed what was paid on it."""

import pytest

from credits.models import CreditMemo
from tests.api.conftest import error_of


@pytest.fixture
def manager(api):
    return api("manager")


def ok(response):
    assert response.status_code == 200, response.content
    return response.json()


def refused(response, status, code):
    assert (response.status_code, error_of(response)["code"]) == (status, code), \
        response.content
    return error_of(response)


def paid_invoice(client, company, lines, paid):
    invoice = ok(client.post("/invoices", {"company_id": str(company.id), "lines": lines}))
    payment = ok(client.post(f"/invoices/{invoice['id']}/payments", {"amount": paid}))
    return invoice, payment


def plan(price, tax_rate="0", name="Plan"):
    return {"name": name, "quantity": "1", "unit_price": price, "tax_rate": tax_rate}


def test_a_refund_reverses_tax_and_leaves_the_rest_to_credit(world, manager):
    """119.00 (100.00 + 19 % VAT) paid; refund 59.50: the memo credits the line 50.00 net
    and 9.50 tax and is paid out; the invoice still owes nothing and credits nothing, its
    line shows 50.00 credited. A memo from it may then credit 50.00 more, not 60.00."""
    invoice, payment = paid_invoice(manager, world.mine, [plan("100.00", "0.19")], "119.00")
    line_id = invoice["lines"][0]["id"]

    refund = ok(manager.post(f"/payments/{payment['id']}/refunds", {"amount": "59.50"}))

    memo = ok(manager.get(f"/credit_memos/{refund['credit_memo_id']}"))
    assert (memo["origin"], memo["source_invoice_id"], memo["subtotal"], memo["tax_total"],
            memo["total"], memo["paid_out_amount"], memo["remaining_amount"],
            memo["status"]) == ("refund", invoice["id"], "50.00", "9.50", "59.50", "59.50",
                                "0.00", "paid_out")
    assert [(ln["source_invoice_line_id"], ln["name"], ln["amount"], ln["tax_rate"],
             ln["tax_amount"], ln["total"], ln["billing_action"], ln["custom_charge"])
            for ln in memo["lines"]] == [
        (line_id, "Plan", "50.00", "0.19", "9.50", "59.50", "one_time", False)]
    after = ok(manager.get(f"/invoices/{invoice['id']}"))
    assert (after["status"], after["amount_paid"], after["amount_credited"],
            after["amount_due"], after["lines"][0]["credited_amount"]) == (
        "paid", "119.00", "0.00", "0.00", "50.00")

    over = manager.post(f"/invoices/{invoice['id']}/credit_memos", {
        "reason_code": "overcharge", "lines": [{"invoice_line_id": line_id,
                                                "amount": "60.00"}]})
    assert refused(over, 422, "exceeds_creditable_amount")["param"] == "lines[0]"
    preview = ok(manager.post(f"/invoices/{invoice['id']}/credit_memos/preview",
                              {"reason_code": "overcharge"}))
    assert (preview["subtotal"], preview["tax_total"], preview["total"]) == (
        "50.00", "9.50", "59.50")
    rest = ok(manager.post(f"/invoices/{invoice['id']}/credit_memos",
                           {"reason_code": "overcharge"}))
    assert (rest["total"], rest["remaining_amount"]) == ("59.50", "59.50")
    assert ok(manager.get(f"/invoices/{invoice['id']}"))["lines"][0]["credited_amount"] == (
        "100.00")


def test_a_paid_out_memo_leaves_nothing_to_refund(world, manager):
    """Paid 100.00; a full 100.00 memo from the invoice (kept, the invoice being paid) paid
    out; refunding the payment would give 200.00 back: 422, and nothing changes."""
    invoice, payment = paid_invoice(manager, world.mine, [plan("100.00")], "100.00")
    memo = ok(manager.post(f"/invoices/{invoice['id']}/credit_memos",
                           {"reason_code": "overcharge"}))
    assert ok(manager.post(f"/credit_memos/{memo['id']}/payouts"))["paid_out_amount"] == (
        "100.00")
    memos = CreditMemo.objects.count()

    error = refused(manager.post(f"/payments/{payment['id']}/refunds", {"amount": "100.00"}),
                    422, "exceeds_refundable_amount")

    assert (error["type"], error["param"]) == ("business_rule", "amount")
    assert CreditMemo.objects.count() == memos
    assert ok(manager.get(f"/invoices/{invoice['id']}"))["amount_paid"] == "100.00"


def test_a_refund_in_full_leaves_nothing_to_credit(world, manager):
    invoice, payment = paid_invoice(manager, world.mine, [plan("100.00")], "100.00")
    ok(manager.post(f"/payments/{payment['id']}/refunds", {"amount": "100.00"}))
    refused(manager.post(f"/invoices/{invoice['id']}/credit_memos",
                         {"reason_code": "overcharge"}), 422, "exceeds_creditable_amount")


def test_a_memo_from_an_unpaid_invoice_is_applied_not_paid_out(world, manager):
    """Nothing paid on the invoice: its memo's payout is refused, whatever remains."""
    invoice = ok(manager.post("/invoices", {"company_id": str(world.mine.id),
                                            "lines": [plan("100.00")]}))
    memo = ok(manager.post(f"/invoices/{invoice['id']}/credit_memos", {
        "reason_code": "overcharge", "apply_to": [],
        "lines": [{"invoice_line_id": invoice["lines"][0]["id"], "amount": "30.00"}]}))
    refused(manager.post(f"/credit_memos/{memo['id']}/payouts"), 422,
            "exceeds_refundable_amount")
    # More than the memo's remaining is still exceeds_remaining.
    refused(manager.post(f"/credit_memos/{memo['id']}/payouts", {"amount": "30.01"}), 422,
            "exceeds_remaining")


def test_three_lines_and_yen(world, manager, make_company):
    """Lines 33.33 (19 %), 10.01 (7 %), 5.00 (0 %), 55.37 in all: a 10.00 refund credits
    6.02 + 1.14, 1.81 + 0.13, 0.90 + 0 (see tests/credits/test_refunds.py for the arithmetic).
    In JPY, 1,000 + 10 %: a refund of 333 credits 303 + 30."""
    invoice, payment = paid_invoice(manager, world.mine, [
        plan("33.33", "0.19", "A"), plan("10.01", "0.07", "B"), plan("5.00", "0", "C")],
        "55.37")
    memo = ok(manager.get("/credit_memos/" + ok(manager.post(
        f"/payments/{payment['id']}/refunds", {"amount": "10.00"}))["credit_memo_id"]))
    assert [(ln["name"], ln["amount"], ln["tax_amount"]) for ln in memo["lines"]] == [
        ("A", "6.02", "1.14"), ("B", "1.81", "0.13"), ("C", "0.90", "0.00")]
    credited = ok(manager.get(f"/invoices/{invoice['id']}"))["lines"]
    assert [ln["credited_amount"] for ln in credited] == ["6.02", "1.81", "0.90"]

    yen = make_company("Yen", currency="JPY")
    invoice, payment = paid_invoice(manager, yen, [plan("1000", "0.10")], "1100")
    memo = ok(manager.get("/credit_memos/" + ok(manager.post(
        f"/payments/{payment['id']}/refunds", {"amount": "333"}))["credit_memo_id"]))
    assert (memo["subtotal"], memo["tax_total"], memo["total"]) == ("303", "30", "333")


def test_a_line_credited_in_full_is_not_refunded(world, manager):
    """Paid 100.00 and a 100.00 memo from the invoice kept as credit: nothing went back, so
    the refund is refundable, but the line has nothing left to credit."""
    invoice, payment = paid_invoice(manager, world.mine, [plan("100.00")], "100.00")
    ok(manager.post(f"/invoices/{invoice['id']}/credit_memos", {"reason_code": "overcharge"}))
    error = refused(manager.post(f"/payments/{payment['id']}/refunds", {"amount": "0.01"}),
                    422, "exceeds_creditable_amount")
    assert (error["param"], error["message"]) == (
        "amount", "the invoice's lines have nothing left to credit")
