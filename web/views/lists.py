"""Billing › Credit memos and Billing › Invoices: search, filters, sortable columns, pages,
and the totals of the filtered set."""

from customers.models import Company
from web.forms import InvoiceFilters, MemoFilters
from web.pages import page, page_view
from web.selectors import credit_memo_page, invoice_page


def _customer_name(request, filters) -> str:
    if not filters.get("customer"):
        return ""
    return Company.objects.filter(marketplace=request.marketplace, pk=filters["customer"]) \
        .values_list("name", flat=True).first() or ""


def _list(request, *, form_class, select, template):
    form = form_class(request.GET)
    form.is_valid()
    filters = form.filters()
    result = select(marketplace=request.marketplace, company=request.company, filters=filters,
                    sort=form.sort_value, page=form.page_number)
    return page(request, template, {
        "form": form, "result": result, "sort": form.sort_value, "filtered": bool(filters),
        "customer_name": _customer_name(request, filters),
    }, status=400 if form.errors else 200)


@page_view
def credit_memo_list(request):
    return _list(request, form_class=MemoFilters, select=credit_memo_page,
                 template="web/credit_memo_list.html")


@page_view
def invoice_list(request):
    return _list(request, form_class=InvoiceFilters, select=invoice_page,
                 template="web/invoice_list.html")
