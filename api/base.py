"""The NinjaAPI of Abate: a stricter JSON parser and an OpenAPI document completed for every
operation (routers added by other apps included) with the error responses and the
`Idempotency-Key` header of every POST."""

import json

from ninja import NinjaAPI
from ninja.parser import Parser

from api.idempotency import HEADER as IDEMPOTENCY_HEADER

ERROR_REF = {"$ref": "#/components/schemas/ErrorOut"}
ERROR_DESCRIPTIONS = {
    "400": "invalid_request: malformed or invalid input",
    "401": "authentication: no API key or a bad one",
    "403": "permission: the key's role may not do this",
    "404": "not_found: names nothing this key may see",
    "409": "conflict: the object's state forbids it (invalid_state, not_voidable), a race was "
           "lost (concurrent_update), or an Idempotency-Key clash",
    "422": "business_rule: well-formed but breaks a billing rule",
    "429": "rate_limited: too many requests for this key (see Retry-After)",
}
IDEMPOTENCY_PARAMETER = {
    "name": IDEMPOTENCY_HEADER,
    "in": "header",
    "required": False,
    "schema": {"type": "string", "minLength": 1, "maxLength": 255},
    "description": "Retrying with the same key (scoped to the API key) and the same body within "
                   "24 h replays the first response, errors included, and does nothing twice. "
                   "The stored response commits in the same database transaction as the "
                   "work, so a retry after a crash at any point (before the work, between its "
                   "commit and the answer, while answering) gets the first response or does "
                   "the work once. Another body or path under the same key: 409 "
                   "idempotency_key_reused; while the first request runs: 409 "
                   "idempotency_key_in_use (on the embedded SQLite database, which runs one "
                   "writer at a time, the second request waits for the first and replays its "
                   "response instead). Transient answers (5xx, 429, 409 concurrent_update) "
                   "are not kept: their work was rolled back, and a retry does it.",
}


def _check_text(value) -> None:
    """Text the database can store: no NUL character (PostgreSQL refuses it), no lone
    surrogate (not UTF-8). Raises ValueError, which ninja answers as a 400."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                raise ValueError("text may not contain NUL characters")
            item.encode("utf-8")
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


class JsonParser(Parser):
    """JSON bodies holding only text the database can store, so that such input is a 400
    here rather than an error deep in a service."""

    def parse_body(self, request):
        data = json.loads(request.body)
        _check_text(data)
        return data


class AbateAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation) -> str:
        """The view's own name (`credit_memo_create_from_invoice`): unique across the API and
        what a generated client names its functions."""
        return operation.view_func.__name__

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        error_schema_present = "ErrorOut" in schema.get("components", {}).get("schemas", {})
        for path_item in schema.get("paths", {}).values():
            for method, operation in path_item.items():
                if not isinstance(operation, dict) or "responses" not in operation:
                    continue
                writes = method in ("post", "patch", "put", "delete")
                operation["responses"] = {str(status): response for status, response
                                          in operation["responses"].items()}
                if error_schema_present and operation.get("security"):
                    for status, text in ERROR_DESCRIPTIONS.items():
                        if not writes and status in ("409", "422"):
                            continue
                        response = operation["responses"].setdefault(status, {
                            "content": {"application/json": {"schema": ERROR_REF}}})
                        response["description"] = text
                        if status == "429":
                            response["headers"] = {"Retry-After": {
                                "description": "seconds until the key may call again",
                                "schema": {"type": "integer", "minimum": 1}}}
                if method == "post" and operation.get("security"):
                    parameters = operation.setdefault("parameters", [])
                    if not any(p.get("name") == IDEMPOTENCY_HEADER for p in parameters):
                        parameters.append(dict(IDEMPOTENCY_PARAMETER))
        return schema
