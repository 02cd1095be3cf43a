"""Every failure answers the error envelope with a 4xx, never a 5xx, and changes nothing."""

import json
import threading

import pytest
from django.db import connection, connections

from api.errors import is_lock_failure
from tests.api.conftest import ApiClient, World, error_of
from tests.conftest import Clock, row_counts


def _invoice(**line):
    return {"company_id": "{company}", "lines": [{"name": "Service", "quantity": "1",
                                                  "unit_price": "10.00", **line}]}


# (method, path, body as JSON text or object, status, code, param)
BAD_REQUESTS = [
    ("POST", "/invoices", "{bad", 400, "invalid_json", None),
    ("POST", "/invoices", "", 400, "parameter_missing", None),
    ("POST", "/invoices", "[]", 400, "invalid", None),
    ("POST", "/invoices", "null", 400, "invalid", None),
    ("POST", "/invoices", "NaN", 400, "invalid", None),
    ("POST", "/invoices", '"text"', 400, "invalid", None),
    ("POST", "/invoices", "[" * 100000, 400, "invalid_json", None),
    ("POST", "/products", '{"name": "nul\\u0000byte"}', 400, "invalid_json", None),
    ("POST", "/invoices", {"company_id": 5, "lines": []}, 400, "invalid", "company_id"),
    ("POST", "/invoices", {**_invoice(), "colour": "red"}, 400, "unknown_parameter", "colour"),
    ("POST", "/invoices", _invoice(size="XL"), 400, "unknown_parameter", "lines[0].size"),
    ("POST", "/invoices", {"company_id": "{company}"}, 400, "parameter_missing", "lines"),
    ("POST", "/invoices", {"company_id": "{company}", "lines": []}, 400, "invalid", "lines"),
    ("POST", "/invoices", _invoice(unit_price="10.001"), 400, "invalid", "lines[0].unit_price"),
    ("POST", "/invoices", _invoice(unit_price=10.001), 400, "invalid", "lines[0].unit_price"),
    ("POST", "/invoices", _invoice(unit_price="1e5"), 400, "invalid", "lines[0].unit_price"),
    ("POST", "/invoices", _invoice(unit_price=1e300), 400, "invalid", "lines[0].unit_price"),
    ("POST", "/invoices", _invoice(unit_price=10**30), 400, "invalid", "lines[0].unit_price"),
    ("POST", "/invoices", _invoice(unit_price="NaN"), 400, "invalid", "lines[0].unit_price"),
    ("POST", "/invoices", _invoice(unit_price="Infinity"), 400, "invalid",
     "lines[0].unit_price"),
    ("POST", "/invoices", _invoice(unit_price=True), 400, "invalid", "lines[0].unit_price"),
    ("POST", "/invoices", _invoice(unit_price=None), 400, "invalid", "lines[0].unit_price"),
    ("POST", "/invoices", _invoice(unit_price="1000000000000.00"), 400, "invalid",
     "lines[0].unit_price"),
    ("POST", "/invoices", _invoice(quantity="1000000", unit_price="1000000.00"), 400, "invalid",
     "lines[0]"),
    ("POST", "/invoices", _invoice(quantity="-1"), 400, "invalid", "lines[0].quantity"),
    ("POST", "/invoices", _invoice(quantity="0"), 400, "invalid", "lines[0].quantity"),
    ("POST", "/invoices", _invoice(discount_amount="-1.00"), 400, "invalid",
     "lines[0].discount_amount"),
    ("POST", "/invoices", _invoice(tax_rate="1.5"), 400, "invalid", "lines[0].tax_rate"),
    ("POST", "/invoices", _invoice(billing_action="refund"), 400, "invalid",
     "lines[0].billing_action"),
    ("POST", "/invoices", {**_invoice(), "due_date": "2026-13-01"}, 400, "invalid", "due_date"),
    ("POST", "/invoices", {**_invoice(), "currency": "XXQ"}, 400, "invalid_currency",
     "currency"),
    ("POST", "/invoices", {**_invoice(), "finalize": "yes"}, 400, "invalid", "finalize"),
    ("POST", "/invoices", {**_invoice(), "company_id": "nope"}, 404, "not_found", "company_id"),
    ("POST", "/invoices", _invoice(product_id="nope"), 404, "not_found",
     "lines[0].product_id"),
    ("POST", "/invoices/{invoice}/payments", {"amount": "-5.00"}, 400, "invalid", "amount"),
    ("POST", "/invoices/{invoice}/payments", {"amount": "0"}, 400, "invalid", "amount"),
    ("POST", "/invoices/{invoice}/payments", {}, 400, "parameter_missing", "amount"),
    ("POST", "/invoices/{invoice}/void", {"force": True}, 400, "unknown_parameter", "force"),
    ("POST", "/payments/{payment}/refunds", {"amount": "5.001"}, 400, "invalid", "amount"),
    ("POST", "/credit_memos/{memo}/applications", {"invoice_id": "{invoice}",
                                                   "amount": "-1.00"}, 400, "invalid", "amount"),
    ("POST", "/credit_memos/{memo}/applications", {"invoice_id": "nope"}, 404, "not_found",
     "invoice_id"),
    ("POST", "/credit_memos/{memo}/payouts", {"amount": "abc"}, 400, "invalid", "amount"),
    ("POST", "/credit_memos/{memo}/close", {"reason": 7}, 400, "invalid", "reason"),
    ("POST", "/credit_memos", {"company_id": "{company}", "reason_code": "whim",
                               "lines": [{"name": "x", "quantity": "1", "unit_price": "1.00"}]},
     400, "invalid", "reason_code"),
    ("POST", "/credit_memos", {"company_id": "{company}", "reason_code": "goodwill",
                               "lines": [{"name": "x", "quantity": "1", "unit_price": "-1.00"}]},
     400, "invalid", "lines[0].unit_price"),
    ("POST", "/invoices/{invoice}/credit_memos", {"reason_code": "overcharge",
                                                  "lines": [{"invoice_line_id": "nope"}]},
     404, "not_found", "lines[0].invoice_line_id"),
    ("POST", "/companies/{company}/credit_check", {}, 400, "parameter_missing", "amount"),
    ("POST", "/companies", {"name": "X", "credit_limit": "-1.00"}, 400, "invalid",
     "credit_limit"),
    ("POST", "/companies", {"name": "X", "address": {"country": "Denmark"}}, 400, "invalid",
     "address.country"),
    ("POST", "/companies", {"name": "X", "peppol_id": "nope"}, 400, "invalid", "peppol_id"),
    ("PATCH", "/companies/{company}", {"name": None}, 400, "invalid", "name"),
    ("GET", "/credit_memos?limit=0", None, 400, "invalid", "limit"),
    ("GET", "/credit_memos?limit=101", None, 400, "invalid", "limit"),
    ("GET", "/credit_memos?limit=ten", None, 400, "invalid", "limit"),
    ("GET", "/credit_memos?cursor=garbage", None, 400, "invalid_cursor", "cursor"),
    ("GET", "/credit_memos?cursor=WyJ4Il0", None, 400, "invalid_cursor", "cursor"),
    ("GET", "/credit_memos?status=lost", None, 400, "invalid", "status"),
    ("GET", "/credit_memos?origin=gift", None, 400, "invalid", "origin"),
    ("GET", "/credit_memos?currency=XXQ", None, 400, "invalid_currency", "currency"),
    ("GET", "/credit_memos?issued_from=2026-02-30", None, 400, "invalid", "issued_from"),
    ("GET", "/credit_memos?issued_to=yesterday", None, 400, "invalid", "issued_to"),
    ("GET", "/credit_memos?colour=red", None, 400, "unknown_parameter", "colour"),
    ("GET", "/credit_memos/{memo}?expand=lines", None, 400, "unknown_parameter", "expand"),
    ("GET", "/invoices?status=late", None, 400, "invalid", "status"),
    ("GET", "/events?limit=-1", None, 400, "invalid", "limit"),
    ("GET", "/products?q=" + "x" * 201, None, 400, "invalid", "q"),
    ("GET", "/nothing/here", None, 404, "route_not_found", None),
    ("DELETE", "/credit_memos", None, 405, "method_not_allowed", None),
    ("PUT", "/invoices/{invoice}", None, 405, "method_not_allowed", None),
]


