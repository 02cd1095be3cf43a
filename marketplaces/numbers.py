"""Document number prefixes, and when two of them could give the same number.

A number is its prefix followed by the sequence's digits (zero-padded to `number_padding`,
longer once the sequence outgrows it). The digits have no fixed length, since the padding may
change and a sequence may outgrow it, so two prefixes can give one number exactly when one of
them is the other followed by nothing but digits (the same prefix included): with "INV-" and
"INV-1", invoice 1000012 and credit memo 12 are both "INV-1000012"; with "INV-" and "INV-0",
invoice 12 padded to 6 and credit memo 12 padded to 5 are both "INV-000012". Any other pair
differs at a character where one of them has a non-digit, so no two numbers can be equal.
"""

DOCUMENT_TYPES = {"invoice": "invoice_number_prefix", "credit_memo": "credit_memo_number_prefix"}
DIGITS = frozenset("0123456789")


def sequence_name(*, marketplace_id, document_type: str) -> str:
    """The django-sequences counter of a marketplace's numbers of one document type."""
    return f"{document_type}:{marketplace_id}"


def prefixes_collide(a: str, b: str) -> bool:
    """Whether a number made with prefix `a` can equal one made with prefix `b`."""
    shorter, longer = sorted((a, b), key=len)
    return longer.startswith(shorter) and set(longer[len(shorter):]) <= DIGITS
