"""What every page view shares: who is signed in (as what, in which marketplace), rendering
with that in the context, and turning a service's DomainError into messages beside fields."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse

from common.errors import DomainError
from web.models import PageUser
from web.permissions import abilities, can

STATUS_BY_KIND = {"invalid_request": 400, "not_found": 404, "conflict": 409,
                  "business_rule": 422, "permission": 403}


def page_view(view):
    """Signed-in page users only; sets request.page_user, .marketplace, .role and .company
    (the customer's company, None for staff)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("web:signin"))
        page_user = (PageUser.objects.select_related("marketplace", "company")
                     .filter(user=request.user).first())
        if page_user is None:
            return forbidden(request, "This account has no access to Abate's pages.")
        request.page_user = page_user
        request.marketplace = page_user.marketplace
        request.role = page_user.role
        request.company = page_user.company if page_user.role == "customer" else None
        return view(request, *args, **kwargs)

    return wrapper


def staff_only(view):
    """Pages that show the whole marketplace: a customer user never sees them."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.role == "customer":
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


def require(request, action: str):
    """Raise-free check: the 403 response when the role may not, else None."""
    if can(request.role, action):
        return None
    return forbidden(request, "Your role may not do this.")


def me(request) -> dict:
    page_user = request.page_user
    return {
        "email": page_user.user.email,
        "role": page_user.role,
        "is_staff": page_user.role != "customer",
        "marketplace": page_user.marketplace.name,
        "company": page_user.company.name if page_user.company else None,
        "can": abilities(page_user.role),
    }


def page(request, template: str, context: dict, *, status: int = 200):
    return render(request, template, {"me": me(request), **context}, status=status)


def forbidden(request, message: str):
    context = {"title": "Not allowed", "message": message}
    if hasattr(request, "page_user"):
        context["me"] = me(request)
    return render(request, "web/error.html", context, status=403)


def error_status(error: DomainError) -> int:
    return STATUS_BY_KIND.get(error.kind, 422)


def url_or_none(name: str, *args) -> str | None:
    """A page that another part of Abate may or may not provide yet (PDF downloads)."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def message_for(error: DomainError) -> str:
    """The service's message, said for a person: "lines[1].unit_price must be ..." reads
    "Unit price must be ..." beside the field it is about."""
    message, param = error.message, error.param or ""
    if param and message.startswith(param):
        field = param.rsplit(".", 1)[-1].split("[", 1)[0]
        message = field.replace("_", " ").capitalize() + message[len(param):]
    return message


def errors_from(error: DomainError, *, fields: dict | None = None) -> dict:
    """{form field: message} for a service error; the field named by the error's `param`
    (translated by `fields`), or "form" when it names none the form shows."""
    fields = fields or {}
    param = error.param or ""
    name = fields.get(param, param if param in fields.values() else "form")
    return {name: message_for(error)}