@pytest.fixture
def objects(world):
    invoice = world.invoice(world.mine, "100.00")
    memo = world.memo(world.mine)
    payment = world.payment(world.mine)
    return {"company": str(world.mine.id), "invoice": str(invoice.id), "memo": str(memo.id),
            "payment": str(payment.id)}


def _fill(value, objects):
    """"{company}" and the like, in a path or as a whole value in a body, become ids."""
    if isinstance(value, str):
        return value.format(**objects) if "{" in value and len(value) < 200 else value
    if isinstance(value, list):
        return [_fill(v, objects) for v in value]
    if isinstance(value, dict):
        return {k: _fill(v, objects) for k, v in value.items()}
    return value


@pytest.mark.parametrize("method,path,body,status,code,param", BAD_REQUESTS,
                         ids=[f"{r[0]} {r[1][:40]} {str(r[2])[:40]}" for r in BAD_REQUESTS])
def test_bad_requests_answer_the_envelope_and_change_nothing(world, objects, method, path,
                                                             body, status, code, param):
    path = _fill(path, objects)
    if isinstance(body, str) or body is None:
        raw = body or ""
    else:
        raw = json.dumps(_fill(body, objects))
    client = world.client("manager").client
    before = row_counts()
    url = f"/api/v1{path}"
    if method == "GET":
        response = client.get(url)
    else:
        response = client.generic(method, url, raw or "", content_type="application/json")
    assert response.status_code == status, response.content
    error = error_of(response)
    assert error["code"] == code, error
    if param is not None:
        assert error["param"] == param, error
    assert row_counts() == before


