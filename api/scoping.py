"""What a key may see: its marketplace's objects, and for a customer key only its company and
the documents whose `company_id` or `billed_company_id` is that company, issued only
(customers.selectors: the one scope the pages and the list selectors use too). Anything else
answers 404 exactly as if it did not exist (NotFound, with `param` naming the field).

Views read through these getters and querysets; services already confine writes to the
key's marketplace. Path parameters named `company_id`, `invoice_id`, `memo_id` and
`payment_id` are known to `path_visible`, which the pipeline uses to answer a customer 404
(not 403) for another company's object: routers added later should name theirs the same."""


from common.errors import NotFound
from common.ids import parse_id
from credits.models import CreditMemo
from customers.models import Company
from customers.selectors import customer_documents, customer_subscriptions
from invoicing.models import Invoice, Payment


def customer_company_id(key):
    """The company a customer key is confined to; None for other roles."""
    return key.company_id if key.role == "customer" else None


def _documents(queryset, key):
    queryset = queryset.filter(marketplace_id=key.marketplace_id)
    company_id = customer_company_id(key)
    if company_id is not None:
        queryset = customer_documents(queryset, company_id=company_id)
    return queryset


def companies(key):
    queryset = Company.objects.filter(marketplace_id=key.marketplace_id)
    company_id = customer_company_id(key)
    if company_id is not None:
        queryset = queryset.filter(pk=company_id)
    return queryset


def invoices(key):
    return _documents(Invoice.objects.all(), key)


def credit_memos(key):
    return _documents(CreditMemo.objects.all(), key)


def payments(key):
    queryset = Payment.objects.filter(marketplace_id=key.marketplace_id)
    company_id = customer_company_id(key)
    if company_id is not None:
        # The payments of the invoices the customer may see.
        queryset = queryset.filter(invoice__in=customer_documents(Invoice.objects.all(),
                                                                  company_id=company_id))
    return queryset


def _get(queryset, value, *, what: str, param: str):
    pk = parse_id(value)
    # [:1], not first(): one row at most, so no ORDER BY to build and compile.
    found = next(iter(queryset.filter(pk=pk)[:1]), None) if pk else None
    if found is None:
        raise NotFound(f"no such {what}", param=param)
    return found


def company_get(key, company_id, *, param="id") -> Company:
    return _get(companies(key), company_id, what="company", param=param)


def invoice_get(key, invoice_id, *, param="id") -> Invoice:
    return _get(invoices(key), invoice_id, what="invoice", param=param)


def credit_memo_get(key, memo_id, *, param="id") -> CreditMemo:
    return _get(credit_memos(key), memo_id, what="credit memo", param=param)


def subscriptions(key):
    from catalog.models import Subscription

    queryset = Subscription.objects.filter(marketplace_id=key.marketplace_id)
    company_id = customer_company_id(key)
    if company_id is not None:
        queryset = customer_subscriptions(queryset, company_id=company_id)
    return queryset


PATH_OBJECTS = {
    "subscription_id": subscriptions,
    "company_id": companies,
    "invoice_id": invoices,
    "memo_id": credit_memos,
    "payment_id": payments,
}


def path_visible(key, path_params: dict) -> bool:
    """Whether every object the path names is one the key may see."""
    for name, value in path_params.items():
        scope = PATH_OBJECTS.get(name)
        if scope is None:
            continue
        pk = parse_id(value)
        if pk is None or not scope(key).filter(pk=pk).exists():
            return False
    return True
