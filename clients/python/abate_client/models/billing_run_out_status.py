from typing import Literal

BillingRunOutStatus = Literal["completed", "failed", "queued", "running"]

BILLING_RUN_OUT_STATUS_VALUES: set[BillingRunOutStatus] = {
    "completed",
    "failed",
    "queued",
    "running",
}


def check_billing_run_out_status(value: str) -> BillingRunOutStatus:
    if value in BILLING_RUN_OUT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BILLING_RUN_OUT_STATUS_VALUES!r}")
