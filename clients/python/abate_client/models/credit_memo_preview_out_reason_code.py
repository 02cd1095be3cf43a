from typing import Literal

CreditMemoPreviewOutReasonCode = Literal[
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

CREDIT_MEMO_PREVIEW_OUT_REASON_CODE_VALUES: set[CreditMemoPreviewOutReasonCode] = {
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


def check_credit_memo_preview_out_reason_code(value: str) -> CreditMemoPreviewOutReasonCode:
    if value in CREDIT_MEMO_PREVIEW_OUT_REASON_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CREDIT_MEMO_PREVIEW_OUT_REASON_CODE_VALUES!r}")
