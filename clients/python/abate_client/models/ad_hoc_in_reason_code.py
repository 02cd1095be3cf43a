from typing import Literal

AdHocInReasonCode = Literal[
    "cancellation",
    "downgrade",
    "duplicate",
    "goodwill",
    "negative_usage",
    "order_correction",
    "other",
    "overcharge",
    "refund",
    "return",
    "service_credit",
]

AD_HOC_IN_REASON_CODE_VALUES: set[AdHocInReasonCode] = {
    "cancellation",
    "downgrade",
    "duplicate",
    "goodwill",
    "negative_usage",
    "order_correction",
    "other",
    "overcharge",
    "refund",
    "return",
    "service_credit",
}


def check_ad_hoc_in_reason_code(value: str) -> AdHocInReasonCode:
    if value in AD_HOC_IN_REASON_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {AD_HOC_IN_REASON_CODE_VALUES!r}")
