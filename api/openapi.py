"""The OpenAPI document completed for every operation, routers added by other apps included:
the error answers each can give (with the envelope), the `Idempotency-Key` header of every
POST, the rule that request text holds no NUL character, and links
from the operations that create an object to those that take its id."""

from api.idempotency import HEADER as IDEMPOTENCY_HEADER
from api.schemas.base import currency_codes

ERROR_REF = {"$ref": "#/components/schemas/ErrorOut"}
ERROR_DESCRIPTIONS = {
    "400": "invalid_request: malformed or invalid input",
    "401": "authentication: no API key or a bad one",
    "403": "permission: the key's role may not do this",
    "404": "not_found: names nothing this key may see",
    "409": "conflict: the object's state forbids it (invalid_state, not_voidable), a race was "
           "lost (concurrent_update), or an Idempotency-Key clash",
    "413": "invalid_request (body_too_large): the body is over 2.5 MB",
    "414": "invalid_request (uri_too_long): the request line (path and query) is over 4,094 "
           "characters",
    "422": "business_rule: well-formed but breaks a billing rule",
    "429": "rate_limited: too many requests for this key (see Retry-After)",
    "431": "invalid_request (headers_too_large): over 100 header fields or one over 8,190 "
           "bytes",
    "503": "api_error (service_unavailable): the database is unavailable; retry later",
}
IDEMPOTENCY_PARAMETER = {
    "name": IDEMPOTENCY_HEADER,
    "in": "header",
    "required": False,
    "schema": {"type": "string", "minLength": 1, "maxLength": 255,
               "pattern": r"^[\x20-\x7e]*[\x21-\x7e][\x20-\x7e]*$"},
    "description": "1 to 255 printable ASCII characters, not only spaces (spaces around "
                   "it are not part of it). "
                   "Retrying with the same key (scoped to the API key) and the same body within "
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
# Text in a request body is stored, and PostgreSQL refuses NUL. (A lone surrogate escape,
# which is no Unicode character, is read as U+FFFD: api/base.py.)
TEXT_PATTERN = r"^[^\u0000]*$"
CURSOR_DESCRIPTION = ("`next_cursor` of the previous page of this same list, as the API gave "
                      "it (opaque: its form may change); anything else is a 400 "
                      "invalid_cursor")


def _request_schemas(schema: dict) -> list[dict]:
    """The component schemas of request bodies (`...In`) and their nested parts."""
    components = schema.get("components", {}).get("schemas", {})
    return [body for name, body in components.items() if name.endswith("In")]


def _text_rule(node) -> None:
    if isinstance(node, dict):
        if (node.get("type") == "string" and not {"pattern", "enum", "format", "const"}
                & node.keys()):
            node["pattern"] = TEXT_PATTERN
        for key, value in node.items():
            if key != "not":  # a rule's negation keeps its own terms
                _text_rule(value)
    elif isinstance(node, list):
        for value in node:
            _text_rule(value)


def _error_responses(method: str, operation: dict) -> None:
    writes = method in ("post", "patch", "put", "delete")
    for status, text in ERROR_DESCRIPTIONS.items():
        if not writes and status in ("409", "422"):
            continue
        if status == "413" and "requestBody" not in operation:
            continue
        response = operation["responses"].setdefault(status, {
            "content": {"application/json": {"schema": ERROR_REF}}})
        response["description"] = text
        if status == "429":
            response["headers"] = {"Retry-After": {
                "description": "seconds until the key may call again",
                "schema": {"type": "integer", "minimum": 1}}}


def _parameters(method: str, operation: dict) -> None:
    parameters = operation.setdefault("parameters", [])
    for parameter in parameters:
        if parameter["name"] == "cursor" and parameter["in"] == "query":
            parameter["description"] = CURSOR_DESCRIPTION
        if parameter["in"] == "path" and parameter["name"].endswith("_id"):
            # Any other form names nothing: a 404, as for an id that does not exist.
            parameter["schema"] = {**parameter["schema"], "format": "uuid"}
    if method == "post" and not any(p.get("name") == IDEMPOTENCY_HEADER for p in parameters):
        parameters.append(dict(IDEMPOTENCY_PARAMETER))
    if not parameters:
        del operation["parameters"]


# Ids that are no UUIDs: an event's ("evt_..."), a party's PEPPOL, VAT and registration ids,
# a tax authority's clearance id (Greece's MARK).
NOT_UUIDS = {("EventOut", "id"), ("*", "event_id"), ("*", "peppol_id"), ("*", "vat_id"),
             ("*", "registration_id"), ("*", "tax_registration_id"),
             ("*", "tax_clearance_id")}


def _uuid_ids(schema: dict) -> None:
    """Ids in answers are UUIDs, as in requests: `id` and every `..._id` that is text."""
    for name, component in schema.get("components", {}).get("schemas", {}).items():
        if not name.endswith("Out"):
            continue
        for field, prop in component.get("properties", {}).items():
            if field != "id" and not field.endswith("_id") or {
                    (name, field), ("*", field)} & NOT_UUIDS:
                continue
            for part in prop.get("anyOf", [prop]):
                if part.get("type") == "string" and "format" not in part:
                    part["format"] = "uuid"


def _shared_enums(schema: dict) -> None:
    """The ISO 4217 list, written once as the component `CurrencyCode` and referred to
    wherever a field takes it (a generated client then has one type, not one per field)."""
    codes = currency_codes()
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components["CurrencyCode"] = {"type": "string", "enum": codes,
                                  "description": "an ISO 4217 currency code"}
    stack = [value for name, value in components.items() if name != "CurrencyCode"]
    stack += list(schema.get("paths", {}).values())
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            if node.get("enum") == codes:
                rest = {k: v for k, v in node.items() if k not in ("type", "enum")}
                node.clear()
                node.update({"$ref": "#/components/schemas/CurrencyCode", **rest})
            else:
                stack.extend(node.values())


def _no_body(operation: dict) -> None:
    """An action that takes no input (void, issue, auto_apply...) documents no body; it
    tolerates `{}`, `null` or an empty body, which old clients send."""
    content = operation.get("requestBody", {}).get("content", {})
    body = content.get("application/json", {}).get("schema", {})
    refs = [part.get("$ref") for part in body.get("anyOf", [body])]
    if "#/components/schemas/NoBody" in refs:
        del operation["requestBody"]


# Where each path id comes from: the operations whose answer holds it, and where in that answer.
ID_SOURCES = {
    "memo_id": {"credit_memo_create_ad_hoc": "/id", "credit_memo_create_from_invoice": "/id",
                "refund_create": "/credit_memo_id", "application_create": "/id"},
    "invoice_id": {"invoice_create": "/id"},
    "company_id": {"company_create": "/id"},
    "subscription_id": {"subscriptions_create": "/id"},
    "payment_id": {"payment_create": "/id"},
    "endpoint_id": {"webhook_endpoint_create": "/id"},
    "run_id": {"billing_runs_create": "/id"},
    "report_id": {"report_create": "/id"},
    # An application answers its memo; the first application is the one just made when the
    # memo had none.
    "application_id": {"application_create": "/applications/0/id"},
}


def _links(schema: dict) -> None:
    """OpenAPI links from each operation that creates an object to every operation that takes
    its id in the path, so that clients (and schemathesis' stateful phase) can chain them."""
    operations = {operation["operationId"]: operation
                  for item in schema.get("paths", {}).values()
                  for operation in item.values() if isinstance(operation, dict)}
    for target_id, target in operations.items():
        names = [p["name"] for p in target.get("parameters", []) if p["in"] == "path"]
        if not names or any(name not in ID_SOURCES for name in names):
            continue
        # A source answers every id the target takes (an application answers its memo too).
        for source_id in sorted(set.intersection(*(set(ID_SOURCES[n]) for n in names))):
            source = operations.get(source_id)
            if source is None or source_id == target_id:
                continue
            source["responses"]["200"].setdefault("links", {})[target_id] = {
                "operationId": target_id,
                "parameters": {name: "$response.body#" + ID_SOURCES[name][source_id]
                               for name in names}}


def complete(schema: dict) -> None:
    for body in _request_schemas(schema):
        _text_rule(body)
    _uuid_ids(schema)
    _shared_enums(schema)
    for path_item in schema.get("paths", {}).values():
        for method, operation in path_item.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            operation["responses"] = {str(status): response for status, response
                                      in operation["responses"].items()}
            _no_body(operation)
            if operation.get("security"):
                _error_responses(method, operation)
                _parameters(method, operation)
    _links(schema)
