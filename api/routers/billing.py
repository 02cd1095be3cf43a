"""Billing: plans, subscriptions (create, change, cancel, list, lookup by product name or
UUID), their usage records, and billing runs.

Subscription changes do not issue documents themselves: they leave prorated charges that the
next billing run (daily, `abate bill-run`, or `POST /billing_runs`) bills, on an invoice when
a customer's net is a charge, on a credit memo when it is a credit. Reads are open to every
role (a customer key sees its own company's subscriptions only); writes take a manager or
billing key."""

import datetime
from typing import Annotated, Literal

from ninja import Query, Router
from pydantic import ConfigDict, Field, StrictBool, StrictStr, WithJsonSchema

from api import scoping
from api.auth import MANAGE, READ, actor, allow, marketplace
from api.pagination import CURSOR, LIMIT, paginate
from api.responses import ok, responds
from api.schemas import Amount, Currency, DecimalText, In, Out, list_of
from api.schemas.base import (
    AmountIn,
    CurrencyIn,
    DateIn,
    Id,
    QuantityIn,
    RateIn,
    SignedQuantityIn,
    text,
)
from billing import selectors
from billing import services as billing
from billing.models import RUN_STATUSES, BillingRun
from billing.serializers import (
    billing_run_data,
    plan_data,
    subscription_data,
    usage_record_data,
)
from catalog.models import PLAN_INTERVALS, PLAN_SCHEMES, SUBSCRIPTION_STATUSES
from common.clock import now
from common.errors import NotFound
from common.ids import parse_id

router = Router(tags=["billing"])

Scheme = Literal[PLAN_SCHEMES]  # type: ignore[valid-type]
Interval = Literal[PLAN_INTERVALS]  # type: ignore[valid-type]
SubscriptionStatus = Literal[SUBSCRIPTION_STATUSES]  # type: ignore[valid-type]
RunStatus = Literal[RUN_STATUSES]  # type: ignore[valid-type]
# billing.services.catalog.CODE (no NUL: the pattern says which characters).
PlanCode = Annotated[StrictStr, WithJsonSchema({
    "type": "string", "pattern": r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$", "minLength": 1,
    "maxLength": 64,
    "description": "unique in the marketplace (`422 code_taken`): 1 to 64 letters, digits, "
                   "`.`, `_` and `-`, the first a letter or digit"})]


# --- schemas --------------------------------------------------------------------------------

class PlanIn(In):
    product_id: Id
    code: PlanCode
    name: text(200, required=True)
    scheme: Scheme = Field(description="`flat` (one price a period), `per_seat` (price x "
                                       "quantity), both charged in advance; `metered` (price x "
                                       "units used, charged at the period's end)")
    interval: Interval
    unit_price: AmountIn
    currency: CurrencyIn | None = Field(None, description="default: the marketplace's")
    tax_rate: RateIn | None = Field(None, description='a fraction, "0.20" = 20 %; default 0')


class PlanOut(Out):
    id: str
    object: Literal["plan"]
    product_id: str
    code: str
    name: str
    scheme: Scheme
    interval: Interval
    currency: Currency
    unit_price: Amount
    tax_rate: DecimalText
    created_at: datetime.datetime


class SubscriptionIn(In):
    company_id: Id = Field(description="the customer (billed through its reseller, if it has "
                                       "one)")
    plan_id: Id = Field(description="a plan in the payer's currency (`422 currency_mismatch`)")
    user_id: Id | None = None
    quantity: QuantityIn | None = Field(None, description="seats: per-seat plans; any other "
                                        "plan has 1 (`422 flat_plan_quantity`)")
    start_date: DateIn | None = Field(
        None, description="YYYY-MM-DD, default today (UTC); within a year of today either way "
                          "(`422 start_date_out_of_range`)")
    unit_price: AmountIn | None = Field(None, description="default: the plan's")
    discount_percent: RateIn | None = Field(
        None, description='off each period, a fraction ("0.10" = 10 %); default 0')
    discount_amount: AmountIn | None = Field(None, description="off each period; default 0")


# A change names a plan, a quantity or both (inside allOf, so that generated clients keep the
# fields: a top-level anyOf reads as a union of its branches).
_PLAN_OR_QUANTITY = {"allOf": [{"anyOf": [
    {"required": ["plan_id"], "properties": {"plan_id": {"type": "string"}}},
    {"required": ["quantity"], "properties": {"quantity": {"not": {"type": "null"}}}},
]}]}


