import itertools

import pytest

from catalog.models import Product
from credits import services as credits
from tests.conftest import T0
from web.services import page_user_create

PASSWORD = "correct horse battery"
_emails = itertools.count(1)


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    # Sign-in runs in every page test: a slow password hash would dominate their time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def make_page_user(mp):
    """A page user of `mp` with `role`; returns its e-mail (the password is PASSWORD)."""

    def make(role, company=None, marketplace=None):
        email = f"{role}{next(_emails)}@example.test"
        page_user_create(marketplace=marketplace or mp, email=email, password=PASSWORD,
                         role=role, company_id=company.id if company else None, at=T0)
        return email

    return make


@pytest.fixture
def signed_in(client, make_page_user):
    """A Django test client signed in as a new user of `role`."""

    def sign_in(role, company=None):
        email = make_page_user(role, company)
        response = client.post("/sign-in", {"email": email, "password": PASSWORD})
        assert response.status_code == 302
        return client

    return sign_in


@pytest.fixture
def product(mp):
    def make(name):
        return Product.objects.create(marketplace=mp, name=name, created_at=T0)

    return make


@pytest.fixture
def ad_hoc(mp, clock):
    """An issued ad hoc memo of `amount` for `company`, with a credit reason."""

    def make(company, amount="100.00", *, reason="Goodwill for the outage", auto_apply=False,
             description="", marketplace=None):
        return credits.credit_memo_create_ad_hoc(
            marketplace=marketplace or mp, company_id=company.id, reason_code="goodwill",
            reason=reason, auto_apply=auto_apply, actor="test", at=clock(),
            lines=[{"name": "Goodwill credit", "description": description, "quantity": "1",
                    "unit_price": amount}])

    return make

