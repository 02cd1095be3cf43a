"""Idempotency-Key on POST: replay within 24 h (errors included), 409 for another body or
path or while the first runs, transient answers not kept, and the work done once under
concurrency (PostgreSQL)."""

import datetime
import threading
import time

import pytest
from django.db import connection, connections

from common.models import IdempotencyRecord
from credits.models import CreditMemo
from tests.api.conftest import World, error_of
from tests.conftest import Clock, row_counts


def _ad_hoc(world, amount="25.00"):
    return {"company_id": str(world.mine.id), "reason_code": "goodwill",
            "lines": [{"name": "Gift", "quantity": "1", "unit_price": amount}]}


def _key(value):
    return {"Idempotency-Key": value}


def test_a_retry_replays_the_first_answer_and_does_nothing_twice(world):
    manager = world.client("manager")
    first = manager.post("/credit_memos", _ad_hoc(world), _key("k-1"))
    counts = row_counts()
    again = manager.post("/credit_memos", _ad_hoc(world), _key("k-1"))
    assert first.status_code == again.status_code == 200
    assert again.content == first.content
    assert again["Idempotent-Replayed"] == "true"
    assert row_counts() == counts
    assert CreditMemo.objects.count() == 1
    # The same object with other spacing is the same request.
    spaced = manager.client.post(
        "/api/v1/credit_memos", '{ "lines": [{"unit_price": "25.00", "quantity": "1", '
        f'"name": "Gift"}}], "reason_code": "goodwill", "company_id": "{world.mine.id}" }}',
        content_type="application/json", HTTP_IDEMPOTENCY_KEY="k-1")
    assert spaced.content == first.content


def test_errors_are_replayed_too(world):
    manager = world.client("manager")
    invoice = world.invoice(world.mine, "10.00")
    bad = manager.post(f"/invoices/{invoice.id}/payments", {"amount": "10.001"}, _key("e-1"))
    too_much = manager.post(f"/invoices/{invoice.id}/payments", {"amount": "11.00"},
                            _key("e-2"))
    assert (bad.status_code, too_much.status_code) == (400, 422)
    world.client("manager").post(f"/invoices/{invoice.id}/payments", {"amount": "10.00"})
    # The invoice is paid now: a fresh request would be a 409, a replay is the first answer.
    replayed = manager.post(f"/invoices/{invoice.id}/payments", {"amount": "11.00"},
                            _key("e-2"))
    assert (replayed.status_code, replayed.content) == (422, too_much.content)
    assert manager.post(f"/invoices/{invoice.id}/payments", {"amount": "10.001"},
                        _key("e-1")).content == bad.content
    fresh = manager.post(f"/invoices/{invoice.id}/payments", {"amount": "11.00"}, _key("e-3"))
    assert fresh.status_code == 409


def test_the_same_key_with_another_body_or_path_is_409_reused(world):
    manager = world.client("manager")
    manager.post("/credit_memos", _ad_hoc(world, "25.00"), _key("r-1"))
    counts = row_counts()
    other_body = manager.post("/credit_memos", _ad_hoc(world, "26.00"), _key("r-1"))
    other_path = manager.post("/credit_memos/preview", _ad_hoc(world, "25.00"), _key("r-1"))
    for response in (other_body, other_path):
        assert response.status_code == 409
        assert error_of(response) == {
            "type": "conflict", "code": "idempotency_key_reused",
            "message": "this Idempotency-Key was used with another request",
            "param": "Idempotency-Key"}
    assert row_counts() == counts


def test_keys_are_scoped_to_the_api_key(world):
    first = world.client("manager").post("/products", {"name": "A"}, _key("shared"))
    second = world.client("billing").post("/products", {"name": "A"}, _key("shared"))
    assert first.status_code == second.status_code == 200
    assert first.json()["id"] != second.json()["id"]


def test_a_record_past_24_hours_is_forgotten(world):
    manager = world.client("manager")
    first = manager.post("/products", {"name": "A"}, _key("old"))
    IdempotencyRecord.objects.update(created_at=datetime.datetime.now(datetime.UTC)
                                     - datetime.timedelta(hours=24, seconds=1))
    second = manager.post("/products", {"name": "A"}, _key("old"))
    assert second.status_code == 200 and second.json()["id"] != first.json()["id"]
    assert "Idempotent-Replayed" not in second