class ChangeIn(In):
    model_config = ConfigDict(json_schema_extra=_PLAN_OR_QUANTITY)

    plan_id: Id | None = Field(None, description="a plan in the subscription's currency "
                                                 "(`422 currency_mismatch`)")
    quantity: QuantityIn | None = Field(None, description="seats: per-seat plans; any other "
                                        "plan has 1 (`422 flat_plan_quantity`)")
    effective: Literal["immediately", "period_end"] | None = Field(
        None, description="`immediately` (default): prorated by day from today; "
                          "`period_end`: at the next renewal, without proration")


class CancelIn(In):
    at_period_end: StrictBool | None = Field(
        None, description="false (default): now, the unused part credited; true: at the "
                          "period's end, no credit")


class ScheduledChangeOut(Out):
    plan_id: str | None
    quantity: DecimalText
    effective_date: datetime.date | None


class SubscriptionOut(Out):
    id: str
    object: Literal["subscription"]
    company_id: str
    user_id: str | None
    product_id: str
    product_name: str
    plan_id: str | None
    plan_code: str | None
    scheme: Scheme | None
    interval: Interval | None
    quantity: DecimalText
    unit_price: Amount
    currency: Currency
    tax_rate: DecimalText
    discount_percent: DecimalText
    discount_amount: Amount
    status: SubscriptionStatus
    period_start: datetime.date | None = Field(description="the current period is "
                                                           "[period_start, period_end)")
    period_end: datetime.date | None
    cancel_at_period_end: bool
    cancelled_at: datetime.datetime | None
    ended_on: datetime.date | None
    scheduled_change: ScheduledChangeOut | None
    created_at: datetime.datetime


class UsageRecordIn(In):
    quantity: SignedQuantityIn = Field(description="units, non-zero; negative for a "
                                                   "correction")
    usage_date: DateIn | None = Field(None, description="YYYY-MM-DD, default today (UTC); not "
                                      "in a period already rated (`422 usage_period_closed`)")
    description: text(200) | None = None


class UsageRecordOut(Out):
    id: str
    object: Literal["usage_record"]
    subscription_id: str
    quantity: DecimalText
    usage_date: datetime.date
    description: str
    rated: bool
    created_at: datetime.datetime


class BillingRunIn(In):
    as_of: DateIn | None = Field(
        None, description="YYYY-MM-DD, default today (UTC); from the day the marketplace was "
                          "created to a year after today (`422 as_of_out_of_range`)")
    test_mode: StrictBool | None = Field(
        None, description="allow an `as_of` in the future; only on a test marketplace "
                          "(`is_test`)")


class FailureOut(Out):
    company_id: str
    code: str
    message: str


class BillingRunOut(Out):
    id: str
    object: Literal["billing_run"]
    as_of: datetime.date
    status: RunStatus
    customers_billed: int
    invoices_issued: int
    credit_memos_issued: int
    failures: list[FailureOut]
    customers_due: int = Field(description="progress: the customers the run found due when "
                                           "it (last) started")
    customers_done: int = Field(description="progress: how many of them it has been "
                                            "through (billed, nothing to bill, or failed)")
    failure_reason: str | None = Field(description="why the run failed (status `failed`): "
                                                   "it died, or hit an unexpected error")
    started_at: datetime.datetime
    finished_at: datetime.datetime | None
    created_at: datetime.datetime


PlanList = list_of(PlanOut, "PlanList")
SubscriptionList = list_of(SubscriptionOut, "SubscriptionList")
UsageRecordList = list_of(UsageRecordOut, "UsageRecordList")
BillingRunList = list_of(BillingRunOut, "BillingRunList")


# --- helpers --------------------------------------------------------------------------------

def _visible_subscription(request, subscription_id):
    sub = selectors.subscription_find(
        marketplace=marketplace(request), subscription_id=subscription_id,
        visible_to_company_id=scoping.customer_company_id(request.auth))
    if sub is None:
        raise NotFound("no such subscription", param="id")
    return sub


def _subscription(request, sub_id) -> dict:
    return subscription_data(_visible_subscription(request, sub_id))


