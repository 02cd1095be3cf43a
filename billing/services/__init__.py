"""Billing services: one module per area, each public function one durable transaction."""

from billing.services.catalog import customer_discount_create, plan_create, price_create
from billing.services.orders import order_correct, order_create, order_get
from billing.services.run_customer import billing_run_customer
from billing.services.runs import (
    billing_run,
    billing_run_join,
    billing_run_reap,
    billing_run_request,
    billing_runs_reap,
    check_as_of,
)
from billing.services.subscriptions import (
    plan_get,
    subscription_cancel,
    subscription_change,
    subscription_create,
    subscription_get,
    usage_record_create,
)

__all__ = [
    "billing_run", "billing_run_customer", "billing_run_join", "billing_run_reap",
    "billing_run_request", "billing_runs_reap", "check_as_of",
    "customer_discount_create",
    "order_correct", "order_create", "order_get", "plan_create", "plan_get", "price_create",
    "subscription_cancel", "subscription_change", "subscription_create", "subscription_get",
    "usage_record_create",
]
