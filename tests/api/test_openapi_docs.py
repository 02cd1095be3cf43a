"""The docs a client reads: every operation has worked examples that its own schema accepts
and that the API really answers (the contract's story: 200.00 credited of a 1,000.00
invoice), and every error response lists the codes it can answer, each with its meaning,
all from one catalog. The interactive docs show them in a browser.

Run with ABATE_CHECK_ERROR_CODES=1, the whole API suite proves the lists complete: an
operation answering a code its document does not list answers a 500 instead."""

import copy
import datetime
import json
import os
import re
from decimal import Decimal

import jsonschema_rs
import pytest
from django.test import Client, override_settings

from api.auth import roles_of
from api.docs import codes as docs_codes
from api.docs import story as docs_story
from api.docs.examples import EXAMPLES
from api.errors import TYPE_BY_STATUS
from api.urls import api as ninja_api
from marketplaces.models import ROLES

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
ANY_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
DOCUMENT_NUMBER = re.compile(r"^(INV|CM)-\d{6}$")
TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")
CENT = Decimal("0.01")


def _schema() -> dict:
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


def _operations(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            yield path, method, operation


def _worked(media_type: dict):
    return media_type["examples"]["worked"]["value"]


def _takes_body(operation: dict) -> bool:
    """A body with fields: not the empty `NoBody` that actions without one accept."""
    body = operation.get("requestBody")
    if body is None:
        return False
    schema = body["content"]["application/json"]["schema"]
    return schema.get("anyOf", [schema])[0] != {"$ref": "#/components/schemas/NoBody"}


def test_every_operation_has_worked_examples():
    schema = _schema()
    operation_ids = {operation["operationId"] for _, _, operation in _operations(schema)}
    # Nothing documents an operation that is no more (a renamed view, say).
    assert set(EXAMPLES) == operation_ids
    assert (set(docs_codes.OPERATION_ERRORS) | docs_codes.EVERY_ROLE
            | docs_codes.CHANGES_NOTHING) <= operation_ids
    for path, method, operation in _operations(schema):
        where = (method.upper(), path)
        answer = operation["responses"]["200"]["content"]
        for media_type in answer.values():
            assert _worked(media_type), where
            assert media_type["examples"]["worked"]["summary"], where
        if _takes_body(operation):
            assert _worked(operation["requestBody"]["content"]["application/json"]), where


def _closed(node):
    """The document with `additionalProperties: false` on every object schema that lists
    its properties, so that an example with a field the schema does not have fails."""
    if isinstance(node, dict):
        if (node.get("type") == "object" and "properties" in node
                and "additionalProperties" not in node):
            node["additionalProperties"] = False
        for value in node.values():
            _closed(value)
    elif isinstance(node, list):
        for value in node:
            _closed(value)
    return node


def _validator(document: dict, schema: dict):
    registry = jsonschema_rs.Registry([("urn:openapi", document)])
    rooted = json.loads(json.dumps(schema).replace('"#/components/', '"urn:openapi#/components/'))
    return jsonschema_rs.Draft202012Validator(rooted, registry=registry, validate_formats=True)


def test_each_example_validates_against_its_own_schema():
    schema = _schema()
    document = _closed(copy.deepcopy(schema))
    checked = 0
    for path, method, operation in _operations(document):
        bodies = []
        if _takes_body(operation):
            bodies.append(("request", operation["requestBody"]["content"]["application/json"]))
        bodies += [("200", media) for media in operation["responses"]["200"]["content"].values()]
        for where, media_type in bodies:
            example = _worked(media_type)
            errors = [f"{'/'.join(map(str, e.instance_path))}: {e.message}"
                      for e in _validator(document, media_type["schema"]).iter_errors(example)]
            assert not errors, (method.upper(), path, where, errors[:5])
            checked += 1
    assert checked >= 90


def test_each_error_example_is_the_envelope_of_its_status():
    schema = _schema()
    document = _closed(copy.deepcopy(schema))
    for path, _, operation in _operations(document):
        for status, response in operation["responses"].items():
            if status < "400":
                continue
            media_type = response["content"]["application/json"]
            examples = media_type.get("examples", {})
            assert sorted(examples) == response["x-error-codes"], (path, status)
            validator = _validator(document, media_type["schema"])
            for code, example in examples.items():
                error = example["value"]["error"]
                assert (error["type"], error["code"]) == (TYPE_BY_STATUS[int(status)], code)
                assert validator.is_valid(example["value"]), (path, status, code)


def _walk(value):
    yield value
    if isinstance(value, dict):
        for item in value.values():
            yield from _walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item)


def _all_examples(schema):
    for _, _, operation in _operations(schema):
        if _takes_body(operation):
            yield _worked(operation["requestBody"]["content"]["application/json"])
        for media_type in operation["responses"]["200"]["content"].values():
            yield _worked(media_type)


