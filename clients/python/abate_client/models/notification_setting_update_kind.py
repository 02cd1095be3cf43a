from typing import Literal

NotificationSettingUpdateKind = Literal["credit_applied", "credit_memo_pdf_created", "invoice_issued"]

NOTIFICATION_SETTING_UPDATE_KIND_VALUES: set[NotificationSettingUpdateKind] = {
    "credit_applied",
    "credit_memo_pdf_created",
    "invoice_issued",
}


def check_notification_setting_update_kind(value: str) -> NotificationSettingUpdateKind:
    if value in NOTIFICATION_SETTING_UPDATE_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {NOTIFICATION_SETTING_UPDATE_KIND_VALUES!r}")
