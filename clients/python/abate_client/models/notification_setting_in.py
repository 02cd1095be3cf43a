from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="NotificationSettingIn")


@_attrs_define
class NotificationSettingIn:
    """The fields given change; null (or left out) keeps the current value.

    Attributes:
        body (None | str | Unset): a Django template; `document` is the credit memo or invoice, `company` and
            `marketplace` have a `name`, `application` the application concerned; one Django refuses is a `422
            invalid_template`
        enabled (bool | None | Unset):
        subject (None | str | Unset): a Django template, e.g. "Credit memo {{ document.number }}"; one Django refuses is
            a `422 invalid_template`
    """

    body: None | str | Unset = UNSET
    enabled: bool | None | Unset = UNSET
    subject: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        body: None | str | Unset
        if isinstance(self.body, Unset):
            body = UNSET
        else:
            body = self.body

        enabled: bool | None | Unset
        if isinstance(self.enabled, Unset):
            enabled = UNSET
        else:
            enabled = self.enabled

        subject: None | str | Unset
        if isinstance(self.subject, Unset):
            subject = UNSET
        else:
            subject = self.subject

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if body is not UNSET:
            field_dict["body"] = body
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if subject is not UNSET:
            field_dict["subject"] = subject

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_body(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        body = _parse_body(d.pop("body", UNSET))

        def _parse_enabled(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        enabled = _parse_enabled(d.pop("enabled", UNSET))

        def _parse_subject(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject = _parse_subject(d.pop("subject", UNSET))

        notification_setting_in = cls(
            body=body,
            enabled=enabled,
            subject=subject,
        )

        return notification_setting_in
