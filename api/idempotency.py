"""`Idempotency-Key` on POST, scoped to the API key (see api/models.py).

`run_idempotent(request, key, respond)` is called by the pipeline for every POST that
carries the header; `respond()` produces the response (auth, validation and the view). The
same key with the same method, path and body within 24 h replays the first response (same
status, same body, errors included) with `Idempotent-Replayed: true`; with another body or
path it answers 409 `idempotency_key_reused`; while the first is still running, 409
`idempotency_key_in_use`.

Transient answers are not kept, so that a retry does the work: 5xx, 429, and 409
`concurrent_update`. A record left `running` by a process that died is taken over after
`LEASE` (longer than any request may run)."""

import datetime
import hashlib
import json

from django.db import IntegrityError, transaction

from api.errors import ApiError
from api.models import IdempotencyRecord
from common.clock import now

HEADER = "Idempotency-Key"
RETENTION = datetime.timedelta(hours=24)
LEASE = datetime.timedelta(minutes=2)
MAX_KEY_LENGTH = 255
TRANSIENT_CODES = ("concurrent_update",)


def _check_key(value: str) -> str:
    if not value or len(value) > MAX_KEY_LENGTH or not value.isprintable() or not value.isascii():
        raise ApiError(400, "invalid", "Idempotency-Key is 1 to 255 printable ASCII characters",
                       param=HEADER)
    return value


def fingerprint(request) -> str:
    """Method, path (with query) and body; a JSON body in canonical form, so that the same
    object sent with other spacing or key order is the same request."""
    body = request.body
    try:
        body = json.dumps(json.loads(body), sort_keys=True, separators=(",", ":")).encode()
    except (ValueError, UnicodeDecodeError, RecursionError):
        pass  # not JSON: the view answers 400, and the bytes are the fingerprint
    digest = hashlib.sha256()
    for part in (request.method.encode(), request.get_full_path().encode(), body):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


def _replay(record):
    from django.http import HttpResponse

    response = HttpResponse(bytes(record.response_body), status=record.response_status,
                            content_type=record.response_content_type or "application/json")
    response["Idempotent-Replayed"] = "true"
    return response


def _claim(*, key, idempotency_key: str, print_: str, at) -> tuple[bool, IdempotencyRecord]:
    """(True, record) when this request is to do the work, else (False, existing record)."""
    try:
        with transaction.atomic():
            return True, IdempotencyRecord.objects.create(
                api_key=key, key=idempotency_key, fingerprint=print_, state="running",
                locked_at=at, created_at=at)
    except IntegrityError:
        pass
    record = IdempotencyRecord.objects.filter(api_key=key, key=idempotency_key).first()
    if record is None:  # deleted meanwhile (a transient answer): try once more
        return _claim(key=key, idempotency_key=idempotency_key, print_=print_, at=at)
    if record.created_at <= at - RETENTION:
        # Expired: start afresh, unless another request does so first.
        taken = IdempotencyRecord.objects.filter(pk=record.pk, created_at=record.created_at) \
            .update(fingerprint=print_, state="running", locked_at=at, created_at=at,
                    response_status=None, response_content_type="", response_body=b"")
        if taken:
            record.refresh_from_db()
            return True, record
        record.refresh_from_db()
    return False, record


def run_idempotent(request, key, respond):
    idempotency_key = _check_key(request.headers.get(HEADER, ""))
    at = now()
    print_ = fingerprint(request)
    mine, record = _claim(key=key, idempotency_key=idempotency_key, print_=print_, at=at)
    if not mine:
        if record.fingerprint != print_:
            raise ApiError(409, "idempotency_key_reused",
                           "this Idempotency-Key was used with another request",
                           param=HEADER)
        if record.state == "done":
            return _replay(record)
        abandoned = IdempotencyRecord.objects.filter(
            pk=record.pk, state="running", locked_at=record.locked_at,
            locked_at__lte=at - LEASE).update(locked_at=at)
        if not abandoned:
            raise ApiError(409, "idempotency_key_in_use",
                           "a request with this Idempotency-Key is still running",
                           param=HEADER)
    try:
        response = respond()
    except BaseException:
        IdempotencyRecord.objects.filter(pk=record.pk).delete()
        raise
    if _keeps(response):
        IdempotencyRecord.objects.filter(pk=record.pk).update(
            state="done", response_status=response.status_code,
            response_content_type=response.get("Content-Type", ""),
            response_body=response.content)
    else:
        IdempotencyRecord.objects.filter(pk=record.pk).delete()
    return response


def _keeps(response) -> bool:
    if getattr(response, "streaming", False):
        return False
    status = response.status_code
    if status >= 500 or status == 429:
        return False
    if status == 409:
        try:
            code = json.loads(response.content)["error"]["code"]
        except (ValueError, KeyError, TypeError):
            return True
        return code not in TRANSIENT_CODES
    return True


def purge_expired(*, at) -> int:
    """Delete records past their 24 h; for a periodic job."""
    deleted, _ = IdempotencyRecord.objects.filter(created_at__lte=at - RETENTION).delete()
    return deleted
