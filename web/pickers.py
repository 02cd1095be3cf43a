"""Pickers of the memo and invoice forms: companies, users, products and subscriptions to
choose from as a person types, and the look-up of what was typed."""

from django.db.models import Q

from catalog.models import Product, Subscription
from common.ids import parse_id
from customers.models import Company, CustomerUser

PICKER_SIZE = 20


def company_choices(*, marketplace, q: str = "", selected=None) -> list[dict]:
    """Companies that may receive a credit memo (never the marketplace's own), by name."""
    companies = Company.objects.filter(marketplace=marketplace, is_own=False)
    if q:
        companies = companies.filter(name__icontains=q.strip())
    rows = list(companies.order_by("name", "id").values("id", "name", "currency")[:PICKER_SIZE])
    if selected and not any(str(r["id"]) == str(selected) for r in rows):
        extra = Company.objects.filter(marketplace=marketplace, is_own=False, pk=selected) \
            .values("id", "name", "currency").first()
        if extra:
            rows.insert(0, extra)
    return [{"id": str(r["id"]), "name": r["name"], "currency": r["currency"]} for r in rows]


def user_choices(*, marketplace, company_id, q: str = "") -> list[dict]:
    users = CustomerUser.objects.filter(marketplace=marketplace, company_id=company_id)
    if q:
        users = users.filter(Q(name__icontains=q) | Q(email__icontains=q))
    return [{"id": str(u["id"]), "label": f"{u['name']} <{u['email']}>"}
            for u in users.order_by("name", "id").values("id", "name", "email")[:PICKER_SIZE]]


def product_suggestions(*, marketplace, q: str) -> list[str]:
    products = Product.objects.filter(marketplace=marketplace)
    if q:
        products = products.filter(Q(name__icontains=q) | Q(sku__icontains=q))
    return [p["name"] for p in products.order_by("name").values("name")[:PICKER_SIZE]]


def _subscriber_ids(marketplace, company_id) -> list:
    """A memo for `company_id` may credit its own subscriptions and its payer's."""
    pk = parse_id(company_id)
    row = Company.objects.filter(marketplace=marketplace, pk=pk).values("id", "reseller_id") \
        .first() if pk else None
    return [v for v in (row or {}).values() if v]


def subscription_suggestions(*, marketplace, company_id, q: str) -> list[dict]:
    subs = Subscription.objects.filter(marketplace=marketplace)
    if company_id:
        subs = subs.filter(company_id__in=_subscriber_ids(marketplace, company_id))
    if q:
        subs = subs.filter(product__name__icontains=q)
    rows = subs.order_by("product__name", "id").values(
        "id", "product__name", "plan__name", "status", "period_start", "period_end")
    return [{"value": str(s["id"]),
             "label": " · ".join(str(part) for part in (
                 s["product__name"], s["plan__name"], s["status"], s["period_start"])
                 if part)}
            for s in rows[:PICKER_SIZE]]


def find_product(*, marketplace, text: str):
    """A product id for a name (case-insensitive, exact) or id; (id, None) or (None, why)."""
    pk = parse_id(text)
    if pk and Product.objects.filter(marketplace=marketplace, pk=pk).exists():
        return str(pk), None
    ids = list(Product.objects.filter(marketplace=marketplace, name__iexact=text.strip())
               .values_list("id", flat=True)[:2])
    if not ids:
        return None, f"no catalog item is named {text!r}"
    if len(ids) > 1:
        return None, f"several catalog items are named {text!r}: give its id"
    return str(ids[0]), None


def find_subscription(*, marketplace, company_id, text: str):
    """A subscription id for a UUID, or for the name of its product among the company's
    subscriptions; (id, None) or (None, why)."""
    pk = parse_id(text)
    if pk:
        return str(pk), None
    subs = Subscription.objects.filter(marketplace=marketplace,
                                       product__name__iexact=text.strip())
    if company_id:
        subs = subs.filter(company_id__in=_subscriber_ids(marketplace, company_id))
    ids = list(subs.values_list("id", flat=True)[:2])
    if not ids:
        return None, f"the customer has no subscription to {text!r}"
    if len(ids) > 1:
        return None, f"the customer has several subscriptions to {text!r}: give its UUID"
    return str(ids[0]), None
