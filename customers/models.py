"""Companies (customers, resellers, and the marketplace's own company) and their users.

A company with a reseller is billed through it: its documents belong to the reseller (the
payer) and keep the company as `billed_company`. Exactly one company per marketplace is its
own (the operator), which can never be credited."""

import uuid

from django.db import models

from common.models import MoneyField


class Company(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    marketplace = models.ForeignKey("marketplaces.Marketplace", on_delete=models.CASCADE)
    name = models.CharField(max_length=200)
    currency = models.CharField(max_length=3)
    is_reseller = models.BooleanField(default=False)
    reseller = models.ForeignKey("self", null=True, on_delete=models.PROTECT, related_name="+")
    credit_limit = MoneyField(null=True, default=None)
    is_own = models.BooleanField(default=False)
    legal_name = models.CharField(max_length=200, blank=True, default="")
    vat_id = models.CharField(max_length=64, blank=True, default="")
    address_line1 = models.CharField(max_length=200, blank=True, default="")
    address_line2 = models.CharField(max_length=200, blank=True, default="")
    address_city = models.CharField(max_length=100, blank=True, default="")
    address_postal_code = models.CharField(max_length=32, blank=True, default="")
    address_state = models.CharField(max_length=100, blank=True, default="")
    address_country = models.CharField(max_length=2, blank=True, default="")
    peppol_id = models.CharField(max_length=100, blank=True, default="")
    # Legal registration identifier (EN 16931 BT-30/BT-47) as "scheme:identifier", like
    # peppol_id (e.g. "0106:12345678" for a Dutch KVK number, "0184:DK12345678" for a CVR).
    registration_id = models.CharField(max_length=100, blank=True, default="")
    # A tax registration other than VAT (BT-32), e.g. "Godkänd för F-skatt" in Sweden.
    tax_registration_id = models.CharField(max_length=100, blank=True, default="")
    # Where the company is paid: its own company's account is printed on invoices (BT-84/86).
    iban = models.CharField(max_length=34, blank=True, default="")
    bic = models.CharField(max_length=11, blank=True, default="")
    # Who to call about a document (EN 16931 BT-41/42; German rules want both for a seller).
    contact_name = models.CharField(max_length=200, blank=True, default="")
    telephone = models.CharField(max_length=50, blank=True, default="")
    # The customer accounts for the VAT itself (EU reverse charge): its lines are category AE.
    reverse_charge = models.BooleanField(default=False)
    # Where documents and notifications for this company (as payer) are e-mailed.
    billing_email = models.EmailField(blank=True, default="")
    created_at = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(fields=["marketplace", "-created_at", "-id"], name="company_list"),
            models.Index(fields=["marketplace", "name"], name="company_name"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["marketplace"], condition=models.Q(is_own=True), name="one_own_company"
            )
        ]

    def __str__(self):
        return self.name

    @property
    def payer_id(self):
        return self.reseller_id or self.id


class CustomerUser(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    marketplace = models.ForeignKey("marketplaces.Marketplace", on_delete=models.CASCADE)
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="users")
    email = models.EmailField()
    name = models.CharField(max_length=200)
    created_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["company", "email"], name="user_email_per_company")
        ]
