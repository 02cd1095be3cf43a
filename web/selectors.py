"""Reads for the pages: filtered, sorted, paginated lists with the totals of the filtered set,
detail pages' extra figures, pickers. Rows come out as plain dicts (amounts formatted as the
API writes them), so templates never walk relations. A customer's scope is its company:
documents whose `company` or `billed_company` it is, once issued (a customer never sees a
draft). A void memo or a draft is no credit: list totals leave them out and a sort by
remaining amount takes theirs as 0."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Case, Count, F, Q, Sum, Value, When

from common.ids import parse_id
from common.money import format_amount, format_decimal
from credits.models import Application, CreditMemo
from credits.selectors import (
    credit_memo_list,
    credited_by_line,
    document_search,
    invoice_list,
    utc_day_start,
)
from credits.services.rules import eligibility_error
from customers.selectors import customer_documents
from invoicing.models import Invoice, InvoiceLine
from invoicing.serializers import payment_data

PAGE_SIZE = 25
NO_CREDIT = ("void", "draft")


@dataclass
class Page:
    rows: list
    number: int
    count: int
    size: int = PAGE_SIZE
    totals: list = field(default_factory=list)

    @property
    def pages(self) -> int:
        return max(1, -(-self.count // self.size))

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.pages


def _scope(queryset, *, marketplace, company):
    """The marketplace's documents; a customer user's confined as the API confines a customer
    key (customers.selectors.customer_documents: its own, issued only)."""
    queryset = queryset.filter(marketplace=marketplace)
    if company is not None:
        queryset = customer_documents(queryset, company_id=company.id)
    return queryset


def _invoice_filters(invoices, *, marketplace, filters):
    """The credit memo list's filters (credits.selectors.credit_memo_list), for invoices."""
    q = (filters.get("q") or "").strip()
    if q:
        invoices = document_search(invoices, marketplace=marketplace, q=q, field="invoice_id",
                                   lines=InvoiceLine.objects.filter(description__icontains=q),
                                   whole_set=True)
    if filters.get("currency"):
        invoices = invoices.filter(currency=filters["currency"])
    if filters.get("issued_from"):
        invoices = invoices.filter(issued_at__gte=utc_day_start(filters["issued_from"]))
    if filters.get("issued_to"):
        invoices = invoices.filter(
            issued_at__lt=utc_day_start(filters["issued_to"] + datetime.timedelta(days=1)))
    return invoices


NULLABLE = {"number", "issued_at", "due_date"}


def _order(queryset, sort: str, columns: dict):
    """Drafts (no number, no issue date) sort last either way; the id breaks ties. Columns
    that are never null keep the database's default null order, so "newest first" walks the
    list index. A column may be an expression."""
    name = columns[sort.lstrip("-")]
    descending = sort.startswith("-")
    if not isinstance(name, str) or name in NULLABLE:
        column = F(name) if isinstance(name, str) else name
        first = column.desc(nulls_last=True) if descending else column.asc(nulls_last=True)
    else:
        first = f"-{name}" if descending else name
    return queryset.order_by(first, "-id" if descending else "id")


MEMO_SORTS = {
    "number": "number", "customer": "company__name", "status": "status", "origin": "origin",
    "issued": "issued_at", "total": "total",
    # As the pages show it: a void memo or a draft has no credit remaining.
    "remaining": Case(When(status__in=NO_CREDIT, then=Value(Decimal(0))),
                      default=F("remaining_amount")),
    "created": "created_at",
}
INVOICE_SORTS = {
    "number": "number", "customer": "company__name", "status": "status", "issued": "issued_at",
    "due": "due_date", "total": "total", "due_amount": "amount_due", "created": "created_at",
}


