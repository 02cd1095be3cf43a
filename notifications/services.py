"""Recording events, and what follows from them: webhook deliveries and e-mails.

`event_record` writes the event and, in the same transaction, one delivery per webhook
endpoint that wants its type and one e-mail per notification that is on, each with its job
queued: what the change caused is never lost, and nothing is sent before it commits. Sending
is at least once (see `outbox`).

Events are listed newest first by id, and their `at` never increases down that list, nor is
it ever before the commit of an event listed after it. So a change records its events as the
last work of its transaction (`before_commit`), under the marketplace's event-log lock held
until it commits (`locks.event_log`): ids and times are taken in commit order, and the lock
is never held while waiting for another."""

import datetime

from django.conf import settings
from django.db import transaction

from common import clock, jobs
from common.errors import InvalidInput, InvalidState, NotFound
from common.ids import parse_id
from common.transactions import before_commit, service
from notifications import attachments, email, locks, outbox, webhooks
from notifications.models import (
    EMAIL_KINDS,
    EVENT_TYPES,
    EmailNotification,
    EmailNotificationSetting,
    Event,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
)

EMAIL_LEASE = datetime.timedelta(seconds=settings.EMAIL_TIMEOUT * 2)
EMAIL_MAX_ATTEMPTS = 8
# An e-mail whose PDF is not stored yet waits for it without counting attempts, checking again
# after as long as it has waited so far (at least the retry base, at most an hour); after a day
# each check counts as a failed attempt, so a PDF that never comes fails the e-mail visibly.
ATTACHMENT_WAIT = datetime.timedelta(days=1)
ATTACHMENT_WAIT_STEP = datetime.timedelta(hours=1)


def event_record(*, marketplace, type: str, actor: str, subject: tuple[str, object], data: dict,
                 at) -> None:
    """Record one event of the change running now; see `events_record`."""
    events_record(marketplace=marketplace, actor=actor, at=at, events=[(type, subject, data)])


def events_record(*, marketplace, actor: str, at, events: list[tuple[str, tuple, dict]]) -> None:
    """Record the events [(type, (subject type, subject id), payload as it is now)] of the
    change running now when its transaction is about to commit, or at once outside a service.

    A change on the wall clock (`at` from common.clock.now, read before its locks were held)
    is recorded at the clock's time once the event-log lock is held, never before the
    newest event's; a frozen `at` (tests) is recorded as given. The events of one call take
    the lock, read the newest time and the marketplace's webhook and e-mail settings once."""
    batch = [Event(marketplace=marketplace, type=type, actor=actor or "system", at=at,
                   subject_type=subject[0], subject_id=subject[1], data=data)
             for type, subject, data in events]
    if batch and not before_commit(lambda: _record(batch)):
        _record(batch)


def _record(batch: list[Event]) -> None:
    marketplace_id = batch[0].marketplace_id
    # The settings are read before the lock: the lock serialises every change's last steps
    # in the marketplace, so it is held for the ids, the time and the rows only.
    endpoints = list(WebhookEndpoint.objects.filter(marketplace_id=marketplace_id, enabled=True)
                     .only("id", "event_types", "enabled"))
    emailed = set(EmailNotificationSetting.objects.filter(
        marketplace_id=marketplace_id, enabled=True).values_list("kind", flat=True))
    locks.event_log(marketplace_id=marketplace_id)
    if clock.is_wall_clock(batch[0].at):
        newest = (Event.objects.filter(marketplace_id=marketplace_id).order_by("-id")
                  .values_list("at", flat=True).first())
        at = clock.plain(max(clock.now(), newest or batch[0].at))
        for event in batch:
            event.at = at
    Event.objects.bulk_create(batch)  # one INSERT; ids in the batch's order
    for event in batch:
        _fan_out(event, endpoints=endpoints, emailed=emailed)


