"""A billing run killed with SIGKILL part-way is marked failed once its heartbeat is older
than the lease; run again, it ends with exactly the documents a clean run gives. The runs are
real `abate bill-run` processes on a PostgreSQL database made for this test; two marketplaces
are seeded alike, one billed cleanly, one killed and re-run."""

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import psycopg
import pytest
from django.conf import settings

from tests.billing.scenario import AS_OF

pytestmark = pytest.mark.postgres

ROOT = Path(__file__).resolve().parents[2]
ABATE = str(ROOT / ".venv" / "bin" / "abate")
CUSTOMERS = 48


def _server_url(dbname: str) -> str:
    db = settings.DATABASES["default"]
    auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{dbname}"


@pytest.fixture
def database():
    """A database of its own (the test's processes must see each other's commits)."""
    name = f"test_abate_billing_kill_{uuid.uuid4().hex[:8]}"
    admin = _server_url("postgres")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = _server_url(name)
    env = {**os.environ, "DATABASE_URL": url, "ABATE_CONN_MAX_AGE": "0"}
    env.pop("ABATE_TEST_DB_NAME", None)
    try:
        subprocess.run([ABATE, "migrate", "-v", "0"], env=env, check=True, cwd=ROOT)
        yield url, env
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _scenario(env, *args) -> str:
    done = subprocess.run([sys.executable, "-m", "tests.billing.scenario", *args], env=env,
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def _bill_run(slug) -> list[str]:
    return [ABATE, "bill-run", "--as-of", AS_OF.isoformat(), "--marketplace", slug]


def _entries(url, slug) -> int:
    with psycopg.connect(url) as conn:
        return conn.execute(
            "SELECT count(*) FROM billing_billingrunentry e JOIN marketplaces_marketplace m"
            " ON m.id = e.marketplace_id WHERE m.slug = %s AND e.as_of = %s",
            [slug, AS_OF]).fetchone()[0]


def _kill_after(url, env, slug, entries: int, *, deadline_s=120) -> int:
    """Start a run, SIGKILL it once `entries` customers are committed; the count then."""
    process = subprocess.Popen(_bill_run(slug), env=env, cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    give_up = time.monotonic() + deadline_s
    try:
        # Polling another process's progress: the only waiting in this test.
        while _entries(url, slug) < entries:
            assert process.poll() is None, "the run finished before it could be killed"
            assert time.monotonic() < give_up, "the run made no progress"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert process.returncode == -signal.SIGKILL
    return _entries(url, slug)


def test_killed_run_resumes_to_the_documents_of_a_clean_run(database, tmp_path):
    """Customer by customer, documents, their marking of charges and the run's entry commit
    together: a kill loses at most the customer in flight, wholly, and the re-run bills
    exactly the customers left, in the same order, so even the numbers agree."""
    url, env = database
    for slug in ("clean", "crash"):
        _scenario(env, "seed", "--slug", slug, "--customers", str(CUSTOMERS))

    subprocess.run(_bill_run("clean"), env=env, check=True, cwd=ROOT, capture_output=True)
    clean = json.loads(_scenario(env, "dump", "--slug", "clean"))
    assert clean["entries"] == CUSTOMERS and clean["pending_charges"] == 0
    assert clean["ledger_differences"] == []
    origins = {m["origin"] for m in clean["credit_memos"]}
    assert {"ad_hoc", "cancellation"} <= origins

    left_at_kill = _kill_after(url, env, "crash", CUSTOMERS // 3)
    assert CUSTOMERS // 3 <= left_at_kill < CUSTOMERS
    killed = json.loads(_scenario(env, "dump", "--slug", "crash"))
    assert killed["ledger_differences"] == []
    assert killed["invoices"] != clean["invoices"]  # it really stopped part-way
    # Left "running"; the reaper fails it once its heartbeat is older than the lease.
    assert killed["run_status"] == "running"
    assert json.loads(_scenario(env, "reap", "--slug", "crash", "--minutes", "0")) == {
        "status": "running", "failure_reason": ""}
    assert json.loads(_scenario(env, "reap", "--slug", "crash", "--minutes", "11")) == {
        "status": "failed",
        "failure_reason": "no progress for 10 minutes: the process running it stopped"}

    subprocess.run(_bill_run("crash"), env=env, check=True, cwd=ROOT, capture_output=True)
    subprocess.run(_bill_run("crash"), env=env, check=True, cwd=ROOT, capture_output=True)
    resumed = json.loads(_scenario(env, "dump", "--slug", "crash"))
    for name, data in (("clean", clean), ("resumed", resumed)):  # to diff when it fails
        (tmp_path / f"{name}.json").write_text(json.dumps(data, indent=1))
    assert resumed == clean
