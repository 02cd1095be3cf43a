"""Schemathesis against the served OpenAPI document (through WSGI, in the test's database):
valid and invalid requests to every operation, on a seeded marketplace, a bounded number of
examples each. No answer may be a 5xx or contradict the schema (status code, content type,
body)."""

import random

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis import checks
from schemathesis.specs.openapi import checks as openapi_checks

from abate.wsgi import application
from credits import services as credits

MAX_EXAMPLES = 10
CONFIG = schemathesis.Config.from_dict({
    "seed": 20260115,
    "generation": {"mode": "all", "max-examples": MAX_EXAMPLES, "database": "none"},
    # Unknown methods answer 405 before any operation runs (tested in test_errors).
    "phases": {"coverage": {"unexpected-methods": []}},
})
CHECKS = [checks.not_a_server_error, openapi_checks.status_code_conformance,
          openapi_checks.content_type_conformance, openapi_checks.response_schema_conformance]


@pytest.fixture
def seeded(world):
    """Ids of real objects in every state, by the parameter names that take them."""
    mine, theirs = world.mine, world.theirs
    open_invoice = world.invoice(mine, "120.00", tax_rate="0.20")
    draft_invoice = world.invoice(mine, "50.00", finalize=False)
    paid_invoice = world.invoice(theirs, "30.00")
    payment = world.payment(theirs)
    applied = world.application(mine)
    memos = [world.memo(mine), world.memo(mine, draft=True), world.memo(theirs),
             credits.credit_memo_create_from_invoice(
                 marketplace=world.mp, invoice_id=paid_invoice.id, reason_code="overcharge",
                 actor="test", at=world.clock()), applied.memo]
    product = world.product()
    return {
        "company_id": [str(mine.id), str(theirs.id)],
        "reseller_id": [str(theirs.id)],
        "invoice_id": [str(i.id) for i in (open_invoice, draft_invoice, paid_invoice)]
        + [str(applied.invoice_id)],
        "memo_id": [str(m.id) for m in memos],
        "payment_id": [str(payment.id)],
        "application_id": [str(applied.id)],
        "product_id": [str(product.id)],
        "invoice_line_id": [str(open_invoice.lines.get().id)],
    }


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """Django closes "old" connections at each request's start and end; in a test that would
    close the test's transaction under it (django.test.Client disconnects them too)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


# Loaded at collection: the document needs no database. (schemathesis' lazy fixture loader
# does not run on pytest 9.)
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application, config=CONFIG)


def _real_ids(value, pools, chooser):
    """Most ids replaced by those of seeded objects, so requests reach the services."""
    if isinstance(value, dict):
        return {k: (chooser.choice(pools[k]) if k in pools and isinstance(v, str)
                    and chooser.random() < 0.8 else _real_ids(v, pools, chooser))
                for k, v in value.items()}
    if isinstance(value, list):
        return [_real_ids(v, pools, chooser) for v in value]
    return value


@schema.parametrize()
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.filter_too_much])
def test_no_server_error_and_no_answer_contradicts_the_schema(case, seeded, world):
    chooser = random.Random(repr((case.path_parameters, case.body, case.query)))
    if case.path_parameters:
        case.path_parameters = {
            name: chooser.choice(seeded[name]) if name in seeded and chooser.random() < 0.9
            else value for name, value in case.path_parameters.items()}
    case.body = _real_ids(case.body, seeded, chooser)
    headers = {"Authorization": f"Bearer {world.keys['manager']}"}
    case.call_and_validate(headers=headers, checks=CHECKS)