def _fan_out(event: Event, *, endpoints: list, emailed: set) -> None:
    from notifications.tasks import deliver_webhook, send_email

    for endpoint in endpoints:
        if endpoint.wants(event.type):
            delivery = WebhookDelivery(
                marketplace_id=event.marketplace_id, endpoint=endpoint, event=event,
                attempt_limit=settings.ABATE_WEBHOOK_MAX_ATTEMPTS, created_at=event.at)
            delivery.wakeup_job_id = outbox.enqueue_wakeup(deliver_webhook, delivery)
            delivery.save(force_insert=True)
    kind = email.EVENT_KINDS.get(event.type)
    if kind in emailed:
        notification = EmailNotification(
            marketplace_id=event.marketplace_id, event=event, kind=kind,
            attempt_limit=EMAIL_MAX_ATTEMPTS, created_at=event.at)
        notification.wakeup_job_id = outbox.enqueue_wakeup(send_email, notification)
        notification.save(force_insert=True)


# Webhook endpoints


def _event_types(value) -> list[str]:
    """1 to 100 of the types Abate records, or "*": a type that never occurs (a typo) would
    leave the endpoint waiting for nothing."""
    if not isinstance(value, list) or not 1 <= len(value) <= 100:
        raise InvalidInput("event_types is a list of 1 to 100 event types",
                           param="event_types")
    types = []
    for i, item in enumerate(value):
        if item != "*" and item not in EVENT_TYPES:
            raise InvalidInput("not an event type Abate records (e.g. credit_memo.issued), "
                               "nor * for all", param=f"event_types[{i}]")
        if item not in types:
            types.append(item)
    return types


def webhook_endpoint_get(*, marketplace, endpoint_id, param="id") -> WebhookEndpoint:
    pk = parse_id(endpoint_id)
    endpoint = (WebhookEndpoint.objects.filter(marketplace=marketplace, pk=pk).first()
                if pk else None)
    if endpoint is None:
        raise NotFound("no such webhook endpoint", param=param)
    return endpoint


@service
def webhook_endpoint_create(*, marketplace, url, event_types, at) -> WebhookEndpoint:
    url = webhooks.check_url(url)
    types = _event_types(event_types)
    return WebhookEndpoint.objects.create(
        marketplace=marketplace, url=url, event_types=types, secret=webhooks.new_secret(),
        payload_version=webhooks.PAYLOAD_VERSION, created_at=at)


@service
def webhook_endpoint_delete(*, marketplace, endpoint_id) -> None:
    """Deletes the endpoint with its deliveries; their queued jobs find nothing to do."""
    endpoint = webhook_endpoint_get(marketplace=marketplace, endpoint_id=endpoint_id)
    endpoint.delete()


@service
def webhook_endpoint_enable(*, marketplace, endpoint_id, at) -> WebhookEndpoint:
    found = webhook_endpoint_get(marketplace=marketplace, endpoint_id=endpoint_id)
    endpoint = WebhookEndpoint.objects.select_for_update(no_key=True).get(pk=found.pk)
    endpoint.enabled = True
    endpoint.consecutive_failures = 0
    endpoint.disabled_at = None
    endpoint.disabled_reason = ""
    endpoint.save()
    return endpoint


def webhook_delivery_get(*, marketplace, delivery_id, endpoint_id=None) -> WebhookDelivery:
    pk = parse_id(delivery_id)
    deliveries = WebhookDelivery.objects.filter(marketplace=marketplace)
    if endpoint_id is not None:
        deliveries = deliveries.filter(endpoint_id=parse_id(endpoint_id))
    delivery = deliveries.filter(pk=pk).first() if pk else None
    if delivery is None:
        raise NotFound("no such webhook delivery", param="delivery_id")
    return delivery


@service
def webhook_delivery_redeliver(*, marketplace, delivery_id, endpoint_id=None,
                               at) -> WebhookDelivery:
    """Send a delivery again now, with a fresh retry schedule. Not while it is pending (it
    will be sent anyway) or while its endpoint is disabled."""
    from notifications.tasks import deliver_webhook

    found = webhook_delivery_get(marketplace=marketplace, delivery_id=delivery_id,
                                 endpoint_id=endpoint_id)
    delivery = WebhookDelivery.objects.select_for_update(no_key=True).get(pk=found.pk)
    if delivery.status == "pending":
        raise InvalidState("the delivery is still pending")
    if not delivery.endpoint.enabled:
        raise InvalidState("the webhook endpoint is disabled", code="endpoint_disabled")
    outbox.reschedule(delivery, task=deliver_webhook, at=at,
                      extra_attempts=settings.ABATE_WEBHOOK_MAX_ATTEMPTS)
    return delivery


