"""A PDF job whose worker died while running it is redone by the outbox sweep, so the PDF is
stored and `credit_memo.pdf_created`, its e-mail and its webhook follow, once each (issue 9,
point 9). The worker killed for real (SIGKILL) mid-render is in test_pdf_worker_kill.py."""

import datetime

from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from credits.tasks import generate_pdf
from documents.models import GeneratedPdf
from notifications import services as notifications
from notifications.models import EmailNotification, Event, WebhookDelivery
from tests.conftest import T0
from tests.jobs import assert_jobs_ok
from tests.notifications.test_webhooks import endpoint_for, issue_memo

PDF_TASK = "credits.tasks.generate_pdf"


def test_the_sweep_redoes_a_pdf_job_that_a_dead_worker_left_running(mp, buyer, receiver,
                                                                      smtp):
    endpoint_for(mp, receiver, types=("credit_memo.pdf_created",))
    notifications.email_setting_update(marketplace=mp, kind="credit_memo_pdf_created",
                                       enabled=True, at=T0)
    memo = issue_memo(mp, buyer)
    job = DBTaskResult.objects.get(task_path=PDF_TASK)
    job.claim("dead-worker")  # taken, never finished: the worker died rendering
    taken = job.started_at

    # Two minutes is the lease: before it, the job may still be rendering.
    soon = taken + datetime.timedelta(minutes=1)
    assert notifications.outbox_sweep(at=soon)["redone_jobs"] == 0
    later = taken + datetime.timedelta(minutes=3)
    assert notifications.outbox_sweep(at=later)["redone_jobs"] == 1
    job.refresh_from_db()
    assert job.status == "FAILED" and "queued again" in job.traceback
    [redo] = DBTaskResult.objects.filter(task_path=PDF_TASK, status="READY")
    assert redo.args_kwargs["kwargs"] == job.args_kwargs["kwargs"]
    assert notifications.outbox_sweep(at=later)["redone_jobs"] == 0  # once

    assert_jobs_ok()
    pdf = GeneratedPdf.objects.get(kind="credit_memo", document_id=memo.id)
    assert (pdf.number, pdf.version) == ("CM-000001", 1)
    assert Event.objects.filter(type="credit_memo.pdf_created").count() == 1
    assert WebhookDelivery.objects.get().status == "succeeded"
    assert [r["payload"]["type"] for r in receiver.requests] == ["credit_memo.pdf_created"]
    assert EmailNotification.objects.get().status == "succeeded"
    [(recipients, message)] = smtp.messages
    assert recipients == ["ap@globex.test"]
    assert [a.get_filename() for a in message.iter_attachments()] == ["CM-000001.pdf"]


def test_a_redo_beside_a_live_slow_job_stores_one_pdf_and_one_event(mp, buyer):
    """The lease passed but the first worker was only slow: both jobs run; the second finds
    the PDF stored and records nothing more."""
    memo = issue_memo(mp, buyer)
    job = DBTaskResult.objects.get(task_path=PDF_TASK)
    job.claim("slow-worker")
    assert notifications.outbox_sweep(
        at=timezone.now() + datetime.timedelta(minutes=3))["redone_jobs"] == 1
    first = generate_pdf.call(**job.args_kwargs["kwargs"])  # the slow worker finishing
    assert_jobs_ok()  # the redo
    assert first["version"] == 1
    assert GeneratedPdf.objects.filter(document_id=memo.id).count() == 1
    assert Event.objects.filter(type="credit_memo.pdf_created").count() == 1
