"""Row locks for credit memos: always before any invoice lock, several in id order."""

from credits.models import CreditMemo, Payout


def memos(*, marketplace, ids) -> dict:
    rows = (
        CreditMemo.objects.select_for_update(no_key=True, of=("self",))
        .filter(marketplace=marketplace, pk__in=list(ids))
        .order_by("id")
    )
    return {row.pk: row for row in rows}


def memo(*, marketplace, id) -> CreditMemo | None:
    return memos(marketplace=marketplace, ids=[id]).get(id)


def payout(*, marketplace, id) -> Payout | None:
    return Payout.objects.select_for_update(no_key=True, of=("self",)).filter(
        marketplace=marketplace, pk=id
    ).first()
