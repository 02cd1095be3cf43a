"""Schemathesis against a served Abate, as an outside integrator runs it: every operation,
every check (`--checks all`), positive and negative data, the examples, coverage, fuzzing and
stateful phases, on the database this run of the suite uses (SQLite or PostgreSQL).

The server is seeded first through the API itself, so that every operation that takes an id
is reached with real ones: the ids and cursors go to schemathesis' hooks
(tests/api/schemathesis_hooks.py), which put them in the parts of requests generated as
valid, and the schema's links carry the ids that create operations answer to the
operations that take them. The run must end with no failure
of any kind and no "missing test data" warning."""

import http.server
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

from tests.live import ROOT, live_abate

# Settable for a focused run while working on some operations:
# ABATE_SCHEMATHESIS_PATHS='/credit_memos' ABATE_SCHEMATHESIS_EXAMPLES=20 pytest ...
EXAMPLES = int(os.environ.get("ABATE_SCHEMATHESIS_EXAMPLES", "8"))
SEED = 20261203


def _ok(live, method, path, body=None, role="manager"):
    status, answer = live.call(method, path, body, role=role)
    assert status == 200, (method, path, status, answer)
    return answer


def seed(live, receiver: str) -> dict[str, list[str]]:
    """Objects of every kind, created through the API; their ids by the parameter names
    that take them."""
    companies = _ok(live, "GET", "/api/v1/companies?limit=100")["data"]
    by_name = {c["name"]: c for c in companies}
    company, other = by_name["Globex Corporation"], by_name["Umbrella Retail"]
    reseller = next(c for c in companies if c["is_reseller"])
    product = _ok(live, "POST", "/api/v1/products", {"name": "Seats", "sku": "SEATS-1"})
    plan = _ok(live, "POST", "/api/v1/plans", {
        "product_id": product["id"], "code": "pro-monthly", "name": "Pro monthly",
        "scheme": "per_seat", "interval": "month", "unit_price": "30.00", "tax_rate": "0.19"})
    metered = _ok(live, "POST", "/api/v1/plans", {
        "product_id": product["id"], "code": "api-calls", "name": "API calls",
        "scheme": "metered", "interval": "month", "unit_price": "0.01"})
    subscription = _ok(live, "POST", "/api/v1/subscriptions", {
        "company_id": company["id"], "plan_id": plan["id"], "quantity": "3"})
    metered_subscriptions = [_ok(live, "POST", "/api/v1/subscriptions", {
        "company_id": company["id"], "plan_id": metered["id"]}) for _ in range(4)]
    _ok(live, "POST", f"/api/v1/subscriptions/{metered_subscriptions[0]['id']}/usage_records",
        {"quantity": "1200"})
    invoices = [_ok(live, "POST", "/api/v1/invoices", {
        "company_id": company["id"], "lines": [
            {"product_id": product["id"], "name": "Seats", "quantity": "10",
             "unit_price": "100.00", "tax_rate": "0.19"},
            {"name": "Onboarding", "quantity": "1", "unit_price": "500.00"}]})
        for _ in range(12)]
    memo = _ok(live, "POST", f"/api/v1/invoices/{invoices[0]['id']}/credit_memos", {
        "reason_code": "overcharge", "apply_to": [],
        "lines": [{"invoice_line_id": invoices[0]["lines"][0]["id"], "amount": "200.00"}]})
    applied = _ok(live, "POST", f"/api/v1/credit_memos/{memo['id']}/applications",
                  {"invoice_id": invoices[1]["id"], "amount": "50.00"})
    # Memos with room for what valid requests apply, pay out or close (amounts up to 100.00),
    # enough for every phase: a closed or voided memo takes nothing more.
    ad_hoc = [_ok(live, "POST", "/api/v1/credit_memos", {
        "company_id": company["id"], "reason_code": "goodwill", "auto_apply": False,
        "lines": [{"name": "Goodwill credit", "quantity": "1", "unit_price": "500.00"}]})
        for _ in range(16)]
    applications = [applied["applications"][0]] + [
        _ok(live, "POST", f"/api/v1/credit_memos/{m['id']}/applications",
            {"invoice_id": invoices[1]["id"], "amount": "20.00"})["applications"][0]
        for m in ad_hoc[:6]]
    drafts = [_ok(live, "POST", "/api/v1/credit_memos", {
        "company_id": company["id"], "reason_code": "goodwill", "draft": True,
        "lines": [{"name": "Goodwill credit", "quantity": "1", "unit_price": "15.00"}]})
        for _ in range(4)]
    payments = [_ok(live, "POST", f"/api/v1/invoices/{invoice['id']}/payments",
                    {"amount": "1000.00"}) for invoice in invoices[2:6]]
    endpoint = _ok(live, "POST", "/api/v1/webhook_endpoints", {
        "url": f"{receiver}/abate", "event_types": ["*"]})
    # An event after the endpoint exists, so that it has a delivery.
    _ok(live, "POST", "/api/v1/credit_memos", {
        "company_id": company["id"], "reason_code": "service_credit", "auto_apply": False,
        "lines": [{"name": "Service credit", "quantity": "1", "unit_price": "10.00"}]})
    run = _ok(live, "POST", "/api/v1/billing_runs", {})
    report = _ok(live, "POST", "/api/v1/reports", {"report": "credit_memos"})
    live.work()  # PDFs rendered, the report made, the deliveries delivered (redeliverable)
    deliveries = _ok(live, "GET", f"/api/v1/webhook_endpoints/{endpoint['id']}/deliveries")
    user = _ok(live, "POST", f"/api/v1/companies/{company['id']}/users",
               {"email": "ap@example.com", "name": "Accounts payable"})
    ids = {
        "company_id": [company["id"], other["id"]],
        "reseller_id": [reseller["id"]],
        "user_id": [user["id"]],
        "product_id": [product["id"]],
        "plan_id": [plan["id"], metered["id"]],
        "subscription_id": [s["id"] for s in [subscription, *metered_subscriptions]],
        "invoice_id": [i["id"] for i in invoices],
        "invoice_line_id": [line["id"] for i in invoices for line in i["lines"]],
        "memo_id": [m["id"] for m in [memo, *ad_hoc, *drafts]],
        "application_id": [a["id"] for a in applications],
        "payment_id": [p["id"] for p in payments],
        "endpoint_id": [endpoint["id"]],
        "delivery_id": [d["id"] for d in deliveries["data"]],
        "run_id": [run["id"]],
        "report_id": [report["id"]],
    }
    assert all(ids.values()), ids
    # An application is reached through its memo's path.
    memo_of = {a["id"]: m["id"] for m in [memo, *ad_hoc] for a in _ok(
        live, "GET", f"/api/v1/credit_memos/{m['id']}")["applications"]}
    # ... and a delivery through its endpoint's.
    ids["_parents"] = {**{a: {"memo_id": m} for a, m in memo_of.items()},
                       **{d: {"endpoint_id": endpoint["id"]} for d in ids["delivery_id"]}}
    # The demo's JPY documents: amounts valid in EUR are not in JPY (a rule across fields).
    ids["_not_eur"] = [d["id"] for kind in ("invoices", "credit_memos", "companies") for d in _ok(
        live, "GET", f"/api/v1/{kind}?limit=100")["data"] if d["currency"] != "EUR"]
    ids["_pools"] = pools(live, company["id"], product["id"], metered["id"], plan["id"],
                          invoice_id=invoices[6]["id"], receiver=receiver,
                          parents=ids["_parents"])
    return ids


