"""Shared model fields: money columns wide enough for 10^12 with four minor digits."""

import uuid

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


class Entity(models.Model):
    """A marketplace-scoped row with an opaque id and a creation time."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(db_index=False)

    class Meta:
        abstract = True
