"""Events: the immutable, append-only record of every state change (type, actor, time, data),
written in the same transaction as the change. They feed the audit trail, webhooks and
notifications. Payloads are plain data given by the caller; this app knows no domain model.

What events cause, written with them: webhook deliveries (to the marketplace's endpoints that
want the event's type, each with its log of attempts) and e-mail notifications (per
marketplace setting). Both are outbox items, sent at least once (see notifications.outbox):
one delivery per endpoint and event, one e-mail per event and kind."""

import uuid

from django.db import models


class Event(models.Model):
    id = models.BigAutoField(primary_key=True)
    marketplace = models.ForeignKey("marketplaces.Marketplace", on_delete=models.CASCADE)
    type = models.CharField(max_length=64)
    at = models.DateTimeField()
    actor = models.CharField(max_length=200)
    subject_type = models.CharField(max_length=32)
    subject_id = models.UUIDField()
    data = models.JSONField()

    class Meta:
        indexes = [
            models.Index(fields=["subject_type", "subject_id", "id"], name="event_subject"),
            models.Index(fields=["marketplace", "type", "-id"], name="event_type"),
            models.Index(fields=["marketplace", "-id"], name="event_list"),
        ]


EMAIL_KINDS = ("credit_memo_pdf_created", "invoice_issued", "credit_applied")
# Every type of event Abate records (the callers name them; `event_record` refuses others), in
# the order a reader meets them: what webhook endpoints subscribe to and `GET /events` filters.
EVENT_TYPES = (
    "invoice.created", "invoice.issued", "invoice.payment_succeeded", "invoice.paid",
    "invoice.payment_refunded", "invoice.voided", "invoice.pdf_created",
    "invoice.tax_clearance_recorded",
    "credit_memo.created", "credit_memo.issued", "credit_memo.applied",
    "credit_memo.application_reversed", "credit_memo.paid_out",
    "credit_memo.payout_succeeded", "credit_memo.payout_failed", "credit_memo.voided",
    "credit_memo.closed", "credit_memo.pdf_created", "credit_memo.tax_clearance_recorded",
    "webhook_endpoint.disabled",
)
OUTBOX_STATUSES = ("pending", "succeeded", "failed")


class OutboxItem(models.Model):
    """Something to send at least once, with retries. A wake-up job is always queued for a
    pending item: it is enqueued with the item, and each attempt enqueues the next one (for
    the moment its lease ends or its backoff is over) before it starts, so a worker that
    dies mid-attempt leaves a job that tries again. `lease_until` marks an attempt in flight.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    marketplace = models.ForeignKey("marketplaces.Marketplace", on_delete=models.CASCADE)
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=16, default="pending",
                              choices=[(s, s) for s in OUTBOX_STATUSES])
    attempts = models.PositiveIntegerField(default=0)
    attempt_limit = models.PositiveIntegerField()
    next_attempt_at = models.DateTimeField(null=True)
    lease_until = models.DateTimeField(null=True)
    wakeup_job_id = models.UUIDField(null=True)
    last_error = models.TextField(blank=True, default="")
    created_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True)

    class Meta:
        abstract = True


class WebhookEndpoint(models.Model):
    """A URL that receives the marketplace's events of the chosen types, signed with its
    secret. It is disabled after `ABATE_WEBHOOK_DISABLE_AFTER` failed attempts in a row."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    marketplace = models.ForeignKey("marketplaces.Marketplace", on_delete=models.CASCADE)
    url = models.CharField(max_length=2000)
    event_types = models.JSONField(default=list)
    secret = models.CharField(max_length=100)
    payload_version = models.PositiveSmallIntegerField(default=1)
    enabled = models.BooleanField(default=True)
    consecutive_failures = models.PositiveIntegerField(default=0)
    disabled_at = models.DateTimeField(null=True)
    disabled_reason = models.TextField(blank=True, default="")
    created_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["marketplace", "-created_at", "-id"],
                                name="webhook_endpoint_list")]

    def wants(self, event_type: str) -> bool:
        return self.enabled and ("*" in self.event_types or event_type in self.event_types)


class WebhookDelivery(OutboxItem):
    endpoint = models.ForeignKey(WebhookEndpoint, on_delete=models.CASCADE,
                                 related_name="deliveries")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["endpoint", "event"],
                                               name="webhook_delivery_once")]
        indexes = [
            models.Index(fields=["endpoint", "-created_at"], name="webhook_delivery_list"),
            models.Index(fields=["status", "next_attempt_at"], name="webhook_delivery_due"),
        ]


class WebhookAttempt(models.Model):
    """One try of a delivery: when, the answer's status and time, or the error. An attempt
    whose worker died keeps `finished_at` null."""

    id = models.BigAutoField(primary_key=True)
    delivery = models.ForeignKey(WebhookDelivery, on_delete=models.CASCADE,
                                 related_name="attempt_log")
    number = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True)
    status_code = models.PositiveSmallIntegerField(null=True)
    response_ms = models.PositiveIntegerField(null=True)
    error = models.TextField(blank=True, default="")
    response_excerpt = models.TextField(blank=True, default="")

    class Meta:
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["delivery", "number"],
                                               name="webhook_attempt_number")]


class EmailNotificationSetting(models.Model):
    """Per marketplace and kind: on or off, with its subject and body templates."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    marketplace = models.ForeignKey("marketplaces.Marketplace", on_delete=models.CASCADE)
    kind = models.CharField(max_length=32, choices=[(k, k) for k in EMAIL_KINDS])
    enabled = models.BooleanField(default=False)
    subject = models.CharField(max_length=300)
    body = models.TextField()
    updated_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["marketplace", "kind"],
                                               name="email_setting_per_kind")]


class EmailNotification(OutboxItem):
    """An e-mail to send for an event. Recipient, subject, body and attachment are composed
    when it is sent, and kept as sent."""

    kind = models.CharField(max_length=32, choices=[(k, k) for k in EMAIL_KINDS])
    recipient = models.CharField(max_length=254, blank=True, default="")
    subject = models.CharField(max_length=300, blank=True, default="")
    attachment_name = models.CharField(max_length=200, blank=True, default="")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["event", "kind"],
                                               name="email_notification_once")]
        indexes = [
            models.Index(fields=["marketplace", "-created_at"], name="email_notification_list"),
            models.Index(fields=["status", "next_attempt_at"], name="email_notification_due"),
        ]
