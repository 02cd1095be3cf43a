"""Billing: what is owed but not yet on a document, and the runs that put it on one.

- `Charge`: one line waiting to be billed (a period's price, a proration, rated usage, a one-off
  order line, a correction). Services create charges when something happens (a subscription
  starts or changes, an order is placed or corrected); a billing run creates those that come
  due with time (renewals, usage at a period's end) and bills every pending charge whose
  `bill_on` has come, per customer, on one invoice or, when the net is a credit, on one credit
  memo. A negative `unit_price` is a credit. A billed charge names its document.
- `UsageRecord`: metered units (negative corrections allowed) on a subscription, rated into a
  charge at the period's end.
- `Order`/`OrderLine`: one-off orders; a correction of a line becomes a `correction` charge
  for the difference.
- `CustomerDiscount`: a percentage or a fixed amount off each document of a customer (per
  invoice), before any credit is applied.
- `BillingRun`/`BillingRunEntry`: a run per marketplace and `as_of` date, and per customer the
  documents it issued, written in the same transaction as those documents: the entry is what
  makes a second run, or a run after a crash, skip that customer. A run that died (its
  process stopped: no heartbeat for a lease; or its job failed) is marked `failed` with the
  reason, and may be run again.
- `BillingRunBatch`: a run's customers in batches (ids, in the order the customers were
  created), which the background workers taking part in the run claim one at a time; the run
  shows its progress as batches finish and is completed by the one that finishes the last.
"""

import uuid

from django.db import models
from django.db.models import Q

from common.models import MoneyField, QuantityField, RateField

CHARGE_STATUSES = ("pending", "billed")
DISCOUNT_KINDS = ("percent", "fixed")
RUN_STATUSES = ("queued", "running", "completed", "failed")
BATCH_STATUSES = ("ready", "working", "done")


class Charge(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    marketplace = models.ForeignKey("marketplaces.Marketplace", on_delete=models.CASCADE)
    company = models.ForeignKey("customers.Company", on_delete=models.PROTECT, related_name="+")
    billed_company = models.ForeignKey("customers.Company", on_delete=models.PROTECT,
                                       related_name="+")
    user = models.ForeignKey("customers.CustomerUser", null=True, on_delete=models.PROTECT)
    currency = models.CharField(max_length=3)
    subscription = models.ForeignKey("catalog.Subscription", null=True,
                                     on_delete=models.PROTECT, related_name="charges")
    order_line = models.ForeignKey("billing.OrderLine", null=True, on_delete=models.PROTECT,
                                   related_name="charges")
    product = models.ForeignKey("catalog.Product", null=True, on_delete=models.PROTECT)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True, default="")
    billing_action = models.CharField(max_length=16)
    quantity = QuantityField()
    unit_price = MoneyField()
    discount_amount = MoneyField()
    tax_rate = RateField()
    period_start = models.DateField(null=True)
    period_end = models.DateField(null=True)
    bill_on = models.DateField()
    status = models.CharField(max_length=8, default="pending",
                              choices=[(s, s) for s in CHARGE_STATUSES])
    invoice = models.ForeignKey("invoicing.Invoice", null=True, on_delete=models.PROTECT,
                                related_name="+")
    credit_memo = models.ForeignKey("credits.CreditMemo", null=True, on_delete=models.PROTECT,
                                    related_name="+")
    billed_as_of = models.DateField(null=True)
    created_at = models.DateTimeField()
    # Orders charges made at the same moment (a credit before the charge that replaces it).
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        indexes = [
            models.Index(fields=["marketplace", "company", "bill_on"],
                         condition=Q(status="pending"), name="charge_pending"),
            models.Index(fields=["subscription", "created_at"], name="charge_subscription"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(discount_amount__gte=0),
                                   name="charge_discount_not_negative"),
            models.CheckConstraint(
                condition=Q(status="pending", invoice__isnull=True, credit_memo__isnull=True)
                | Q(status="billed", billed_as_of__isnull=False),
                name="charge_billed_has_run",
            ),
        ]


class UsageRecord(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    marketplace = models.ForeignKey("marketplaces.Marketplace", on_delete=models.CASCADE)
    subscription = models.ForeignKey("catalog.Subscription", on_delete=models.PROTECT,
                                     related_name="usage_records")
    quantity = models.DecimalField(max_digits=24, decimal_places=6)
    usage_date = models.DateField()
    description = models.CharField(max_length=200, blank=True, default="")
    charge = models.ForeignKey(Charge, null=True, on_delete=models.PROTECT, related_name="+")
    rated = models.BooleanField(default=False)
    created_at = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(fields=["subscription", "usage_date"], name="usage_subscription"),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(quantity=0), name="usage_not_zero"),
        ]


class Order(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    marketplace = models.ForeignKey("marketplaces.Marketplace", on_delete=models.CASCADE)
    company = models.ForeignKey("customers.Company", on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey("customers.CustomerUser", null=True, on_delete=models.PROTECT)
    currency = models.CharField(max_length=3)
    order_date = models.DateField()
    reference = models.CharField(max_length=100, blank=True, default="")
    created_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["marketplace", "-created_at", "-id"], name="order_list")]


