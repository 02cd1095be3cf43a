from typing import Literal

CreditMemoCreatedOutOrigin = Literal[
    "ad_hoc", "cancellation", "downgrade", "invoice", "negative_usage", "order_correction", "refund"
]

CREDIT_MEMO_CREATED_OUT_ORIGIN_VALUES: set[CreditMemoCreatedOutOrigin] = {
    "ad_hoc",
    "cancellation",
    "downgrade",
    "invoice",
    "negative_usage",
    "order_correction",
    "refund",
}


def check_credit_memo_created_out_origin(value: str) -> CreditMemoCreatedOutOrigin:
    if value in CREDIT_MEMO_CREATED_OUT_ORIGIN_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CREDIT_MEMO_CREATED_OUT_ORIGIN_VALUES!r}")
