from typing import Literal

CreditMemoCreatedOutReasonCode = Literal[
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

CREDIT_MEMO_CREATED_OUT_REASON_CODE_VALUES: set[CreditMemoCreatedOutReasonCode] = {
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


def check_credit_memo_created_out_reason_code(value: str) -> CreditMemoCreatedOutReasonCode:
    if value in CREDIT_MEMO_CREATED_OUT_REASON_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CREDIT_MEMO_CREATED_OUT_REASON_CODE_VALUES!r}")
