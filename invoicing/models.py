"""Invoices with their lines, payments and refunds.

An invoice is a draft (no number, editable), then issued: `open` while it owes something,
`paid` when `amount_due` is 0, or `void`. Issued invoices never change their lines or totals;
only the running tallies move: `amount_credited` (credit applied, reversals deducted) and
`amount_paid`, with `amount_due = total - amount_credited - amount_paid >= 0`, kept by a
database constraint. The total is never negative."""

import uuid

from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Round

from common.models import MoneyField, QuantityField, RateField

BILLING_ACTIONS = (
    "upgrade",
    "downgrade",
    "renewal",
    "one_time",
    "usage",
    "cancellation",
    "correction",
)
INVOICE_STATUSES = ("draft", "open", "paid", "void")


class Invoice(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    marketplace = models.ForeignKey("marketplaces.Marketplace", on_delete=models.CASCADE)
    number = models.CharField(max_length=64, null=True)
    status = models.CharField(max_length=8, choices=[(s, s) for s in INVOICE_STATUSES])
    company = models.ForeignKey("customers.Company", on_delete=models.PROTECT, related_name="+")
    billed_company = models.ForeignKey(
        "customers.Company", on_delete=models.PROTECT, related_name="+"
    )
    user = models.ForeignKey("customers.CustomerUser", null=True, on_delete=models.PROTECT)
    currency = models.CharField(max_length=3)
    issued_at = models.DateTimeField(null=True)
    due_date = models.DateField(null=True)
    # The id (and verification address) a tax authority's clearance system gave the document
    # once it was reported there, e.g. the MARK of Greece's myDATA; e-invoices carry it.
    tax_clearance_id = models.CharField(max_length=100, blank=True, default="")
    tax_clearance_url = models.CharField(max_length=500, blank=True, default="")
    voided_at = models.DateTimeField(null=True)
    subtotal = MoneyField()
    discount_total = MoneyField()
    tax_total = MoneyField()
    total = MoneyField()
    amount_credited = MoneyField()
    amount_paid = MoneyField()
    amount_due = MoneyField()
    created_at = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(fields=["marketplace", "-created_at", "-id"], name="invoice_list"),
            models.Index(fields=["marketplace", "company", "status"], name="invoice_payer"),
            models.Index(fields=["marketplace", "billed_company"], name="invoice_billed"),
            models.Index(fields=["marketplace", "status", "-created_at"], name="invoice_status"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["marketplace", "number"], name="invoice_number_unique"),
            models.CheckConstraint(condition=Q(total__gte=0), name="invoice_total_not_negative"),
            models.CheckConstraint(
                condition=Q(amount_credited__gte=0, amount_paid__gte=0, amount_due__gte=0),
                name="invoice_tallies_not_negative",
            ),
            models.CheckConstraint(
                # Rounded: SQLite keeps decimals as binary floats (see credits.models).
                condition=Q(
                    amount_due=Round(F("total") - F("amount_credited") - F("amount_paid"), 4)
                ),
                name="invoice_amount_due",
            ),
        ]

    @property
    def is_voidable(self) -> bool:
        return self.status in ("draft", "open") and self.amount_credited == 0 and (
            self.amount_paid == 0
        )


class InvoiceLine(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    invoice = models.ForeignKey(Invoice, on_delete=models.CASCADE, related_name="lines")
    position = models.PositiveIntegerField()
    product = models.ForeignKey("catalog.Product", null=True, on_delete=models.PROTECT)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True, default="")
    quantity = QuantityField()
    unit_price = MoneyField()
    discount_amount = MoneyField()
    amount = MoneyField()
    tax_rate = RateField()
    tax_amount = MoneyField()
    # The line's VAT category (common.tax): S carries the rate, every other category is 0 %.
    tax_category = models.CharField(max_length=2, default="S")
    # Why the line is not taxed at the standard rate (VATEX code and its text), for E, AE, K,
    # G and O.
    tax_exemption_reason_code = models.CharField(max_length=30, blank=True, default="")
    tax_exemption_reason = models.CharField(max_length=300, blank=True, default="")
    total = MoneyField()
    billing_action = models.CharField(max_length=16, default="one_time")
    period_start = models.DateField(null=True)
    period_end = models.DateField(null=True)
    subscription = models.ForeignKey("catalog.Subscription", null=True, on_delete=models.PROTECT)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["invoice", "position"], name="invoice_line_position")
        ]


class Payment(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    marketplace = models.ForeignKey("marketplaces.Marketplace", on_delete=models.CASCADE)
    invoice = models.ForeignKey(Invoice, on_delete=models.PROTECT, related_name="payments")
    amount = MoneyField()
    refunded_amount = MoneyField()
    method = models.CharField(max_length=32, default="card")
    status = models.CharField(max_length=16, default="succeeded")
    created_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0, refunded_amount__gte=0)
                & Q(refunded_amount__lte=F("amount")),
                name="payment_refundable",
            )
        ]


class Refund(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    marketplace = models.ForeignKey("marketplaces.Marketplace", on_delete=models.CASCADE)
    payment = models.ForeignKey(Payment, on_delete=models.PROTECT, related_name="refunds")
    amount = MoneyField()
    status = models.CharField(max_length=16, default="succeeded")
    credit_memo_id = models.UUIDField(null=True)
    created_at = models.DateTimeField()
