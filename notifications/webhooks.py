"""Webhook mechanics: endpoint URLs, the Standard Webhooks message (id, timestamp, signature)
and one HTTP POST. No database here."""

import base64
import http.client
import ipaddress
import json
import re
import secrets
import socket
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from standardwebhooks.webhooks import Webhook

from common.errors import InvalidInput

PAYLOAD_VERSION = 1
USER_AGENT = "Abate-Webhooks/1"
MAX_URL_LENGTH = 2000
EXCERPT = 1000


class InvalidUrl(InvalidInput):
    code = "invalid_url"


def new_secret() -> str:
    return "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()


def _allow_private() -> bool:
    return bool(settings.ABATE_WEBHOOKS_ALLOW_PRIVATE)


def _public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def resolve_public(host: str, port: int) -> None:
    """Raise InvalidUrl unless every address `host` resolves to is public."""
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, OSError):
        raise InvalidUrl(f"{host} does not resolve", param="url") from None
    addresses = {info[4][0] for info in infos}
    if not addresses or not all(_public(a) for a in addresses):
        raise InvalidUrl(f"{host} resolves to a private or reserved address", param="url")


# An absolute URL in printable ASCII (anything else percent-encoded): the scheme, a host name
# or IPv4 address, a port from 0 to 65535, then a path or query; no credentials, no fragment.
_HOST = r"[A-Za-z0-9._~-]+"
_PORT = (r"0*(?:6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}"
         r"|[0-9]{1,4})")
_REST = r'[/?][!-"$-~]*'  # printable ASCII but "#"


def url_pattern() -> str:
    """The form of an endpoint URL (the API's schema shows it): https, or http too when
    private addresses are allowed. Whether the host resolves to a public address is
    checked on top (`resolve_public`)."""
    scheme = "https?" if _allow_private() else "https"
    return rf"^{scheme}://{_HOST}(?::{_PORT})?(?:{_REST})?$"


def check_url(url: object) -> str:
    """An endpoint URL: https to a public address; with ABATE_WEBHOOKS_ALLOW_PRIVATE=1 also
    http and loopback or private addresses (development and tests)."""
    if not isinstance(url, str) or len(url) > MAX_URL_LENGTH:
        raise InvalidUrl("url must be an absolute https URL", param="url")
    if not re.match(url_pattern(), url):
        raise InvalidUrl("url must be an absolute https URL in printable ASCII: a host "
                         "name or IPv4 address, an optional port, path and query; no "
                         "credentials, no fragment", param="url")
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise InvalidUrl("url is not a valid URL", param="url") from None
    allowed = ("https", "http") if _allow_private() else ("https",)
    if parts.scheme not in allowed:
        raise InvalidUrl("url must use https", param="url")
    if not parts.hostname or parts.username or parts.password or parts.fragment:
        raise InvalidUrl("url must name a host, without credentials or fragment",
                         param="url")
    if not _allow_private():
        resolve_public(parts.hostname, port or 443)
    return url


def message_id(event_id: int) -> str:
    """The same for every attempt and every endpoint: receivers deduplicate on it."""
    return f"evt_{event_id}"


def payload(*, event_type: str, at, data: dict) -> bytes:
    body = {"type": event_type, "timestamp": at.isoformat().replace("+00:00", "Z"),
            "data": data}
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()


def signed_headers(*, secret: str, msg_id: str, body: bytes, at) -> dict:
    signature = Webhook(secret).sign(msg_id=msg_id, timestamp=at, data=body.decode())
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(at.timestamp())),
        "webhook-signature": signature,
        "content-type": "application/json",
        "user-agent": USER_AGENT,
        "abate-payload-version": str(PAYLOAD_VERSION),
    }


@dataclass
class Answer:
    status_code: int | None
    response_ms: int
    error: str
    excerpt: str

    @property
    def ok(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


def post(*, url: str, body: bytes, headers: dict, timeout: float) -> Answer:
    """One POST, no redirects followed: a 2xx answer is an acknowledgement, anything else a
    failure."""
    started = time.monotonic()

    def elapsed() -> int:
        return int((time.monotonic() - started) * 1000)

    parts = urlsplit(url)
    try:
        if not _allow_private():
            resolve_public(parts.hostname, parts.port or 443)
        connection_class = (http.client.HTTPSConnection if parts.scheme == "https"
                            else http.client.HTTPConnection)
        connection = connection_class(parts.hostname, parts.port, timeout=timeout)
        try:
            path = parts.path or "/"
            if parts.query:
                path += "?" + parts.query
            connection.request("POST", path, body=body, headers=headers)
            response = connection.getresponse()
            excerpt = response.read(EXCERPT).decode("utf-8", "replace")
        finally:
            connection.close()
    except InvalidUrl as error:
        return Answer(None, elapsed(), error.message, "")
    except (OSError, http.client.HTTPException) as error:
        return Answer(None, elapsed(), f"{type(error).__name__}: {error}"[:500], "")
    error = "" if 200 <= response.status < 300 else f"HTTP {response.status}"
    return Answer(response.status, elapsed(), error, excerpt)
