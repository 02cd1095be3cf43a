from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.notification_setting_out_kind import NotificationSettingOutKind, check_notification_setting_out_kind

T = TypeVar("T", bound="NotificationSettingOut")


@_attrs_define
class NotificationSettingOut:
    """
    Attributes:
        body (str):
        enabled (bool):
        kind (NotificationSettingOutKind):
        label (str):
        object_ (Literal['notification_setting']):
        subject (str):
    """

    body: str
    enabled: bool
    kind: NotificationSettingOutKind
    label: str
    object_: Literal["notification_setting"]
    subject: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        body = self.body

        enabled = self.enabled

        kind: str = self.kind

        label = self.label

        object_ = self.object_

        subject = self.subject

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "body": body,
                "enabled": enabled,
                "kind": kind,
                "label": label,
                "object": object_,
                "subject": subject,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        body = d.pop("body")

        enabled = d.pop("enabled")

        kind = check_notification_setting_out_kind(d.pop("kind"))

        label = d.pop("label")

        object_ = cast(Literal["notification_setting"], d.pop("object"))
        if object_ != "notification_setting":
            raise ValueError(f"object must match const 'notification_setting', got '{object_}'")

        subject = d.pop("subject")

        notification_setting_out = cls(
            body=body,
            enabled=enabled,
            kind=kind,
            label=label,
            object_=object_,
            subject=subject,
        )

        notification_setting_out.additional_properties = d
        return notification_setting_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