def _webhook_lease() -> datetime.timedelta:
    """How long an attempt may take before another worker may try again: the timeout and
    half of it again for connecting and writing the outcome."""
    return datetime.timedelta(seconds=settings.ABATE_WEBHOOK_TIMEOUT * 1.5 + 1)


def webhook_deliver(*, delivery_id, at) -> str:
    """One attempt of a delivery, if it is due: claim, POST, record. Returns the delivery's
    status afterwards ("skipped" when there was nothing to do)."""
    from common.clock import now
    from notifications.tasks import deliver_webhook

    def refuse(delivery):
        return None if delivery.endpoint.enabled else "the webhook endpoint is disabled"

    def started(delivery, number):
        WebhookAttempt.objects.create(delivery=delivery, number=number, started_at=at)

    claimed = outbox.claim(WebhookDelivery, item_id=delivery_id, task=deliver_webhook,
                           lease=_webhook_lease(), at=at, refuse=refuse, started=started)
    if claimed is None:
        return "skipped"
    delivery = claimed.item
    event, endpoint = delivery.event, delivery.endpoint
    body = webhooks.payload(event_type=event.type, at=event.at, data=event.data)
    headers = webhooks.signed_headers(secret=endpoint.secret,
                                      msg_id=webhooks.message_id(event.id), body=body, at=at)
    answer = webhooks.post(url=endpoint.url, body=body, headers=headers,
                           timeout=settings.ABATE_WEBHOOK_TIMEOUT)
    # The attempt took real time: its end is read from the clock, not passed in.
    finished_at = max(now(), at)
    WebhookAttempt.objects.filter(delivery_id=delivery.id, number=claimed.number).update(
        finished_at=finished_at, status_code=answer.status_code,
        response_ms=answer.response_ms, error=answer.error, response_excerpt=answer.excerpt)
    outbox.finish(WebhookDelivery, item_id=delivery.id, number=claimed.number, ok=answer.ok,
                  error=answer.error, at=finished_at)
    _count_failures(endpoint_id=endpoint.id, ok=answer.ok, at=finished_at)
    return WebhookDelivery.objects.filter(pk=delivery.id).values_list(
        "status", flat=True).first() or "deleted"


@service
def _count_failures(*, endpoint_id, ok: bool, at) -> None:
    """Failed attempts in a row per endpoint; at the limit the endpoint is disabled, its
    pending deliveries fail, and a `webhook_endpoint.disabled` event says so."""
    endpoint = WebhookEndpoint.objects.select_for_update(no_key=True).filter(pk=endpoint_id).first()
    if endpoint is None:
        return
    if ok:
        if endpoint.consecutive_failures:
            endpoint.consecutive_failures = 0
            endpoint.save(update_fields=["consecutive_failures"])
        return
    endpoint.consecutive_failures += 1
    endpoint.save(update_fields=["consecutive_failures"])
    if endpoint.enabled and endpoint.consecutive_failures >= settings.ABATE_WEBHOOK_DISABLE_AFTER:
        endpoint.enabled = False
        endpoint.disabled_at = at
        endpoint.disabled_reason = (f"{endpoint.consecutive_failures} failed attempts in a row")
        endpoint.save(update_fields=["enabled", "disabled_at", "disabled_reason"])
        for delivery in WebhookDelivery.objects.filter(endpoint=endpoint, status="pending",
                                                       lease_until__isnull=True):
            outbox.drop_wakeup(delivery)
            delivery.status, delivery.finished_at = "failed", at
            delivery.last_error = "the webhook endpoint was disabled"
            delivery.save()
        from notifications.serializers import endpoint_data

        event_record(marketplace=endpoint.marketplace, type="webhook_endpoint.disabled",
                     actor="system", subject=("webhook_endpoint", endpoint.id),
                     data={**endpoint_data(endpoint), "reason": endpoint.disabled_reason},
                     at=at)