def test_ids_are_realistic_uuids():
    ids = {value for example in _all_examples(_schema()) for value in _walk(example)
           if isinstance(value, str) and ANY_UUID.match(value)}
    assert len(ids) >= 25
    assert all(UUID.match(value) for value in ids), ids


def D(text) -> Decimal:  # noqa: N802 - reads as the decimal it writes
    return Decimal(text)


def _tax(net, rate) -> Decimal:
    return (D(net) * D(rate)).quantize(CENT, rounding="ROUND_HALF_UP")


def test_the_worked_numbers_add_up():
    """Every invoice and credit memo of every example keeps the contract's identities."""
    schema = _schema()
    memos = invoices = 0
    for example in _all_examples(schema):
        for node in _walk(example):
            if not isinstance(node, dict) or node.get("object") not in ("invoice",
                                                                      "credit_memo"):
                continue
            for line in node["lines"]:
                net = D(line["quantity"]) * D(line["unit_price"]) - D(
                    line.get("discount_amount", "0"))
                assert D(line["amount"]) == net, line
                assert D(line["tax_amount"]) == _tax(line["amount"], line["tax_rate"]), line
                assert D(line["total"]) == D(line["amount"]) + D(line["tax_amount"]), line
            tax = sum(D(line["tax_amount"]) for line in node["lines"])
            assert D(node["tax_total"]) == tax
            if node.get("object") == "credit_memo":
                memos += 1
                assert D(node["subtotal"]) == sum(D(line["amount"]) for line in node["lines"])
                assert D(node["total"]) == D(node["subtotal"]) + tax
                assert D(node["total"]) == sum(D(node[part]) for part in (
                    "applied_amount", "paid_out_amount", "closed_amount", "remaining_amount"))
                assert D(node["applied_amount"]) == sum(
                    D(a["amount"]) for a in node["applications"])
            elif node.get("object") == "invoice":
                invoices += 1
                assert D(node["total"]) == D(node["subtotal"]) - D(node["discount_total"]) + tax
                assert D(node["amount_due"]) == D(node["total"]) - D(
                    node["amount_credited"]) - D(node["amount_paid"])
    assert memos >= 15 and invoices >= 4


def test_the_contract_example_credits_200_of_a_1000_invoice():
    schema = _schema()
    create = schema["paths"]["/api/v1/invoices"]["post"]
    invoice = _worked(create["responses"]["200"]["content"]["application/json"])
    credit = schema["paths"]["/api/v1/invoices/{invoice_id}/credit_memos"]["post"]
    asked = _worked(credit["requestBody"]["content"]["application/json"])
    memo = _worked(credit["responses"]["200"]["content"]["application/json"])
    assert (invoice["subtotal"], invoice["tax_total"], invoice["total"]) == (
        "1000.00", "200.00", "1200.00")
    assert asked["lines"] == [{"invoice_line_id": invoice["lines"][0]["id"], "amount": "200.00"}]
    assert (memo["source_invoice_id"], memo["lines"][0]["source_invoice_line_id"]) == (
        invoice["id"], invoice["lines"][0]["id"])
    # 200.00 + 20 % tax; the invoice had 200.00 left due after a 1,000.00 payment.
    assert (memo["subtotal"], memo["tax_total"], memo["total"]) == ("200.00", "40.00", "240.00")
    assert (memo["applied_amount"], memo["remaining_amount"], memo["status"]) == (
        "200.00", "40.00", "partially_applied")
    get = schema["paths"]["/api/v1/invoices/{invoice_id}"]["get"]
    settled = _worked(get["responses"]["200"]["content"]["application/json"])
    assert (settled["amount_paid"], settled["amount_credited"], settled["amount_due"],
            settled["status"]) == ("1000.00", "200.00", "0.00", "paid")


def test_error_responses_list_their_codes_from_the_catalog():
    schema = _schema()
    for path, _, operation in _operations(schema):
        for status, response in operation["responses"].items():
            if status < "400":
                continue
            codes = response["x-error-codes"]
            assert codes == sorted(set(codes)), (path, status)
            for code in codes:
                code_status, meaning = docs_codes.ERROR_CODES[code]
                assert str(code_status) == status, (path, code)
                assert meaning and f"- `{code}` — " in response["description"], (path, code)
        responses = operation["responses"]
        assert "unauthenticated" in responses["401"]["x-error-codes"]
        assert "rate_limited" in responses["429"]["x-error-codes"]
    every_code = {code for _, _, operation in _operations(schema)
                  for response in operation["responses"].values()
                  for code in response.get("x-error-codes", ())}
    assert every_code == set(docs_codes.ERROR_CODES)


