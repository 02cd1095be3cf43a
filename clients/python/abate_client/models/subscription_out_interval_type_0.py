from typing import Literal

SubscriptionOutIntervalType0 = Literal["month", "year"]

SUBSCRIPTION_OUT_INTERVAL_TYPE_0_VALUES: set[SubscriptionOutIntervalType0] = {
    "month",
    "year",
}


def check_subscription_out_interval_type_0(value: str) -> SubscriptionOutIntervalType0:
    if value in SUBSCRIPTION_OUT_INTERVAL_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SUBSCRIPTION_OUT_INTERVAL_TYPE_0_VALUES!r}")