# E-mail notifications


def _check_email_kind(kind) -> str:
    if kind not in EMAIL_KINDS:
        raise InvalidInput(f"kind is one of {', '.join(EMAIL_KINDS)}", param="kind")
    return kind


def email_setting(*, marketplace, kind) -> dict:
    """A notification's settings, the defaults when it was never changed."""
    _check_email_kind(kind)
    row = EmailNotificationSetting.objects.filter(marketplace=marketplace, kind=kind).first()
    subject, body = email.DEFAULTS[kind]
    if row:
        return {"kind": kind, "label": email.LABELS[kind], "enabled": row.enabled,
                "subject": row.subject, "body": row.body}
    return {"kind": kind, "label": email.LABELS[kind], "enabled": False, "subject": subject,
            "body": body}


@service
def email_setting_update(*, marketplace, kind, enabled=None, subject=None, body=None,
                         at) -> dict:
    current = email_setting(marketplace=marketplace, kind=kind)
    if enabled is not None and not isinstance(enabled, bool):
        raise InvalidInput("enabled must be true or false", param="enabled")
    values = {
        "enabled": current["enabled"] if enabled is None else enabled,
        "subject": current["subject"] if subject is None else email.check_template(
            subject, param="subject", max_length=email.MAX_SUBJECT),
        "body": current["body"] if body is None else email.check_template(
            body, param="body", max_length=email.MAX_BODY),
    }
    EmailNotificationSetting.objects.update_or_create(
        marketplace=marketplace, kind=kind, defaults={**values, "updated_at": at})
    return email_setting(marketplace=marketplace, kind=kind)


def email_send(*, notification_id, at) -> str:
    """One attempt of an e-mail notification, if it is due: compose it (recipient, subject,
    body, PDF), send it over SMTP, record the outcome."""
    from django.core.mail import EmailMessage

    from notifications import compose
    from notifications.tasks import send_email

    notification = EmailNotification.objects.select_related("event", "marketplace").filter(
        pk=parse_id(notification_id), status="pending").first()
    if notification is None:
        return "skipped"
    # Composing reads the stored PDF; it happens before the claim.
    not_ready = None
    try:
        composed, reason = compose.compose(notification=notification, at=at), None
    except compose.CannotCompose as error:
        composed, reason = None, str(error)
    except attachments.NotReady as error:
        if at - notification.created_at < ATTACHMENT_WAIT:
            return _wait_for_attachment(notification_id=notification.id, why=str(error), at=at)
        composed, reason, not_ready = None, None, str(error)
    claimed = outbox.claim(EmailNotification, item_id=notification.id, task=send_email,
                           lease=EMAIL_LEASE, at=at, refuse=lambda item: reason)
    if claimed is None:
        return EmailNotification.objects.get(pk=notification.id).status
    if not_ready:
        outbox.finish(EmailNotification, item_id=notification.id, number=claimed.number,
                      ok=False, error=not_ready, at=at)
        return EmailNotification.objects.get(pk=notification.id).status
    message = EmailMessage(
        subject=composed["subject"], body=composed["body"],
        from_email=settings.DEFAULT_FROM_EMAIL, to=[composed["recipient"]],
        headers={"Message-ID": f"<{notification.id}@abate>"})
    if composed.get("attachment"):
        name, content = composed["attachment"]
        message.attach(name, content, "application/pdf")
    try:
        message.send(fail_silently=False)
        ok, error = True, ""
    except Exception as failure:  # noqa: BLE001 - any SMTP or network failure is retried
        ok, error = False, f"{type(failure).__name__}: {failure}"
    EmailNotification.objects.filter(pk=notification.id).update(
        recipient=composed["recipient"], subject=composed["subject"],
        attachment_name=composed["attachment"][0] if composed.get("attachment") else "")
    outbox.finish(EmailNotification, item_id=notification.id, number=claimed.number, ok=ok,
                  error=error, at=at)
    return EmailNotification.objects.get(pk=notification.id).status


