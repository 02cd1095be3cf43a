"""The finance lead's first page: credit over time, memos by status and origin, the largest
open balances."""

from common.clock import now
from web import dashboard as figures
from web.pages import page, page_view, staff_only


@page_view
@staff_only
def dashboard(request):
    return page(request, "web/dashboard.html", figures.dashboard(
        marketplace=request.marketplace, currency=request.GET.get("currency"),
        today=now().date()))
