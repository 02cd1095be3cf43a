"""Composing an e-mail notification: who gets it (the payer's billing contact), its subject
and body from the marketplace's templates, and the stored PDF it carries (from the provider
the document's app registered, notifications.attachments). Only the sending service, which
runs in a background job, imports it."""

from notifications import attachments, email
from notifications.services import email_setting


class CannotCompose(Exception):
    """Why this notification cannot be sent at all (not worth a retry)."""


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
        attachment = attachments.attachment(notification.kind, data)
    except NotFound:
        raise CannotCompose("the document no longer exists") from None
    return {"recipient": payer.billing_email, "subject": subject, "body": body,
            "attachment": attachment}
