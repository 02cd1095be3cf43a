"""A worker killed in the middle of a webhook delivery: the delivery is sent again by the next
worker, not lost. Real processes: `abate db_worker` (killed with SIGKILL while the receiver
holds its request), a second worker, and the receiver on loopback."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from tests.loopback import Receiver

HERE = Path(__file__).parent
ABATE = Path(sys.executable).parent / "abate"


def _database_url(tmp_path) -> str:
    """PostgreSQL: this run's test database (committed data: transactional_db). SQLite: the
    test database lives in memory, so it is copied (schema and all) to a file that the
    processes open."""
    if connection.vendor == "postgresql":
        s = connection.settings_dict
        auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
        return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"
    path = tmp_path / "worker.sqlite3"
    connection.ensure_connection()
    target = sqlite3.connect(path)
    connection.connection.backup(target)
    target.close()
    return f"sqlite:///{path}"


def _run(env, *args) -> dict:
    result = subprocess.run([sys.executable, str(HERE / "worker_scenario.py"), *args],
                            env=env, capture_output=True, text=True, timeout=120,
                            cwd=settings.BASE_DIR)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def _worker(env):
    return subprocess.Popen(
        [str(ABATE), "db_worker", "--queue-name", "*", "--interval", "0.1",
         "--no-startup-delay", "--no-reload", "-v", "0"],
        env=env, cwd=settings.BASE_DIR, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _wait(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.mark.django_db(transaction=True)
def test_killed_worker_leads_to_redelivery(tmp_path):
    receiver = Receiver()
    receiver.plan = [("sleep", 8, 200)]  # holds the first request: the worker dies meanwhile
    workers = []
    try:
        url = _database_url(tmp_path)
        env = {**os.environ, "DATABASE_URL": url, "ABATE_WEBHOOKS_ALLOW_PRIVATE": "1",
               "ABATE_WEBHOOK_TIMEOUT": "2", "ABATE_RETRY_BASE_SECONDS": "0.5",
               "ABATE_MEDIA_ROOT": str(tmp_path / "media"), "ABATE_HOME": str(tmp_path)}
        setup = _run(env, "setup", receiver.url)
        receiver.secret = setup["secret"]

        first = _worker(env)
        workers.append(first)
        _wait(lambda: receiver.requests, 30, "the first delivery attempt")
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
        lost = _run(env, "status", setup["delivery_id"])
        assert (lost["status"], lost["attempts"]) == ("pending", 1)
        # The killed worker's job stays "running"; the retry it queued first is ready.
        assert lost["jobs"] == ["READY", "RUNNING"]

        second = _worker(env)
        workers.append(second)
        _wait(lambda: len(receiver.requests) >= 2, 30, "the redelivery")
        _wait(lambda: _run(env, "status", setup["delivery_id"])["status"] == "succeeded", 30,
              "the delivery to be recorded")
        done = _run(env, "status", setup["delivery_id"])
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.terminate()
                worker.wait(timeout=10)
        receiver.close()

    assert done["attempts"] == 2
    log = done["attempt_log"]
    assert [a["number"] for a in log] == [1, 2]
    assert log[0]["finished_at"] is None and "worker stopped" in log[0]["error"]
    assert log[1]["status_code"] == 200
    # The same message twice (receivers deduplicate on webhook-id), both signed correctly.
    assert len(receiver.requests) == 2
    assert receiver.requests[0]["headers"]["webhook-id"] == \
        receiver.requests[1]["headers"]["webhook-id"]
    assert all(r["payload"] for r in receiver.requests)
