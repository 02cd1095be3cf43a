"""Ledger balances, per marketplace, company, account and currency."""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Sum

from ledger.models import JournalEntry, JournalLine


def account_balances(*, marketplace) -> dict[tuple, Decimal]:
    """{(account, company_id, currency): debit - credit}."""
    rows = (
        JournalLine.objects.filter(marketplace=marketplace)
        .values("account", "company_id", "currency")
        .annotate(debit=Sum("debit"), credit=Sum("credit"))
    )
    return {
        (r["account"], r["company_id"], r["currency"]): (r["debit"] or 0) - (r["credit"] or 0)
        for r in rows
    }


def unbalanced_entries(*, marketplace) -> list[tuple[int, Decimal]]:
    totals = defaultdict(Decimal)
    rows = (
        JournalLine.objects.filter(marketplace=marketplace)
        .values("entry_id")
        .annotate(debit=Sum("debit"), credit=Sum("credit"))
    )
    for r in rows:
        totals[r["entry_id"]] = (r["debit"] or 0) - (r["credit"] or 0)
    return [(entry_id, diff) for entry_id, diff in totals.items() if diff != 0]


def entries_for(*, source_type: str, source_id) -> list[JournalEntry]:
    return list(
        JournalEntry.objects.filter(source_type=source_type, source_id=source_id)
        .prefetch_related("lines")
        .order_by("id")
    )
