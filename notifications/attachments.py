"""The file an e-mail notification carries, by e-mail kind: the app that owns the document
registers a provider for its kinds when it is ready (credits/apps.py, invoicing/apps.py), so
notifications reads no other app. A provider takes the event's payload and returns
(file name, bytes) of the document as stored; it never renders.

A provider raises NotReady when the document is issued but its file is not stored yet (its
job has not run): the e-mail waits and is tried again later, without counting an attempt
(notifications.services.email_send). A document that is gone raises common.errors.NotFound:
the e-mail cannot be sent at all."""

from collections.abc import Callable

Provider = Callable[[dict], tuple[str, bytes]]

_providers: dict[str, Provider] = {}


class NotReady(Exception):
    """The document's file is not stored yet: try again later."""


def register(kind: str, provider: Provider) -> None:
    _providers[kind] = provider


def attachment(kind: str, data: dict) -> tuple[str, bytes] | None:
    """(file name, bytes) for an e-mail of `kind` about the event payload `data`, or None
    when e-mails of that kind carry nothing."""
    provider = _providers.get(kind)
    return provider(data) if provider else None
