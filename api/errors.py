"""The error envelope, and the one mapping from every failure to it.

Every failure answers `{"error": {"type", "code", "message", "param"}}` with the contract's
type for its status. `install(api)` registers the handlers on the NinjaAPI: domain errors
(by their `kind`), ninja's validation and HTTP errors, database races, and anything else
(500, logged). Routers never build error responses by hand: they raise a DomainError (or
`ApiError` for failures of the HTTP layer itself)."""

import json
import logging

from django.core.exceptions import SuspiciousOperation
from django.db import DataError, IntegrityError, OperationalError
from django.http import Http404, HttpResponse
from ninja.errors import AuthenticationError, HttpError, ValidationError

from common.errors import DomainError

logger = logging.getLogger("abate.api")

STATUS_BY_KIND = {
    "invalid_request": 400,
    "authentication": 401,
    "permission": 403,
    "not_found": 404,
    "conflict": 409,
    "business_rule": 422,
    "rate_limited": 429,
}
TYPE_BY_STATUS = {status: kind for kind, status in STATUS_BY_KIND.items()}
TYPE_BY_STATUS.update({405: "invalid_request", 413: "invalid_request", 415: "invalid_request",
                       500: "api_error", 503: "api_error"})
ERROR_TYPES = tuple(sorted(set(TYPE_BY_STATUS.values())))

# Messages of PostgreSQL and SQLite when a lock could not be had or a deadlock was broken.
LOCK_FAILURES = ("deadlock detected", "lock timeout", "could not obtain lock",
                 "could not serialize access", "database is locked", "database table is locked",
                 "canceling statement due to lock timeout")


class ApiError(DomainError):
    """A failure of the HTTP layer itself (authentication, rate limit, idempotency, routing),
    with its own status."""

    def __init__(self, status: int, code: str, message: str, *, param: str | None = None,
                 headers: dict | None = None):
        super().__init__(message, code=code, param=param)
        self.status = status
        self.kind = TYPE_BY_STATUS.get(status, "api_error")
        self.headers = headers or {}


def error_body(*, status: int, code: str, message: str, param: str | None = None) -> dict:
    return {"error": {"type": TYPE_BY_STATUS.get(status, "api_error"), "code": code,
                      "message": message, "param": param}}


def error_response(status: int, code: str, message: str, *, param: str | None = None,
                   headers: dict | None = None) -> HttpResponse:
    response = HttpResponse(
        json.dumps(error_body(status=status, code=code, message=message, param=param)),
        status=status, content_type="application/json",
    )
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def domain_error_response(error: DomainError) -> HttpResponse:
    if isinstance(error, ApiError):
        return error_response(error.status, error.code, error.message, param=error.param,
                              headers=error.headers)
    status = STATUS_BY_KIND.get(error.kind, 422)
    return error_response(status, error.code, error.message, param=error.param)


def param_from_loc(loc) -> str | None:
    """`("body", "body", "lines", 0, "quantity")` -> `lines[0].quantity`."""
    parts = list(loc)
    if parts and parts[0] in ("body", "query", "path", "header"):
        source = parts.pop(0)
        # A single body schema is read whole: ninja names it after the view's argument.
        if source == "body" and parts and isinstance(parts[0], str) and len(parts) > 1:
            parts.pop(0)
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or None


VALIDATION_CODES = {"missing": "parameter_missing", "extra_forbidden": "unknown_parameter"}


def validation_error_response(error: ValidationError) -> HttpResponse:
    first = error.errors[0] if error.errors else {}
    loc = tuple(first.get("loc", ()))
    param = param_from_loc(loc)
    kind = first.get("type", "")
    if kind == "extra_forbidden":
        message = f"unknown field {param}"
    elif kind == "missing":
        message = f"{param} is required"
    elif kind == "null_value":
        message = f"{param} is required: it may not be null"
    else:
        message = f"{param}: {first.get('msg', 'invalid value')}" if param else first.get(
            "msg", "invalid request")
    return error_response(400, VALIDATION_CODES.get(kind, "invalid"), message, param=param)


def is_lock_failure(error: Exception) -> bool:
    text = str(error).lower()
    return any(marker in text for marker in LOCK_FAILURES)


def install(api) -> None:
    """Register the envelope handlers on `api` (replacing ninja's defaults)."""

    @api.exception_handler(DomainError)
    def on_domain_error(request, error):
        return domain_error_response(error)

    @api.exception_handler(ValidationError)
    def on_validation_error(request, error):
        return validation_error_response(error)

    @api.exception_handler(AuthenticationError)
    def on_authentication_error(request, error):
        return error_response(401, "unauthenticated",
                              "a valid API key is required: Authorization: Bearer <key>")

    @api.exception_handler(HttpError)
    def on_http_error(request, error):
        if error.status_code == 400:
            return error_response(400, "invalid_json", "the body is not valid JSON, or it "
                                  "holds a NUL character or a lone surrogate")
        return error_response(error.status_code, "http_error", str(error))

    @api.exception_handler(SuspiciousOperation)
    def on_suspicious(request, error):
        # Django refuses a body over DATA_UPLOAD_MAX_MEMORY_SIZE, too many fields, etc.
        return error_response(400, "invalid_request", str(error)[:200] or "refused request")

    @api.exception_handler(Http404)
    def on_http404(request, error):
        return error_response(404, "not_found", "not found")

    @api.exception_handler(OperationalError)
    def on_operational_error(request, error):
        if is_lock_failure(error):
            return error_response(409, "concurrent_update",
                                  "another change to the same object won the race: retry")
        logger.exception("database unavailable")
        return error_response(503, "service_unavailable", "the database is unavailable")

    @api.exception_handler(IntegrityError)
    def on_integrity_error(request, error):
        # Constraints guard invariants that the services check under row locks; one firing
        # means a concurrent change got there first.
        logger.warning("integrity error answered as a lost race: %s", error)
        return error_response(409, "concurrent_update",
                              "another change to the same object won the race: retry")

    @api.exception_handler(DataError)
    def on_data_error(request, error):
        return error_response(400, "invalid", "a value is out of range")

    @api.exception_handler(Exception)
    def on_unexpected(request, error):
        logger.exception("unexpected error in %s %s", request.method, request.path)
        return error_response(500, "internal_error", "an unexpected error occurred")
