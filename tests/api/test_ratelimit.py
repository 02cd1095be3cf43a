"""ABATE_RATE_LIMIT: off by default; per key, a 429 rate_limited with Retry-After past it."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from api.ratelimit import parse_rate
from tests.api.conftest import error_of


def test_off_by_default(world):
    manager = world.client("manager")
    assert all(manager.get("/marketplace").status_code == 200 for _ in range(30))


def test_past_the_limit_a_key_gets_429_with_retry_after(world, settings):
    settings.ABATE_RATE_LIMIT = "3/h"
    manager, billing = world.client("manager"), world.client("billing")
    assert [manager.get("/marketplace").status_code for _ in range(3)] == [200, 200, 200]
    limited = manager.post("/products", {"name": "A"})
    assert limited.status_code == 429
    assert error_of(limited)["type"] == "rate_limited"
    assert error_of(limited)["code"] == "rate_limited"
    assert 1 <= int(limited["Retry-After"]) <= 3600
    # Another key has its own count.
    assert billing.get("/marketplace").status_code == 200


def test_rate_specs():
    assert parse_rate("100/s") == (100, 1)
    assert parse_rate("600/m") == (600, 60)
    assert parse_rate("5/10s") == (5, 10)
    assert parse_rate("") is None
    for bad in ("fast", "0/s", "10/w"):
        with pytest.raises(ImproperlyConfigured):
            parse_rate(bad)
