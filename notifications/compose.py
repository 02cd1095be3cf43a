"""Composing an e-mail notification: who gets it (the payer's billing contact), its subject
and body from the marketplace's templates, and the PDF it carries. The one module of
`notifications` that reads other apps (companies, documents); only the sending service,
which runs in a background job, imports it."""

from notifications import email
from notifications.services import email_setting


class CannotCompose(Exception):
    """Why this notification cannot be sent at all (not worth a retry)."""


def _attachment(*, kind: str, data: dict, at) -> tuple[str, bytes]:
    """(file name, PDF)."""
    from documents import services as documents
    from documents import sources

    if kind == "invoice_issued":
        invoice = sources.load(kind="invoice", document_id=data["id"])
        content, name = documents.pdf_bytes(kind="invoice", document=invoice, actor="system",
                                            at=at)
        return name, content
    memo = sources.load(kind="credit_memo", document_id=data["id"])
    if kind == "credit_memo_pdf_created":
        content, name = documents.pdf_bytes(kind="credit_memo", document=memo, actor="system",
                                            at=at)
        return name, content
    # Credit applied: the memo as it stands now, with the new application and balance.
    return f"{memo.number}.pdf", documents.pdf_render(kind="credit_memo", document=memo)


def compose(*, notification, at) -> dict:
    from common.errors import NotFound
    from customers.models import Company

    event = notification.event
    data = event.data
    payer = Company.objects.filter(pk=data.get("company_id"),
                                   marketplace_id=notification.marketplace_id).first()
    if payer is None:
        raise CannotCompose("the document's company no longer exists")
    if not payer.billing_email:
        raise CannotCompose(f"{payer.name} has no billing e-mail address")
    setting = email_setting(marketplace=notification.marketplace, kind=notification.kind)
    values = email.context(event_data=data, event_at=event.at, company_name=payer.name,
                           marketplace_name=notification.marketplace.name)
    subject, body = email.render(subject=setting["subject"], body=setting["body"],
                                 values=values)
    try:
        attachment = _attachment(kind=notification.kind, data=data, at=at)
    except NotFound:
        raise CannotCompose("the document no longer exists") from None
    return {"recipient": payer.billing_email, "subject": subject, "body": body,
            "attachment": attachment}
