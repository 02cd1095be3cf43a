"""Background work for invoicing: thin, load by id and call one service."""


def pdf_schedule(*, marketplace_id, invoice_id) -> None:
    """Enqueue the invoice's PDF job in the caller's transaction (the issue)."""
    from documents.services import pdf_schedule as schedule

    schedule(marketplace_id=marketplace_id, kind="invoice", document_id=invoice_id)
