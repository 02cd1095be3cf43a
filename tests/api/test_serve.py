"""`abate serve` in production shape: gunicorn stops gracefully on SIGTERM, finishing the
request in flight rather than dropping it."""

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from common.clock import now
from credits import services as credits
from customers import services as customers
from tests.live import free_port, wait_ready

ROOT = Path(__file__).resolve().parents[2]


def _database_url() -> str:
    s = connection.settings_dict
    return f"postgres://{s['USER'] or 'postgres'}@{s['HOST'] or '127.0.0.1'}:" \
           f"{s['PORT'] or 5432}/{s['NAME']}"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_sigterm_finishes_the_request_in_flight():
    """A void request waits on a row lock held by the test; SIGTERM arrives while it waits;
    the lock is released; the client still gets its 200 and the memo is void, then the
    server exits cleanly and accepts nothing more."""
    at = now()
    mp = customers.marketplace_create(slug="graceful", name="Graceful", at=at)
    company = customers.company_create(marketplace=mp, name="Globex", at=at)
    memo = credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=company.id, reason_code="goodwill", actor="test", at=at,
        lines=[{"name": "Goodwill", "quantity": "1", "unit_price": "25.00"}])
    _, key = customers.api_key_create(marketplace=mp, role="manager", at=at)

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "abate.cli", "serve", "--no-worker", "--port", str(port),
         "--workers", "2"],
        cwd=ROOT, env={**os.environ, "DATABASE_URL": _database_url()},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        wait_ready(port, time.time() + 60)
        holder = psycopg.connect(_database_url())
        holder.execute("SELECT 1 FROM credits_creditmemo WHERE id = %s FOR UPDATE",
                       [memo.id])
        answer = {}

        def void():
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            c.request("POST", f"/api/v1/credit_memos/{memo.id}/void", body="{}",
                      headers={"Authorization": f"Bearer {key}",
                               "Content-Type": "application/json"})
            response = c.getresponse()
            answer["status"], answer["body"] = response.status, json.loads(response.read())

        client = threading.Thread(target=void)
        client.start()
        watcher = psycopg.connect(_database_url(), autocommit=True)
        deadline = time.time() + 30
        while time.time() < deadline:  # the request is in flight: it waits on our lock
            waiting = watcher.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                "AND datname = current_database()").fetchone()[0]
            if waiting:
                break
            time.sleep(0.05)
        assert waiting, "the void request never reached the database"

        server.send_signal(signal.SIGTERM)
        time.sleep(1.0)
        assert server.poll() is None, "the server stopped with a request in flight"
        holder.rollback()
        holder.close()
        client.join(timeout=60)

        assert answer["status"] == 200
        assert answer["body"]["status"] == "void"
        assert server.wait(timeout=60) == 0
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", port), timeout=2).close()
        watcher.close()
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
