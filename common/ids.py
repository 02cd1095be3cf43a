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


def find(queryset, id, *, what: str, param: str):
    """The row of `queryset` with that id, else NotFound naming `param`: an id of another
    marketplace, or of any other form, names nothing."""
    from common.errors import NotFound

    pk = parse_id(id)
    row = queryset.filter(pk=pk).first() if pk else None
    if row is None:
        raise NotFound(f"no such {what}", param=param)
    return row
