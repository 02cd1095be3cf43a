"""Row locks for invoices. Lock order across Abate: credit memos (by id), then invoices (by
id), then the number counter last. Nobody holding an invoice lock asks for a memo lock.

Locks are FOR NO KEY UPDATE: they serialise changes to the row, but the foreign-key checks of
rows inserted elsewhere that name it (FOR KEY SHARE) do not wait for them."""

from invoicing.models import Invoice, Payment


def invoices(*, marketplace, ids) -> dict:
    rows = (
        Invoice.objects.select_for_update(no_key=True, of=("self",))
        .filter(marketplace=marketplace, pk__in=list(ids))
        .order_by("id")
    )
    return {row.pk: row for row in rows}


def invoice(*, marketplace, id) -> Invoice | None:
    return invoices(marketplace=marketplace, ids=[id]).get(id)


def payment(*, marketplace, id) -> Payment | None:
    return (
        Payment.objects.select_for_update(no_key=True, of=("self",))
        .filter(marketplace=marketplace, pk=id)
        .first()
    )
