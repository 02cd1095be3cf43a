"""The event log's lock: one per marketplace, taken by a change when it records its events
and held until it commits. Changes therefore record their events one after another, in the
order they commit: the ids and times of a change's events are taken after every change
recorded before it has committed (see services.event_record).

It is a transaction-level advisory lock on PostgreSQL (released by the commit, the rollback
or the death of the connection), in the two-key space, apart from the one-key locks of
common.idempotency. SQLite needs none: it runs one writing transaction at a time."""

import hashlib
import zlib

from django.db import connection

EVENT_LOG = zlib.crc32(b"abate.notifications.event_log") - 2**31


def event_log(*, marketplace_id) -> None:
    if connection.vendor != "postgresql":
        return
    # Two marketplaces whose ids hash alike share a lock: they wait for each other, no more.
    key = int.from_bytes(hashlib.sha256(str(marketplace_id).encode()).digest()[:4], "big",
                         signed=True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s::int4, %s::int4)", [EVENT_LOG, key])
