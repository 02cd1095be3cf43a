"""One durable transaction per service call, which a request made "once" joins.

Every service that writes is `@service`: its work runs in one transaction, committed when the
service returns (`atomic(durable=True)`), so a caller never holds a half-done change.

A request that must take effect exactly once (an API `POST` with an `Idempotency-Key`, a page
form with its one-time token) runs inside `request_unit()`: one transaction that holds the
request's answer as well. A service called inside it runs in that transaction (a savepoint,
so a domain error still undoes only the service's own writes) instead of committing on its
own; the unit then commits the work and the stored answer together, or neither. A crash
between the two is no longer possible: there is only one commit."""

import contextlib
import contextvars
import functools

from django.db import transaction

_in_unit = contextvars.ContextVar("abate_request_unit", default=False)


def service(function):
    """`@transaction.atomic(durable=True)`, or, inside a request unit, part of the unit's
    transaction."""

    @functools.wraps(function)
    def run(*args, **kwargs):
        with transaction.atomic(durable=not _in_unit.get()):
            return function(*args, **kwargs)

    return run


@contextlib.contextmanager
def request_unit():
    """The transaction of a request that takes effect once: the services it calls commit
    with whatever the caller writes after them (its stored answer), when the block ends."""
    with transaction.atomic():
        token = _in_unit.set(True)
        try:
            yield
        finally:
            _in_unit.reset(token)
