"""E-mail notifications through Django's SMTP backend to a real SMTP server on loopback."""

import datetime
import hashlib
import io

from django_tasks_db.models import DBTaskResult
from pypdf import PdfReader

from credits import services as credits
from documents.models import GeneratedPdf
from invoicing.tasks import generate_pdf as generate_invoice_pdf
from notifications import services as notifications
from notifications.models import EmailNotification
from tests.conftest import T0
from tests.jobs import assert_jobs_ok
from tests.live import free_port


def stored_pdf(kind: str, document_id) -> bytes:
    with GeneratedPdf.objects.get(kind=kind, document_id=document_id).file.open("rb") as f:
        return f.read()


def pdf_text(part) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(part.get_content())).pages)


def memo_for(mp, company, at, amount="120.00"):
    return credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=company.id, reason_code="service_credit", actor="t", at=at,
        lines=[{"name": "Outage credit", "quantity": "1", "unit_price": amount}])


def test_pdf_created_mail_carries_the_pdf_to_the_billing_contact(mp, buyer, smtp, clock):
    notifications.email_setting_update(
        marketplace=mp, kind="credit_memo_pdf_created", enabled=True, at=T0,
        subject="Your credit {{ document.number }} ({{ document.currency }} "
                "{{ document.total }})")
    memo = memo_for(mp, buyer, clock())
    assert_jobs_ok()

    assert len(smtp.messages) == 1
    recipients, message = smtp.messages[0]
    assert recipients == ["ap@globex.test"]
    assert message["Subject"] == "Your credit CM-000001 (USD 120.00)"
    assert message["Message-ID"] == f"<{EmailNotification.objects.get().id}@abate>"
    body = message.get_body(("plain",)).get_content()
    assert "Hello Globex" in body and "Remaining balance: USD 120.00" in body
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "CM-000001.pdf"
    assert attachment.get_content_type() == "application/pdf"
    text = pdf_text(attachment)
    assert "CM-000001" in text and "120.00" in text and "Outage credit" in text
    sent = EmailNotification.objects.get()
    assert (sent.status, sent.recipient, sent.attempts) == ("succeeded", "ap@globex.test", 1)
    assert sent.event.subject_id == memo.id


def test_invoice_issued_and_credit_applied_mails(mp, buyer, smtp, make_invoice, clock):
    for kind in ("invoice_issued", "credit_applied"):
        notifications.email_setting_update(marketplace=mp, kind=kind, enabled=True, at=T0)
    memo = memo_for(mp, buyer, clock(), amount="50.00")
    invoice = make_invoice(buyer, amount="200.00")  # auto-applies the 50.00 memo
    assert_jobs_ok()

    subjects = sorted(m["Subject"] for _, m in smtp.messages)
    assert subjects == ["Credit CM-000001 applied to invoice INV-000001",
                        "Invoice INV-000001 from Acme Market"]
    by_subject = {m["Subject"]: m for _, m in smtp.messages}
    invoice_mail = by_subject["Invoice INV-000001 from Acme Market"]
    body = invoice_mail.get_body(("plain",)).get_content()
    assert "Amount due: USD 150.00, due on 2026-01-15" in body
    assert "INV-000001" in pdf_text(next(invoice_mail.iter_attachments()))
    applied = by_subject["Credit CM-000001 applied to invoice INV-000001"]
    assert "USD 50.00 of credit memo CM-000001 was applied" in applied.get_body(
        ("plain",)).get_content()
    assert "Remaining balance" in pdf_text(next(applied.iter_attachments()))
    assert invoice.number == "INV-000001" and memo.number == "CM-000001"
    # Both carry the stored PDFs, byte for byte: the memo's as it was issued.
    assert next(invoice_mail.iter_attachments()).get_content() == stored_pdf(
        "invoice", invoice.id)
    assert next(applied.iter_attachments()).get_content() == stored_pdf("credit_memo", memo.id)


