"""Webhook endpoints with their deliveries (each with its attempt log, and manual
redelivery), and the e-mail notifications' settings."""

import datetime
from typing import Annotated, Any, Literal

from ninja import Query, Router
from pydantic import Field, StrictBool, StrictStr, WithJsonSchema

from api.auth import MANAGER, WEBHOOKS, allow, marketplace
from api.pagination import CURSOR, LIMIT, paginate
from api.responses import ok, responds
from api.schemas import In, NoBody, Out, list_of
from api.schemas.base import Id, text
from common.clock import now
from notifications import email
from notifications import services as notifications
from notifications import webhooks as hooks
from notifications.models import EMAIL_KINDS, EVENT_TYPES, WebhookDelivery, WebhookEndpoint
from notifications.serializers import delivery_data, endpoint_data

router = Router(tags=["webhooks"])

EmailKind = Literal[EMAIL_KINDS]  # type: ignore[valid-type]
EventType = Literal[EVENT_TYPES]  # type: ignore[valid-type]
EventTypeOrAll = Literal[("*", *EVENT_TYPES)]  # type: ignore[valid-type]
DeliveryStatus = Literal["pending", "succeeded", "failed"]


def _url_schema(schema: dict) -> None:
    """The form this server takes, read when the document is made: http too when it allows
    private addresses (ABATE_WEBHOOKS_ALLOW_PRIVATE=1)."""
    schema["pattern"] = hooks.url_pattern()


WebhookUrl = Annotated[StrictStr, WithJsonSchema({
    "type": "string", "maxLength": hooks.MAX_URL_LENGTH,
    "description": "an absolute https URL in printable ASCII (anything else percent-encoded): "
                   "a host name or IPv4 address, an optional port, a path and query; no "
                   "credentials, no fragment. The host must resolve to public addresses "
                   "only, checked when the endpoint is made (`400 invalid_url`). With "
                   "ABATE_WEBHOOKS_ALLOW_PRIVATE=1 (development and tests) http and private "
                   "addresses are allowed too, and the host is not resolved."}),
    Field(json_schema_extra=_url_schema)]


class WebhookEndpointIn(In):
    url: WebhookUrl
    event_types: list[EventTypeOrAll] = Field(
        min_length=1, max_length=100,
        description='the event types to send, "*" for all; repeats count once')


class WebhookEndpointOut(Out):
    id: str
    object: Literal["webhook_endpoint"]
    url: str
    event_types: list[str]
    status: Literal["enabled", "disabled"]
    payload_version: int
    consecutive_failures: int
    disabled_at: datetime.datetime | None
    disabled_reason: str | None
    created_at: datetime.datetime
    secret: str = Field(None, description='"whsec_" + base64; in the answers to creating and '
                        "reading one endpoint, never in lists")


class AttemptOut(Out):
    number: int
    started_at: datetime.datetime
    finished_at: datetime.datetime | None
    status_code: int | None
    response_ms: int | None
    error: str | None


class WebhookDeliveryOut(Out):
    id: str
    object: Literal["webhook_delivery"]
    endpoint_id: str
    event_id: str
    event_type: EventType
    status: Literal["pending", "succeeded", "failed"]
    attempts: int
    next_attempt_at: datetime.datetime | None
    last_error: str | None
    created_at: datetime.datetime
    finished_at: datetime.datetime | None
    attempt_log: list[AttemptOut]


class DeletedOut(Out):
    id: str
    object: Literal["webhook_endpoint"]
    deleted: Literal[True]


class NotificationSettingOut(Out):
    object: Literal["notification_setting"]
    kind: EmailKind
    label: str
    enabled: bool
    subject: str
    body: str


class NotificationSettingIn(In):
    """The fields given change; null (or left out) keeps the current value."""

    enabled: StrictBool | None = None
    subject: text(email.MAX_SUBJECT, required=True) | None = Field(
        None, description="a Django template, e.g. \"Credit memo {{ document.number }}\"; "
                          "one Django refuses is a `422 invalid_template`")
    body: text(email.MAX_BODY, required=True) | None = Field(
        None, description="a Django template; `document` is the credit memo or invoice, "
                          "`company` and `marketplace` have a `name`, `application` the "
                          "application concerned; one Django refuses is a "
                          "`422 invalid_template`")


WebhookEndpointList = list_of(WebhookEndpointOut, "WebhookEndpointList")
WebhookDeliveryList = list_of(WebhookDeliveryOut, "WebhookDeliveryList")
NotificationSettingList = list_of(NotificationSettingOut, "NotificationSettingList")


@router.post("/webhook_endpoints", auth=allow(WEBHOOKS),
             response=responds(WebhookEndpointOut, write=True),
             summary="Create a webhook endpoint")
