from typing import Literal

SubscriptionOutSchemeType0 = Literal["flat", "metered", "per_seat"]

SUBSCRIPTION_OUT_SCHEME_TYPE_0_VALUES: set[SubscriptionOutSchemeType0] = {
    "flat",
    "metered",
    "per_seat",
}


def check_subscription_out_scheme_type_0(value: str) -> SubscriptionOutSchemeType0:
    if value in SUBSCRIPTION_OUT_SCHEME_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SUBSCRIPTION_OUT_SCHEME_TYPE_0_VALUES!r}")