def pools(live, company_id, product_id, metered_id, plan_id, *, invoice_id, receiver,
          parents) -> dict:
    """Objects of its own for each operation that uses them up or changes them for others (a
    memo issued, voided, closed or paid out takes no second one; an invoice finalized or
    voided likewise; an application reversed; a company whose party data a PATCH clears has
    no e-invoice; a product whose default tax a PATCH changes taxes others' lines otherwise; a
    deleted endpoint has no deliveries), so that every phase of every such
    operation finds some left whatever ran before it. An application's memo goes to
    `parents`."""
    def memos(n, **extra):
        return [_ok(live, "POST", "/api/v1/credit_memos", {
            "company_id": company_id, "reason_code": "goodwill", "auto_apply": False,
            "lines": [{"name": "Goodwill credit", "quantity": "1", "unit_price": "500.00"}],
            **extra})["id"] for _ in range(n)]

    # A customer of its own, whose invoices no credit is applied to (an invoice with an
    # application cannot be voided).
    fresh = _ok(live, "POST", "/api/v1/companies", {"name": "Pool Customer Ltd"})["id"]

    def invoices(n, **extra):
        return [_ok(live, "POST", "/api/v1/invoices", {
            "company_id": fresh, **extra,
            "lines": [{"product_id": product_id, "quantity": "2", "unit_price": "100.00"}]})["id"]
            for _ in range(n)]

    def subscriptions(n, plan):
        return [_ok(live, "POST", "/api/v1/subscriptions", {
            "company_id": company_id, "plan_id": plan})["id"] for _ in range(n)]

    def applications(n):
        made = []
        for memo_id in memos(n):
            application = _ok(live, "POST", f"/api/v1/credit_memos/{memo_id}/applications",
                              {"invoice_id": invoice_id, "amount": "20.00"})["applications"][0]
            parents[application["id"]] = {"memo_id": memo_id}
            made.append(application["id"])
        return made

    def companies(n):
        return [_ok(live, "POST", "/api/v1/companies", {"name": f"Patched {i}"})["id"]
                for i in range(n)]

    def products(n):
        return [_ok(live, "POST", "/api/v1/products", {"name": f"Patched product {i}"})["id"]
                for i in range(n)]

    def endpoints(n):
        return [_ok(live, "POST", "/api/v1/webhook_endpoints", {
            "url": f"{receiver}/pool", "event_types": ["*"]})["id"] for _ in range(n)]

    memo_path = "/api/v1/credit_memos/{memo_id}"
    subscription_path = "/api/v1/subscriptions/{subscription_id}"
    return {
        f"POST {memo_path}/issue": {"memo_id": memos(6, draft=True)},
        f"POST {memo_path}/void": {"memo_id": memos(6)},
        f"POST {memo_path}/close": {"memo_id": memos(6)},
        f"POST {memo_path}/payouts": {"memo_id": memos(6)},
        "POST /api/v1/invoices/{invoice_id}/finalize": {"invoice_id": invoices(6, finalize=False)},
        "POST /api/v1/invoices/{invoice_id}/void": {"invoice_id": invoices(6)},
        # Crediting an invoice without lines credits all that is left of it.
        "POST /api/v1/invoices/{invoice_id}/credit_memos": {"invoice_id": invoices(8)},
        f"POST {memo_path}/applications/{{application_id}}/reverse": {
            # Each phase reverses some wholly (a body without an amount): enough for all.
            "application_id": applications(24)},
        "PATCH /api/v1/companies/{company_id}": {"company_id": companies(4)},
        # A product whose default tax a PATCH changes would change the invoices of others.
        "PATCH /api/v1/products/{product_id}": {"product_id": products(4)},
        "DELETE /api/v1/webhook_endpoints/{endpoint_id}": {"endpoint_id": endpoints(4)},
        f"POST {subscription_path}/cancel": {"subscription_id": subscriptions(4, plan_id)},
        f"POST {subscription_path}/change": {"subscription_id": subscriptions(4, plan_id)},
        f"POST {subscription_path}/usage_records": {
            "subscription_id": subscriptions(4, metered_id)},
    }


