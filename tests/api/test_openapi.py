"""The OpenAPI 3 document describes every endpoint, parameter, body and response, errors
included; the interactive docs are served."""

import re

from django.test import Client

from tests.api.endpoints import ENDPOINTS


def _schema():
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


def _template(path):
    return re.sub(r"\{[a-z_]+\}", "{}", path)


def test_every_endpoint_is_described_with_its_errors(world):
    schema = _schema()
    assert schema["openapi"].startswith("3.")
    described = {}
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            described[(method.upper(), _template(path.removeprefix("/api/v1")))] = operation
    for endpoint in ENDPOINTS:
        path, _ = endpoint.build(world, world.mine)
        assert (endpoint.method, re.sub(r"/[0-9a-f-]{36}", "/{}", path)) in described, endpoint
    # Every operation served, those of other routers included.
    for (method, path), operation in described.items():
        statuses = set(operation["responses"])
        assert {"200", "400", "401", "403", "404", "429"} <= statuses, (method, path)
        if method != "GET":
            assert {"409", "422"} <= statuses, (method, path)
        for status in statuses - {"200"}:
            ref = operation["responses"][status]["content"]["application/json"]["schema"]
            assert ref == {"$ref": "#/components/schemas/ErrorOut"}, (method, path, status)
        assert operation["security"] == [{"ApiKeyAuth": []}], (method, path)
        assert operation.get("summary"), (method, path)
        if method == "POST":
            names = [p["name"] for p in operation.get("parameters", [])]
            assert "Idempotency-Key" in names, (method, path)


def test_list_parameters_and_memo_schema(world):
    schema = _schema()
    memo_list = schema["paths"]["/api/v1/credit_memos"]["get"]
    names = {p["name"] for p in memo_list["parameters"]}
    assert names == {"status", "company_id", "user_id", "origin", "currency", "issued_from",
                     "issued_to", "q", "limit", "cursor"}
    limit = next(p for p in memo_list["parameters"] if p["name"] == "limit")
    assert (limit["schema"]["minimum"], limit["schema"]["maximum"],
            limit["schema"]["default"]) == (1, 100, 20)
    memo = schema["components"]["schemas"]["CreditMemoOut"]
    assert "reason" not in memo["required"]
    assert "remaining_amount" in memo["required"]
    assert schema["components"]["securitySchemes"]["ApiKeyAuth"]["scheme"] == "bearer"


def test_interactive_docs():
    response = Client().get("/api/v1/docs")
    assert response.status_code == 200
    assert b"/api/v1/openapi.json" in response.content
