"""Opaque ids: any string that is not one of ours names nothing (a 404, never a 500)."""

import uuid


def parse_id(value: object) -> uuid.UUID | None:
    if isinstance(value, uuid.UUID):
        return value
    if not isinstance(value, str) or len(value) > 64:
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        return None
