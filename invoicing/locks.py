"""Row locks for invoices. Lock order across Abate: credit memos (by id), then invoices (by
id), then the number counter last. Nobody holding an invoice lock asks for a memo lock."""

from invoicing.models import Invoice, Payment


def invoices(*, marketplace, ids) -> dict:
    rows = (
        Invoice.objects.select_for_update(of=("self",))
        .filter(marketplace=marketplace, pk__in=list(ids))
        .order_by("id")
    )
    return {row.pk: row for row in rows}


def invoice(*, marketplace, id) -> Invoice | None:
    return invoices(marketplace=marketplace, ids=[id]).get(id)


def payment(*, marketplace, id) -> Payment | None:
    return (
        Payment.objects.select_for_update(of=("self",))
        .filter(marketplace=marketplace, pk=id)
        .first()
    )
