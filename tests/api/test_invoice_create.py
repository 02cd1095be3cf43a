"""POST /invoices answers the invoice as its `invoice.issued` event shows it (one
serialisation, reused), and that is what a GET reads back: worked numbers, with and without
credit applied at issue. Creating one takes a bounded number of statements."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from notifications.models import Event
from tests.factories import configure

LINES = [
    {"name": "Seats", "quantity": "3", "unit_price": "20.00", "tax_rate": "0.19"},
    {"name": "Storage", "quantity": "1.5", "unit_price": "9.99"},
    {"name": "Support", "quantity": "1", "unit_price": "49.00", "discount_amount": "4.00"},
]


def _create(api, world):
    return api("manager").post("/invoices", {"company_id": str(world.mine.id), "lines": LINES})


def test_answer_is_the_event_payload_and_what_get_reads(api, world):
    response = _create(api, world)
    assert response.status_code == 200, response.content
    body = response.json()
    # 3 x 20.00 = 60.00 + 19% = 11.40; 1.5 x 9.99 = 14.985 -> 14.99; 49.00 - 4.00 = 45.00
    assert (body["number"], body["status"], body["subtotal"], body["discount_total"],
            body["tax_total"], body["total"], body["amount_due"]) == (
        "INV-000001", "open", "123.99", "4.00", "11.40", "131.39", "131.39")
    assert [(x["quantity"], x["amount"], x["tax_rate"], x["tax_amount"], x["total"],
             x["credited_amount"]) for x in body["lines"]] == [
        ("3", "60.00", "0.19", "11.40", "71.40", "0.00"),
        ("1.5", "14.99", "0", "0.00", "14.99", "0.00"),
        ("1", "45.00", "0", "0.00", "45.00", "0.00")]
    assert body == api("manager").get(f"/invoices/{body['id']}").json()
    issued = Event.objects.get(type="invoice.issued", subject_id=body["id"])
    assert issued.data == body


def test_credit_applied_at_issue_is_in_the_answer_and_the_memo_event(api, world):
    configure(world.mp, auto_apply_credit_to_new_invoices=True)
    memo = world.memo(amount="100.00")
    body = _create(api, world).json()
    assert (body["number"], body["status"], body["amount_credited"], body["amount_due"]) == (
        "INV-000001", "open", "100.00", "31.39")
    [application] = body["credit_applications"]
    assert (application["credit_memo_id"], application["credit_memo_number"],
            application["amount"]) == (str(memo.id), memo.number, "100.00")
    assert body == api("manager").get(f"/invoices/{body['id']}").json()
    assert [e.type for e in Event.objects.filter(subject_id__in=[body["id"], memo.id])
            .exclude(type__startswith="credit_memo.issued").order_by("id")] == [
        "invoice.issued", "credit_memo.applied"]
    applied = Event.objects.get(type="credit_memo.applied", subject_id=memo.id).data
    assert (applied["status"], applied["remaining_amount"]) == ("fully_applied", "0.00")
    assert [(a["invoice_id"], a["invoice_number"], a["amount"])
            for a in applied["applications"]] == [(body["id"], "INV-000001", "100.00")]
    assert applied == {k: v for k, v in
                       api("manager").get(f"/credit_memos/{memo.id}").json().items()
                       if k != "reason"}


def test_credit_that_pays_it_says_issued_and_paid(api, world):
    configure(world.mp, auto_apply_credit_to_new_invoices=True)
    world.memo(amount="200.00")
    body = _create(api, world).json()
    assert (body["status"], body["amount_credited"], body["amount_due"]) == (
        "paid", "131.39", "0.00")
    assert list(Event.objects.filter(subject_id=body["id"]).order_by("id")
                .values_list("type", flat=True)) == ["invoice.issued", "invoice.paid"]


def _statements(client, world) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        assert client.post("/invoices", {"company_id": str(world.mine.id),
                                         "lines": LINES}).status_code == 200
    return [q["sql"] for q in queries.captured_queries]


@pytest.mark.django_db(transaction=True)
def test_statements_of_one_creation(api, world):
    """The key, the company, the memo look-up (locking), the lines, the journal entry and its
    lines (two INSERTs), the PDF job, the number (one upsert; two statements on SQLite), the
    invoice's row, and the event batch (lock on PostgreSQL, newest time, webhook and e-mail
    settings, the events in one INSERT): 16 (it was 23). A memo applied adds its application,
    its row and the three reads of its payload."""
    configure(world.mp, auto_apply_credit_to_new_invoices=True)
    client = api("manager")
    _create(api, world)  # warm: the key's first use is recorded
    statements = _statements(client, world)
    assert len(statements) <= 16, "\n".join(statements)
    world.memo(amount="500.00")
    statements = _statements(client, world)
    assert len(statements) <= 21, "\n".join(statements)
