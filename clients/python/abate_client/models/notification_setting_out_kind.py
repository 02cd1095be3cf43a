from typing import Literal

NotificationSettingOutKind = Literal["credit_applied", "credit_memo_pdf_created", "invoice_issued"]

NOTIFICATION_SETTING_OUT_KIND_VALUES: set[NotificationSettingOutKind] = {
    "credit_applied",
    "credit_memo_pdf_created",
    "invoice_issued",
}


def check_notification_setting_out_kind(value: str) -> NotificationSettingOutKind:
    if value in NOTIFICATION_SETTING_OUT_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {NOTIFICATION_SETTING_OUT_KIND_VALUES!r}")
