from typing import Literal

PayoutOutStatus = Literal["failed", "pending", "succeeded"]

PAYOUT_OUT_STATUS_VALUES: set[PayoutOutStatus] = {
    "failed",
    "pending",
    "succeeded",
}


def check_payout_out_status(value: str) -> PayoutOutStatus:
    if value in PAYOUT_OUT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PAYOUT_OUT_STATUS_VALUES!r}")
