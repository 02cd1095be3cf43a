"""The request schemas of the billing, webhook, report, company, marketplace, product and event
operations say exactly what the server takes (issue 15, point 1): each rule the document
states (a pattern, an enum, a non-null field, a combination) is the one the server holds, and
a rule no schema can hold (a date window, a duplicate, a template Django refuses, two dates out
of order) is a 422 of well-formed data rather than a 400."""

import datetime
import re
from pathlib import Path

import pytest
from django.test import Client

from notifications.models import EVENT_TYPES
from tests.api.conftest import error_of
from tests.billing.endpoints import plan

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def schemas():
    return Client().get("/api/v1/openapi.json").json()["components"]["schemas"]


def _pattern(schema) -> str:
    found = schema.get("pattern")
    if found is None:
        found = next(s["pattern"] for s in schema["anyOf"] if "pattern" in s)
    return found


def test_every_event_type_recorded_is_listed():
    """EVENT_TYPES (the enum of `GET /events?type=` and of webhook endpoints) names every type
    the code records: the literal ones and the PDF's `<kind>.pdf_created`."""
    recorded = set()
    for app in ("credits", "invoicing", "billing", "documents", "notifications", "customers"):
        for path in (ROOT / app).rglob("*.py"):
            if "tests" in path.parts or "migrations" in path.parts:
                continue
            recorded |= set(re.findall(
                r"\"((?:invoice|credit_memo|webhook_endpoint)\.[a-z_]+)\"", path.read_text()))
    recorded |= {"invoice.pdf_created", "credit_memo.pdf_created"}
    assert recorded == set(EVENT_TYPES)


def test_event_types_are_an_enum(world, api, schemas):
    endpoint = schemas["WebhookEndpointIn"]["properties"]["event_types"]
    assert endpoint["items"]["enum"] == ["*", *EVENT_TYPES]
    assert (endpoint["minItems"], endpoint["maxItems"]) == (1, 100)
    developer = api("developer")
    refused = developer.post("/webhook_endpoints", {"url": "https://8.8.8.8/x",
                                                    "event_types": ["credit_memo.isued"]})
    assert (refused.status_code, error_of(refused)["param"]) == (400, "event_types[0]")


@pytest.mark.parametrize(("url", "taken"), [
    ("http://127.0.0.1:9/hooks", True),
    ("https://hooks.example.com:65535/in?x=1&y=%C3%A9", True),
    ("https://hooks.example.com:65536/in", False),  # no such port
    ("https://hooks.example.com/in#top", False),  # a fragment
    ("https://ann:pw@hooks.example.com/in", False),  # credentials
    ("https://bücher.example/in", False),  # not ASCII: percent-encode it
    ("https://hooks.example.com/a b", False),  # a space
    (" https://hooks.example.com/in", False),
    ("ftp://hooks.example.com/in", False),
    ("https://", False),
])
def test_webhook_urls_follow_the_pattern_the_document_states(world, api, settings, url,
                                                               taken):
    """With private addresses allowed (no DNS look-up), the server takes a URL exactly when
    the document's pattern (read as this server serves it) matches it."""
    settings.ABATE_WEBHOOKS_ALLOW_PRIVATE = True
    pattern = Client().get("/api/v1/openapi.json").json()[
        "components"]["schemas"]["WebhookEndpointIn"]["properties"]["url"]["pattern"]
    assert pattern.startswith("^https?://")
    assert bool(re.match(pattern, url)) is taken
    response = api("developer").post("/webhook_endpoints", {"url": url, "event_types": ["*"]})
    assert response.status_code == (200 if taken else 400), response.content
    if not taken:
        assert (error_of(response)["code"], error_of(response)["param"]) == ("invalid_url",
                                                                            "url")


