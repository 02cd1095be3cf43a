from typing import Literal

CreditMemoOutStatus = Literal["closed", "draft", "fully_applied", "paid_out", "partially_applied", "unapplied", "void"]

CREDIT_MEMO_OUT_STATUS_VALUES: set[CreditMemoOutStatus] = {
    "closed",
    "draft",
    "fully_applied",
    "paid_out",
    "partially_applied",
    "unapplied",
    "void",
}


def check_credit_memo_out_status(value: str) -> CreditMemoOutStatus:
    if value in CREDIT_MEMO_OUT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CREDIT_MEMO_OUT_STATUS_VALUES!r}")
