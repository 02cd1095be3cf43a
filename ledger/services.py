"""Posting to the ledger. Amounts are signed: positive debits, negative credits. An entry is
posted only if it balances; posted entries never change (corrections are reversals)."""

from decimal import Decimal

from common.errors import DomainError
from ledger.models import ACCOUNTS, JournalEntry, JournalLine


class UnbalancedEntry(DomainError):
    kind = "internal"
    code = "unbalanced_entry"


def entry_post(*, marketplace, kind: str, source: tuple[str, object], currency: str,
               lines: list[tuple[str, object, Decimal]], at, reverses=None) -> JournalEntry | None:
    """Post one balanced entry. `lines` are (account, company_id, signed amount); zero lines
    are dropped, and an entry with nothing left is not posted."""
    kept = [(a, c, Decimal(v)) for a, c, v in lines if v != 0]
    if not kept:
        return None
    for account, _, _ in kept:
        if account not in ACCOUNTS:
            raise UnbalancedEntry(f"unknown account {account}")
    if sum(v for _, _, v in kept) != 0:
        raise UnbalancedEntry(f"{kind} for {source} does not balance: {kept}")
    entry = JournalEntry.objects.create(
        marketplace=marketplace, kind=kind, source_type=source[0], source_id=source[1],
        currency=currency, posted_at=at, reverses=reverses,
    )
    JournalLine.objects.bulk_create(
        JournalLine(
            entry=entry, marketplace=marketplace, account=account, company_id=company_id,
            currency=currency, debit=amount if amount > 0 else 0,
            credit=-amount if amount < 0 else 0,
        )
        for account, company_id, amount in kept
    )
    return entry


def entry_reverse(*, marketplace, source: tuple[str, object], kind: str, reversal_kind: str,
                  at) -> JournalEntry | None:
    """Post the mirror image of the (unreversed) entry of `kind` for `source`."""
    original = (
        JournalEntry.objects.filter(
            marketplace=marketplace, source_type=source[0], source_id=source[1], kind=kind,
            reversed_by__isnull=True,
        )
        .order_by("-id")
        .first()
    )
    if original is None:
        return None
    lines = [
        (line.account, line.company_id, line.credit - line.debit)
        for line in original.lines.all()
    ]
    return entry_post(
        marketplace=marketplace, kind=reversal_kind, source=source, currency=original.currency,
        lines=lines, at=at, reverses=original,
    )
