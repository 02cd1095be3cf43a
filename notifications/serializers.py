"""Webhook endpoints, deliveries and e-mail notifications as the API and pages show them."""


def _ts(value):
    return value.isoformat().replace("+00:00", "Z") if value else None


def endpoint_data(endpoint, *, include_secret: bool = False) -> dict:
    data = {
        "id": str(endpoint.id),
        "object": "webhook_endpoint",
        "url": endpoint.url,
        "event_types": list(endpoint.event_types),
        "status": "enabled" if endpoint.enabled else "disabled",
        "payload_version": endpoint.payload_version,
        "consecutive_failures": endpoint.consecutive_failures,
        "disabled_at": _ts(endpoint.disabled_at),
        "disabled_reason": endpoint.disabled_reason or None,
        "created_at": _ts(endpoint.created_at),
    }
    if include_secret:
        data["secret"] = endpoint.secret
    return data


def attempt_data(attempt) -> dict:
    return {
        "number": attempt.number,
        "started_at": _ts(attempt.started_at),
        "finished_at": _ts(attempt.finished_at),
        "status_code": attempt.status_code,
        "response_ms": attempt.response_ms,
        "error": attempt.error or (None if attempt.finished_at else "no answer recorded: "
                                   "the worker stopped during the attempt"),
    }


def delivery_data(delivery) -> dict:
    return {
        "id": str(delivery.id),
        "object": "webhook_delivery",
        "endpoint_id": str(delivery.endpoint_id),
        "event_id": str(delivery.event_id),
        "event_type": delivery.event.type,
        "status": delivery.status,
        "attempts": delivery.attempts,
        "next_attempt_at": _ts(delivery.next_attempt_at) if delivery.status == "pending"
        else None,
        "last_error": delivery.last_error or None,
        "created_at": _ts(delivery.created_at),
        "finished_at": _ts(delivery.finished_at),
        "attempt_log": [attempt_data(a) for a in delivery.attempt_log.all()],
    }
