"""Gapless document numbers per marketplace and document type (django-sequences).

The number is taken inside the caller's transaction, which holds the counter's row lock until
it commits: callers take it as their last write, so that lock, which serialises every issue
of one marketplace and type, is held as briefly as possible. A rolled-back transaction gives
its number back, so numbers have no gaps."""

from sequences import get_last_value, get_next_value

from marketplaces.numbers import DOCUMENT_TYPES as PREFIX_FIELDS
from marketplaces.numbers import sequence_name


def _format(marketplace, document_type: str, value: int) -> str:
    prefix = getattr(marketplace, PREFIX_FIELDS[document_type])
    return f"{prefix}{value:0{marketplace.number_padding}d}"


def next_number(*, marketplace, document_type: str) -> str:
    value = get_next_value(sequence_name(marketplace_id=marketplace.id,
                                         document_type=document_type))
    return _format(marketplace, document_type, value)


def preview_number(*, marketplace, document_type: str) -> str:
    """The number the next issue would take (for settings pages); takes nothing."""
    last = get_last_value(sequence_name(marketplace_id=marketplace.id,
                                        document_type=document_type)) or 0
    return _format(marketplace, document_type, last + 1)