def cursors(live) -> dict[str, list[str]]:
    """A real `next_cursor` of each list operation, by its path."""
    spec = _ok(live, "GET", "/api/v1/openapi.json")
    found = {}
    for path, item in spec["paths"].items():
        get = item.get("get")
        if not get or "{" in path or not any(
                p["name"] == "cursor" for p in get.get("parameters", [])):
            continue
        page = _ok(live, "GET", f"{path}?limit=1")
        if page["next_cursor"]:
            found[path] = [page["next_cursor"]]
    return found


def config(live) -> str:
    """The run's schemathesis.toml."""
    lines = [
        f"seed = {SEED}",
        'headers = { Authorization = "Bearer ' + live.keys["manager"] + '" }',
        "",
        "[generation]",
        'mode = "all"',
        f"max-examples = {EXAMPLES}",
        'database = "none"',
        # Text is stored: no NUL character (the document's patterns say so too).
        "allow-x00 = false",
        "",
        "[checks]",
        "enabled = true",
        # 422 answers a request that is well formed (the schema's business) but breaks a
        # billing rule (apply more than remains, credit a void invoice): data the schema
        # calls valid may meet it, by the contract's own definition.
        "[checks.positive_data_acceptance]",
        'expected-statuses = ["2xx", "401", "403", "404", "409", "422", "429"]',
        "",
        # The key is the throwaway database's; a failure shows the request exactly.
        # A URL over the request-line limit is refused with 414: a rejection like any other.
        "[checks.negative_data_rejection]",
        'expected-statuses = ["400", "401", "403", "404", "405", "406", "409", "413", "414", '
        '"415", "422", "428", "429", "5xx"]',
        "",
        "[output.sanitization]",
        "enabled = false",
        "",
        # Only the document's own links chain operations (inferred ones guess, and miss).
        "[phases.stateful.inference]",
        "algorithms = []",
        "",
        "[warnings]",
        'fail-on = ["missing_test_data"]',
        "",
    ]
    return "\n".join(lines) + "\n"


