from typing import Literal

WebhookDeliveryOutStatus = Literal["failed", "pending", "succeeded"]

WEBHOOK_DELIVERY_OUT_STATUS_VALUES: set[WebhookDeliveryOutStatus] = {
    "failed",
    "pending",
    "succeeded",
}


def check_webhook_delivery_out_status(value: str) -> WebhookDeliveryOutStatus:
    if value in WEBHOOK_DELIVERY_OUT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WEBHOOK_DELIVERY_OUT_STATUS_VALUES!r}")