def _page(queryset, *, page: int, fields: tuple, totals_spec: dict) -> Page:
    """One page of rows, and per currency the count and sums of the whole filtered set."""
    totals = []
    count = 0
    for row in queryset.order_by().values("currency").annotate(n=Count("id"), **totals_spec) \
            .order_by("currency"):
        count += row["n"]
        totals.append({"currency": row["currency"], "count": row["n"], **{
            name: format_amount(row[name] or Decimal(0), row["currency"])
            for name in totals_spec}})
    result = Page(rows=[], number=1, count=count, totals=totals)
    result.number = min(max(1, page), result.pages)
    start = (result.number - 1) * PAGE_SIZE
    # The page's ids first (the offset walks the narrow list index), then their rows: a deep
    # page does not join tens of thousands of rows only to skip them.
    ids = list(queryset.values_list("id", flat=True)[start:start + PAGE_SIZE])
    rows = {r["id"]: r for r in queryset.model.objects.filter(pk__in=ids).values(*fields)}
    result.rows = [rows[pk] for pk in ids]
    return result


def credit_memo_page(*, marketplace, company=None, filters: dict, sort: str = "-created",
                     page: int = 1) -> Page:
    """One page of the list with the filtered set's totals; the filters and the search are
    the API's own selector's. `company` confines a customer user to its documents."""
    memos = credit_memo_list(
        marketplace=marketplace, visible_to_company_id=company.id if company else None,
        status=filters.get("status"), company_id=filters.get("customer"),
        origin=filters.get("origin"), currency=filters.get("currency"),
        issued_from=filters.get("issued_from"), issued_to=filters.get("issued_to"),
        q=filters.get("q"), whole_set=True)
    live = ~Q(status__in=NO_CREDIT)
    result = _page(
        _order(memos, sort, MEMO_SORTS), page=page,
        fields=("id", "number", "status", "origin", "currency", "issued_at", "created_at",
                "total", "remaining_amount", "company__name", "billed_company__name"),
        totals_spec={"total": Sum("total", filter=live),
                     "remaining": Sum("remaining_amount", filter=live)},
    )
    for row in result.rows:
        c = row["currency"]
        row["total"] = format_amount(row["total"], c)
        row["remaining_amount"] = format_amount(row["remaining_amount"], c)
    return result


def invoice_page(*, marketplace, company=None, filters: dict, sort: str = "-created",
                 page: int = 1) -> Page:
    invoices = invoice_list(marketplace=marketplace, status=filters.get("status"),
                            company_id=filters.get("customer"),
                            visible_to_company_id=company.id if company else None)
    invoices = _invoice_filters(invoices, marketplace=marketplace, filters=filters)
    live = ~Q(status__in=NO_CREDIT)
    result = _page(
        _order(invoices, sort, INVOICE_SORTS), page=page,
        fields=("id", "number", "status", "currency", "issued_at", "due_date", "created_at",
                "total", "amount_due", "company__name", "billed_company__name"),
        totals_spec={"total": Sum("total", filter=live),
                     "amount_due": Sum("amount_due", filter=Q(status="open"))},
    )
    for row in result.rows:
        c = row["currency"]
        row["total"] = format_amount(row["total"], c)
        row["amount_due"] = format_amount(row["amount_due"], c)
    return result


def visible_memo(*, marketplace, company, memo_id):
    """The memo if the page user may see it, else None (the page answers 404)."""
    pk = parse_id(memo_id)
    if pk is None:
        return None
    memos = _scope(CreditMemo.objects.all(), marketplace=marketplace, company=company)
    return memos.select_related("company", "billed_company", "user", "source_invoice",
                                "marketplace").filter(pk=pk).first()


def visible_invoice(*, marketplace, company, invoice_id):
    pk = parse_id(invoice_id)
    if pk is None:
        return None
    invoices = _scope(Invoice.objects.all(), marketplace=marketplace, company=company)
    return invoices.select_related("company", "billed_company", "user", "marketplace") \
        .filter(pk=pk).first()


def party_names(document) -> dict:
    user = document.user
    return {
        "company_name": document.company.name,
        "billed_company_name": document.billed_company.name,
        "billed_through_reseller": document.company_id != document.billed_company_id,
        "user_name": f"{user.name} <{user.email}>" if user else None,
    }


