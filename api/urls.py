"""The API v1: one NinjaAPI (`api`), mounted at /api/v1/ by abate/urls.py.

Adding endpoints: write `router = Router(tags=[...])` in api/routers/<area>.py and add the
module to the tuple below. In a router, declare full paths and, on every operation,
`auth=allow(*ROLES)` (api/auth.py: READ, STAFF, MANAGE, MANAGER, VOIDERS, WEBHOOKS) and
`response=responds(Model, write=...)` (api/responses.py); answer `ok(plain_data)`; raise
common.errors.DomainError subclasses (or api.errors.ApiError) for failures; read what a key
may see through api/scoping.py; paginate lists with api/pagination.py. Name path parameters
that name a company, invoice, credit memo or payment `company_id`, `invoice_id`, `memo_id`,
`payment_id` (api/scoping.PATH_OBJECTS), so that a customer key gets 404 for another
company's object. Everything else is applied to every operation by the pipeline
(api/pipeline.py): API key (401), rate limit (429), Idempotency-Key on POST, role (403/404),
unknown query parameters (400), then ninja's validation (400) and the view; and the OpenAPI
document is completed with the error responses and the Idempotency-Key header (api/base.py).

Modules:
  api/base.py        AbateAPI (NinjaAPI), its JSON parser, OpenAPI completion
  api/pipeline.py    the per-operation pipeline above
  api/auth.py        API keys, role sets, actor(request), shows_reason(request)
  api/scoping.py     what a key may see (its marketplace; a customer's company)
  api/errors.py      the error envelope and every exception's mapping to it
  api/pagination.py  list objects and keyset cursors (LIMIT, CURSOR, paginate)
  api/idempotency.py Idempotency-Key (answers stored by common/idempotency.py)
  api/ratelimit.py   ABATE_RATE_LIMIT
  api/schemas.py     request (In: unknown fields are a 400) and response (Out) schemas
  api/responses.py   ok(), responds()
  api/serializers.py shapes of objects without a domain serializer
  api/routers/*.py   one router per area
"""

from django.urls import re_path

from api import errors
from api.auth import MANAGER, allow
from api.base import AbateAPI, JsonParser
from api.pipeline import guard
from api.routers import (
    billing,
    companies,
    credit_memos,
    documents,
    events,
    invoices,
    marketplace,
    products,
    reports,
    webhooks,
)

api = AbateAPI(
    title="Abate API",
    version="1",
    description="Credit memos, invoices and the rest of Abate's billing, as in the contract. "
                "Authenticate with `Authorization: Bearer <api key>`. Errors answer "
                "`{\"error\": {\"type\", \"code\", \"message\", \"param\"}}`.\n\n"
                "Currencies: a `currency` that money is made in (a company, an invoice, a "
                "credit memo, a plan) is an active ISO 4217 currency. The contract's "
                "\"unknown currency\" (400) is read as a code ISO 4217 does not have "
                "(`ABC`, `usd`): `400 invalid_currency`. A code it has that is no money one "
                "can bill in now, or no currency at all, is well-formed but breaks that rule "
                "(as the issue on currencies has it): `422 unsupported_currency` for `\"\"`, "
                "`XXX` (no currency), `XTS` (testing), `XAU`, `XAG`, `XPT`, `XPD`, `XDR`, "
                "the other codes without minor units, fund codes (`CLF`, `USN`) and "
                "withdrawn ones (`DEM`, `BGN`). Filters over existing documents "
                "(`?currency=`) take any ISO 4217 code, current or withdrawn.\n\n"
                "**This document is exact**: a request it calls valid is not refused as "
                "malformed (400), and one it calls invalid is refused. What it cannot say "
                "in a schema it says in words, and where that needed a reading of the "
                "contract, this is the reading:\n\n"
                "- A customer key sees no drafts: the documents of its company are those "
                "issued (void ones included), as on the pages; a draft of its company "
                "answers `404` like any object it may not see (the contract is silent on "
                "drafts).\n"
                "- Rules across fields or over time are `422` (well-formed, breaks a rule), "
                "not `400`: a line's `period_end` before its `period_start` "
                "(`invalid_period`), a discount above its line (`discount_exceeds_amount`), "
                "a billing run's `as_of` or a subscription's `start_date` outside its window, "
                "a plan code or a user's e-mail already taken, report dates out of order, a "
                "template Django refuses. An amount with more decimals than its currency "
                "has stays a `400`, as the contract says; the pattern allows up to 4 "
                "(the most any currency has) and the words say the rest.\n"
                "- Decimals: a string in plain notation (no exponent, no spaces, at most 64 "
                "characters; `\"-0\"` is negative where negatives are refused) or a JSON "
                "number, read as the exact decimal it writes (`1e-6` is 0.000001; `-0` is "
                "0).\n"
                "- Text: any characters but NUL (a `400`). A lone surrogate escape "
                "(`\"\\\\ud800\"` alone), which JSON's grammar allows but is no "
                "character, is read as U+FFFD.\n"
                "- Actions that take no input (`issue`, `void`, `auto_apply`, `finalize`, "
                "`pdf/regenerate`...) document no body; they accept none, `{}` or `null`.\n"
                "- Ids are UUIDs: any other form names nothing, a `404` (as the contract "
                "says for an unknown id), except in a list filter, where it matches "
                "nothing. Cursors are the `next_cursor` the same list gave.\n"
                "- Every operation documents, with the error envelope, the statuses the "
                "server itself can answer before reaching it: `413` (body over 2.5 MB), "
                "`414` (request line over 4,094 characters), `431` (headers too large), "
                "`503` (database unavailable).\n"
                "- Links (`links` on answers) lead from each operation that creates an "
                "object to those that take its id.",
    auth=allow(MANAGER),
    parser=JsonParser(),
    urls_namespace="api-v1",
)
errors.install(api)
api.add_decorator(guard, mode="view")

for module in (marketplace, companies, products, invoices, credit_memos, events, documents,
               webhooks, billing, reports):
    api.add_router("", module.router)

_patterns, _app_name, namespace = api.urls


def _not_found(request, rest=""):
    return errors.error_response(404, "route_not_found",
                                 f"no such route: {request.method} {request.path}")


def _envelope_405(view):
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code == 405 and not response.get("Content-Type", "").startswith(
                "application/json"):
            allowed = response.get("Allow", "")
            response = errors.error_response(
                405, "method_not_allowed", f"{request.method} is not allowed here",
                headers={"Allow": allowed} if allowed else None)
        return response

    wrapped.csrf_exempt = getattr(view, "csrf_exempt", False)
    return wrapped


for pattern in _patterns:
    # ninja's root view answers Django's HTML 404: ours answers in the envelope.
    pattern.callback = _not_found if pattern.name == "api-root" else _envelope_405(
        pattern.callback)

app_name = namespace
urlpatterns = [*_patterns, re_path(r"^(?P<rest>.*)$", _not_found)]
