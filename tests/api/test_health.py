"""/healthz answers while the process is up; /readyz once the database answers and every
migration is applied (abate/urls.py)."""

from django.test import Client


def test_health_endpoints(db):
    assert Client().get("/healthz").json() == {"status": "ok"}
    ready = Client().get("/readyz")
    assert (ready.status_code, ready.json()) == (200, {"status": "ok"})
