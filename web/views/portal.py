"""The customer portal: a customer user's own company's invoices and credit memos (never the
credit reason), its available credit, and PDF downloads where Abate provides them."""

from django.http import Http404

from credits.selectors import credit_balance
from web.pages import page, page_view, url_or_none
from web.selectors import credit_memo_page, invoice_page


@page_view
def portal(request):
    if request.company is None:
        raise Http404
    company, marketplace = request.company, request.marketplace
    memos = credit_memo_page(marketplace=marketplace, company=company, filters={})
    invoices = invoice_page(marketplace=marketplace, company=company, filters={})
    for row in memos.rows:
        row["pdf_url"] = url_or_none("web:credit_memo_pdf", row["id"])
    for row in invoices.rows:
        row["pdf_url"] = url_or_none("web:invoice_pdf", row["id"])
    return page(request, "web/portal.html", {
        "company": company.name, "balance": credit_balance(company=company),
        "memos": memos, "invoices": invoices,
    })
