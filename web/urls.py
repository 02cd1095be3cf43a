"""The web pages. Other areas add their pages here (one line each) and extend
web/base.html; name URLs so templates can find them (a PDF download named
"credit_memo_pdf" or "invoice_pdf", taking the document's id, is linked from the pages as
soon as it exists)."""

from pathlib import Path

from django.urls import path, re_path
from django.views.static import serve

from web.views import ad_hoc, auth, dashboard, invoices, lists, memos, portal, settings

app_name = "web"
STATIC = Path(__file__).resolve().parent / "static" / "web"

urlpatterns = [
    path("", auth.home, name="home"),
    path("sign-in", auth.signin, name="signin"),
    path("sign-out", auth.signout, name="signout"),
    path("dashboard", dashboard.dashboard, name="dashboard"),
    path("portal", portal.portal, name="portal"),
    # Billing › Credit memos
    path("credit-memos", lists.credit_memo_list, name="credit_memo_list"),
    path("credit-memos/new", ad_hoc.credit_memo_new, name="credit_memo_new"),
    path("credit-memos/new/preview", ad_hoc.credit_memo_new_preview,
         name="credit_memo_new_preview"),
    path("credit-memos/new/line", ad_hoc.credit_memo_new_line, name="credit_memo_new_line"),
    path("credit-memos/<str:memo_id>", memos.credit_memo_detail, name="credit_memo_detail"),
    path("credit-memos/<str:memo_id>/issue", memos.credit_memo_issue, name="credit_memo_issue"),
    path("credit-memos/<str:memo_id>/apply", memos.credit_memo_apply, name="credit_memo_apply"),
    path("credit-memos/<str:memo_id>/auto-apply", memos.credit_memo_auto_apply,
         name="credit_memo_auto_apply"),
    path("credit-memos/<str:memo_id>/applications/<str:application_id>/reverse",
         memos.application_reverse, name="application_reverse"),
    path("credit-memos/<str:memo_id>/payout", memos.credit_memo_payout,
         name="credit_memo_payout"),
    path("credit-memos/<str:memo_id>/close", memos.credit_memo_close, name="credit_memo_close"),
    path("credit-memos/<str:memo_id>/void", memos.credit_memo_void, name="credit_memo_void"),
    # Billing › Invoices
    path("invoices", lists.invoice_list, name="invoice_list"),
    path("invoices/<str:invoice_id>", invoices.invoice_detail, name="invoice_detail"),
    path("invoices/<str:invoice_id>/credit-memo", invoices.credit_memo_from_invoice,
         name="credit_memo_from_invoice"),
    path("invoices/<str:invoice_id>/credit-memo/preview",
         invoices.credit_memo_from_invoice_preview, name="credit_memo_from_invoice_preview"),
    # Settings
    path("settings/invoice-credit-memo", settings.invoice_settings, name="settings"),
    path("settings/invoice-credit-memo/examples", settings.settings_examples,
         name="settings_examples"),
    # Pickers (htmx partials)
    path("pick/companies", ad_hoc.pick_companies, name="pick_companies"),
    path("pick/users", ad_hoc.pick_users, name="pick_users"),
    path("pick/items", ad_hoc.pick_items, name="pick_items"),
    # The pages' own script and style, served without a separate static files server.
    re_path(r"^static/web/(?P<path>[\w.-]+)$", serve, {"document_root": STATIC}),
]

# Documents: PDF downloads, PDF templates, notifications, webhooks, reports, background jobs.
from web.views_documents import urlpatterns as documents_urlpatterns  # noqa: E402

urlpatterns += documents_urlpatterns
