from typing import Literal

EventsListTypeType0 = Literal[
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

EVENTS_LIST_TYPE_TYPE_0_VALUES: set[EventsListTypeType0] = {
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


def check_events_list_type_type_0(value: str) -> EventsListTypeType0:
    if value in EVENTS_LIST_TYPE_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EVENTS_LIST_TYPE_TYPE_0_VALUES!r}")