def test_the_credit_from_an_invoice_lists_its_rules():
    credit = _schema()["paths"]["/api/v1/invoices/{invoice_id}/credit_memos"]["post"]
    responses = credit["responses"]
    assert set(responses["422"]["x-error-codes"]) == {
        "own_company", "exceeds_creditable_amount", "credit_total_not_positive",
        "currency_mismatch", "not_same_customer", "invoice_not_open"}
    assert set(responses["409"]["x-error-codes"]) == {
        "invalid_state", "concurrent_update", "idempotency_key_reused",
        "idempotency_key_in_use"}
    assert "- `exceeds_creditable_amount` — A line's amount is more than the line has left" \
        in responses["422"]["description"]
    assert responses["403"]["x-error-codes"] == ["forbidden"]


def test_no_403_where_every_role_may_call():
    """The operations the docs say every role may call are those the API lets every role
    call; the others list `forbidden`."""
    schema = _schema()
    by_id = {operation["operationId"]: operation for _, _, operation in _operations(schema)}
    for _, router in ninja_api._routers:
        for path_view in router.path_operations.values():
            for operation in path_view.operations:
                op_id = operation.view_func.__name__
                everyone = set(roles_of(operation)) == set(ROLES)
                assert (op_id in docs_codes.EVERY_ROLE) == everyone, op_id
                listed = by_id[op_id]["responses"]["403"]["x-error-codes"]
                assert listed == ([] if everyone else ["forbidden"]), op_id


def test_a_status_answered_but_not_declared_is_documented():
    """The report's file answers 409 until the report has succeeded: documented too."""
    report_file = _schema()["paths"]["/api/v1/reports/{report_id}/file"]["get"]
    conflict = report_file["responses"]["409"]
    assert conflict["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ErrorOut"}
    assert "invalid_state" in conflict["x-error-codes"]


@override_settings(ABATE_CHECK_ERROR_CODES=True)
def test_an_undocumented_error_is_answered_as_a_500(world, monkeypatch):
    """The check the suite runs under: a code the operation does not list fails loudly."""
    memo = world.memo()
    manager = world.client("manager")
    response = manager.post(f"/credit_memos/{memo.id}/void")
    assert response.status_code == 200
    response = manager.post(f"/credit_memos/{memo.id}/void")
    assert (response.status_code, response.json()["error"]["code"]) == (409, "not_voidable")
    monkeypatch.setitem(docs_codes.OPERATION_ERRORS, "credit_memo_void", ())
    monkeypatch.setattr("api.errors._documented", {})
    response = manager.post(f"/credit_memos/{memo.id}/void")
    error = response.json()["error"]
    assert (response.status_code, error["code"]) == (500, "undocumented_error")
    assert error["message"].startswith("credit_memo_void (POST /api/v1/credit_memos/{memo_id}"
                                       "/void) answered 409 not_voidable")


# --- the examples are what the API answers --------------------------------------------------

