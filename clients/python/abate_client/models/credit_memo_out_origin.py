from typing import Literal

CreditMemoOutOrigin = Literal[
    "ad_hoc", "cancellation", "downgrade", "invoice", "negative_usage", "order_correction", "refund"
]

CREDIT_MEMO_OUT_ORIGIN_VALUES: set[CreditMemoOutOrigin] = {
    "ad_hoc",
    "cancellation",
    "downgrade",
    "invoice",
    "negative_usage",
    "order_correction",
    "refund",
}


def check_credit_memo_out_origin(value: str) -> CreditMemoOutOrigin:
    if value in CREDIT_MEMO_OUT_ORIGIN_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CREDIT_MEMO_OUT_ORIGIN_VALUES!r}")
