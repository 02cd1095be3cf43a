from typing import Literal

SubscriptionOutStatus = Literal["active", "cancelled"]

SUBSCRIPTION_OUT_STATUS_VALUES: set[SubscriptionOutStatus] = {
    "active",
    "cancelled",
}


def check_subscription_out_status(value: str) -> SubscriptionOutStatus:
    if value in SUBSCRIPTION_OUT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SUBSCRIPTION_OUT_STATUS_VALUES!r}")
