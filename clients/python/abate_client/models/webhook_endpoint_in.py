from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="WebhookEndpointIn")


@_attrs_define
class WebhookEndpointIn:
    """
    Attributes:
        event_types (list[str]): event types, e.g. "credit_memo.issued"; "*" for all
        url (str): https and a public address (http and private addresses too with ABATE_WEBHOOKS_ALLOW_PRIVATE=1)
    """

    event_types: list[str]
    url: str

    def to_dict(self) -> dict[str, Any]:
        event_types = self.event_types

        url = self.url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "event_types": event_types,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        event_types = cast(list[str], d.pop("event_types"))

        url = d.pop("url")

        webhook_endpoint_in = cls(
            event_types=event_types,
            url=url,
        )

        return webhook_endpoint_in
