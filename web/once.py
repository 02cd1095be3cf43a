"""Page forms act once. Every form that changes something carries a one-time submission
token, rendered with it (`{% form_guard %}`). The view that handles it (`@acts_once`) runs
with the same idempotency as the API (common/idempotency.py): the work and its answer commit
together; a second submission of the token, at the same time or later, waits for the first,
changes nothing and answers what the first answered (a redirect to the result, or the page
with its errors), with a note that it was already done."""

import secrets
from functools import wraps

from django.contrib import messages
from django.http import HttpResponseBadRequest

from common.clock import now
from common.idempotency import KeyReused, fingerprint, run_once

TOKEN_FIELD = "submission_token"
ALREADY_DONE = "This form was already sent: this shows what it did."


def new_token() -> str:
    return secrets.token_urlsafe(24)


def acts_once(view):
    """For POST views under `page_view` (request.page_user is set)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        token = request.POST.get(TOKEN_FIELD, "")
        if not token:
            return view(request, *args, **kwargs)
        if len(token) > 255 or not token.isascii() or not token.isprintable():
            return HttpResponseBadRequest("bad submission token")
        try:
            response, replayed = run_once(
                scope=f"page_user:{request.page_user.pk}", key=token,
                fingerprint=_fingerprint(request), at=now(), wait=True, keeps=_keeps,
                respond=lambda: view(request, *args, **kwargs))
        except KeyReused as reused:  # the form sent again with other values
            response, replayed = reused.response, True
        if replayed and response.status_code in (302, 303):
            messages.info(request, ALREADY_DONE)
        return response

    return wrapper


def _fingerprint(request) -> str:
    fields = sorted((name, value) for name, values in request.POST.lists() for value in values
                    if name != "csrfmiddlewaretoken")
    return fingerprint(request.method.encode(), request.get_full_path().encode(),
                       repr(fields).encode())


def _keeps(response) -> bool:
    """A lost race (409) or a server error is not kept: sending the form again retries."""
    return response.status_code < 500 and response.status_code != 409
