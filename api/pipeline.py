"""What runs around every operation of the API, in this order (installed once on the
NinjaAPI with `api.add_decorator(guard, mode="view")`, so routers added later get it too):

1. the API key (401 without a valid one),
2. the per-key rate limit (429),
3. for a POST with `Idempotency-Key`, the idempotency protocol around all that follows,
4. the role: a customer key whose path names another company's object gets 404, any key
   outside the operation's roles 403,
5. unknown query parameters (400 `unknown_parameter`),
6. ninja: body and parameter validation (400), then the view.

Operations without an `ApiKeyAuth` (none today) skip 1-4."""

import functools

from api.auth import authenticate, roles_of
from api.errors import ApiError
from api.idempotency import HEADER, run_idempotent
from api.ratelimit import check_rate
from api.scoping import path_visible


def query_names(operation) -> frozenset:
    names = set()
    for model in operation.models:
        if getattr(model, "__ninja_param_source__", None) != "query":
            continue
        flatten = getattr(model, "__ninja_flatten_map__", None)
        if flatten:
            names.update(flatten)
        for name, field in model.model_fields.items():
            names.add(field.alias or name)
    return frozenset(names)


def guard(run):
    operation = run.__self__
    roles = roles_of(operation)
    allowed_query = query_names(operation)

    def checked(request, *args, **kwargs):
        key = request._abate_api_key
        if key.role not in roles:
            if key.role == "customer" and not path_visible(key, kwargs):
                raise ApiError(404, "not_found", "no such object", param="id")
            raise ApiError(403, "forbidden", f"a {key.role} key may not do this")
        unknown = sorted(set(request.GET) - allowed_query)
        if unknown:
            raise ApiError(400, "unknown_parameter", f"unknown query parameter {unknown[0]}",
                           param=unknown[0])
        return run(request, *args, **kwargs)

    @functools.wraps(run)
    def guarded(request, *args, **kwargs):
        try:
            if roles is None:
                return run(request, *args, **kwargs)
            key = authenticate(request)
            if key is None:
                raise ApiError(401, "unauthenticated",
                               "a valid API key is required: Authorization: Bearer <key>")
            check_rate(key)

            def respond():
                try:
                    return checked(request, *args, **kwargs)
                except Exception as error:  # noqa: BLE001 - answered in the envelope
                    return operation.api.on_exception(request, error)

            if request.method == "POST" and HEADER in request.headers:
                return run_idempotent(request, key, respond)
            return respond()
        except Exception as error:  # noqa: BLE001 - answered in the envelope
            return operation.api.on_exception(request, error)

    return guarded
