from typing import Literal

WebhookDeliveriesListStatusType0 = Literal["failed", "pending", "succeeded"]

WEBHOOK_DELIVERIES_LIST_STATUS_TYPE_0_VALUES: set[WebhookDeliveriesListStatusType0] = {
    "failed",
    "pending",
    "succeeded",
}


def check_webhook_deliveries_list_status_type_0(value: str) -> WebhookDeliveriesListStatusType0:
    if value in WEBHOOK_DELIVERIES_LIST_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WEBHOOK_DELIVERIES_LIST_STATUS_TYPE_0_VALUES!r}")
