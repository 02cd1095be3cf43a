"""`Idempotency-Key` on POST, scoped to the API key.

`run_idempotent(request, key, respond)` is called by the pipeline for every POST that
carries the header; `respond()` produces the response (auth, validation and the view). The
same key with the same method, path and body within 24 h replays the first response (same
status, same body, errors included) with `Idempotent-Replayed: true`; with another body or
path it answers 409 `idempotency_key_reused`; while the first is still running, 409
`idempotency_key_in_use`.

The stored answer commits in the same transaction as the work (common/idempotency.py): a
retry after a crash at any point finds the answer, or finds that nothing was done. Transient
answers are not kept, so that a retry does the work: 5xx, 429, and 409 `concurrent_update`."""

import json

from api.errors import ApiError
from common.clock import now
from common.idempotency import KeyInUse, KeyReused, run_once
from common.idempotency import fingerprint as fingerprint_of

HEADER = "Idempotency-Key"
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
    return fingerprint_of(request.method.encode(), request.get_full_path().encode(), body)


def run_idempotent(request, key, respond):
    idempotency_key = _check_key(request.headers.get(HEADER, ""))
    try:
        response, replayed = run_once(
            scope=f"api_key:{key.pk}", key=idempotency_key, fingerprint=fingerprint(request),
            at=now(), respond=respond, keeps=_keeps)
    except KeyReused:
        raise ApiError(409, "idempotency_key_reused",
                       "this Idempotency-Key was used with another request",
                       param=HEADER) from None
    except KeyInUse:
        raise ApiError(409, "idempotency_key_in_use",
                       "a request with this Idempotency-Key is still running",
                       param=HEADER) from None
    if replayed:
        response["Idempotent-Replayed"] = "true"
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
