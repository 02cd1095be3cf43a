"""Bearer API keys and the contract's role table.

Every operation names the roles that may call it with `auth=allow(...)`; the pipeline
(api/pipeline.py) answers 401 without a valid key, 404 to a customer key whose path names
another company's object, and 403 to any other role outside the list, before the body is
read. In a view, `request.auth` is the ApiKey (with `.marketplace` loaded); `actor(request)`
is the name services record, `shows_reason(request)` whether `reason` may be answered.

Role sets, rows of the one role table (marketplaces/roles.py), which the pages use too:
  READ      every role (customers confined to their company: api/scoping.py)
  STAFF     manager, billing, developer (events)
  MANAGE    manager, billing (companies, products, invoices, payments, refunds, credit
            from an invoice, issue, apply, reverse, auto-apply, payout, close, reports)
  MANAGER   manager (settings, ad hoc credit)
  VOIDERS   manager, developer (void a credit memo)
  WEBHOOKS  manager, developer (webhook endpoints)
"""

from ninja.security import HttpBearer

from marketplaces.roles import ROLES, roles_for
from marketplaces.services import api_key_find

READ = roles_for("read")
STAFF = roles_for("read_events")
MANAGE = roles_for("manage")
MANAGER = roles_for("settings")
VOIDERS = roles_for("void")
WEBHOOKS = roles_for("webhooks")

_UNSET = object()


def authenticate(request):
    """The request's API key, or None; looked up once per request."""
    key = getattr(request, "_abate_api_key", _UNSET)
    if key is _UNSET:
        key = None
        header = request.headers.get("Authorization", "")
        scheme, _, secret = header.partition(" ")
        if scheme.lower() == "bearer" and secret.strip():
            key = api_key_find(secret=secret.strip())
        request._abate_api_key = key
    return key


class ApiKeyAuth(HttpBearer):
    """Bearer API key limited to `roles`. The pipeline checks the role first (to answer
    a customer 404 before 403); this check stands guard for operations reached otherwise."""

    def __init__(self, roles):
        unknown = set(roles) - set(ROLES)
        assert not unknown, f"unknown roles {unknown}"
        self.roles = tuple(roles)
        super().__init__()

    def __call__(self, request):
        key = authenticate(request)
        if key is None:
            return None
        if key.role not in self.roles:
            from api.errors import ApiError

            raise ApiError(403, "forbidden", f"a {key.role} key may not do this")
        return key

    def authenticate(self, request, token):  # pragma: no cover - __call__ does it
        return authenticate(request)


def allow(*roles) -> ApiKeyAuth:
    """`auth=allow(*MANAGE)` on an operation: who may call it."""
    if len(roles) == 1 and isinstance(roles[0], (tuple, list)):
        roles = tuple(roles[0])
    return ApiKeyAuth(roles)


def roles_of(operation) -> tuple | None:
    """The roles an operation allows, or None when it takes no API key."""
    for callback in operation.auth_callbacks:
        if isinstance(callback, ApiKeyAuth):
            return callback.roles
    return None


def actor(request) -> str:
    """Who services record as having done it (applications' `applied_by`, events' actor)."""
    return f"api_key:{request.auth.id}"


def shows_reason(request) -> bool:
    """The internal credit `reason` is answered to manager keys only."""
    return request.auth.role == "manager"


def marketplace(request):
    return request.auth.marketplace
