from typing import Literal

InvoiceLineOutBillingAction = Literal[
    "cancellation", "correction", "downgrade", "one_time", "renewal", "upgrade", "usage"
]

INVOICE_LINE_OUT_BILLING_ACTION_VALUES: set[InvoiceLineOutBillingAction] = {
    "cancellation",
    "correction",
    "downgrade",
    "one_time",
    "renewal",
    "upgrade",
    "usage",
}


def check_invoice_line_out_billing_action(value: str) -> InvoiceLineOutBillingAction:
    if value in INVOICE_LINE_OUT_BILLING_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {INVOICE_LINE_OUT_BILLING_ACTION_VALUES!r}")
