"""Subscriptions, plans, usage records and billing runs as the API and pages show them."""

from common.money import format_amount, format_decimal
from invoicing.serializers import _date, _id, _ts


def plan_data(plan) -> dict:
    return {
        "id": str(plan.id), "object": "plan", "product_id": str(plan.product_id),
        "code": plan.code, "name": plan.name, "scheme": plan.scheme,
        "interval": plan.interval, "currency": plan.currency,
        "unit_price": format_amount(plan.unit_price, plan.currency),
        "tax_rate": format_decimal(plan.tax_rate), "created_at": _ts(plan.created_at),
    }


def subscription_data(sub) -> dict:
    """Reads the plan, the scheduled plan and the product (select_related them)."""
    c = sub.currency
    scheduled = None
    if sub.scheduled_plan_id or sub.scheduled_quantity is not None:
        scheduled = {
            "plan_id": _id(sub.scheduled_plan_id or sub.plan_id),
            "quantity": format_decimal(sub.scheduled_quantity if sub.scheduled_quantity
                                       is not None else sub.quantity),
            "effective_date": _date(sub.period_end),
        }
    return {
        "id": str(sub.id),
        "object": "subscription",
        "company_id": str(sub.company_id),
        "user_id": _id(sub.user_id),
        "product_id": str(sub.product_id),
        "product_name": sub.product.name,
        "plan_id": _id(sub.plan_id),
        "plan_code": sub.plan.code if sub.plan_id else None,
        "scheme": sub.plan.scheme if sub.plan_id else None,
        "interval": sub.plan.interval if sub.plan_id else None,
        "quantity": format_decimal(sub.quantity),
        "unit_price": format_amount(sub.unit_price, c),
        "currency": c,
        "tax_rate": format_decimal(sub.tax_rate),
        "discount_percent": format_decimal(sub.discount_percent),
        "discount_amount": format_amount(sub.discount_amount, c),
        "status": sub.status,
        "period_start": _date(sub.period_start),
        "period_end": _date(sub.period_end),
        "cancel_at_period_end": sub.cancel_at_period_end,
        "cancelled_at": _ts(sub.cancelled_at),
        "ended_on": _date(sub.ended_on),
        "scheduled_change": scheduled,
        "created_at": _ts(sub.created_at),
    }


def usage_record_data(record) -> dict:
    return {
        "id": str(record.id), "object": "usage_record",
        "subscription_id": str(record.subscription_id),
        "quantity": format_decimal(record.quantity), "usage_date": _date(record.usage_date),
        "description": record.description, "rated": record.rated,
        "created_at": _ts(record.created_at),
    }


def billing_run_data(run) -> dict:
    return {
        "id": str(run.id), "object": "billing_run", "as_of": _date(run.as_of),
        "status": run.status, "customers_billed": run.customers_billed,
        "invoices_issued": run.invoices_issued,
        "credit_memos_issued": run.credit_memos_issued, "failures": run.failures,
        "customers_due": run.customers_due, "customers_done": run.customers_done,
        "failure_reason": run.failure_reason or None,
        "started_at": _ts(run.started_at), "finished_at": _ts(run.finished_at),
        "created_at": _ts(run.created_at),
    }
