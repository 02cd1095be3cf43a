from typing import Literal

CreditMemoPreviewOutOrigin = Literal[
    "ad_hoc", "cancellation", "downgrade", "invoice", "negative_usage", "order_correction", "refund"
]

CREDIT_MEMO_PREVIEW_OUT_ORIGIN_VALUES: set[CreditMemoPreviewOutOrigin] = {
    "ad_hoc",
    "cancellation",
    "downgrade",
    "invoice",
    "negative_usage",
    "order_correction",
    "refund",
}


def check_credit_memo_preview_out_origin(value: str) -> CreditMemoPreviewOutOrigin:
    if value in CREDIT_MEMO_PREVIEW_OUT_ORIGIN_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CREDIT_MEMO_PREVIEW_OUT_ORIGIN_VALUES!r}")
