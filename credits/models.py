"""Credit memos, their lines, applications (with reversals) and payouts.

A memo is a draft, then issued; after issue its status follows from its amounts, and always
`total = applied_amount + paid_out_amount + closed_amount + remaining_amount` with every part
>= 0 (database constraints). A void memo keeps its figures but is credit nowhere. Lines may
reference an invoice line; the credited net of an invoice line over all issued, non-void memos
never exceeds its net (checked under the source invoice's row lock)."""

import uuid

from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Round

from common.models import MoneyField, QuantityField, RateField

STATUSES = (
    "draft",
    "unapplied",
    "partially_applied",
    "fully_applied",
    "paid_out",
    "closed",
    "void",
)
ORIGINS = (
    "invoice",
    "ad_hoc",
    "downgrade",
    "cancellation",
    "refund",
    "negative_usage",
    "order_correction",
)
REASON_CODES = (
    "overcharge",
    "goodwill",
    "service_credit",
    "return",
    "duplicate",
    "downgrade",
    "cancellation",
    "refund",
    "negative_usage",
    "order_correction",
    "other",
)
PAYOUT_STATUSES = ("pending", "succeeded", "failed")


class CreditMemo(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    marketplace = models.ForeignKey("marketplaces.Marketplace", on_delete=models.CASCADE)
    number = models.CharField(max_length=64, null=True)
    status = models.CharField(max_length=20, choices=[(s, s) for s in STATUSES])
    currency = models.CharField(max_length=3)
    company = models.ForeignKey("customers.Company", on_delete=models.PROTECT, related_name="+")
    billed_company = models.ForeignKey(
        "customers.Company", on_delete=models.PROTECT, related_name="+"
    )
    user = models.ForeignKey("customers.CustomerUser", null=True, on_delete=models.PROTECT)
    origin = models.CharField(max_length=20, choices=[(o, o) for o in ORIGINS])
    source_invoice = models.ForeignKey(
        "invoicing.Invoice", null=True, on_delete=models.PROTECT, related_name="credit_memos"
    )
    reason_code = models.CharField(max_length=20, choices=[(r, r) for r in REASON_CODES])
    reason = models.TextField(blank=True, default="")
    # Free text for the customer, printed on the memo (the API's and the payload's `memo`).
    note = models.TextField(blank=True, default="")
    # The id (and verification address) a tax authority's clearance system gave the document
    # once it was reported there, e.g. the MARK of Greece's myDATA; e-invoices carry it.
    tax_clearance_id = models.CharField(max_length=100, blank=True, default="")
    tax_clearance_url = models.CharField(max_length=500, blank=True, default="")
    issued_at = models.DateTimeField(null=True)
    voided_at = models.DateTimeField(null=True)
    closed_at = models.DateTimeField(null=True)
    close_reason = models.TextField(blank=True, default="")
    subtotal = MoneyField()
    tax_total = MoneyField()
    total = MoneyField()
    applied_amount = MoneyField()
    paid_out_amount = MoneyField()
    closed_amount = MoneyField()
    remaining_amount = MoneyField()
    auto_apply = models.BooleanField(default=False)
    # How issuing applies it: "source" (the source invoice if open), "list" (apply_to, in
    # order), "auto" (the memo's auto-apply), or "none".
    apply_mode = models.CharField(max_length=8, default="none")
    apply_to = models.JSONField(default=list)
    created_at = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(fields=["marketplace", "-created_at", "-id"], name="memo_list"),
            models.Index(fields=["marketplace", "status", "-created_at"], name="memo_status"),
            models.Index(fields=["marketplace", "company", "-created_at"], name="memo_payer"),
            models.Index(fields=["marketplace", "billed_company"], name="memo_billed"),
            models.Index(fields=["marketplace", "issued_at"], name="memo_issued"),
            models.Index(
                fields=["company", "currency", "issued_at"],
                condition=Q(remaining_amount__gt=0) & ~Q(status__in=["draft", "void"]),
                name="memo_available",
            ),
        ]
        constraints = [
            models.UniqueConstraint(fields=["marketplace", "number"], name="memo_number_unique"),
            models.CheckConstraint(
                condition=Q(
                    total__gt=0,
                    applied_amount__gte=0,
                    paid_out_amount__gte=0,
                    closed_amount__gte=0,
                    remaining_amount__gte=0,
                ),
                name="memo_amounts_not_negative",
            ),
            # Rounded to the column's 4 places: SQLite keeps decimals as binary floats, where
            # 0.1 + 0.2 != 0.3; on PostgreSQL numeric arithmetic is exact and Round is a no-op.
            models.CheckConstraint(
                condition=Q(
                    total=Round(
                        F("applied_amount")
                        + F("paid_out_amount")
                        + F("closed_amount")
                        + F("remaining_amount"),
                        4,
                    )
                ),
                name="memo_amounts_add_up",
            ),
        ]

    def derive_status(self) -> str:
        if self.voided_at is not None:
            return "void"
        if self.issued_at is None:
            return "draft"
        if self.closed_amount > 0:
            return "closed"
        if self.remaining_amount == self.total:
            return "unapplied"
        if self.remaining_amount > 0:
            return "partially_applied"
        if self.paid_out_amount > 0:
            return "paid_out"
        return "fully_applied"

    @property
    def is_usable(self) -> bool:
        """Its balance may be applied or paid out."""
        return self.status not in ("draft", "void", "closed")

    @property
    def is_voidable(self) -> bool:
        return self.status in ("draft", "unapplied")

    @property
    def is_closable(self) -> bool:
        return self.status in ("unapplied", "partially_applied")


