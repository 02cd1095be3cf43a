"""Posting to the ledger. Amounts are signed: positive debits, negative credits. An entry is
posted only if it balances; posted entries never change (corrections are reversals).

A change that moves money in several ways (a memo issued and applied) describes each
movement as a `Posting` and posts them together with `entries_post`: one INSERT for the
entries and one for all their lines."""

from dataclasses import dataclass
from decimal import Decimal

from common.errors import DomainError
from ledger.accounts import ACCOUNTS
from ledger.models import JournalEntry, JournalLine


class UnbalancedEntry(DomainError):
    kind = "internal"
    code = "unbalanced_entry"


@dataclass
class Posting:
    """One journal entry to post: `lines` are (account, company_id, signed amount)."""

    kind: str
    source: tuple[str, object]
    currency: str
    lines: list[tuple[str, object, Decimal]]
    reverses: JournalEntry | None = None

    def kept_lines(self) -> list[tuple[str, object, Decimal]]:
        """The non-zero lines, checked: known accounts, and they balance."""
        kept = [(a, c, Decimal(v)) for a, c, v in self.lines if v != 0]
        for account, _, _ in kept:
            if account not in ACCOUNTS:
                raise UnbalancedEntry(f"unknown account {account}")
        if sum(v for _, _, v in kept) != 0:
            raise UnbalancedEntry(f"{self.kind} for {self.source} does not balance: {kept}")
        return kept


def entries_post(*, marketplace, postings: list[Posting], at) -> list[JournalEntry | None]:
    """Post balanced entries, in order; a posting whose lines are all zero is not posted
    (None in its place)."""
    checked = [(p, p.kept_lines()) for p in postings]
    entries = [
        JournalEntry(marketplace=marketplace, kind=p.kind, source_type=p.source[0],
                     source_id=p.source[1], currency=p.currency, posted_at=at,
                     reverses=p.reverses)
        if kept else None
        for p, kept in checked
    ]
    posted = [e for e in entries if e is not None]
    if not posted:
        return entries
    JournalEntry.objects.bulk_create(posted)
    JournalLine.objects.bulk_create(
        JournalLine(
            entry=entry, marketplace=marketplace, account=account, company_id=company_id,
            currency=p.currency, debit=amount if amount > 0 else 0,
            credit=-amount if amount < 0 else 0,
        )
        for entry, (p, kept) in zip(entries, checked, strict=True) if entry is not None
        for account, company_id, amount in kept
    )
    return entries


def entry_post(*, marketplace, kind: str, source: tuple[str, object], currency: str,
               lines: list[tuple[str, object, Decimal]], at, reverses=None) -> JournalEntry | None:
    """Post one balanced entry. `lines` are (account, company_id, signed amount); zero lines
    are dropped, and an entry with nothing left is not posted."""
    return entries_post(marketplace=marketplace, at=at, postings=[
        Posting(kind=kind, source=source, currency=currency, lines=lines, reverses=reverses)])[0]


def reversal_of(*, marketplace, source: tuple[str, object], kind: str,
                reversal_kind: str) -> Posting | None:
    """The mirror image of the (unreversed) entry of `kind` for `source`, to post."""
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
    return Posting(kind=reversal_kind, source=source, currency=original.currency, lines=lines,
                   reverses=original)


def entry_reverse(*, marketplace, source: tuple[str, object], kind: str, reversal_kind: str,
                  at) -> JournalEntry | None:
    """Post the mirror image of the (unreversed) entry of `kind` for `source`."""
    posting = reversal_of(marketplace=marketplace, source=source, kind=kind,
                          reversal_kind=reversal_kind)
    if posting is None:
        return None
    return entries_post(marketplace=marketplace, postings=[posting], at=at)[0]
