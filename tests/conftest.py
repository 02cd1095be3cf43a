import datetime
import itertools
from pathlib import Path

import pytest
from django.db import connection

from credits import services as credits
from customers import services as customers
from tests.live import free_port
from tests.loopback import Receiver, SmtpInbox

T0 = datetime.datetime(2026, 1, 15, 10, 0, tzinfo=datetime.UTC)
_slugs = itertools.count(1)


def pytest_collection_modifyitems(config, items):
    from django.conf import settings

    on_postgres = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
    skip = pytest.mark.skip(reason="needs PostgreSQL (set DATABASE_URL)")
    for item in items:
        if "postgres" in item.keywords and not on_postgres:
            item.add_marker(skip)


@pytest.fixture
def at():
    return T0


class Clock:
    """Passes time in: each call is one minute later, so orderings by time are real."""

    def __init__(self, start=T0):
        self.t = start

    def __call__(self, minutes=1):
        self.t += datetime.timedelta(minutes=minutes)
        return self.t


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def mp(db):
    return customers.marketplace_create(slug=f"mp{next(_slugs)}", name="Acme Market",
                                        currency="USD", at=T0)


@pytest.fixture
def make_company(mp):
    def make(name="Globex", currency=None, marketplace=None, **kwargs):
        return customers.company_create(marketplace=marketplace or mp, name=name,
                                        currency=currency, at=T0, **kwargs)

    return make


@pytest.fixture
def customer(make_company):
    return make_company("Globex")


@pytest.fixture
def make_invoice(mp, clock):
    def make(company, lines=None, *, amount=None, tax_rate="0", finalize=True, marketplace=None,
             **kwargs):
        if lines is None:
            lines = [{"name": "Service", "quantity": "1", "unit_price": amount,
                      "tax_rate": tax_rate}]
        return credits.invoice_create(marketplace=marketplace or mp, company_id=company.id,
                                      lines=lines, finalize=finalize, actor="test", at=clock(),
                                      **kwargs)

    return make


def fresh(obj):
    obj.refresh_from_db()
    return obj


def row_counts():
    """Rows in every table that a change writes, to prove a failed call wrote nothing."""
    from credits.models import Application, CreditMemo, CreditMemoLine, Payout
    from invoicing.models import Invoice, InvoiceLine, Payment, Refund
    from ledger.models import JournalEntry, JournalLine
    from notifications.models import Event

    models = [CreditMemo, CreditMemoLine, Application, Payout, Invoice, InvoiceLine, Payment,
              Refund, JournalEntry, JournalLine, Event]
    return {m.__name__: m.objects.count() for m in models}


def is_postgres():
    return connection.vendor == "postgresql"


@pytest.fixture
def ledger_agrees(db):
    """After the test, the ledger agrees with the documents in every marketplace."""
    yield
    from credits.selectors import ledger_differences
    from marketplaces.models import Marketplace

    for marketplace in Marketplace.objects.all():
        assert ledger_differences(marketplace=marketplace) == []


# Party data e-invoices need: a German seller (the marketplace's own company), a Dutch buyer.
SELLER_PARTY = {
    "legal_name": "Acme Market GmbH", "vat_id": "DE123456789", "peppol_id": "9930:DE123456789",
    "address": {"line1": "Hauptstrasse 1", "city": "Berlin", "postal_code": "10115",
                "country": "DE"},
}
BUYER_PARTY = {
    "legal_name": "Globex Corporation B.V.", "vat_id": "NL123456789B01",
    "peppol_id": "0106:12345678",
    "address": {"line1": "Keizersgracht 100", "city": "Amsterdam", "postal_code": "1015 AA",
                "country": "NL"},
}


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return Path(settings.MEDIA_ROOT)


@pytest.fixture
def seller(mp):
    """The marketplace's own company with the party data e-invoices need."""
    own = customers.own_company(marketplace=mp)
    return customers.company_update(marketplace=mp, company_id=own.id, changes=SELLER_PARTY,
                                    at=T0)


@pytest.fixture
def buyer(make_company, seller):
    return make_company("Globex", party=BUYER_PARTY, billing_email="ap@globex.test")


@pytest.fixture
def smtp(settings):
    """A real SMTP server on loopback; Django's SMTP backend sends to it."""
    from aiosmtpd.controller import Controller

    inbox = SmtpInbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = False
    yield inbox
    controller.stop()


@pytest.fixture
def receiver(settings):
    settings.ABATE_WEBHOOKS_ALLOW_PRIVATE = True
    receiver = Receiver()
    yield receiver
    receiver.close()
