"""`null` sent for a value in any write body never causes a 500 (issue 9, point 9). The write
operations and their fields are read from the served OpenAPI document: for each, a valid body
is built, then each field in turn is sent as `null`. A required field is a `400` naming it
(`unit_price` on plans, `quantity` on usage records and lines, ...); an optional one means
"not given" or is refused with a 4xx, never a 5xx. An operation without a builder here fails
the test, so a new one cannot be missed."""

import copy
import re

import pytest
from django.test import Client

from customers import services as customers
from marketplaces.services import marketplace_settings_update
from notifications import services as notifications
from tests.api.conftest import error_of
from tests.billing.endpoints import plan, subscription

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _line(amount="50.00"):
    return {"name": "Service", "description": "Monthly", "quantity": "1",
            "unit_price": amount, "tax_rate": "0.20", "period_start": "2026-01-01",
            "period_end": "2026-01-31"}


def _credit_from_invoice(w):
    invoice = w.invoice(tax_rate="0.20")
    return (f"/invoices/{invoice.id}/credit_memos",
            {"reason_code": "overcharge", "reason": "internal", "memo": "Sorry",
             "lines": [{"invoice_line_id": str(invoice.lines.get().id), "amount": "10.00"}],
             "apply_to": [], "draft": False})


def _ad_hoc(w):
    return {"company_id": str(w.mine.id), "reason_code": "goodwill", "reason": "internal",
            "memo": "Sorry", "currency": "USD", "auto_apply": False, "draft": False,
            "lines": [{**_line("20.00"), "product_id": str(w.product().id)}]}


def _delivery(w):
    endpoint = notifications.webhook_endpoint_create(
        marketplace=w.mp, url="http://127.0.0.1:9/hooks", event_types=["credit_memo.issued"],
        at=w.clock())
    w.memo()
    return endpoint, endpoint.deliveries.get()


def _subscription_path(w, action, scheme="per_seat"):
    return f"/subscriptions/{subscription(w, w.mine, scheme).id}/{action}"


