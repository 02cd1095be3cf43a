"""A retry with the same Idempotency-Key after `abate serve` is killed (SIGKILL to its whole
process group) at the worst moments: the work is done once, and the retry gets its answer.

The server is stopped at a point by ABATE_TEST_HOLD=<point>:<file> (common/idempotency.py):
it creates <file> there and waits; the test then kills it.
- `before_commit`: the work and its stored answer are written but not committed. The kill
  undoes both: the retry does the work, once.
- `after_commit`: both are committed; the client never got its answer (the server died
  before sending it). The retry replays the answer: one application, not two."""

import http.client
import json
import os
import signal
import subprocess
import sys
import threading
import time
from decimal import Decimal

import pytest

from common.clock import now
from credits import services as credits
from credits.models import Application, CreditMemo
from customers import services as customers
from invoicing.models import Invoice
from ledger.models import JournalEntry
from notifications.models import Event
from tests.api.test_serve import ROOT, _database_url
from tests.live import free_port, wait_ready


def _serve(port: int, hold: str | None) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": _database_url()}
    env.pop("ABATE_TEST_HOLD", None)
    if hold:
        env["ABATE_TEST_HOLD"] = hold
    server = subprocess.Popen(
        [sys.executable, "-m", "abate.cli", "serve", "--no-worker", "--port", str(port),
         "--workers", "2"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True)
    wait_ready(port, time.time() + 60)
    return server


def _post(port: int, path: str, body: dict, headers: dict):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    c.request("POST", path, body=json.dumps(body), headers={
        "Content-Type": "application/json", **headers})
    response = c.getresponse()
    return response.status, dict(response.getheaders()), response.read()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("point", ["before_commit", "after_commit"])
def test_a_retry_after_kill_minus_9_applies_credit_once(point, tmp_path):
    """A 40.00 memo, a 100.00 invoice; apply 15.00 with key "apply-1". Whatever the moment
    of the kill, after the retry: one application of 15.00, one `credit_applied` journal
    entry, one `credit_memo.applied` event; the memo has 25.00 left, the invoice owes
    85.00."""
    at = now()
    mp = customers.marketplace_create(slug=f"crash-{point}", name="Crash", at=at)
    company = customers.company_create(marketplace=mp, name="Globex", at=at)
    invoice = credits.invoice_create(
        marketplace=mp, company_id=company.id, actor="test", at=at,
        lines=[{"name": "Service", "quantity": "1", "unit_price": "100.00"}])
    memo = credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=company.id, reason_code="goodwill", actor="test", at=at,
        lines=[{"name": "Goodwill", "quantity": "1", "unit_price": "40.00"}])
    _, key = customers.api_key_create(marketplace=mp, role="manager", at=at)
    headers = {"Authorization": f"Bearer {key}", "Idempotency-Key": "apply-1"}
    path = f"/api/v1/credit_memos/{memo.id}/applications"
    body = {"invoice_id": str(invoice.id), "amount": "15.00"}

    flag = tmp_path / "held"
    port = free_port()
    server = _serve(port, f"{point}:{flag}")
    lost = {}
    try:
        def first():
            try:
                lost["answer"] = _post(port, path, body, headers)
            except (OSError, http.client.HTTPException) as error:
                lost["error"] = error

        client = threading.Thread(target=first)
        client.start()
        deadline = time.time() + 30
        while not flag.exists():
            assert time.time() < deadline, "the request never reached the hold point"
            time.sleep(0.02)
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=30)
        client.join(timeout=30)
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
    assert "error" in lost and "answer" not in lost, "the client got an answer before the kill"
    committed = Application.objects.filter(memo_id=memo.id).count()
    assert committed == (1 if point == "after_commit" else 0)

    port = free_port()
    server = _serve(port, None)
    try:
        status, answer_headers, content = _post(port, path, body, headers)
        again = _post(port, path, body, headers)
    finally:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=30)

    assert status == 200
    answer = json.loads(content)
    assert answer["remaining_amount"] == "25.00"
    assert answer_headers.get("Idempotent-Replayed") == (
        "true" if point == "after_commit" else None)
    assert again[0] == 200 and again[2] == content
    assert again[1].get("Idempotent-Replayed") == "true"

    applications = Application.objects.filter(memo_id=memo.id)
    assert [a.amount for a in applications] == [Decimal("15.00")]
    assert JournalEntry.objects.filter(kind="credit_applied", source_type="application",
                                       source_id=applications[0].id).count() == 1
    assert JournalEntry.objects.filter(kind="credit_applied").count() == 1
    assert Event.objects.filter(marketplace=mp, type="credit_memo.applied").count() == 1
    assert CreditMemo.objects.get(pk=memo.id).remaining_amount == Decimal("25.00")
    assert Invoice.objects.get(pk=invoice.id).amount_due == Decimal("85.00")