def test_invoice_mail_waits_for_the_pdf_job_and_carries_the_stored_pdf(mp, buyer, smtp,
                                                                      make_invoice):
    """The e-mail's job runs before the invoice's PDF job: it sends nothing and spends no
    attempt, and tries again after the retry base (5 s). Once the PDF job stored the PDF,
    the e-mail carries that file byte for byte; nothing is rendered for it."""
    notifications.email_setting_update(marketplace=mp, kind="invoice_issued", enabled=True,
                                       at=T0)
    invoice = make_invoice(buyer, amount="200.00")
    notification = EmailNotification.objects.get()
    at = notification.created_at + datetime.timedelta(seconds=1)
    assert notifications.email_send(notification_id=notification.id, at=at) == "pending"
    notification.refresh_from_db()
    assert (notification.attempts, smtp.messages) == (0, [])
    assert notification.last_error == ("waiting: the PDF of invoice INV-000001 is not "
                                       "stored yet")
    assert notification.next_attempt_at == at + datetime.timedelta(seconds=5)
    wakeup = DBTaskResult.objects.get(pk=notification.wakeup_job_id)
    assert wakeup.status == "READY" and wakeup.run_after == notification.next_attempt_at
    # Tried again before it is due: nothing changes.
    assert notifications.email_send(notification_id=notification.id, at=at) == "pending"
    assert not GeneratedPdf.objects.exists()

    [job] = DBTaskResult.objects.filter(task_path="invoicing.tasks.generate_pdf")
    generate_invoice_pdf.call(**job.args_kwargs["kwargs"])
    stored = GeneratedPdf.objects.get(kind="invoice", document_id=invoice.id)
    assert notifications.email_send(notification_id=notification.id,
                                    at=notification.next_attempt_at) == "succeeded"
    [(recipients, message)] = smtp.messages
    [attachment] = list(message.iter_attachments())
    assert (recipients, attachment.get_filename()) == (["ap@globex.test"], "INV-000001.pdf")
    content = attachment.get_content()
    assert content == stored_pdf("invoice", invoice.id)
    assert hashlib.sha256(content).hexdigest() == stored.sha256
    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == ("succeeded", 1)
    assert GeneratedPdf.objects.count() == 1  # the e-mail stored nothing more


def test_a_pdf_that_never_comes_spends_attempts_after_a_day(mp, buyer, smtp, make_invoice):
    notifications.email_setting_update(marketplace=mp, kind="invoice_issued", enabled=True,
                                       at=T0)
    make_invoice(buyer, amount="200.00")
    notification = EmailNotification.objects.get()
    at = notification.created_at + datetime.timedelta(days=1, seconds=1)
    assert notifications.email_send(notification_id=notification.id, at=at) == "pending"
    notification.refresh_from_db()
    assert notification.attempts == 1 and smtp.messages == []
    assert notification.last_error == "the PDF of invoice INV-000001 is not stored yet"


def test_notifications_are_off_until_turned_on(mp, buyer, smtp, clock):
    memo_for(mp, buyer, clock())
    assert_jobs_ok()
    assert smtp.messages == [] and not EmailNotification.objects.exists()


def test_no_billing_contact_fails_visibly_without_retrying(mp, make_company, smtp, seller,
                                                           clock):
    notifications.email_setting_update(marketplace=mp, kind="credit_memo_pdf_created",
                                       enabled=True, at=T0)
    memo_for(mp, make_company("Nomail Inc"), clock())
    assert_jobs_ok()
    notification = EmailNotification.objects.get()
    assert notification.status == "failed" and notification.attempts == 0
    assert notification.last_error == "Nomail Inc has no billing e-mail address"
    assert smtp.messages == []


def test_smtp_down_is_retried_later(mp, buyer, settings, clock):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nobody listens
    notifications.email_setting_update(marketplace=mp, kind="credit_memo_pdf_created",
                                       enabled=True, at=T0)
    memo_for(mp, buyer, clock())
    assert_jobs_ok()
    notification = EmailNotification.objects.get()
    assert (notification.status, notification.attempts) == ("pending", 1)
    assert "ConnectionRefusedError" in notification.last_error
    from django_tasks_db.models import DBTaskResult

    retry = DBTaskResult.objects.get(pk=notification.wakeup_job_id)
    assert retry.status == "READY" and retry.run_after == notification.next_attempt_at


def test_templates_are_checked(mp):
    import pytest

    from common.errors import BusinessRule

    with pytest.raises(BusinessRule) as error:
        notifications.email_setting_update(marketplace=mp, kind="invoice_issued",
                                           subject="{% for %}", at=T0)
    assert (error.value.code, error.value.param) == ("invalid_template", "subject")
    setting = notifications.email_setting(marketplace=mp, kind="invoice_issued")
    assert setting["enabled"] is False and "{{ document.number }}" in setting["subject"]
