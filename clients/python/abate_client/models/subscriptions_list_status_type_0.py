from typing import Literal

SubscriptionsListStatusType0 = Literal["active", "cancelled"]

SUBSCRIPTIONS_LIST_STATUS_TYPE_0_VALUES: set[SubscriptionsListStatusType0] = {
    "active",
    "cancelled",
}


def check_subscriptions_list_status_type_0(value: str) -> SubscriptionsListStatusType0:
    if value in SUBSCRIPTIONS_LIST_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SUBSCRIPTIONS_LIST_STATUS_TYPE_0_VALUES!r}")
