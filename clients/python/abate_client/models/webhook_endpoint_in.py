from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.webhook_endpoint_in_event_types_item import (
    WebhookEndpointInEventTypesItem,
    check_webhook_endpoint_in_event_types_item,
)

T = TypeVar("T", bound="WebhookEndpointIn")


@_attrs_define
class WebhookEndpointIn:
    """
    Attributes:
        event_types (list[WebhookEndpointInEventTypesItem]): the event types to send, "*" for all; repeats count once
        url (str): an absolute https URL in printable ASCII (anything else percent-encoded): a host name or IPv4
            address, an optional port, a path and query; no credentials, no fragment. The host must resolve to public
            addresses only, checked when the endpoint is made (`400 invalid_url`). With ABATE_WEBHOOKS_ALLOW_PRIVATE=1
            (development and tests) http and private addresses are allowed too, and the host is not resolved.
    """

    event_types: list[WebhookEndpointInEventTypesItem]
    url: str

    def to_dict(self) -> dict[str, Any]:
        event_types = []
        for event_types_item_data in self.event_types:
            event_types_item: str = event_types_item_data
            event_types.append(event_types_item)

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
        event_types = []
        _event_types = d.pop("event_types")
        for event_types_item_data in _event_types:
            event_types_item = check_webhook_endpoint_in_event_types_item(event_types_item_data)

            event_types.append(event_types_item)

        url = d.pop("url")

        webhook_endpoint_in = cls(
            event_types=event_types,
            url=url,
        )

        return webhook_endpoint_in
