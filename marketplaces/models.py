"""Marketplace (the tenant) with its settings, and API keys.

A marketplace's own company (the operator, the seller on every document) is the Company
flagged `is_own`. API keys are stored as a SHA-256 hash of the secret; the secret is shown
once, at creation.

A marketplace's invoice and credit memo number prefixes never collide (marketplaces.numbers):
not with each other, nor with a prefix that numbers of the other type were issued under before
it was changed (kept in `retired_number_prefixes`, as those numbers stay). `is_test` is fixed
at creation: only a test marketplace may be billed ahead of time (a test-mode billing run)."""

import uuid

from django.db import models

from marketplaces.roles import ROLES


class Marketplace(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    slug = models.SlugField(max_length=64, unique=True)
    name = models.CharField(max_length=200)
    default_currency = models.CharField(max_length=3, default="USD")
    invoice_number_prefix = models.CharField(max_length=20, default="INV-")
    credit_memo_number_prefix = models.CharField(max_length=20, default="CM-")
    number_padding = models.PositiveSmallIntegerField(default=6)
    auto_apply_credit_to_new_invoices = models.BooleanField(default=True)
    company_wide_billing = models.BooleanField(default=False)
    is_test = models.BooleanField(default=False, db_default=False)
    # [{"document_type", "prefix", "last_number"}]: a prefix that numbers were issued under,
    # and the sequence's value when it was replaced.
    retired_number_prefixes = models.JSONField(default=list)
    created_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(number_padding__lte=20), name="marketplace_padding_max"
            )
        ]

    def __str__(self):
        return self.slug


class ApiKey(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    marketplace = models.ForeignKey(Marketplace, on_delete=models.CASCADE)
    role = models.CharField(max_length=16, choices=[(r, r) for r in ROLES])
    company = models.ForeignKey("customers.Company", null=True, on_delete=models.CASCADE)
    prefix = models.CharField(max_length=16)
    secret_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role="customer", company__isnull=False)
                | (~models.Q(role="customer") & models.Q(company__isnull=True)),
                name="apikey_customer_has_company",
            )
        ]