# (method, path in the OpenAPI document) -> world -> (path, a valid body)
BUILDERS = {
    ("PATCH", "/marketplace/settings"): lambda w: ("/marketplace/settings", {
        "invoice_number_prefix": "F-", "credit_memo_number_prefix": "FC-", "number_padding": 4,
        "auto_apply_credit_to_new_invoices": False, "company_wide_billing": True}),
    ("POST", "/companies"): lambda w: ("/companies", {
        "name": "New Co", "currency": "EUR", "is_reseller": False,
        "reseller_id": str(w.theirs.id), "credit_limit": "100.00", "legal_name": "New Co Ltd",
        "vat_id": "DE1", "address": {"line1": "Street 1", "line2": "", "city": "Berlin",
                                      "postal_code": "10115", "state": "BE", "country": "DE"},
        "peppol_id": "0088:123", "registration_id": "0204:991-12345-67",
        "tax_registration_id": "Godkänd för F-skatt", "iban": "DE89 3704 0044 0532 0130 00",
        "bic": "COBADEFFXXX", "reverse_charge": True, "billing_email": "ap@new.test"}),
    ("PATCH", "/companies/{company_id}"): lambda w: (f"/companies/{w.mine.id}", {
        "name": "Renamed", "credit_limit": "50.00", "legal_name": "Renamed Ltd",
        "vat_id": "DE2", "address": {"city": "Hamburg", "country": "DE"},
        "peppol_id": "0088:456", "registration_id": "", "tax_registration_id": "",
        "iban": "", "bic": "", "reverse_charge": False, "billing_email": "ap@renamed.test"}),
    ("POST", "/companies/{company_id}/users"): lambda w: (
        f"/companies/{w.mine.id}/users", {"email": "ann@globex.test", "name": "Ann"}),
    ("POST", "/companies/{company_id}/credit_check"): lambda w: (
        f"/companies/{w.mine.id}/credit_check", {"amount": "10.00"}),
    ("POST", "/products"): lambda w: ("/products", {
        "name": "Widget", "sku": "W-1", "tax_category": "E",
        "tax_exemption_reason_code": "VATEX-EU-132-1I", "tax_exemption_reason": "Medical"}),
    ("PATCH", "/products/{product_id}"): lambda w: (f"/products/{w.product().id}", {
        "name": "Gadget", "sku": "G-1", "tax_category": "E",
        "tax_exemption_reason_code": "VATEX-EU-132-1I", "tax_exemption_reason": "Medical"}),
    ("POST", "/invoices"): lambda w: ("/invoices", {
        "company_id": str(w.mine.id), "currency": "USD", "due_date": "2026-02-15",
        "finalize": True, "lines": [{**_line(), "discount_amount": "5.00",
                                     "billing_action": "one_time",
                                     "product_id": str(w.product().id)}]}),
    ("POST", "/invoices/{invoice_id}/finalize"): lambda w: (
        f"/invoices/{w.invoice(finalize=False).id}/finalize", None),
    ("POST", "/invoices/{invoice_id}/void"): lambda w: (f"/invoices/{w.invoice().id}/void", None),
    ("POST", "/invoices/{invoice_id}/payments"): lambda w: (
        f"/invoices/{w.invoice().id}/payments", {"amount": "10.00", "method": "card"}),
    ("POST", "/invoices/{invoice_id}/tax_clearance"): lambda w: (
        f"/invoices/{w.invoice().id}/tax_clearance",
        {"tax_clearance_id": "400001000000001", "tax_clearance_url": "https://aade.gr/1"}),
    ("POST", "/credit_memos/{memo_id}/tax_clearance"): lambda w: (
        f"/credit_memos/{w.memo().id}/tax_clearance",
        {"tax_clearance_id": "400001000000002", "tax_clearance_url": "https://aade.gr/2"}),
    ("POST", "/payments/{payment_id}/refunds"): lambda w: (
        f"/payments/{w.payment().id}/refunds", {"amount": "5.00"}),
    ("POST", "/invoices/{invoice_id}/credit_memos"): _credit_from_invoice,
    ("POST", "/invoices/{invoice_id}/credit_memos/preview"): lambda w: (
        _credit_from_invoice(w)[0] + "/preview", _credit_from_invoice(w)[1]),
    ("POST", "/credit_memos"): lambda w: ("/credit_memos", _ad_hoc(w)),
    ("POST", "/credit_memos/preview"): lambda w: ("/credit_memos/preview", _ad_hoc(w)),
    ("POST", "/credit_memos/{memo_id}/issue"): lambda w: (
        f"/credit_memos/{w.memo(draft=True).id}/issue", None),
    ("POST", "/credit_memos/{memo_id}/applications"): lambda w: (
        f"/credit_memos/{w.memo().id}/applications",
        {"invoice_id": str(w.invoice().id), "amount": "5.00"}),
    ("POST", "/credit_memos/{memo_id}/applications/{application_id}/reverse"): lambda w: (
        lambda a: (f"/credit_memos/{a.memo_id}/applications/{a.id}/reverse",
                   {"amount": "4.00"}))(w.application()),
    ("POST", "/credit_memos/{memo_id}/auto_apply"): lambda w: (
        f"/credit_memos/{w.memo().id}/auto_apply", None),
    ("POST", "/credit_memos/{memo_id}/payouts"): lambda w: (
        f"/credit_memos/{w.memo().id}/payouts", {"amount": "5.00", "method": "card"}),
    ("POST", "/credit_memos/{memo_id}/void"): lambda w: (
        f"/credit_memos/{w.memo().id}/void", None),
    ("POST", "/credit_memos/{memo_id}/close"): lambda w: (
        f"/credit_memos/{w.memo().id}/close", {"reason": "stale"}),
    ("POST", "/credit_memos/{memo_id}/pdf/regenerate"): lambda w: (
        f"/credit_memos/{w.memo().id}/pdf/regenerate", None),
    ("POST", "/invoices/{invoice_id}/pdf/regenerate"): lambda w: (
        f"/invoices/{w.invoice().id}/pdf/regenerate", None),
    ("POST", "/webhook_endpoints"): lambda w: ("/webhook_endpoints", {
        "url": "http://127.0.0.1:9/hooks", "event_types": ["credit_memo.issued"]}),
    ("POST", "/webhook_endpoints/{endpoint_id}/enable"): lambda w: (
        f"/webhook_endpoints/{_delivery(w)[0].id}/enable", None),
    ("POST", "/webhook_endpoints/{endpoint_id}/deliveries/{delivery_id}/redeliver"): lambda w: (
        lambda e, d: (f"/webhook_endpoints/{e.id}/deliveries/{d.id}/redeliver", None))(
        *_delivery(w)),
    ("PATCH", "/notification_settings/{kind}"): lambda w: (
        "/notification_settings/invoice_issued",
        {"enabled": True, "subject": "Invoice {{ document.number }}", "body": "Hello"}),
    ("POST", "/plans"): lambda w: ("/plans", {
        "product_id": str(w.product().id), "code": "pro", "name": "Pro", "scheme": "flat",
        "interval": "month", "unit_price": "10.00", "currency": "USD", "tax_rate": "0.20"}),
    ("POST", "/subscriptions"): lambda w: ("/subscriptions", {
        "company_id": str(w.mine.id), "plan_id": str(plan(w).id),
        "user_id": str(_user(w).id), "quantity": "2", "start_date": "2026-01-20",
        "unit_price": "25.00", "discount_percent": "0.10", "discount_amount": "1.00"}),
    ("POST", "/subscriptions/{subscription_id}/change"): lambda w: (
        _subscription_path(w, "change"),
        {"plan_id": str(plan(w).id), "quantity": "3", "effective": "immediately"}),
    ("POST", "/subscriptions/{subscription_id}/cancel"): lambda w: (
        _subscription_path(w, "cancel"), {"at_period_end": True}),
    ("POST", "/subscriptions/{subscription_id}/usage_records"): lambda w: (
        _subscription_path(w, "usage_records", "metered"),
        {"quantity": "-2", "usage_date": "2026-01-20", "description": "correction"}),
    ("POST", "/billing_runs"): lambda w: ("/billing_runs", {"as_of": "2026-01-20",
                                                            "test_mode": False}),
    ("POST", "/reports"): lambda w: ("/reports", {
        "report": "reseller_reconciliation", "date_from": "2026-01-01",
        "date_to": "2026-01-31", "company_id": str(w.mine.id),
        "reseller_id": str(w.theirs.id)}),
}


