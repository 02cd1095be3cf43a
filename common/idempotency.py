"""Requests that take effect once: an API `POST` with an `Idempotency-Key`, a page form with
its one-time token.

`run_once` runs the request's `respond()` in one transaction with its stored answer
(common/transactions.py `request_unit`): either the work and the answer are committed
together, or neither is. So a retry, after any crash, finds the answer (and replays it) or
finds nothing (and does the work): never a done work without its answer.

While a request runs it holds a transaction-level lock on its (scope, key): on PostgreSQL an
advisory lock, released by the commit, the rollback, or the death of the connection; a second
request with the same key either gives up at once (`KeyInUse`, the API's 409) or waits for the
first and then replays its answer (pages). SQLite runs one writing transaction at a time
(BEGIN IMMEDIATE), which serialises the two the same way."""

import datetime
import hashlib
import os
import time
from pathlib import Path

from django.db import connection, transaction
from django.http import HttpResponse

from common.models import IdempotencyRecord
from common.transactions import request_unit

RETENTION = datetime.timedelta(hours=24)
# What a replay gives back besides status and body.
KEPT_HEADERS = ("Content-Type", "Location", "Content-Disposition", "HX-Redirect", "HX-Location",
                "HX-Refresh", "HX-Trigger")


class KeyInUse(Exception):
    """A request with this key is running now."""


class KeyReused(Exception):
    """The key was used with another request; `response` replays the first one's answer."""

    def __init__(self, response):
        super().__init__("the key was used with another request")
        self.response = response


def fingerprint(*parts: bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


def run_once(*, scope: str, key: str, fingerprint: str, at, respond, keeps,
             wait: bool = False) -> tuple[HttpResponse, bool]:
    """(the response, whether it is a replay). `keeps(response)` says whether an answer is
    final: a transient one (a lost race, a server error) is rolled back with any work, and
    not stored, so that a retry does the work."""
    with request_unit():
        _lock(scope=scope, key=key, wait=wait)
        record = IdempotencyRecord.objects.filter(scope=scope, key=key).first()
        if record is not None and record.created_at > at - RETENTION:
            if record.fingerprint != fingerprint:
                raise KeyReused(replay(record))
            return replay(record), True
        if record is not None:
            record.delete()
        response = respond()
        if keeps(response):
            IdempotencyRecord.objects.create(
                scope=scope, key=key, fingerprint=fingerprint, created_at=at,
                response_status=response.status_code,
                response_headers={name: response[name] for name in KEPT_HEADERS
                                  if response.has_header(name)},
                response_body=response.content)
            _hold("before_commit")
        else:
            transaction.set_rollback(True)
    _hold("after_commit")
    return response, False


def replay(record: IdempotencyRecord) -> HttpResponse:
    response = HttpResponse(bytes(record.response_body), status=record.response_status)
    for name, value in record.response_headers.items():
        response[name] = value
    return response


def purge_expired(*, at) -> int:
    """Delete the answers past their 24 h; a periodic job of the worker."""
    deleted, _ = IdempotencyRecord.objects.filter(created_at__lte=at - RETENTION).delete()
    return deleted


def _lock(*, scope: str, key: str, wait: bool) -> None:
    if connection.vendor != "postgresql":
        return  # SQLite: this transaction is the only writer until it ends
    digest = hashlib.sha256(f"{scope}\x00{key}".encode()).digest()
    lock_id = int.from_bytes(digest[:8], "big", signed=True)
    with connection.cursor() as cursor:
        if wait:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [lock_id])
            return
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [lock_id])
        if not cursor.fetchone()[0]:
            raise KeyInUse("a request with this key is still running")


def _hold(point: str) -> None:
    """Crash tests only: with ABATE_TEST_HOLD=<point>:<file>, a request that reaches `point`
    creates <file> and waits there to be killed (tests/api/test_crash_retry.py)."""
    spec = os.environ.get("ABATE_TEST_HOLD")
    if spec and spec.startswith(point + ":"):
        Path(spec.split(":", 1)[1]).write_text(str(os.getpid()))
        time.sleep(600)
