from typing import Literal

CreditMemosListOriginType0 = Literal[
    "ad_hoc", "cancellation", "downgrade", "invoice", "negative_usage", "order_correction", "refund"
]

CREDIT_MEMOS_LIST_ORIGIN_TYPE_0_VALUES: set[CreditMemosListOriginType0] = {
    "ad_hoc",
    "cancellation",
    "downgrade",
    "invoice",
    "negative_usage",
    "order_correction",
    "refund",
}


def check_credit_memos_list_origin_type_0(value: str) -> CreditMemosListOriginType0:
    if value in CREDIT_MEMOS_LIST_ORIGIN_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CREDIT_MEMOS_LIST_ORIGIN_TYPE_0_VALUES!r}")
