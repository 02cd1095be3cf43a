"""What a customer company may see, the one scope the API (api/scoping.py), the pages
(web/selectors.py) and the list selectors (credits.selectors, billing.selectors) apply to a
customer's key or page user.

Documents (invoices, credit memos): those whose payer (`company`) or billed company is the
customer's, issued only. The contract confines a customer key to the documents of its
company and says nothing of drafts; a draft is the marketplace's work in progress, not yet
a document the customer has received, so a customer never sees one (nor a draft voided
before issue): it answers 404 like any document the customer may not see.

Subscriptions: those of the company itself or of the end customers it pays for as reseller."""

from django.db.models import Q


def customer_documents(queryset, *, company_id):
    """The invoices or credit memos of `queryset` that company `company_id` may see."""
    return queryset.filter(Q(company_id=company_id) | Q(billed_company_id=company_id),
                           issued_at__isnull=False)


def customer_subscriptions(queryset, *, company_id):
    """The subscriptions of `queryset` that company `company_id` may see."""
    return queryset.filter(Q(company_id=company_id) | Q(company__reseller_id=company_id))