class CreditMemoLine(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    memo = models.ForeignKey(CreditMemo, on_delete=models.CASCADE, related_name="lines")
    position = models.PositiveIntegerField()
    product = models.ForeignKey("catalog.Product", null=True, on_delete=models.PROTECT)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True, default="")
    quantity = QuantityField()
    unit_price = MoneyField()
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
    billing_action = models.CharField(max_length=16, null=True)
    period_start = models.DateField(null=True)
    period_end = models.DateField(null=True)
    subscription = models.ForeignKey("catalog.Subscription", null=True, on_delete=models.PROTECT)
    source_invoice_line = models.ForeignKey(
        "invoicing.InvoiceLine", null=True, on_delete=models.PROTECT, related_name="credit_lines"
    )
    custom_charge = models.BooleanField(default=False)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["memo", "position"], name="memo_line_position")
        ]


class Application(models.Model):
    """Credit from a memo applied to an invoice. `amount` is what it applies now (reversals
    deducted); `reversed_at` is set once it is fully reversed."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    marketplace = models.ForeignKey("marketplaces.Marketplace", on_delete=models.CASCADE)
    memo = models.ForeignKey(CreditMemo, on_delete=models.PROTECT, related_name="applications")
    invoice = models.ForeignKey(
        "invoicing.Invoice", on_delete=models.PROTECT, related_name="credit_applications"
    )
    amount = MoneyField()
    original_amount = MoneyField()
    invoice_amount_due_before = MoneyField()
    applied_at = models.DateTimeField()
    # Applications made by one change share `applied_at`; this keeps the order they were made.
    position = models.PositiveIntegerField(default=0)
    applied_by = models.CharField(max_length=200)
    reversed_at = models.DateTimeField(null=True)

    class Meta:
        ordering = ["applied_at", "position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=0, original_amount__gt=0)
                & Q(amount__lte=F("original_amount")),
                name="application_amounts",
            )
        ]


class ApplicationReversal(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="reversals"
    )
    amount = MoneyField()
    reversed_at = models.DateTimeField()
    reversed_by = models.CharField(max_length=200)

    class Meta:
        ordering = ["reversed_at", "id"]


class Payout(models.Model):
    """Part of a memo's remaining balance returned to the payment method. It leaves the memo
    when created (pending); a failed payout gives it back."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    marketplace = models.ForeignKey("marketplaces.Marketplace", on_delete=models.CASCADE)
    memo = models.ForeignKey(CreditMemo, on_delete=models.PROTECT, related_name="payouts")
    amount = MoneyField()
    method = models.CharField(max_length=32)
    status = models.CharField(max_length=16, choices=[(s, s) for s in PAYOUT_STATUSES])
    failure_message = models.TextField(blank=True, default="")
    refund_id = models.UUIDField(null=True)
    created_at = models.DateTimeField()
    settled_at = models.DateTimeField(null=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="payout_positive")]
