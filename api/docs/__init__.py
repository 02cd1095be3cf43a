"""What the interactive docs (`/api/v1/docs`) show beside the schema: for every operation a
worked example of its request body and of its answer, and the error codes each error status
can answer with, each with its meaning.

`document(schema)` adds them to a finished OpenAPI document:
- `examples` on the request body and the 200 answer, from one worked story in USD: invoice
  INV-000042 of 10 seats at 100.00 with 20 % tax (1,000.00 + 200.00 = 1,200.00), paid
  1,000.00; credit memo CM-000007 credits 200.00 of it (+ 40.00 tax = 240.00), of which the
  200.00 still due is applied at once and 40.00 remains; then that 40.00 applied, reversed,
  paid out or written off.
- on every error response, the codes it can answer: a markdown list in `description`
  (`code` — meaning) and the bare list in `x-error-codes`, which tests hold the API to
  (api/errors.py answers a 500 when an operation answers a code not listed for it, with
  ABATE_CHECK_ERROR_CODES=1).

The codes (api/docs/codes.py): ERROR_CODES is the one catalog (code -> status,
meaning). An operation answers the codes its shape implies (`_shape_codes`: every operation
401 `unauthenticated` and 429 `rate_limited`; a path naming an object 404 `not_found`; a
body 400 `invalid_json`; a POST the Idempotency-Key conflicts...) and those of its own rules,
OPERATION_ERRORS, where a code may carry a meaning particular to the operation.
The examples: api/docs/examples.py, from the story in api/docs/story.py."""


import copy

from api.docs.codes import CHANGES_NOTHING, ERROR_CODES, EVERY_ROLE, OPERATION_ERRORS
from api.docs.examples import EXAMPLES
from api.errors import TYPE_BY_STATUS

ERROR_REF = {"$ref": "#/components/schemas/ErrorOut"}


def _parameters(operation: dict, where: str) -> list[dict]:
    return [p for p in operation.get("parameters", []) if p.get("in") == where]


def _shape_codes(method: str, operation: dict) -> list[str]:
    """The codes an operation answers for being what it is: authenticated and rate limited,
    guarded by roles, naming objects in its path, taking query parameters or a body,
    a POST (Idempotency-Key) or a write (races)."""
    op_id = operation["operationId"]
    body = operation.get("requestBody")
    query = _parameters(operation, "query")
    codes = ["unknown_parameter", "invalid_request", "uri_too_long", "unauthenticated",
             "rate_limited"]
    if query or body or method == "post":
        codes.append("invalid")
    if (body or {}).get("required") or any(p.get("required") for p in query):
        codes.append("parameter_missing")
    if body:
        codes += ["invalid_json", "body_too_large"]
    if any(p["name"] == "cursor" for p in query):
        codes.append("invalid_cursor")
    if op_id not in EVERY_ROLE:
        codes.append("forbidden")
    if _parameters(operation, "path"):
        codes.append("not_found")
    if method == "post":
        codes += ["idempotency_key_reused", "idempotency_key_in_use"]
    if method in ("post", "patch", "put", "delete") and op_id not in CHANGES_NOTHING:
        codes.append("concurrent_update")
    return codes


def operation_errors(method: str, operation: dict) -> dict[str, dict[str, str]]:
    """{status: {code: meaning}} of one operation of the schema."""
    meanings = {code: ERROR_CODES[code][1] for code in _shape_codes(method, operation)}
    for entry in OPERATION_ERRORS.get(operation["operationId"], ()):
        code, meaning = (entry, ERROR_CODES[entry][1]) if isinstance(entry, str) else entry
        meanings[code] = meaning
    by_status: dict[str, dict[str, str]] = {}
    for code, meaning in meanings.items():
        by_status.setdefault(str(ERROR_CODES[code][0]), {})[code] = meaning
    return by_status


def _describe(status: str, response: dict, codes: dict[str, str]) -> None:
    """The codes in the description and in `x-error-codes`, and one example envelope per
    code (the message is the code's meaning here; the API's says what was wrong)."""
    heading = response.get("description", "")
    if codes:
        listed = "\n".join(f"- `{code}` — {meaning}" for code, meaning in sorted(codes.items()))
        response["description"] = f"{heading}\n\n`error.code` is one of:\n\n{listed}"
    else:
        response["description"] = f"{heading}\n\nNot answered by this operation."
    response["x-error-codes"] = sorted(codes)
    error_type = TYPE_BY_STATUS.get(int(status), "api_error")
    for media_type in response.get("content", {}).values() if codes else ():
        media_type["examples"] = {code: {"summary": code, "value": {"error": {
            "type": error_type, "code": code, "message": meaning, "param": None}}}
            for code, meaning in sorted(codes.items())}


def _add_examples(operation: dict) -> None:
    example = EXAMPLES.get(operation["operationId"])
    if example is None:
        return
    summary = example["summary"]
    if "request" in example:
        content = operation["requestBody"]["content"]["application/json"]
        content["examples"] = {"worked": {"summary": summary,
                                          "value": copy.deepcopy(example["request"])}}
    for media_type in operation["responses"]["200"].get("content", {}).values():
        media_type["examples"] = {"worked": {"summary": summary,
                                             "value": copy.deepcopy(example["response"])}}


def document(schema: dict) -> None:
    """Add the worked examples and the error codes to a finished OpenAPI document."""
    for path_item in schema.get("paths", {}).values():
        for method, operation in path_item.items():
            if not isinstance(operation, dict) or "operationId" not in operation:
                continue
            _add_examples(operation)
            if not operation.get("security"):
                continue
            responses = operation["responses"]
            errors = operation_errors(method, operation)
            for status in sorted(set(errors) | {s for s in responses if s >= "400"}):
                response = responses.setdefault(status, {
                    "description": TYPE_BY_STATUS.get(int(status), "api_error"),
                    "content": {"application/json": {"schema": ERROR_REF}}})
                if "x-error-codes" not in response:
                    _describe(status, response, errors.get(status, {}))
