"""Reads of billing shared by the API, the pages and reports."""

from django.db.models import Q

from billing.models import BillingRun, UsageRecord
from catalog.models import Plan, Subscription
from common.ids import parse_id
from common.parsing import parse_text
from customers.selectors import customer_subscriptions


def subscription_list(*, marketplace, company_id=None, status=None, product_name=None, q=None,
                      visible_to_company_id=None):
    """The marketplace's subscriptions (unordered: callers paginate). `company_id` matches the
    subscribed company or its reseller; `product_name` a case-insensitive substring of the
    product's name; `q` a subscription's UUID exactly, or a substring of the product's or the
    plan's name (the lookup of the ad hoc credit form)."""
    subs = Subscription.objects.filter(marketplace=marketplace).select_related(
        "product", "plan")
    if visible_to_company_id is not None:
        subs = customer_subscriptions(subs, company_id=visible_to_company_id)
    if company_id is not None:
        pk = parse_id(company_id)
        subs = subs.filter(Q(company_id=pk) | Q(company__reseller_id=pk)) if pk else subs.none()
    if status is not None:
        subs = subs.filter(status=status)
    product_name = parse_text(product_name, param="product_name")
    if product_name:
        subs = subs.filter(product__name__icontains=product_name)
    q = parse_text(q, param="q")
    if q:
        pk = parse_id(q.strip())
        subs = subs.filter(pk=pk) if pk else subs.filter(
            Q(product__name__icontains=q) | Q(plan__name__icontains=q))
    return subs


def subscription_find(*, marketplace, subscription_id, visible_to_company_id=None):
    pk = parse_id(subscription_id)
    if pk is None:
        return None
    return subscription_list(marketplace=marketplace,
                             visible_to_company_id=visible_to_company_id).filter(pk=pk).first()


def usage_record_list(*, subscription):
    return UsageRecord.objects.filter(subscription=subscription)


def plan_list(*, marketplace, product_id=None):
    plans = Plan.objects.filter(marketplace=marketplace)
    if product_id is not None:
        pk = parse_id(product_id)
        plans = plans.filter(product_id=pk) if pk else plans.none()
    return plans


def billing_run_list(*, marketplace):
    return BillingRun.objects.filter(marketplace=marketplace)
