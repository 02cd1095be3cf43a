from typing import Literal

CreditFromInvoiceInReasonCode = Literal[
    "cancellation",
    "downgrade",
    "duplicate",
    "goodwill",
    "negative_usage",
    "order_correction",
    "other",
    "overcharge",
    "refund",
    "return",
    "service_credit",
]

CREDIT_FROM_INVOICE_IN_REASON_CODE_VALUES: set[CreditFromInvoiceInReasonCode] = {
    "cancellation",
    "downgrade",
    "duplicate",
    "goodwill",
    "negative_usage",
    "order_correction",
    "other",
    "overcharge",
    "refund",
    "return",
    "service_credit",
}


def check_credit_from_invoice_in_reason_code(value: str) -> CreditFromInvoiceInReasonCode:
    if value in CREDIT_FROM_INVOICE_IN_REASON_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CREDIT_FROM_INVOICE_IN_REASON_CODE_VALUES!r}")
