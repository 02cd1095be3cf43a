from typing import Literal

InvoiceLineInBillingActionType0 = Literal[
    "cancellation", "correction", "downgrade", "one_time", "renewal", "upgrade", "usage"
]

INVOICE_LINE_IN_BILLING_ACTION_TYPE_0_VALUES: set[InvoiceLineInBillingActionType0] = {
    "cancellation",
    "correction",
    "downgrade",
    "one_time",
    "renewal",
    "upgrade",
    "usage",
}


def check_invoice_line_in_billing_action_type_0(value: str) -> InvoiceLineInBillingActionType0:
    if value in INVOICE_LINE_IN_BILLING_ACTION_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {INVOICE_LINE_IN_BILLING_ACTION_TYPE_0_VALUES!r}")