def test_the_answer_is_stored_with_the_work_and_a_failed_work_stores_nothing(world):
    """A 422 is an answer (kept and replayed); its work was undone. A stored answer exists
    for a done work only: one record per key, written in the work's transaction."""
    manager = world.client("manager")
    refused = manager.post("/credit_memos", _ad_hoc(world, amount="-1"), _key("bad"))
    assert refused.status_code == 400
    assert IdempotencyRecord.objects.filter(key="bad").count() == 1
    assert CreditMemo.objects.count() == 0
    done = manager.post("/credit_memos", _ad_hoc(world), _key("good"))
    record = IdempotencyRecord.objects.get(key="good")
    assert (record.response_status, bytes(record.response_body)) == (200, done.content)
    assert record.scope.startswith("api_key:")


def test_a_bad_idempotency_key_is_400_and_a_get_ignores_it(world):
    manager = world.client("manager")
    long = manager.post("/products", {"name": "A"}, _key("x" * 256))
    assert (long.status_code, error_of(long)["param"]) == (400, "Idempotency-Key")
    assert manager.get("/products", headers=_key("x" * 256)).status_code == 200


def _advisory_lock_held() -> bool:
    """A request's key lock is held: a one-key advisory lock (objsubid 1) in this database.
    The event log's locks (two keys) and other databases' locks do not count."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted "
                       "AND objsubid = 1 AND database = (SELECT oid FROM pg_database "
                       "WHERE datname = current_database())")
        return cursor.fetchone()[0] > 0


def _in_thread(target, results, index):
    try:
        results[index] = target()
    finally:
        connections.close_all()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_requests_with_one_key_do_the_work_once(mp):
    world = World(mp, Clock())
    body = _ad_hoc(world)
    barrier = threading.Barrier(4)
    results = [None] * 4

    def call():
        barrier.wait(5)
        response = world.client("manager").post("/credit_memos", body, _key("race"))
        return response.status_code, response.content

    threads = [threading.Thread(target=_in_thread, args=(call, results, i)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert CreditMemo.objects.count() == 1
    statuses = sorted(status for status, _ in results)
    assert statuses.count(200) >= 1
    assert set(statuses) <= {200, 409}
    memo_body = next(content for status, content in results if status == 200)
    assert all(content == memo_body for status, content in results if status == 200)
    for status, content in results:
        if status == 409:
            assert b"idempotency_key_in_use" in content
    replay = world.client("manager").post("/credit_memos", body, _key("race"))
    assert replay.content == memo_body


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_while_the_first_runs_409_in_use_and_a_lost_race_is_not_kept(mp):
    """The first request waits on the memo's row lock, held by another transaction: a retry
    meanwhile is 409 in_use. Given a lock timeout the first loses (409 concurrent_update),
    which is not kept, so the next retry does the work."""
    world = World(mp, Clock())
    memo = world.memo(world.mine)
    holding, release = threading.Event(), threading.Event()
    results = [None]

    def hold_lock():
        with connections["default"].cursor() as cursor:
            cursor.execute("BEGIN")
            cursor.execute("SELECT id FROM credits_creditmemo WHERE id = %s FOR UPDATE",
                           [memo.id])
            holding.set()
            release.wait(20)
            cursor.execute("ROLLBACK")

    def first():
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '3s'")
        response = world.client("manager").post(f"/credit_memos/{memo.id}/void", None,
                                                _key("void-1"))
        return response.status_code, response.content

    holder = threading.Thread(target=_in_thread, args=(hold_lock, [None], 0))
    holder.start()
    assert holding.wait(10)
    runner = threading.Thread(target=_in_thread, args=(first, results, 0))
    runner.start()
    deadline = time.monotonic() + 10
    while not _advisory_lock_held():
        assert time.monotonic() < deadline
        time.sleep(0.02)
    busy = world.client("manager").post(f"/credit_memos/{memo.id}/void", None, _key("void-1"))
    assert (busy.status_code, error_of(busy)["code"]) == (409, "idempotency_key_in_use")
    runner.join(20)
    release.set()
    holder.join(20)
    status, content = results[0]
    assert (status, b"concurrent_update" in content) == (409, True)
    assert not IdempotencyRecord.objects.filter(key="void-1").exists()
    retried = world.client("manager").post(f"/credit_memos/{memo.id}/void", None,
                                           _key("void-1"))
    assert (retried.status_code, retried.json()["status"]) == (200, "void")


def test_the_worker_sweep_forgets_answers_past_24_hours(world):
    """Two stored answers, one 24 h 1 s old: the minute's sweep deletes that one only."""
    from notifications.tasks import sweep_outbox

    manager = world.client("manager")
    manager.post("/products", {"name": "A"}, _key("old"))
    manager.post("/products", {"name": "B"}, _key("new"))
    IdempotencyRecord.objects.filter(key="old").update(
        created_at=datetime.datetime.now(datetime.UTC) - datetime.timedelta(hours=24, seconds=1))
    sweep_outbox.call()
    assert list(IdempotencyRecord.objects.values_list("key", flat=True)) == ["new"]
