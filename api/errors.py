"""The error envelope, and the one mapping from every failure to it.

Every failure answers `{"error": {"type", "code", "message", "param"}}` with the contract's
type for its status. `install(api)` registers the handlers on the NinjaAPI: domain errors
(by their `kind`), ninja's validation and HTTP errors, database races, and anything else
(500, logged). Routers never build error responses by hand: they raise a DomainError (or
`ApiError` for failures of the HTTP layer itself).

With the setting (or environment variable) ABATE_CHECK_ERROR_CODES=1, as the test suite runs,
every error an operation answers is checked against what its OpenAPI document lists for that
status (`x-error-codes`, api/docs): an undocumented one is logged and answered as a
500 `undocumented_error`, so that the tests that provoke it fail."""

import json
import logging
import os
import re

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
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
TYPE_BY_STATUS.update({405: "invalid_request", 413: "invalid_request", 414: "invalid_request",
                       415: "invalid_request",
                       500: "api_error", 503: "api_error"})

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


CHECK_SETTING = "ABATE_CHECK_ERROR_CODES"
ROUTE_PARAMETER = re.compile(r"<(?:[^>:]+:)?([^>]+)>")
_documented: dict[int, dict] = {}


def checks_error_codes() -> bool:
    value = getattr(settings, CHECK_SETTING, None)
    if value is None:
        value = os.environ.get(CHECK_SETTING, "")
    return value is True or value == "1"


def documented_errors(api) -> dict:
    """{(path template, METHOD): (operation id, {status: codes})} from `api`'s OpenAPI
    document, read once."""
    found = _documented.get(id(api))
    if found is None:
        found = {}
        for path, item in api.get_openapi_schema()["paths"].items():
            for method, operation in item.items():
                if isinstance(operation, dict) and "responses" in operation:
                    found[(path, method.upper())] = (operation.get("operationId"), {
                        status: frozenset(response.get("x-error-codes", ()))
                        for status, response in operation["responses"].items()})
        _documented[id(api)] = found
    return found


def undocumented(api, request, response) -> str | None:
    """Why `response` is not among the errors documented for the operation `request`
    reached; None when it is, when it is a 5xx (never documented: always a bug), or when the
    request reached no operation (an unknown path)."""
    match = getattr(request, "resolver_match", None)
    if match is None or response.status_code >= 500:
        return None
    path = "/" + ROUTE_PARAMETER.sub(r"{\1}", match.route)
    operation = documented_errors(api).get((path, request.method))
    if operation is None:
        return None
    operation_id, codes = operation
    try:
        code = json.loads(response.content)["error"]["code"]
    except (ValueError, KeyError, TypeError):
        code = None
    status = str(response.status_code)
    if code in codes.get(status, ()):
        return None
    return (f"{operation_id} ({request.method} {path}) answered {status} {code}, which its "
            f"OpenAPI document does not list (api/docs)")


def _checked(api, handler):
    def answer(request, error):
        response = handler(request, error)
        if checks_error_codes():
            problem = undocumented(api, request, response)
            if problem:
                logger.error("undocumented error: %s", problem)
                return error_response(500, "undocumented_error", problem)
        return response

    return answer


def install(api) -> None:
    """Register the envelope handlers on `api` (replacing ninja's defaults)."""

    def handles(exception_class):
        def register(handler):
            api.add_exception_handler(exception_class, _checked(api, handler))
            return handler

        return register

    @handles(DomainError)
    def on_domain_error(request, error):
        return domain_error_response(error)

    @handles(ValidationError)
    def on_validation_error(request, error):
        return validation_error_response(error)

    @handles(AuthenticationError)
    def on_authentication_error(request, error):
        return error_response(401, "unauthenticated",
                              "a valid API key is required: Authorization: Bearer <key>")

    @handles(HttpError)
    def on_http_error(request, error):
        if error.status_code == 400:
            return error_response(400, "invalid_json", "the body is not valid JSON, or it "
                                  "holds a NUL character")
        return error_response(error.status_code, "http_error", str(error))

    @handles(SuspiciousOperation)
    def on_suspicious(request, error):
        if isinstance(error, RequestDataTooBig):  # over DATA_UPLOAD_MAX_MEMORY_SIZE
            return error_response(413, "body_too_large", "the body is over 2.5 MB")
        # Django refuses too many fields, a suspicious host, etc.
        return error_response(400, "invalid_request", str(error)[:200] or "refused request")

    @handles(Http404)
    def on_http404(request, error):
        return error_response(404, "not_found", "not found")

    @handles(OperationalError)
    def on_operational_error(request, error):
        if is_lock_failure(error):
            return error_response(409, "concurrent_update",
                                  "another change to the same object won the race: retry")
        logger.exception("database unavailable")
        return error_response(503, "service_unavailable", "the database is unavailable")

    @handles(IntegrityError)
    def on_integrity_error(request, error):
        # Constraints guard invariants that the services check under row locks; one firing
        # means a concurrent change got there first.
        logger.warning("integrity error answered as a lost race: %s", error)
        return error_response(409, "concurrent_update",
                              "another change to the same object won the race: retry")

    @handles(DataError)
    def on_data_error(request, error):
        return error_response(400, "invalid", "a value is out of range")

    @handles(Exception)
    def on_unexpected(request, error):
        logger.exception("unexpected error in %s %s", request.method, request.path)
        return error_response(500, "internal_error", "an unexpected error occurred")
