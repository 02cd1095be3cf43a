"""Lists: `{"object": "list", "data", "has_more", "next_cursor"}` with keyset pagination.

`paginate(queryset, limit=, cursor=, serialize=)` orders newest first by (created_at, id)
and reads one row past the page to know `has_more`. The cursor is opaque (base64url of the
last row's sort key): the next page starts strictly after it, so every row that existed when
the walk began is visited exactly once, whatever is created meanwhile (new rows sort before
the first page). A cursor that does not decode is a 400 `invalid_cursor`.

Declare the two query parameters on a list operation with
`limit: int = LIMIT, cursor: str | None = CURSOR`."""

import base64
import datetime
import json
import uuid

from django.db.models import Q
from ninja import Query

from common.errors import InvalidInput

DEFAULT_LIMIT = 20
MAX_LIMIT = 100

LIMIT = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT,
              description="page size, 1 to 100 (default 20)")
CURSOR = Query(None, max_length=200,
               description="`next_cursor` of the previous page (opaque)")


def _parse_datetime(text):
    value = datetime.datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise ValueError("naive")
    return value


def _parse_uuid(text):
    return uuid.UUID(text)


def _parse_int(text):
    if not isinstance(text, int) or isinstance(text, bool):
        raise ValueError("not an int")
    return text


class Keyset:
    """A sort order for keyset pagination: fields, how to parse them back from a cursor,
    and the direction (newest first by default)."""

    def __init__(self, fields, parsers, *, descending=True):
        self.fields = fields
        self.parsers = parsers
        self.descending = descending

    def order_by(self):
        sign = "-" if self.descending else ""
        return [f"{sign}{name}" for name in self.fields]

    def encode(self, row) -> str:
        values = []
        for name in self.fields:
            value = getattr(row, name)
            values.append(value if isinstance(value, int) else
                          value.isoformat() if isinstance(value, datetime.datetime) else
                          str(value))
        raw = json.dumps(values, separators=(",", ":")).encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    def decode(self, cursor: str) -> list:
        try:
            padded = cursor + "=" * (-len(cursor) % 4)
            values = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
            if not isinstance(values, list) or len(values) != len(self.fields):
                raise ValueError("shape")
            return [parse(value) for parse, value in zip(self.parsers, values, strict=True)]
        except (ValueError, TypeError, UnicodeError, json.JSONDecodeError):
            raise InvalidInput("cursor is not one this API gave", code="invalid_cursor",
                               param="cursor") from None

    def after(self, values) -> Q:
        """Rows strictly after `values` in this order."""
        op = "lt" if self.descending else "gt"
        condition = Q()
        equal = {}
        for name, value in zip(self.fields, values, strict=True):
            condition |= Q(**equal, **{f"{name}__{op}": value})
            equal[name] = value
        return condition


BY_CREATED = Keyset(("created_at", "id"), (_parse_datetime, _parse_uuid))
BY_ID = Keyset(("id",), (_parse_int,))
BY_ID_ASCENDING = Keyset(("id",), (_parse_int,), descending=False)


def page(queryset, *, limit: int, cursor: str | None, keyset: Keyset = BY_CREATED):
    """(rows, has_more, next_cursor) of one page."""
    if cursor is not None:
        queryset = queryset.filter(keyset.after(keyset.decode(cursor)))
    rows = list(queryset.order_by(*keyset.order_by())[: limit + 1])
    has_more = len(rows) > limit
    rows = rows[:limit]
    return rows, has_more, keyset.encode(rows[-1]) if has_more else None


def paginate(queryset, *, limit: int, cursor: str | None, serialize,
             keyset: Keyset = BY_CREATED, read_related=None) -> dict:
    """`read_related(rows)`, if given, reads what the page's rows need for `serialize` in a
    few queries for them all."""
    rows, has_more, next_cursor = page(queryset, limit=limit, cursor=cursor, keyset=keyset)
    if read_related is not None:
        read_related(rows)
    return {"object": "list", "data": [serialize(row) for row in rows], "has_more": has_more,
            "next_cursor": next_cursor}
