"""Credit services: one module per verb group, each public function one durable
transaction."""

from credits.selectors import memo_get
from credits.services.applications import (
    application_create,
    application_reverse,
    credit_memo_auto_apply,
)
from credits.services.billing import (
    credit_memo_create_for_billing as credit_memo_create_for_billing,
)
from credits.services.invoices import invoice_create, invoice_finalize
from credits.services.memos import (
    credit_memo_close,
    credit_memo_create_ad_hoc,
    credit_memo_create_from_invoice,
    credit_memo_issue,
    credit_memo_preview_ad_hoc,
    credit_memo_preview_from_invoice,
    credit_memo_void,
)
from credits.services.payouts import payout_create, payout_settle
from credits.services.refunds import refund_create

__all__ = [
    "application_create", "application_reverse", "credit_memo_auto_apply", "invoice_create",
    "invoice_finalize", "credit_memo_close", "credit_memo_create_ad_hoc",
    "credit_memo_create_from_invoice", "credit_memo_issue", "credit_memo_preview_ad_hoc",
    "credit_memo_preview_from_invoice", "credit_memo_void", "memo_get", "payout_create",
    "payout_settle", "refund_create",
]
