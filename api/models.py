"""Idempotency records: the first response to a POST carrying an `Idempotency-Key`, kept 24 h
per API key, so that a retry replays it instead of doing the work again.

A record is inserted (and committed) before the work starts, in state `running`; the unique
(api_key, key) constraint makes a concurrent second request find it and answer 409. When the
work has answered, the record holds the response (`done`), or is deleted if the answer was
transient (a lost race, a rate limit, a server error) so that a retry may do the work."""

from django.db import models


class IdempotencyRecord(models.Model):
    id = models.BigAutoField(primary_key=True)
    api_key = models.ForeignKey("marketplaces.ApiKey", on_delete=models.CASCADE)
    key = models.CharField(max_length=255)
    # sha256 of method, path and the canonical body: another request under the same key
    # differs here.
    fingerprint = models.CharField(max_length=64)
    state = models.CharField(max_length=8, choices=[("running", "running"), ("done", "done")])
    locked_at = models.DateTimeField()
    created_at = models.DateTimeField()
    response_status = models.PositiveSmallIntegerField(null=True)
    response_content_type = models.CharField(max_length=100, blank=True, default="")
    response_body = models.BinaryField(default=b"")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["api_key", "key"], name="idempotency_key_per_api_key")
        ]
        indexes = [models.Index(fields=["created_at"], name="idempotency_expiry")]