def _user(w):
    return customers.user_create(marketplace=w.mp, company_id=w.mine.id,
                                 email=f"user{w.clock().timestamp():.0f}@globex.test",
                                 name="Ann", at=w.clock())


def _openapi() -> dict:
    return Client().get("/api/v1/openapi.json").json()


def _resolve(schema: dict, node: dict) -> dict:
    """The object schema behind a $ref, or behind a nullable `anyOf: [$ref, null]`."""
    for option in node.get("anyOf", []):
        if "$ref" in option:
            node = option
    if "$ref" in node:
        return schema["components"]["schemas"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def _write_operations(schema) -> dict:
    """(method, path) -> the body's schema (None without a body)."""
    found = {}
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if method in ("post", "patch", "put"):
                body = operation.get("requestBody")
                node = body["content"]["application/json"]["schema"] if body else None
                found[(method.upper(), path.removeprefix("/api/v1"))] = (
                    _resolve(schema, node) if node else None)
    return found


def _fields(schema, node, body, at=()):
    """(location, required) of every field of `node` whose parent is in `body`; lists are
    walked through their first item."""
    node = _resolve(schema, node)
    required = set(node.get("required", []))
    for name, prop in node.get("properties", {}).items():
        where = (*at, name)
        yield where, name in required
        value = body.get(name) if isinstance(body, dict) else None
        prop = _resolve(schema, prop)
        if isinstance(value, dict) and prop.get("properties"):
            yield from _fields(schema, prop, value, where)
        items = prop.get("items")
        if isinstance(value, list) and value and isinstance(value[0], dict) and items:
            yield from _fields(schema, _resolve(schema, items), value[0], (*where, 0))


def _with_null(body, where):
    body = copy.deepcopy(body)
    parent = body
    for step in where[:-1]:
        parent = parent[step]
    parent[where[-1]] = None
    return body


def _param(where) -> str:
    text = ""
    for step in where:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text


@pytest.fixture
def anything_goes(settings, world):
    """Webhooks to loopback; credit not applied to new invoices, so that the invoices the
    builders make stay open."""
    settings.ABATE_WEBHOOKS_ALLOW_PRIVATE = True
    marketplace_settings_update(marketplace=world.mp, at=world.clock(),
                                changes={"auto_apply_credit_to_new_invoices": False})
    world.mp.refresh_from_db()


def test_every_write_operation_has_a_builder(world):
    assert set(_write_operations(_openapi())) == set(BUILDERS)


def test_null_for_a_required_field_is_a_400_naming_it(world, api, anything_goes):
    schema = _openapi()
    manager = api("manager")
    tried = []
    for (method, template), node in sorted(_write_operations(schema).items()):
        if node is None:
            continue
        path, body = BUILDERS[(method, template)](world)
        for where, required in _fields(schema, node, body):
            if not required:
                continue
            response = manager.request(method, path, _with_null(body, where))
            assert response.status_code == 400, (method, template, where, response.content)
            error = error_of(response)
            assert (error["type"], error["param"]) == ("invalid_request", _param(where)), (
                method, template, error)
            assert "null" in error["message"], error
            tried.append(f"{method} {template} {_param(where)}")
    assert {"POST /plans unit_price", "POST /subscriptions/{subscription_id}/usage_records "
            "quantity", "POST /invoices lines[0].quantity",
            "POST /credit_memos lines[0].unit_price"} <= set(tried)
    assert len(tried) >= 30, tried


def test_null_for_an_optional_field_is_never_a_server_error(world, api, anything_goes):
    schema = _openapi()
    manager = api("manager")
    for (method, template), node in sorted(_write_operations(schema).items()):
        if node is None:
            continue
        _, first = BUILDERS[(method, template)](world)
        for where, required in _fields(schema, node, first):
            if required:
                continue
            path, body = BUILDERS[(method, template)](world)
            response = manager.request(method, path, _with_null(body, where))
            assert response.status_code < 500, (method, template, where, response.content)
            if response.status_code >= 400:
                assert error_of(response)["type"] != "api_error"