def _wait_for_attachment(*, notification_id, why: str, at) -> str:
    """Try a due e-mail again later, its attempts untouched: its PDF is not stored yet."""
    from notifications.tasks import send_email

    with transaction.atomic(durable=True):
        item = EmailNotification.objects.select_for_update(no_key=True).filter(
            pk=notification_id).first()
        if item is None or item.status != "pending":
            return item.status if item else "deleted"
        if (item.lease_until and item.lease_until > at) or (
                item.next_attempt_at and item.next_attempt_at > at):
            return item.status  # in flight elsewhere, or not due: its own job comes
        waited = at - item.created_at
        retry_at = at + min(max(jobs.backoff(1), waited), ATTACHMENT_WAIT_STEP)
        outbox.drop_wakeup(item)
        item.next_attempt_at = retry_at
        item.last_error = f"waiting: {why}"[:2000]
        item.wakeup_job_id = outbox.enqueue_wakeup(send_email, item, run_after=retry_at)
        item.save(update_fields=["next_attempt_at", "last_error", "wakeup_job_id"])
        return item.status


# Recovery


def outbox_sweep(*, at, overdue=datetime.timedelta(minutes=2), lost=datetime.timedelta(hours=1)
                 ) -> dict:
    """Put a job back behind every pending item whose job is gone: a worker that died after
    taking the job and before its first write leaves the item without one. Redo the PDF jobs
    that a worker died running (still running after `overdue`): their PDF, its
    `<kind>.pdf_created` event and what follows it (e-mail, webhooks) would be lost
    otherwise; generating is idempotent, so a redo next to a slow live job stores one PDF.
    The PDF jobs are those the owning apps registered (common.jobs.redo_when_lost), so this
    reads no app above it. Also marks jobs of this app, of reports and of the registered tasks
    that have been running for an hour (their worker died) as failed, so operators see them."""
    from django.db.models import Q
    from django_tasks_db.models import DBTaskResult

    from notifications.tasks import deliver_webhook, send_email

    redone = jobs.redo_all_lost_jobs(lease=overdue, at=at)
    requeued = 0
    for model, task in ((WebhookDelivery, deliver_webhook), (EmailNotification, send_email)):
        due = model.objects.filter(status="pending").filter(
            Q(next_attempt_at__isnull=True, created_at__lt=at - overdue)
            | Q(next_attempt_at__lt=at - overdue)).filter(
            Q(lease_until__isnull=True) | Q(lease_until__lt=at))[:500]
        for item in due:
            job = DBTaskResult.objects.filter(pk=item.wakeup_job_id).values_list(
                "status", "started_at").first() if item.wakeup_job_id else None
            alive = job and (job[0] == "READY" or (
                job[0] == "RUNNING" and job[1] and job[1] > at - overdue))
            if alive:
                continue
            with transaction.atomic(durable=True):
                locked = model.objects.select_for_update(no_key=True).filter(
                    pk=item.pk, status="pending", wakeup_job_id=item.wakeup_job_id).first()
                if locked:
                    locked.next_attempt_at = None
                    locked.wakeup_job_id = outbox.enqueue_wakeup(task, locked)
                    locked.save(update_fields=["next_attempt_at", "wakeup_job_id"])
                    requeued += 1
    stale = DBTaskResult.objects.filter(status="RUNNING", started_at__lt=at - lost).filter(
        Q(task_path__startswith="notifications.") | Q(task_path__startswith="reports.")
        | Q(task_path__in=jobs.redone_task_paths()))
    failed = stale.update(status="FAILED", finished_at=at,
                          exception_class_path=jobs.WORKER_LOST,
                          traceback="The worker running this job stopped before it finished.")
    return {"requeued": requeued, "lost_jobs": failed, "redone_jobs": redone}
