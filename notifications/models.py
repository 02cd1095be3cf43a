"""Events: the immutable, append-only record of every state change (type, actor, time, data),
written in the same transaction as the change. They feed the audit trail, webhooks and
notifications. Payloads are plain data given by the caller; this app knows no domain model."""

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
