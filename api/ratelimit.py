"""A per-key rate limit: the setting `ABATE_RATE_LIMIT`, from the environment ("100/s",
"600/m", "10000/h"; empty: off, the default), counted in fixed windows in Django's cache.
Over the limit a request answers `429 rate_limited` with `Retry-After` (seconds until the
window ends).

The default cache is per process: with several web processes each counts on its own, so
configure a shared cache (CACHES) where the limit must hold across them."""

import math
import re
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

from api.errors import ApiError

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
SPEC = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*$")


def parse_rate(spec: str | None) -> tuple[int, int] | None:
    """'100/s' -> (100, 1); '5/10s' -> (5, 10); '' or None -> None (off)."""
    if not spec or not spec.strip():
        return None
    match = SPEC.match(spec)
    if not match or int(match.group(1)) < 1:
        raise ImproperlyConfigured(f"ABATE_RATE_LIMIT {spec!r} is not like '100/s'")
    count, multiple, unit = match.groups()
    return int(count), int(multiple or 1) * PERIODS[unit]


def configured_rate() -> tuple[int, int] | None:
    return parse_rate(getattr(settings, "ABATE_RATE_LIMIT", ""))


def check_rate(key) -> None:
    """Count one request of `key`; raise 429 past the limit."""
    rate = configured_rate()
    if rate is None:
        return
    limit, period = rate
    now = time.time()
    window = int(now // period)
    name = f"abate:rate:{key.id}:{period}:{window}"
    cache.add(name, 0, timeout=period + 1)
    try:
        count = cache.incr(name)
    except ValueError:  # evicted between add and incr
        cache.set(name, 1, timeout=period + 1)
        count = 1
    if count > limit:
        retry_after = max(1, math.ceil((window + 1) * period - now))
        raise ApiError(429, "rate_limited",
                       f"more than {limit} requests in {period} s: retry after {retry_after} s",
                       headers={"Retry-After": str(retry_after)})
