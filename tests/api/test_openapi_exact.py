"""The OpenAPI document says exactly what the server accepts. A decimal field's pattern and
the services' parsers agree both ways, over generated text (for a currency with 4 minor
digits, the most any has, since the pattern cannot know the currency); every request body
refuses unknown fields; ids are UUIDs; every operation documents every status it can answer
with the error envelope; enums are the server's own lists; links chain creations to the
operations that take their ids."""

import re
from decimal import Decimal

import pytest
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st

from common.errors import InvalidInput
from common.money import parse_amount, parse_quantity, parse_rate
from credits.models import REASON_CODES
from invoicing.models import BILLING_ACTIONS


@pytest.fixture(scope="module")
def schema():
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


def _kind(schema, component, field):
    """The pattern of a decimal field's string form (optional fields add `null` around it)."""
    stack = [schema["components"]["schemas"][component]["properties"][field]]
    while stack:
        node = stack.pop()
        if node.get("type") == "string":
            return node["pattern"]
        stack.extend(node.get("anyOf", []))
    raise AssertionError((component, field))


def _accepts(parse, text) -> bool:
    try:
        parse(text)
    except InvalidInput:
        return False
    return True


PARSERS = {  # component, field -> what the service does with it (CLF: 4 minor digits)
    ("ApplicationIn", "amount"): lambda t: parse_amount(t, "CLF", allow_zero=False),
    ("InvoiceLineIn", "discount_amount"): lambda t: parse_amount(t, "CLF"),
    ("InvoiceLineIn", "unit_price"): lambda t: parse_amount(t, "CLF", allow_negative=True),
    ("InvoiceLineIn", "quantity"): parse_quantity,
    ("InvoiceLineIn", "tax_rate"): parse_rate,
}
DECIMALISH = st.text(alphabet="0123456789.+-e ", max_size=16)


@pytest.mark.parametrize("field", sorted(PARSERS))
def test_a_decimal_pattern_admits_exactly_what_the_service_accepts(schema, field):
    pattern = re.compile(_kind(schema, *field))
    parse = PARSERS[field]

    @settings(max_examples=300, deadline=None)
    @given(st.one_of(st.from_regex(pattern.pattern, fullmatch=True), DECIMALISH))
    def agree(text):
        if len(text) <= 64:
            assert bool(pattern.fullmatch(text)) == _accepts(parse, text), text

    agree()


@pytest.mark.parametrize("text, field, admitted", [
    ("200.00", ("ApplicationIn", "amount"), True),
    ("0", ("ApplicationIn", "amount"), False),           # above zero
    ("-0", ("InvoiceLineIn", "discount_amount"), False),  # a sign is a sign
    ("1e5", ("InvoiceLineIn", "unit_price"), False),      # no exponent
    ("-50.00", ("InvoiceLineIn", "unit_price"), True),
    ("999999999999.9999", ("InvoiceLineIn", "unit_price"), True),
    ("1000000000000", ("InvoiceLineIn", "unit_price"), False),  # below 10^12
    ("0.000001", ("InvoiceLineIn", "quantity"), True),
    ("0.0000001", ("InvoiceLineIn", "quantity"), False),  # 6 decimals at most
    ("1.000000", ("InvoiceLineIn", "tax_rate"), True),
    ("1.01", ("InvoiceLineIn", "tax_rate"), False),       # a fraction up to 1
])
def test_worked_decimal_examples(schema, text, field, admitted):
    assert bool(re.fullmatch(_kind(schema, *field), text)) is admitted
    assert _accepts(PARSERS[field], text) is admitted


def test_request_bodies_refuse_unknown_fields(schema):
    bodies = {n: c for n, c in schema["components"]["schemas"].items() if n.endswith("In")}
    assert len(bodies) > 20
    for name, body in bodies.items():
        assert body.get("additionalProperties") is False, name


def test_ids_are_uuids_in_paths_bodies_and_answers(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "path" and parameter["name"].endswith("_id"):
                    assert parameter["schema"]["format"] == "uuid", (method, path)
    components = schema["components"]["schemas"]
    memo_in = components["ApplicationIn"]["properties"]["invoice_id"]
    assert memo_in["format"] == "uuid"
    assert components["CreditMemoOut"]["properties"]["id"]["format"] == "uuid"


def test_every_status_is_documented_with_the_envelope(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            statuses = set(operation["responses"])
            assert {"400", "401", "403", "404", "414", "429", "431", "503"} <= statuses, path
            if "requestBody" in operation:
                assert "413" in statuses, (method, path)
            for status in statuses - {"200"}:
                content = operation["responses"][status]["content"]["application/json"]
                assert content["schema"] == {"$ref": "#/components/schemas/ErrorOut"}


def test_enums_are_the_servers_lists(schema):
    components = schema["components"]["schemas"]
    reason = components["AdHocIn"]["properties"]["reason_code"]
    assert tuple(reason["enum"]) == REASON_CODES
    action = components["InvoiceLineIn"]["properties"]["billing_action"]["anyOf"][0]
    assert tuple(action["enum"]) == BILLING_ACTIONS
    currency = components["AdHocIn"]["properties"]["currency"]["anyOf"][0]
    assert currency["$ref"] == "#/components/schemas/CurrencyCode"  # one list, named once
    assert {"EUR", "USD", "JPY", "BHD"} <= set(components["CurrencyCode"]["enum"])


def test_links_chain_a_creation_to_what_takes_its_id(schema):
    create = schema["paths"]["/api/v1/credit_memos"]["post"]["responses"]["200"]["links"]
    assert create["application_create"] == {
        "operationId": "application_create", "parameters": {"memo_id": "$response.body#/id"}}
    applied = schema["paths"]["/api/v1/credit_memos/{memo_id}/applications"]["post"]
    assert applied["responses"]["200"]["links"]["application_reverse"]["parameters"] == {
        "memo_id": "$response.body#/id",
        "application_id": "$response.body#/applications/0/id"}


def test_a_json_number_is_read_exactly(db):
    assert parse_amount(Decimal("-0.0"), "EUR") == 0  # the number -0 is zero
    with pytest.raises(InvalidInput):
        parse_amount("-0", "EUR")
