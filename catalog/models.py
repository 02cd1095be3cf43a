"""Products, their plans (recurring prices) and one-time prices, and subscriptions to them.

Subscriptions live here, beside the catalog, rather than in `billing`: invoice and credit memo
lines reference them, and those apps sit below billing. Billing owns their workflows. Plans and
prices live here too, as the style guide's layout has it: a subscription points at its plan, and
the catalog is what a marketplace sells, whoever bills it.

A plan is `flat` (one price a period), `per_seat` (price x quantity a period), both charged in
advance, or `metered` (price x units used, charged at the period's end); its interval is a
`month` or a `year`. A subscription keeps its own copy of the price it was sold at. Its current
period is [period_start, period_end): the end is the next period's first day."""

import uuid

from django.db import models

from common.models import MoneyField, QuantityField, RateField


class Product(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    marketplace = models.ForeignKey("marketplaces.Marketplace", on_delete=models.CASCADE)
    name = models.CharField(max_length=200)
    sku = models.CharField(max_length=100, blank=True, default="")
    # The VAT category its lines take unless a line says otherwise (common.tax), with the
    # exemption reason for the categories that need one.
    tax_category = models.CharField(max_length=2, default="S")
    tax_exemption_reason_code = models.CharField(max_length=30, blank=True, default="")
    tax_exemption_reason = models.CharField(max_length=300, blank=True, default="")
    created_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["marketplace", "-created_at", "-id"], name="product_list")]


PLAN_SCHEMES = ("flat", "per_seat", "metered")
PLAN_INTERVALS = ("month", "year")
SUBSCRIPTION_STATUSES = ("active", "cancelled")


class Plan(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    marketplace = models.ForeignKey("marketplaces.Marketplace", on_delete=models.CASCADE)
    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="plans")
    code = models.CharField(max_length=64)
    name = models.CharField(max_length=200)
    scheme = models.CharField(max_length=16, choices=[(s, s) for s in PLAN_SCHEMES])
    interval = models.CharField(max_length=8, choices=[(i, i) for i in PLAN_INTERVALS])
    currency = models.CharField(max_length=3)
    unit_price = MoneyField()
    tax_rate = RateField()
    created_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["marketplace", "code"], name="plan_code_unique"),
            models.CheckConstraint(condition=models.Q(unit_price__gte=0),
                                   name="plan_price_not_negative"),
        ]

    @property
    def in_advance(self) -> bool:
        """Flat and per-seat plans are charged at the start of each period."""
        return self.scheme != "metered"


class Price(models.Model):
    """A one-time charge for a product (one-off orders)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    marketplace = models.ForeignKey("marketplaces.Marketplace", on_delete=models.CASCADE)
    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="prices")
    code = models.CharField(max_length=64)
    currency = models.CharField(max_length=3)
    unit_price = MoneyField()
    tax_rate = RateField()
    created_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["marketplace", "code"], name="price_code_unique"),
            models.CheckConstraint(condition=models.Q(unit_price__gte=0),
                                   name="price_not_negative"),
        ]


class Subscription(models.Model):
    """`company` is the customer billed (a reseller's customer is billed through it). A
    discount (a fraction and/or a fixed amount off each period) is per line. `anchor_date`
    fixes the day of the month periods start on (the 31st falls back to a month's last day).
    A change `at period end` waits in `scheduled_plan`/`scheduled_quantity`."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    marketplace = models.ForeignKey("marketplaces.Marketplace", on_delete=models.CASCADE)
    company = models.ForeignKey("customers.Company", on_delete=models.PROTECT)
    user = models.ForeignKey("customers.CustomerUser", null=True, on_delete=models.PROTECT)
    product = models.ForeignKey(Product, on_delete=models.PROTECT)
    plan = models.ForeignKey(Plan, null=True, on_delete=models.PROTECT, related_name="+")
    quantity = QuantityField(default=1)
    unit_price = MoneyField()
    tax_rate = RateField()
    discount_percent = RateField()
    discount_amount = MoneyField()
    currency = models.CharField(max_length=3)
    anchor_date = models.DateField(null=True)
    period_start = models.DateField(null=True)
    period_end = models.DateField(null=True)
    status = models.CharField(max_length=16, default="active",
                              choices=[(s, s) for s in SUBSCRIPTION_STATUSES])
    cancel_at_period_end = models.BooleanField(default=False)
    cancelled_at = models.DateTimeField(null=True)
    ended_on = models.DateField(null=True)
    scheduled_plan = models.ForeignKey(Plan, null=True, on_delete=models.PROTECT,
                                       related_name="+")
    scheduled_quantity = QuantityField(null=True)
    usage_rated_until = models.DateField(null=True)
    created_at = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(fields=["marketplace", "-created_at", "-id"], name="subscription_list"),
            models.Index(fields=["marketplace", "company"], name="subscription_company"),
            models.Index(fields=["marketplace", "status", "period_end"], name="subscription_due"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quantity__gt=0, unit_price__gte=0, discount_amount__gte=0,
                                   discount_percent__gte=0, discount_percent__lte=1),
                name="subscription_amounts",
            ),
            models.CheckConstraint(
                condition=models.Q(period_end__gt=models.F("period_start"))
                | models.Q(period_start__isnull=True),
                name="subscription_period",
            ),
        ]
