"""Products, and subscriptions to them.

Subscriptions live here, beside the catalog, rather than in `billing`: invoice and credit memo
lines reference them, and those apps sit below billing. Billing owns their workflows."""

import uuid

from django.db import models

from common.models import MoneyField, QuantityField


class Product(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    marketplace = models.ForeignKey("marketplaces.Marketplace", on_delete=models.CASCADE)
    name = models.CharField(max_length=200)
    sku = models.CharField(max_length=100, blank=True, default="")
    created_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["marketplace", "-created_at", "-id"], name="product_list")]


class Subscription(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    marketplace = models.ForeignKey("marketplaces.Marketplace", on_delete=models.CASCADE)
    company = models.ForeignKey("customers.Company", on_delete=models.PROTECT)
    user = models.ForeignKey("customers.CustomerUser", null=True, on_delete=models.PROTECT)
    product = models.ForeignKey(Product, on_delete=models.PROTECT)
    plan = models.CharField(max_length=100, default="")
    quantity = QuantityField(default=1)
    unit_price = MoneyField()
    currency = models.CharField(max_length=3)
    period_start = models.DateField(null=True)
    period_end = models.DateField(null=True)
    status = models.CharField(max_length=16, default="active")
    created_at = models.DateTimeField()
