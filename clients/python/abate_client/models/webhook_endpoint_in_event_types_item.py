from typing import Literal

WebhookEndpointInEventTypesItem = Literal[
    "*",
    "credit_memo.application_reversed",
    "credit_memo.applied",
    "credit_memo.closed",
    "credit_memo.created",
    "credit_memo.issued",
    "credit_memo.paid_out",
    "credit_memo.payout_failed",
    "credit_memo.payout_succeeded",
    "credit_memo.pdf_created",
    "credit_memo.tax_clearance_recorded",
    "credit_memo.voided",
    "invoice.created",
    "invoice.issued",
    "invoice.paid",
    "invoice.payment_refunded",
    "invoice.payment_succeeded",
    "invoice.pdf_created",
    "invoice.tax_clearance_recorded",
    "invoice.voided",
    "webhook_endpoint.disabled",
]

WEBHOOK_ENDPOINT_IN_EVENT_TYPES_ITEM_VALUES: set[WebhookEndpointInEventTypesItem] = {
    "*",
    "credit_memo.application_reversed",
    "credit_memo.applied",
    "credit_memo.closed",
    "credit_memo.created",
    "credit_memo.issued",
    "credit_memo.paid_out",
    "credit_memo.payout_failed",
    "credit_memo.payout_succeeded",
    "credit_memo.pdf_created",
    "credit_memo.tax_clearance_recorded",
    "credit_memo.voided",
    "invoice.created",
    "invoice.issued",
    "invoice.paid",
    "invoice.payment_refunded",
    "invoice.payment_succeeded",
    "invoice.pdf_created",
    "invoice.tax_clearance_recorded",
    "invoice.voided",
    "webhook_endpoint.disabled",
}


def check_webhook_endpoint_in_event_types_item(value: str) -> WebhookEndpointInEventTypesItem:
    if value in WEBHOOK_ENDPOINT_IN_EVENT_TYPES_ITEM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WEBHOOK_ENDPOINT_IN_EVENT_TYPES_ITEM_VALUES!r}")