def test_plan_codes(world, api, schemas):
    code = schemas["PlanIn"]["properties"]["code"]
    assert (code["pattern"], code["maxLength"]) == (r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$", 64)
    manager = api("manager")
    product = world.product()
    body = {"product_id": str(product.id), "code": "pro.monthly_2-x", "name": "Pro",
            "scheme": "flat", "interval": "month", "unit_price": "30.00"}
    assert manager.post("/plans", body).status_code == 200
    taken = manager.post("/plans", {**body, "name": "Pro again"})
    assert (taken.status_code, error_of(taken)["code"]) == (422, "code_taken")
    for bad in ("-pro", "pro monthly", "p" * 65):
        refused = manager.post("/plans", {**body, "code": bad})
        assert (refused.status_code, error_of(refused)["param"]) == (400, "code"), bad


def test_settings_are_never_null(world, api, schemas):
    settings = schemas["SettingsIn"]["properties"]
    assert all("anyOf" not in field for field in settings.values()), settings
    manager = api("manager")
    for name in settings:
        refused = manager.patch("/marketplace/settings", {name: None})
        assert (refused.status_code, error_of(refused)["param"]) == (400, name)
    # An integer as JSON Schema has it: 4.0 is 4; text is not an integer.
    changed = manager.patch("/marketplace/settings", {"number_padding": 4.0})
    assert changed.json()["settings"]["number_padding"] == 4
    assert manager.patch("/marketplace/settings", {"number_padding": "4"}).status_code == 400
    prefix = settings["invoice_number_prefix"]["pattern"]
    assert re.match(prefix, "INV 2026-") and not re.match(prefix, "INV\t") \
        and not re.match(prefix, "INV\x1c")
    refused = manager.patch("/marketplace/settings", {"invoice_number_prefix": "INV\x1c"})
    assert refused.status_code == 400


def test_company_party_data(world, api, schemas):
    company = schemas["CompanyIn"]
    assert company["not"]["properties"]["is_reseller"] == {"const": True}
    manager = api("manager")
    reseller = manager.post("/companies", {"name": "Resell Co", "is_reseller": True}).json()
    both = manager.post("/companies", {"name": "Resold", "is_reseller": True,
                                       "reseller_id": reseller["id"]})
    assert (both.status_code, error_of(both)["param"]) == (400, "reseller_id")
    peppol = _pattern(company["properties"]["peppol_id"])
    email = _pattern(company["properties"]["billing_email"])
    cases = [("peppol_id", peppol, "0088:5790000435975", True),
             ("peppol_id", peppol, "", True),
             ("peppol_id", peppol, "٠٠٨٨:5790000435975", False),  # Arabic-Indic digits
             ("peppol_id", peppol, "0088:579é", False),
             ("billing_email", email, "ap@globex.example", True),
             ("billing_email", email, "ap\x1c@globex.example", False),
             ("billing_email", email, "ap@globex", False)]
    for field, pattern, value, taken in cases:
        assert bool(re.match(pattern, value)) is taken, (field, value)
        response = manager.patch(f"/companies/{world.mine.id}", {field: value})
        assert response.status_code == (200 if taken else 400), (field, value)
    country = _pattern(schemas["AddressIn"]["properties"]["country"])
    for value, taken in (("DE", True), ("", True), ("de", False), ("ÀÉ", False)):
        assert bool(re.match(country, value)) is taken, value
        response = manager.patch(f"/companies/{world.mine.id}", {"address": {"country": value}})
        assert response.status_code == (200 if taken else 400), value
    # `name` is never null; the other fields' null clears them.
    assert manager.patch(f"/companies/{world.mine.id}", {"name": None}).status_code == 400
    assert manager.patch(f"/companies/{world.mine.id}", {"vat_id": None}).status_code == 200


def test_a_user_s_address_is_unique_in_the_company(world, api):
    manager = api("manager")
    path = f"/companies/{world.mine.id}/users"
    assert manager.post(path, {"email": "ann@globex.example", "name": "Ann"}).status_code == 200
    again = manager.post(path, {"email": "ANN@globex.example", "name": "Ann B"})
    assert (again.status_code, error_of(again)["code"]) == (422, "email_taken")


def test_credit_balance_currency_is_a_code(world, api):
    customer = api("customer")
    path = f"/companies/{world.mine.id}/credit_balance"
    assert customer.get(path, {"currency": "EUR"}).json()["currency"] == "EUR"
    for bad in ("", "eur"):
        refused = customer.get(path, {"currency": bad})
        assert (refused.status_code, error_of(refused)["code"]) == (400, "invalid_currency")


def test_report_dates_in_order_and_the_reseller_for_the_reconciliation(world, api, schemas):
    report = schemas["ReportIn"]
    assert [set(branch["properties"]) for branch in report["allOf"][0]["anyOf"]] == [
        {"report", "reseller_id"}, {"report", "reseller_id"}]
    manager = api("manager")
    reversed_dates = {"date_from": "2026-03-02", "date_to": "2026-03-01"}
    for response in (manager.post("/reports", {"report": "credit_memos", **reversed_dates}),
                     manager.get("/reports/credit_memos.csv", reversed_dates)):
        assert (response.status_code, error_of(response)["code"]) == (422,
                                                                     "invalid_date_range")
    other = manager.post("/reports", {"report": "credit_memos",
                                      "reseller_id": str(world.theirs.id)})
    assert (other.status_code, error_of(other)["param"]) == (400, "reseller_id")
    missing = manager.post("/reports", {"report": "reseller_reconciliation"})
    assert (missing.status_code, error_of(missing)["param"]) == (400, "reseller_id")
    for date in ("2026-3-1", "0"):
        refused = manager.get("/reports/credit_memos.csv", {"date_from": date})
        assert refused.status_code == 400, date


def test_subscription_changes_name_a_plan_or_a_quantity(world, api, schemas):
    change = schemas["ChangeIn"]
    assert [branch["required"] for branch in change["allOf"][0]["anyOf"]] == [
        ["plan_id"], ["quantity"]]
    manager = api("manager")
    sub = manager.post("/subscriptions", {"company_id": str(world.mine.id),
                                          "plan_id": str(plan(world).id)}).json()
    neither = manager.post(f"/subscriptions/{sub['id']}/change", {"effective": "period_end"})
    assert (neither.status_code, error_of(neither)["param"]) == (400, "plan_id")


def test_dates_in_a_window_around_today_are_422(world, api):
    manager = api("manager")
    far = (datetime.date.today() + datetime.timedelta(days=800)).isoformat()
    run = manager.post("/billing_runs", {"as_of": far})
    assert (run.status_code, error_of(run)["code"]) == (422, "as_of_out_of_range")
    sub = manager.post("/subscriptions", {"company_id": str(world.mine.id),
                                          "plan_id": str(plan(world).id), "start_date": far})
    assert (sub.status_code, error_of(sub)["code"]) == (422, "start_date_out_of_range")
    assert manager.post("/billing_runs", {"as_of": "2026-13-01"}).status_code == 400
