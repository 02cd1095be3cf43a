from typing import Literal

CreditMemosListStatusType0 = Literal[
    "closed", "draft", "fully_applied", "paid_out", "partially_applied", "unapplied", "void"
]

CREDIT_MEMOS_LIST_STATUS_TYPE_0_VALUES: set[CreditMemosListStatusType0] = {
    "closed",
    "draft",
    "fully_applied",
    "paid_out",
    "partially_applied",
    "unapplied",
    "void",
}


def check_credit_memos_list_status_type_0(value: str) -> CreditMemosListStatusType0:
    if value in CREDIT_MEMOS_LIST_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CREDIT_MEMOS_LIST_STATUS_TYPE_0_VALUES!r}")
