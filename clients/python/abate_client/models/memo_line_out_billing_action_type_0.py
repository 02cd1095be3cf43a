from typing import Literal

MemoLineOutBillingActionType0 = Literal[
    "cancellation", "correction", "downgrade", "one_time", "renewal", "upgrade", "usage"
]

MEMO_LINE_OUT_BILLING_ACTION_TYPE_0_VALUES: set[MemoLineOutBillingActionType0] = {
    "cancellation",
    "correction",
    "downgrade",
    "one_time",
    "renewal",
    "upgrade",
    "usage",
}


def check_memo_line_out_billing_action_type_0(value: str) -> MemoLineOutBillingActionType0:
    if value in MEMO_LINE_OUT_BILLING_ACTION_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MEMO_LINE_OUT_BILLING_ACTION_TYPE_0_VALUES!r}")
