"""Builders for the billing tests. Dates are chosen so the arithmetic is easy to check:
April 2026 has 30 days, 2026 has 365."""

import datetime
from decimal import Decimal

import pytest

from billing import services as billing
from customers import services as customers
from tests.conftest import T0

D = Decimal
ACTOR = "test"


def at(y, m, d, hour=9) -> datetime.datetime:
    return datetime.datetime(y, m, d, hour, tzinfo=datetime.UTC)


def run(mp, as_of: datetime.date, hour=23):
    """A billing run as of a day, at the end of that day."""
    return billing.billing_run(marketplace=mp, as_of=as_of, actor="billing_run",
                               at=at(as_of.year, as_of.month, as_of.day, hour))


@pytest.fixture
def product(mp):
    from catalog.models import Product

    return Product.objects.create(marketplace=mp, name="Workspace", created_at=T0)


@pytest.fixture
def make_plan(mp, product):
    def make(code, unit_price, *, scheme="flat", interval="month", tax_rate="0", name=None,
             currency=None):
        return billing.plan_create(marketplace=mp, product_id=product.id, code=code,
                                   name=name or code.title(), scheme=scheme, interval=interval,
                                   unit_price=unit_price, tax_rate=tax_rate, currency=currency,
                                   at=T0)

    return make


@pytest.fixture
def subscribe(mp):
    def make(company, plan, start: datetime.date, **kwargs):
        return billing.subscription_create(
            marketplace=mp, company_id=company.id, plan_id=plan.id, start_date=start,
            actor=ACTOR, at=at(start.year, start.month, start.day, 8), **kwargs)

    return make


@pytest.fixture
def make_customer(mp):
    def make(name="Globex", **kwargs):
        return customers.company_create(marketplace=mp, name=name, at=T0, **kwargs)

    return make


@pytest.fixture
def world(mp):
    """The API suite's world (tests/api/conftest.py): two customers and a key per role."""
    from tests.api.conftest import World
    from tests.conftest import Clock

    return World(mp, Clock())


@pytest.fixture
def api(world):
    return world.client
