"""The API v1: one NinjaAPI, mounted at /api/v1/ by abate/urls.py.

Module layout (routers are added here; each declares full paths, roles with
`auth=allow(...)` from api/auth.py and responses with `responds(...)` from
api/responses.py):
  api/base.py        AbateAPI (NinjaAPI) and its JSON parser; OpenAPI completion
  api/pipeline.py    key, rate limit, idempotency, role, unknown query parameters
  api/auth.py        API keys, role sets, actor(), shows_reason()
  api/scoping.py     what a key may see (marketplace, customer's company)
  api/errors.py      the error envelope and every exception's mapping to it
  api/pagination.py  list objects and keyset cursors
  api/idempotency.py Idempotency-Key (api/models.py keeps the records)
  api/ratelimit.py   ABATE_RATE_LIMIT
  api/schemas.py     request and response schemas
  api/serializers.py shapes without a domain serializer
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
                "`{\"error\": {\"type\", \"code\", \"message\", \"param\"}}`.",
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