def webhook_endpoint_create(request, body: WebhookEndpointIn):
    """Events of the chosen types are delivered to `url`, signed per the Standard Webhooks
    specification (headers `webhook-id`, `webhook-timestamp`, `webhook-signature`; body
    `{type, timestamp, data}`), at least once, the first attempt within seconds, retried
    with exponential backoff. After repeated failure the endpoint is disabled and a
    `webhook_endpoint.disabled` event says so. A URL that is not https to a public address
    is a `400 invalid_url`."""
    endpoint = notifications.webhook_endpoint_create(
        marketplace=marketplace(request), url=body.url, event_types=body.event_types,
        at=now())
    return ok(endpoint_data(endpoint, include_secret=True))


@router.get("/webhook_endpoints", auth=allow(WEBHOOKS), response=responds(WebhookEndpointList),
            summary="List webhook endpoints")
def webhook_endpoints_list(request, limit: int = LIMIT, cursor: str | None = CURSOR):
    endpoints = WebhookEndpoint.objects.filter(marketplace_id=request.auth.marketplace_id)
    return ok(paginate(endpoints, limit=limit, cursor=cursor, serialize=endpoint_data))


@router.get("/webhook_endpoints/{endpoint_id}", auth=allow(WEBHOOKS),
            response=responds(WebhookEndpointOut), summary="Get a webhook endpoint")
def webhook_endpoint_get(request, endpoint_id: Id):
    endpoint = notifications.webhook_endpoint_get(marketplace=marketplace(request),
                                                  endpoint_id=endpoint_id)
    return ok(endpoint_data(endpoint, include_secret=True))


@router.delete("/webhook_endpoints/{endpoint_id}", auth=allow(WEBHOOKS),
               response=responds(DeletedOut, write=True), summary="Delete a webhook endpoint")
def webhook_endpoint_delete(request, endpoint_id: Id):
    """Its deliveries go with it; nothing more is sent to it."""
    notifications.webhook_endpoint_delete(marketplace=marketplace(request),
                                          endpoint_id=endpoint_id)
    return ok({"id": str(endpoint_id), "object": "webhook_endpoint", "deleted": True})


@router.post("/webhook_endpoints/{endpoint_id}/enable", auth=allow(WEBHOOKS),
             response=responds(WebhookEndpointOut, write=True),
             summary="Enable a disabled webhook endpoint")
def webhook_endpoint_enable(request, endpoint_id: Id, body: NoBody = None):
    endpoint = notifications.webhook_endpoint_enable(
        marketplace=marketplace(request), endpoint_id=endpoint_id, at=now())
    return ok(endpoint_data(endpoint))


@router.get("/webhook_endpoints/{endpoint_id}/deliveries", auth=allow(WEBHOOKS),
            response=responds(WebhookDeliveryList), summary="List an endpoint's deliveries")
def webhook_deliveries_list(request, endpoint_id: Id,
                            status: DeliveryStatus | None = Query(None), limit: int = LIMIT,
                            cursor: str | None = CURSOR):
    """Newest first, each with the log of its attempts (status, response time, error)."""
    endpoint = notifications.webhook_endpoint_get(marketplace=marketplace(request),
                                                  endpoint_id=endpoint_id)
    deliveries = (WebhookDelivery.objects.filter(endpoint=endpoint)
                  .select_related("event").prefetch_related("attempt_log"))
    if status:
        deliveries = deliveries.filter(status=status)
    return ok(paginate(deliveries, limit=limit, cursor=cursor, serialize=delivery_data))


@router.post("/webhook_endpoints/{endpoint_id}/deliveries/{delivery_id}/redeliver",
             auth=allow(WEBHOOKS), response=responds(WebhookDeliveryOut, write=True),
             summary="Send a delivery again")
def webhook_delivery_redeliver(request, endpoint_id: Id, delivery_id: Id,
                               body: NoBody = None):
    """Sends it again now, with a fresh retry schedule (same `webhook-id`: receivers
    deduplicate on it). `409` while it is still pending or its endpoint is disabled."""
    delivery = notifications.webhook_delivery_redeliver(
        marketplace=marketplace(request), endpoint_id=endpoint_id, delivery_id=delivery_id,
        at=now())
    return ok(delivery_data(delivery))


def _setting(data: dict) -> dict[str, Any]:
    return {"object": "notification_setting", **data}


@router.get("/notification_settings", auth=allow(MANAGER),
            response=responds(NotificationSettingList), summary="List e-mail notifications")
def notification_settings_list(request):
    """"Credit memo PDF created", "Invoice issued" and "Credit applied": each on or off, with
    its subject and body. They go to the payer's billing e-mail, with the PDF attached."""
    data = [_setting(notifications.email_setting(marketplace=marketplace(request), kind=kind))
            for kind in EMAIL_KINDS]
    return ok({"object": "list", "data": data, "has_more": False, "next_cursor": None})


@router.patch("/notification_settings/{kind}", auth=allow(MANAGER),
              response=responds(NotificationSettingOut, write=True),
              summary="Change an e-mail notification")
def notification_setting_update(request, kind: EmailKind, body: NotificationSettingIn):
    setting = notifications.email_setting_update(
        marketplace=marketplace(request), kind=kind, at=now(),
        **body.model_dump(exclude_unset=True))
    return ok(_setting(setting))
