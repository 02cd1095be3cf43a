"""Shared model fields (money columns wide enough for 10^12 with four minor digits), and the
stored answers of requests made once."""


from django.db import models


def MoneyField(**kwargs):  # noqa: N802 - reads like a field class
    kwargs.setdefault("max_digits", 20)
    kwargs.setdefault("decimal_places", 4)
    kwargs.setdefault("default", 0)
    return models.DecimalField(**kwargs)


def QuantityField(**kwargs):  # noqa: N802
    return models.DecimalField(max_digits=24, decimal_places=6, **kwargs)


def RateField(**kwargs):  # noqa: N802
    kwargs.setdefault("default", 0)
    return models.DecimalField(max_digits=8, decimal_places=6, **kwargs)


class IdempotencyRecord(models.Model):
    """The stored answer to a request made once: an API `POST` with an `Idempotency-Key`
    (scope `api_key:<id>`) or a page form's one-time token (scope `page_user:<id>`).

    It is written in the same transaction as the request's work (common/transactions.py), so
    it exists exactly when the work was committed. While a request runs, a transaction-level
    lock on (scope, key) keeps a second one with the same key out (common/idempotency.py)."""

    id = models.BigAutoField(primary_key=True)
    scope = models.CharField(max_length=64)
    key = models.CharField(max_length=255)
    # sha256 of method, path and the canonical body: another request under the same key
    # differs here.
    fingerprint = models.CharField(max_length=64)
    created_at = models.DateTimeField()
    response_status = models.PositiveSmallIntegerField()
    response_headers = models.JSONField(default=dict)
    response_body = models.BinaryField(default=b"")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scope", "key"], name="idempotency_key_per_scope")
        ]
        indexes = [models.Index(fields=["created_at"], name="idempotency_record_expiry")]
