"""One durable transaction per service call, which a request made "once" joins.

Every service that writes is `@service`: its work runs in one transaction, committed when the
service returns (`atomic(durable=True)`), so a caller never holds a half-done change.

A request that must take effect exactly once (an API `POST` with an `Idempotency-Key`, a page
form with its one-time token) runs inside `request_unit()`: one transaction that holds the
request's answer as well. A service called inside it runs in that transaction (a savepoint,
so a domain error still undoes only the service's own writes) instead of committing on its
own; the unit then commits the work and the stored answer together, or neither. A crash
between the two is no longer possible: there is only one commit.

What must be the last work of a transaction (`before_commit`, e.g. recording events under the
lock that orders them until the commit) runs when the service, or the unit it joined, ends:
after every other write, so nothing waits for another lock while holding it."""

import contextlib
import contextvars
import functools

from django.db import transaction

_in_unit = contextvars.ContextVar("abate_request_unit", default=False)
_last_work = contextvars.ContextVar("abate_before_commit", default=None)


def service(function):
    """`@transaction.atomic(durable=True)`, or, inside a request unit, part of the unit's
    transaction."""

    @functools.wraps(function)
    def run(*args, **kwargs):
        if _in_unit.get():
            with transaction.atomic():
                # A failed service's savepoint is rolled back: so is its last work.
                queue = _last_work.get()
                mark = len(queue)
                try:
                    return function(*args, **kwargs)
                except BaseException:
                    del queue[mark:]
                    raise
        with transaction.atomic(durable=True), _last_work_of_transaction():
            return function(*args, **kwargs)

    return run


def before_commit(callback) -> bool:
    """Run `callback()` as the last work of the running service's transaction (the request
    unit's, inside one), just before it commits; never if that work is undone. False when
    no service or unit runs: the caller then does the work at once."""
    queue = _last_work.get()
    if queue is None:
        return False
    queue.append(callback)
    return True


@contextlib.contextmanager
def _last_work_of_transaction():
    queue = []
    token = _last_work.set(queue)
    try:
        yield
        if not transaction.get_rollback():
            i = 0
            while i < len(queue):  # a callback may queue more
                queue[i]()
                i += 1
    finally:
        _last_work.reset(token)


@contextlib.contextmanager
def request_unit():
    """The transaction of a request that takes effect once: the services it calls commit
    with whatever the caller writes after them (its stored answer), when the block ends."""
    with transaction.atomic(), _last_work_of_transaction():
        token = _in_unit.set(True)
        try:
            yield
        finally:
            _in_unit.reset(token)