def test_an_id_filter_that_names_nothing_matches_nothing(world, objects):
    manager = world.client("manager")
    for value in ("nope", "00000000-0000-0000-0000-000000000000", "%00"):
        for path in ("/credit_memos", "/invoices"):
            response = manager.get(path, {"company_id": value})
            assert (response.status_code, response.json()["data"]) == (200, []), path


def test_a_lone_surrogate_escape_is_read_as_the_replacement_character(world, objects):
    """JSON's grammar allows "\\ud800" alone, but it is no character: it is read as U+FFFD
    (a pair is one character and stays)."""
    client = world.client("manager").client
    response = client.post("/api/v1/products", '{"name": "A\\ud800B \\ud83d\\ude00"}',
                           content_type="application/json")
    assert response.status_code == 200, response.content
    assert response.json()["name"] == "A\ufffdB \U0001f600"


def test_a_form_body_is_a_400(world, objects):
    client = world.client("manager").client
    response = client.post("/api/v1/products", {"name": "x"})  # multipart form
    assert response.status_code == 400
    assert error_of(response)["code"] == "invalid_json"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_lost_lock_race_is_409_concurrent_update_and_changes_nothing(mp):
    """Another transaction holds the memo's row lock past this request's lock timeout."""
    world = World(mp, Clock())
    memo = world.memo(world.mine)
    holding, release = threading.Event(), threading.Event()

    def hold_lock():
        try:
            with connections["default"].cursor() as cursor:
                cursor.execute("BEGIN")
                cursor.execute("SELECT id FROM credits_creditmemo WHERE id = %s FOR UPDATE",
                               [memo.id])
                holding.set()
                release.wait(10)
                cursor.execute("ROLLBACK")
        finally:
            connections["default"].close()

    holder = threading.Thread(target=hold_lock)
    holder.start()
    assert holding.wait(10)
    with connection.cursor() as cursor:
        cursor.execute("SET lock_timeout = '200ms'")
    before = row_counts()
    try:
        response = world.client("manager").post(f"/credit_memos/{memo.id}/void")
    finally:
        release.set()
        holder.join()
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = 0")
    assert response.status_code == 409, response.content
    assert error_of(response)["code"] == "concurrent_update"
    assert row_counts() == before
    assert world.client("manager").post(f"/credit_memos/{memo.id}/void").json()["status"] == \
        "void"


def test_lock_failures_are_recognised_by_their_database_messages():
    assert is_lock_failure(Exception("deadlock detected\nDETAIL: Process 1 waits"))
    assert is_lock_failure(Exception("canceling statement due to lock timeout"))
    assert is_lock_failure(Exception("database is locked"))
    assert not is_lock_failure(Exception("connection refused"))


def test_answers_are_json_with_the_envelope_for_a_bad_key(db):
    response = ApiClient("abk_wrong").get("/credit_memos")
    assert response["Content-Type"] == "application/json"
    assert error_of(response)["type"] == "authentication"


def test_an_oversized_body_is_a_413_and_a_deeply_nested_one_a_400_also_under_a_key(world):
    client = world.client("manager").client
    huge = json.dumps({"name": "x" * 3_000_000})  # over 2.5 MB
    nested = "[" * 100_000
    for body, status, code in ((huge, 413, "body_too_large"), (nested, 400, "invalid_json")):
        for headers in ({}, {"HTTP_IDEMPOTENCY_KEY": f"k-{len(body)}"}):
            response = client.post("/api/v1/products", body, content_type="application/json",
                                   **headers)
            assert response.status_code == status, response.content[:200]
            assert error_of(response)["code"] == code