class Story:
    """Plays the worked story on the real API: each step sends an operation's example
    request (its ids those of the objects made so far) and compares the answer with the
    example, field by field; ids and document numbers must correspond one to one, and
    times only be times."""

    def __init__(self, world):
        self.client = world.client("manager")
        self.schema = _schema()
        self.real = {}  # example id or number -> the real one
        self.examples = {operation["operationId"]: (path, operation)
                         for path, _, operation in _operations(self.schema)}

    def _real(self, value):
        if isinstance(value, dict):
            return {key: self._real(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self._real(item) for item in value]
        return self.real.get(value, value)

    def _match(self, example, answer, where):
        if isinstance(example, dict):
            assert isinstance(answer, dict) and set(answer) == set(example), (
                where, sorted(set(answer) ^ set(example or {})))
            for key in example:
                self._match(example[key], answer[key], f"{where}.{key}")
        elif isinstance(example, list):
            assert isinstance(answer, list) and len(answer) == len(example), where
            for i, (item, got) in enumerate(zip(example, answer, strict=True)):
                self._match(item, got, f"{where}[{i}]")
        elif isinstance(example, str) and (ANY_UUID.match(example)
                                           or DOCUMENT_NUMBER.match(example)):
            assert self.real.setdefault(example, answer) == answer, (where, example, answer)
        elif isinstance(example, str) and example.startswith("api_key:"):
            assert answer.startswith("api_key:"), where
        elif isinstance(example, str) and TIMESTAMP.match(example):
            assert isinstance(answer, str) and datetime.datetime.fromisoformat(answer), where
        else:
            assert answer == example, (where, example, answer)

    def step(self, op_id, body=None, *, compare=True, **path_ids):
        path, operation = self.examples[op_id]
        method = next(m for m, o in self.schema["paths"][path].items() if o is operation)
        for name, example_id in path_ids.items():
            path = path.replace("{" + name + "}", str(self.real[example_id]))
        if body is None and _takes_body(operation):
            body = _worked(operation["requestBody"]["content"]["application/json"])
        response = self.client.request(method, path.removeprefix("/api/v1"), self._real(body))
        assert response.status_code == 200, (op_id, response.content[:300])
        if compare:
            example = _worked(operation["responses"]["200"]["content"]["application/json"])
            self._match(example, response.json(), op_id)
            assert len(set(self.real.values())) == len(self.real), self.real
        return response.json()

    def set_up(self):
        """Acme Cloud applies credit by hand; Globex is billed INV-000042 and pays 1,000.00;
        CM-000007 credits 200.00 of it."""
        self.step("marketplace_settings_patch", compare=False)
        self.step("company_create")
        self.step("products_create")
        self.step("invoice_create")
        self.step("payment_create", invoice_id=docs_story.INVOICE_ID)
        self.step("credit_memo_preview_from_invoice", invoice_id=docs_story.INVOICE_ID)
        self.step("credit_memo_create_from_invoice", invoice_id=docs_story.INVOICE_ID)

    def next_invoice(self):
        """INV-000043: 500.00 of support + 20 % tax."""
        answer = self.client.post("/invoices", self._real({
            "company_id": docs_story.COMPANY_ID, "lines": [{
                "name": "Premium support", "quantity": "1", "unit_price": "500.00",
                "tax_rate": "0.20"}]})).json()
        self.real[docs_story.NEXT_INVOICE_ID] = answer["id"]
        self.real["INV-000043"] = answer["number"]


@pytest.mark.parametrize("branch", ["apply_and_reverse", "auto_apply", "pay_out", "close",
                                    "ad_hoc", "refund", "draft"])
def test_the_examples_are_what_the_api_answers(world, branch):
    story = Story(world)
    if branch == "draft":
        story.step("marketplace_settings_patch", compare=False)
        story.step("company_create")
        story.step("products_create")
        story.step("invoice_create")
        story.step("payment_create", invoice_id=docs_story.INVOICE_ID)
        draft = story.client.post(
            f"/invoices/{story.real[docs_story.INVOICE_ID]}/credit_memos",
            story._real({**docs_story.CREDIT_FROM_INVOICE_IN, "draft": True})).json()
        story.real[docs_story.MEMO_ID] = draft["id"]
        story.step("credit_memo_issue", memo_id=docs_story.MEMO_ID)
        return
    story.set_up()
    story.step("invoice_get", invoice_id=docs_story.INVOICE_ID)
    story.step("credit_memo_get", memo_id=docs_story.MEMO_ID)
    story.step("company_credit_balance", company_id=docs_story.COMPANY_ID)
    story.step("company_credit_check", company_id=docs_story.COMPANY_ID)
    if branch == "apply_and_reverse":
        story.next_invoice()
        story.step("application_create", memo_id=docs_story.MEMO_ID)
        story.step("application_reverse", memo_id=docs_story.MEMO_ID,
                   application_id=docs_story.NEXT_APPLICATION_ID)
    elif branch == "pay_out":
        story.step("payout_create", memo_id=docs_story.MEMO_ID)
    elif branch == "auto_apply":
        story.next_invoice()
        story.step("credit_memo_auto_apply", memo_id=docs_story.MEMO_ID)
    elif branch == "close":
        story.step("credit_memo_close", memo_id=docs_story.MEMO_ID)
        story.step("invoice_tax_clearance", invoice_id=docs_story.INVOICE_ID)
        story.step("credit_memo_tax_clearance", memo_id=docs_story.MEMO_ID)
    elif branch == "ad_hoc":
        story.step("credit_memo_preview_ad_hoc")
        story.step("credit_memo_create_ad_hoc")
        story.step("credit_memo_void", memo_id=docs_story.AD_HOC_MEMO_ID)
    elif branch == "refund":
        story.step("refund_create", payment_id=docs_story.PAYMENT_ID)


# --- in a browser ---------------------------------------------------------------------------

@pytest.mark.django_db(transaction=True)
def test_the_interactive_docs_show_the_example_and_the_error_codes(live_server, tmp_path):
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import expect, sync_playwright

    from tests.web.test_browser import CHROMIUM_ARGS

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(15_000)
        page.goto(f"{live_server.url}/api/v1/docs")
        operation = page.locator("#operations-credit_memos-credit_memo_create_from_invoice")
        operation.locator(".opblock-summary").click()
        body = operation.locator(".opblock-body")
        expect(body).to_contain_text('"amount": "200.00"')
        expect(body).to_contain_text('"remaining_amount": "40.00"')
        expect(body).to_contain_text("exceeds_creditable_amount")
        expect(body).to_contain_text("A line's amount is more than the line has left to credit")
        body.screenshot(path=str(tmp_path / "credit_memo_create_from_invoice.png"))
        browser.close()
    assert (tmp_path / "credit_memo_create_from_invoice.png").stat().st_size > 10_000