# --- plans ----------------------------------------------------------------------------------

@router.post("/plans", auth=allow(MANAGE), response=responds(PlanOut, write=True),
             summary="Create a plan")
def plans_create(request, body: PlanIn):
    """A recurring price of a product: flat, per seat or metered; monthly or annual."""
    plan = billing.plan_create(marketplace=marketplace(request), at=now(),
                               **body.model_dump(exclude_none=True))
    return ok(plan_data(plan))


@router.get("/plans", auth=allow(READ), response=responds(PlanList), summary="List plans")
def plans_list(request, product_id: str | None = Query(None),
               limit: int = LIMIT, cursor: str | None = CURSOR):
    """Newest first."""
    plans = selectors.plan_list(marketplace=marketplace(request), product_id=product_id)
    return ok(paginate(plans, limit=limit, cursor=cursor, serialize=plan_data))


# --- subscriptions --------------------------------------------------------------------------

@router.post("/subscriptions", auth=allow(MANAGE),
             response=responds(SubscriptionOut, write=True), summary="Create a subscription")
def subscriptions_create(request, body: SubscriptionIn):
    """Starts on `start_date`; periods are [start, end), monthly periods keeping the start's
    day of the month. A flat or per-seat plan's first period is charged in advance by the
    first billing run on or after the start; a metered plan is charged at each period's end.
    The marketplace's own company is never billed (`422 own_company`)."""
    sub = billing.subscription_create(marketplace=marketplace(request), actor=actor(request),
                                      at=now(), **body.model_dump(exclude_none=True))
    return ok(_subscription(request, sub.id))


@router.get("/subscriptions", auth=allow(READ), response=responds(SubscriptionList),
            summary="List and look up subscriptions")
def subscriptions_list(
        request,
        company_id: str | None = Query(None, description="the company or its reseller"),
        status: SubscriptionStatus | None = Query(None),
        product_name: str | None = Query(
            None, max_length=200,
            description="case-insensitive substring of the product's name"),
        q: str | None = Query(None, max_length=200, description=(
            "a subscription's UUID (exact), or a case-insensitive substring of the product's "
            "or the plan's name")),
        limit: int = LIMIT, cursor: str | None = CURSOR):
    """Newest first. A customer key lists only its company's subscriptions."""
    subs = selectors.subscription_list(
        marketplace=marketplace(request), company_id=company_id, status=status,
        product_name=product_name, q=q,
        visible_to_company_id=scoping.customer_company_id(request.auth))
    return ok(paginate(subs, limit=limit, cursor=cursor, serialize=subscription_data))


@router.get("/subscriptions/{subscription_id}", auth=allow(READ),
            response=responds(SubscriptionOut), summary="Get a subscription by its UUID")
def subscriptions_get(request, subscription_id: Id):
    return ok(_subscription(request, subscription_id))


@router.post("/subscriptions/{subscription_id}/change", auth=allow(MANAGE),
             response=responds(SubscriptionOut, write=True),
             summary="Change a subscription's plan or quantity")
def subscriptions_change(request, subscription_id: Id, body: ChangeIn):
    """Immediately (default): prorated by day. The change takes effect at the start of
    today (UTC): the unused part of the period already charged is credited,
    round(net x days left / days in period), and the new price charged for the same days;
    both lines carry billing action `upgrade` or `downgrade` (by the yearly price). A plan
    of another interval starts a new period today. `period_end`: applied at the next
    renewal, without proration. The next billing run bills the difference: a net credit
    becomes a credit memo with origin `downgrade`."""
    _visible_subscription(request, subscription_id)
    sub = billing.subscription_change(marketplace=marketplace(request),
                                      subscription_id=subscription_id, actor=actor(request),
                                      at=now(), **body.model_dump(exclude_none=True))
    return ok(_subscription(request, sub.id))


@router.post("/subscriptions/{subscription_id}/cancel", auth=allow(MANAGE),
             response=responds(SubscriptionOut, write=True), summary="Cancel a subscription")