def memo_balance_history(memo) -> list[dict]:
    """Each application with the invoice's amount due just before it, what it applied at
    first, what it applies now, and its reversals."""
    c = memo.currency
    applications = (Application.objects.filter(memo=memo).select_related("invoice")
                    .prefetch_related("reversals").order_by("applied_at", "id"))
    return [
        {
            "id": str(a.id),
            "invoice_id": str(a.invoice_id),
            "invoice_number": a.invoice.number,
            "amount_due_before": format_amount(a.invoice_amount_due_before, c),
            "original_amount": format_amount(a.original_amount, c),
            "amount": format_amount(a.amount, c),
            "applied_at": a.applied_at,
            "applied_by": a.applied_by,
            "reversed_at": a.reversed_at,
            "reversible": a.amount > 0,
            "reversals": [
                {"amount": format_amount(r.amount, c), "reversed_at": r.reversed_at,
                 "reversed_by": r.reversed_by}
                for r in a.reversals.all()
            ],
        }
        for a in applications
    ]


def _eligible_for(*, marketplace, company_id, user_id, currency, exclude_id=None) -> list:
    """Open invoices that a memo of this payer, user and currency may be applied to, by the
    credit rules themselves (oldest due first)."""
    probe = CreditMemo(company_id=company_id, user_id=user_id, currency=currency)
    candidates = (Invoice.objects.filter(marketplace=marketplace, company_id=company_id,
                                         currency=currency, status="open", amount_due__gt=0)
                  .select_related("billed_company").order_by("due_date", "issued_at", "id"))
    if exclude_id:
        candidates = candidates.exclude(pk=exclude_id)
    return [
        {"id": str(i.id), "number": i.number, "due_date": i.due_date,
         "amount_due": format_amount(i.amount_due, i.currency),
         "billed_company_name": i.billed_company.name}
        for i in candidates[:100]
        if eligibility_error(memo=probe, invoice=i, marketplace=marketplace) is None
    ]


def eligible_invoices_for_memo(*, marketplace, memo) -> list:
    return _eligible_for(marketplace=marketplace, company_id=memo.company_id,
                         user_id=memo.user_id, currency=memo.currency)


def eligible_invoices_for_invoice(*, marketplace, invoice) -> list:
    """Open invoices that a credit memo from `invoice` may be applied to (itself included)."""
    return _eligible_for(marketplace=marketplace, company_id=invoice.company_id,
                         user_id=invoice.user_id, currency=invoice.currency)


def invoice_extras(invoice, *, drafts: bool = True) -> dict:
    """Payments and the credit memos made from the invoice (`drafts`: with unissued ones)."""
    c = invoice.currency
    memos = invoice.credit_memos.all() if drafts else \
        invoice.credit_memos.filter(issued_at__isnull=False)
    return {
        "payments": [payment_data(p) for p in invoice.payments.select_related("invoice")
                     .order_by("created_at", "id")],
        "credit_memos": [
            {"id": str(m["id"]), "number": m["number"], "status": m["status"],
             "total": format_amount(m["total"], c)}
            for m in memos.order_by("created_at", "id").values("id", "number", "status", "total")
        ],
    }


def creditable_groups(invoice) -> list[dict]:
    """The invoice's lines grouped by product as on the invoice (lines without a product by
    name), each with what is left to credit (net, signed as the line)."""
    c = invoice.currency
    credited = credited_by_line(invoice=invoice)
    groups: dict = {}
    for line in invoice.lines.select_related("product"):
        key = f"p{line.product_id}" if line.product_id else f"n{line.name}"
        group = groups.setdefault(key, {
            "key": key, "name": line.product.name if line.product else line.name,
            "actions": [], "lines": [], "left": Decimal(0),
        })
        got = credited.get(line.id)
        left = line.amount - (got.amount if got else 0)
        if line.billing_action not in group["actions"]:
            group["actions"].append(line.billing_action)
        group["left"] += left
        group["lines"].append({
            "id": str(line.id), "name": line.name, "description": line.description,
            "billing_action": line.billing_action, "quantity": format_decimal(line.quantity),
            "unit_price": format_amount(line.unit_price, c),
            "amount": format_amount(line.amount, c),
            "tax_rate": line.tax_rate,
            "left": format_amount(left, c),
            "left_magnitude": format_amount(abs(left), c),
            "negative": line.amount < 0,
            "creditable": left != 0,
            "period_start": line.period_start, "period_end": line.period_end,
        })
    for group in groups.values():
        group["left"] = format_amount(group["left"], c)
    return list(groups.values())
