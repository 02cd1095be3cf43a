from typing import Literal

CreditMemoCreatedOutStatus = Literal[
    "closed", "draft", "fully_applied", "paid_out", "partially_applied", "unapplied", "void"
]

CREDIT_MEMO_CREATED_OUT_STATUS_VALUES: set[CreditMemoCreatedOutStatus] = {
    "closed",
    "draft",
    "fully_applied",
    "paid_out",
    "partially_applied",
    "unapplied",
    "void",
}


def check_credit_memo_created_out_status(value: str) -> CreditMemoCreatedOutStatus:
    if value in CREDIT_MEMO_CREATED_OUT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CREDIT_MEMO_CREATED_OUT_STATUS_VALUES!r}")