def subscriptions_cancel(request, subscription_id: Id, body: CancelIn):
    """Now (default): the unused part of the period is credited by the next billing run (a
    credit memo with origin `cancellation`), metered usage so far is charged. At period end:
    it ends at its next renewal date, with no credit. A cancelled subscription: `409`."""
    _visible_subscription(request, subscription_id)
    sub = billing.subscription_cancel(marketplace=marketplace(request),
                                      subscription_id=subscription_id, actor=actor(request),
                                      at=now(), **body.model_dump(exclude_none=True))
    return ok(_subscription(request, sub.id))


@router.post("/subscriptions/{subscription_id}/usage_records", auth=allow(MANAGE),
             response=responds(UsageRecordOut, write=True), summary="Record metered usage")
def usage_records_create(request, subscription_id: Id, body: UsageRecordIn):
    """Units used on a metered subscription's day (`422 not_metered` otherwise); a negative
    quantity corrects earlier usage. Rated at the end of the period it falls in: a period
    whose units add up to less than zero is credited (a credit memo with origin
    `negative_usage` when the customer's net is a credit). A day already rated:
    `422 usage_period_closed`."""
    _visible_subscription(request, subscription_id)
    record = billing.usage_record_create(marketplace=marketplace(request),
                                         subscription_id=subscription_id,
                                         actor=actor(request), at=now(),
                                         **body.model_dump(exclude_none=True))
    return ok(usage_record_data(record))


@router.get("/subscriptions/{subscription_id}/usage_records", auth=allow(READ),
            response=responds(UsageRecordList), summary="List a subscription's usage records")
def usage_records_list(request, subscription_id: Id, limit: int = LIMIT,
                       cursor: str | None = CURSOR):
    """Newest first by creation."""
    sub = _visible_subscription(request, subscription_id)
    return ok(paginate(selectors.usage_record_list(subscription=sub), limit=limit,
                       cursor=cursor, serialize=usage_record_data))


# --- billing runs ---------------------------------------------------------------------------

@router.post("/billing_runs", auth=allow(MANAGE),
             response=responds(BillingRunOut, write=True), summary="Run billing")
def billing_runs_create(request, body: BillingRunIn):
    """Bills every customer with something due as of `as_of` (default today, UTC): renews
    due subscriptions, rates usage at period ends, bills changes, one-off orders and
    corrections. Per customer, an invoice if the net is a charge (it takes the customer's
    available credit when the marketplace auto-applies it), a credit memo if it is a credit:
    never a negative invoice. The run is queued for the background worker and answered at
    once (`queued`); `GET /billing_runs/{id}` shows it `completed` with its counts. A run is
    idempotent: asking again for the same date bills only what was not billed yet.

    `as_of` runs from the day the marketplace was created to a year after today; any other
    day (`9999-12-31`) is a `422 as_of_out_of_range` (a window that moves with today, which
    no schema can hold; a malformed date is a 400). A day after today needs
    `test_mode: true` (`422 future_as_of`), and `test_mode` a test marketplace
    (`422 not_a_test_marketplace`; a marketplace is made a test one when it is created,
    `abate create-marketplace --test`, and stays what it was made).

    A run that died is `failed`, with its `failure_reason`: one whose process stopped (no
    progress for 10 minutes), whose job failed, or that hit an unexpected error. Asking again
    for its date runs it again, billing only what it had not billed."""
    data = body.model_dump(exclude_none=True)
    at = now()
    run = billing.billing_run_request(marketplace=marketplace(request),
                                      as_of=data.get("as_of"), test_mode=data.get("test_mode"),
                                      today=at.date(), at=at)
    return ok(billing_run_data(run))


@router.get("/billing_runs", auth=allow(MANAGE), response=responds(BillingRunList),
            summary="List billing runs")
def billing_runs_list(request, limit: int = LIMIT, cursor: str | None = CURSOR):
    """Newest first by creation (one run per date)."""
    return ok(paginate(selectors.billing_run_list(marketplace=marketplace(request)),
                       limit=limit, cursor=cursor, serialize=billing_run_data))


@router.get("/billing_runs/{run_id}", auth=allow(MANAGE), response=responds(BillingRunOut),
            summary="Get a billing run")
def billing_runs_get(request, run_id: Id):
    pk = parse_id(run_id)
    run = BillingRun.objects.filter(marketplace=marketplace(request), pk=pk).first() if pk \
        else None
    if run is None:
        raise NotFound("no such billing run", param="id")
    return ok(billing_run_data(run))