class _Receiver(http.server.BaseHTTPRequestHandler):
    """A webhook endpoint that takes every delivery."""

    def do_POST(self):  # noqa: N802 - the handler's protocol
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_schemathesis_finds_nothing(tmp_path):
    receiver = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Receiver)
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    with live_abate(tmp_path, workers=2,
                    extra_env={"ABATE_WEBHOOKS_ALLOW_PRIVATE": "1"}) as live:
        ids = seed(live, f"http://127.0.0.1:{receiver.server_port}")
        path = tmp_path / "schemathesis.toml"
        path.write_text(config(live))
        data = tmp_path / "data.json"
        data.write_text(json.dumps({"ids": ids, "cursors": cursors(live)}))
        run = subprocess.run(
            [str(Path(sys.executable).with_name("schemathesis")), "--config-file", str(path),
             "run", f"{live.url}/api/v1/openapi.json", "--checks", "all",
             "--max-failures", "200", "--no-color",
             *(["--include-path-regex", os.environ["ABATE_SCHEMATHESIS_PATHS"]]
               if os.environ.get("ABATE_SCHEMATHESIS_PATHS") else [])],
            cwd=tmp_path, capture_output=True, text=True, timeout=1800,
            env={**os.environ, "PYTHONPATH": str(ROOT),
                 "SCHEMATHESIS_HOOKS": "tests.api.schemathesis_hooks",
                 "ABATE_SCHEMATHESIS_DATA": str(data)})
    receiver.shutdown()
    summary = run.stdout[run.stdout.find("SUMMARY"):]
    print(run.stdout[-6000:])
    assert run.returncode == 0, run.stdout[-20000:] + run.stderr[-3000:]
    assert "failures" not in summary.lower() or " 0 failures" in summary, summary
    assert "Missing test data" not in summary, summary