class OrderLine(models.Model):
    """`quantity`, `unit_price` and `discount_amount` are the line as it stands now, after any
    correction; the charges of the line add up to its net."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    position = models.PositiveIntegerField()
    product = models.ForeignKey("catalog.Product", null=True, on_delete=models.PROTECT)
    price = models.ForeignKey("catalog.Price", null=True, on_delete=models.PROTECT)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True, default="")
    quantity = QuantityField()
    unit_price = MoneyField()
    discount_amount = MoneyField()
    tax_rate = RateField()

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["order", "position"], name="order_line_position"),
            models.CheckConstraint(condition=Q(unit_price__gte=0, discount_amount__gte=0),
                                   name="order_line_amounts"),
        ]


class CustomerDiscount(models.Model):
    """Off each document issued to the company (as payer) from `valid_from` until (not
    including) `valid_until`: `percent` (a fraction) of its charges, or a `fixed` amount in
    `currency`, capped at its charges."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    marketplace = models.ForeignKey("marketplaces.Marketplace", on_delete=models.CASCADE)
    company = models.ForeignKey("customers.Company", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=8, choices=[(k, k) for k in DISCOUNT_KINDS])
    percent = RateField()
    amount = MoneyField()
    currency = models.CharField(max_length=3, blank=True, default="")
    description = models.CharField(max_length=200, blank=True, default="")
    valid_from = models.DateField()
    valid_until = models.DateField(null=True)
    created_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["marketplace", "company"], name="discount_company")]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="percent", percent__gt=0, percent__lte=1)
                | Q(kind="fixed", amount__gt=0),
                name="discount_value",
            )
        ]


class BillingRun(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    marketplace = models.ForeignKey("marketplaces.Marketplace", on_delete=models.CASCADE)
    as_of = models.DateField()
    status = models.CharField(max_length=10, choices=[(s, s) for s in RUN_STATUSES])
    customers_billed = models.PositiveIntegerField(default=0)
    invoices_issued = models.PositiveIntegerField(default=0)
    credit_memos_issued = models.PositiveIntegerField(default=0)
    failures = models.JSONField(default=list)
    # Progress of the latest start: the customers it found due, and how many of them it has
    # been through (billed, nothing to bill, or failed), as batches finish.
    customers_due = models.PositiveIntegerField(default=0, db_default=0)
    customers_done = models.PositiveIntegerField(default=0, db_default=0)
    # Why the run as a whole failed (a `failed` run), as opposed to the customers it could
    # not bill (`failures`).
    failure_reason = models.TextField(blank=True, default="", db_default="")
    started_at = models.DateTimeField()
    # Written when the run starts and as it makes progress: a running run whose heartbeat is
    # older than the lease has died.
    heartbeat_at = models.DateTimeField(null=True)
    # The queued job (django-tasks result) of the latest request for the run, if any.
    job_id = models.UUIDField(null=True)
    finished_at = models.DateTimeField(null=True)
    created_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["marketplace", "-created_at", "-id"], name="run_list"),
                   models.Index(fields=["status"], condition=Q(status__in=("queued", "running")),
                                name="run_unfinished")]
        constraints = [
            models.UniqueConstraint(fields=["marketplace", "as_of"], name="run_per_date"),
        ]


class BillingRunBatch(models.Model):
    """Up to a batch size of the run's customers (payer ids, oldest customer first): `ready`,
    `working` (claimed by a worker: `job_id` its job, when a job), `done`."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    run = models.ForeignKey(BillingRun, on_delete=models.CASCADE, related_name="batches")
    position = models.PositiveIntegerField()
    company_ids = models.JSONField(default=list)
    status = models.CharField(max_length=8, default="ready",
                              choices=[(s, s) for s in BATCH_STATUSES])
    claimed_at = models.DateTimeField(null=True)
    job_id = models.UUIDField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["run", "position"], name="run_batch_position"),
        ]
        indexes = [models.Index(fields=["run", "position"], condition=~Q(status="done"),
                                name="run_batch_unfinished")]


class BillingRunEntry(models.Model):
    """What a run issued to one customer (payer) as of a date: [{type, id, number, total}]."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    marketplace = models.ForeignKey("marketplaces.Marketplace", on_delete=models.CASCADE)
    run = models.ForeignKey(BillingRun, on_delete=models.PROTECT, related_name="entries")
    company = models.ForeignKey("customers.Company", on_delete=models.PROTECT, related_name="+")
    as_of = models.DateField()
    documents = models.JSONField(default=list)
    created_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["marketplace", "company", "as_of"],
                                    name="run_entry_per_customer"),
        ]


class DailyRun(models.Model):
    """The scheduled daily run: one row per day it was enqueued for, so re-enqueuing is
    idempotent."""

    run_on = models.DateField(primary_key=True)
    enqueued_at = models.DateTimeField()
