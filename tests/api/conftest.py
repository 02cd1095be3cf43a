"""HTTP clients with Bearer keys, and a small world of documents to call the API on.

`api(role)` (or `api(key=secret)`) is a django.test.Client that sends the key and JSON.
`World` builds, through the services, the objects an endpoint needs, each call fresh, so a
test may act on them without disturbing the next."""

import itertools
import json

import pytest
from django.test import Client

from credits import services as credits
from customers import services as customers
from invoicing import services as invoicing
from marketplaces.models import ROLES
from tests.conftest import T0, Clock

_names = itertools.count(1)


class ApiClient:
    """JSON over django.test.Client, with a Bearer key."""

    def __init__(self, secret=None, **defaults):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {secret}"} if secret else {}
        self.client = Client(**headers, **defaults)

    @staticmethod
    def _headers(headers):
        return {f"HTTP_{name.upper().replace('-', '_')}": value
                for name, value in (headers or {}).items()}

    def get(self, path, params=None, headers=None):
        return self.client.get(_url(path), params or {}, **self._headers(headers))

    def post(self, path, body=None, headers=None, raw=None):
        data = raw if raw is not None else ("" if body is None else json.dumps(body))
        return self.client.post(_url(path), data, content_type="application/json",
                                **self._headers(headers))

    def patch(self, path, body=None, headers=None, raw=None):
        data = raw if raw is not None else json.dumps(body or {})
        return self.client.patch(_url(path), data, content_type="application/json",
                                 **self._headers(headers))

    def request(self, method, path, body=None, headers=None):
        method = method.lower()
        if method == "get":
            return self.get(path, body, headers)
        return getattr(self, method)(path, body, headers)


def _url(path):
    return path if path.startswith("/api/") else f"/api/v1{path}"


def key_for(marketplace, role, company=None):
    _, secret = customers.api_key_create(
        marketplace=marketplace, role=role,
        company_id=company.id if role == "customer" else None, at=T0)
    return secret


class World:
    """A marketplace with two customers: `mine` (the customer key's company) and `theirs`.
    Builders make fresh documents on demand; ids come back as strings."""

    def __init__(self, marketplace, clock):
        self.mp = marketplace
        self.clock = clock
        self.mine = customers.company_create(marketplace=marketplace, name="Globex", at=T0)
        self.theirs = customers.company_create(marketplace=marketplace, name="Initech", at=T0)
        self.keys = {role: key_for(marketplace, role, self.mine) for role in ROLES}

    def client(self, role) -> ApiClient:
        return ApiClient(self.keys[role])

    def company(self, owner=None):
        return owner or self.mine

    def invoice(self, owner=None, amount="100.00", *, finalize=True, tax_rate="0", **kwargs):
        return credits.invoice_create(
            marketplace=self.mp, company_id=self.company(owner).id,
            lines=[{"name": "Service", "description": "Monthly service", "quantity": "1",
                    "unit_price": amount, "tax_rate": tax_rate}],
            finalize=finalize, actor="test", at=self.clock(), **kwargs)

    def memo(self, owner=None, amount="30.00", *, draft=False, reason="internal note",
             **kwargs):
        return credits.credit_memo_create_ad_hoc(
            marketplace=self.mp, company_id=self.company(owner).id, reason_code="goodwill",
            reason=reason, lines=[{"name": "Goodwill", "description": "Sorry",
                                   "quantity": "1", "unit_price": amount}],
            draft=draft, actor="test", at=self.clock(), **kwargs)

    def application(self, owner=None):
        invoice = self.invoice(owner)
        memo = self.memo(owner)
        return credits.application_create(marketplace=self.mp, memo_id=memo.id,
                                          invoice_id=invoice.id, amount="10.00", actor="test",
                                          at=self.clock())

    def payment(self, owner=None):
        invoice = self.invoice(owner)
        return invoicing.payment_create(marketplace=self.mp, invoice_id=invoice.id,
                                        amount="40.00", actor="test", at=self.clock())

    def product(self):
        from catalog.services import product_create

        return product_create(marketplace=self.mp, name=f"Product {next(_names)}", sku="SKU",
                              at=self.clock())


@pytest.fixture
def world(mp):
    return World(mp, Clock())


@pytest.fixture
def api(world):
    """`api("manager")`: a client with that role's key in `world`'s marketplace."""
    return world.client


def error_of(response):
    body = response.json()
    assert set(body) == {"error"}, body
    assert set(body["error"]) == {"type", "code", "message", "param"}, body
    return body["error"]
