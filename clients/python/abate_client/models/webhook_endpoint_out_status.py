from typing import Literal

WebhookEndpointOutStatus = Literal["disabled", "enabled"]

WEBHOOK_ENDPOINT_OUT_STATUS_VALUES: set[WebhookEndpointOutStatus] = {
    "disabled",
    "enabled",
}


def check_webhook_endpoint_out_status(value: str) -> WebhookEndpointOutStatus:
    if value in WEBHOOK_ENDPOINT_OUT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WEBHOOK_ENDPOINT_OUT_STATUS_VALUES!r}")
