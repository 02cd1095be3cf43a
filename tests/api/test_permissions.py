"""The contract's role table, customer confinement and marketplace isolation, walked over
every endpoint. A refused call changes nothing."""

import re
import uuid

import pytest

from customers import services as customers
from marketplaces.models import ROLES
from tests.api.conftest import ApiClient, World, error_of, key_for
from tests.api.endpoints import ENDPOINTS
from tests.conftest import T0, Clock, row_counts

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# Endpoints whose path names a draft: a customer never sees a draft (customers.selectors),
# so its key gets 404 for its own company's, as for any document it may not see.
ON_A_DRAFT = {"invoice_finalize", "credit_memo_issue"}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=str)
def test_every_role_gets_the_contracts_answer_from_every_endpoint(world, endpoint, role):
    path, body = endpoint.build(world, world.mine)
    before = row_counts()
    response = world.client(role).request(endpoint.method, path, body)
    if role in endpoint.roles:
        assert response.status_code == 200, response.content
    elif role == "customer" and endpoint.name in ON_A_DRAFT:
        assert response.status_code == 404, response.content
        assert row_counts() == before
    else:
        assert response.status_code == 403, response.content
        assert error_of(response)["type"] == "permission"
        assert row_counts() == before


@pytest.mark.parametrize("endpoint", [e for e in ENDPOINTS if e.names_object], ids=str)
def test_a_customer_key_gets_404_for_another_companys_objects(world, endpoint):
    path, body = endpoint.build(world, world.theirs)
    before = row_counts()
    response = world.client("customer").request(endpoint.method, path, body)
    assert response.status_code == 404, response.content
    assert error_of(response)["type"] == "not_found"
    assert row_counts() == before


def test_a_customer_key_lists_only_its_companys_documents(world):
    mine_invoice, theirs_invoice = world.invoice(world.mine), world.invoice(world.theirs)
    mine_memo, theirs_memo = world.memo(world.mine), world.memo(world.theirs)
    customer = world.client("customer")

    companies = customer.get("/companies").json()["data"]
    invoices = customer.get("/invoices").json()["data"]
    memos = customer.get("/credit_memos").json()["data"]

    assert [c["id"] for c in companies] == [str(world.mine.id)]
    assert [i["id"] for i in invoices] == [str(mine_invoice.id)]
    assert [m["id"] for m in memos] == [str(mine_memo.id)]
    filtered = customer.get("/credit_memos", {"company_id": str(world.theirs.id)}).json()
    assert filtered["data"] == []
    assert customer.get("/invoices", {"company_id": str(world.theirs.id)}).json()["data"] == []
    staff = world.client("billing").get("/credit_memos").json()["data"]
    assert {m["id"] for m in staff} == {str(mine_memo.id), str(theirs_memo.id)}
    assert str(theirs_invoice.id) in {i["id"] for i in world.client("developer")
                                      .get("/invoices").json()["data"]}


def test_a_customer_key_sees_documents_billed_to_its_company_through_a_reseller(world):
    reseller = customers.company_create(marketplace=world.mp, name="Resell Co",
                                        is_reseller=True, at=T0)
    end_customer = customers.company_create(marketplace=world.mp, name="End Co",
                                            reseller_id=reseller.id, at=T0)
    invoice = world.invoice(end_customer)
    assert invoice.company_id == reseller.id and invoice.billed_company_id == end_customer.id
    end_key = ApiClient(key_for(world.mp, "customer", end_customer))
    reseller_key = ApiClient(key_for(world.mp, "customer", reseller))

    assert end_key.get(f"/invoices/{invoice.id}").status_code == 200
    assert reseller_key.get(f"/invoices/{invoice.id}").status_code == 200
    assert [i["id"] for i in end_key.get("/invoices").json()["data"]] == [str(invoice.id)]
    # The reseller's key sees no company but its own, not even its end customer.
    assert end_key.get(f"/companies/{reseller.id}").status_code == 404
    assert reseller_key.get(f"/companies/{end_customer.id}").status_code == 404


@pytest.fixture
def other(db):
    """Another marketplace with a manager key."""
    marketplace = customers.marketplace_create(slug="elsewhere", name="Elsewhere", at=T0)
    return ApiClient(key_for(marketplace, "manager"))


@pytest.mark.parametrize("endpoint", [e for e in ENDPOINTS if e.names_object], ids=str)
def test_another_marketplaces_ids_answer_404_on_every_endpoint(world, other, endpoint):
    path, body = endpoint.build(world, world.mine)
    before = row_counts()
    response = other.request(endpoint.method, path, body)
    assert response.status_code == 404, response.content
    assert error_of(response)["type"] == "not_found"
    assert row_counts() == before


@pytest.mark.parametrize("endpoint", [e for e in ENDPOINTS if e.names_object], ids=str)
@pytest.mark.parametrize("stranger", ["not-an-id", "0", "%00", None], ids=["text", "zero",
                                                                          "nul", "new-uuid"])
def test_ids_that_name_nothing_answer_404_on_every_endpoint(world, endpoint, stranger):
    path, body = endpoint.build(world, world.mine)
    path = UUID.sub(lambda m: stranger or str(uuid.uuid4()), path)
    before = row_counts()
    response = world.client("manager").request(endpoint.method, path, body)
    assert response.status_code == 404, response.content
    assert row_counts() == before


BODY_IDS = [
    ("POST", "/invoices", lambda w: {"company_id": str(w.mine.id), "lines": [
        {"name": "x", "quantity": "1", "unit_price": "1.00"}]}, "company_id"),
    ("POST", "/credit_memos", lambda w: {"company_id": str(w.mine.id), "reason_code": "other",
                                         "lines": [{"name": "x", "quantity": "1",
                                                    "unit_price": "1.00"}]}, "company_id"),
    ("POST", "/credit_memos/preview", lambda w: {
        "company_id": str(w.mine.id), "reason_code": "other",
        "lines": [{"name": "x", "quantity": "1", "unit_price": "1.00"}]}, "company_id"),
    ("POST", "/companies", lambda w: {"name": "Sub", "reseller_id": str(w.mine.id)},
     "reseller_id"),
]


@pytest.mark.parametrize("method,path,body,param", BODY_IDS, ids=[b[1] for b in BODY_IDS])
def test_another_marketplaces_ids_in_a_body_answer_404_naming_the_field(world, other, method,
                                                                         path, body, param):
    before = row_counts()
    response = other.request(method, path, body(world))
    assert response.status_code == 404, response.content
    assert error_of(response)["param"] == param
    assert row_counts() == before


def test_another_marketplaces_ids_in_nested_body_fields_answer_404(world, db):
    """Lines' products, apply_to and an application's invoice, from another marketplace."""
    elsewhere = World(customers.marketplace_create(slug="nested", name="Nested", at=T0), Clock())
    foreign_product = world.product()
    foreign_invoice = world.invoice(world.mine)
    manager = elsewhere.client("manager")
    own_invoice = elsewhere.invoice(elsewhere.mine)
    own_memo = elsewhere.memo(elsewhere.mine)
    before = row_counts()

    line = manager.post("/invoices", {"company_id": str(elsewhere.mine.id), "lines": [
        {"product_id": str(foreign_product.id), "quantity": "1", "unit_price": "1.00"}]})
    apply_to = manager.post(f"/invoices/{own_invoice.id}/credit_memos",
                            {"reason_code": "overcharge", "apply_to": [str(foreign_invoice.id)]})
    application = manager.post(f"/credit_memos/{own_memo.id}/applications",
                               {"invoice_id": str(foreign_invoice.id)})

    assert (line.status_code, error_of(line)["param"]) == (404, "lines[0].product_id")
    assert (apply_to.status_code, error_of(apply_to)["param"]) == (404, "apply_to[0]")
    assert (application.status_code, error_of(application)["param"]) == (404, "invoice_id")
    assert row_counts() == before


def test_lists_never_show_another_marketplaces_objects(world, other):
    world.invoice(world.mine)
    world.memo(world.mine)
    world.product()
    for path in ("/companies", "/invoices", "/credit_memos", "/products", "/events"):
        assert other.get(path).json()["data"] == [] or path == "/companies", path
    companies = other.get("/companies").json()["data"]
    assert {c["name"] for c in companies} == {"Elsewhere"}  # its own company only
    assert other.get("/credit_memos", {"company_id": str(world.mine.id)}).json()["data"] == []


def test_no_key_or_a_bad_key_is_401_everywhere(world):
    for endpoint in ENDPOINTS:
        path, body = endpoint.build(world, world.mine)
        for client in (ApiClient(), ApiClient("abk_not-a-key"), ApiClient("garbage")):
            response = client.request(endpoint.method, path, body)
            assert response.status_code == 401, (endpoint, response.content)
            assert error_of(response) == {
                "type": "authentication", "code": "unauthenticated",
                "message": "a valid API key is required: Authorization: Bearer <key>",
                "param": None}


def test_a_revoked_key_is_401(world):
    from marketplaces.models import ApiKey

    ApiKey.objects.filter(role="manager", marketplace=world.mp).update(revoked_at=T0)
    assert world.client("manager").get("/marketplace").status_code == 401


def test_a_customer_key_never_sees_a_draft(world):
    """The one customer scope (customers.selectors.customer_documents), as the pages apply
    it: a draft of the customer's own company answers 404 and is in no list; staff see it."""
    invoice = world.invoice(world.mine, finalize=False)
    memo = world.memo(world.mine, draft=True)
    issued = world.invoice(world.mine)
    customer, manager = world.client("customer"), world.client("manager")
    for path in (f"/invoices/{invoice.id}", f"/credit_memos/{memo.id}",
                 f"/invoices/{invoice.id}/pdf", f"/credit_memos/{memo.id}/pdf"):
        assert customer.get(path).status_code == 404, path
        assert manager.get(path).status_code == 200, path
    assert [i["id"] for i in customer.get("/invoices").json()["data"]] == [str(issued.id)]
    assert str(memo.id) not in [m["id"] for m in customer.get("/credit_memos").json()["data"]]
    assert str(invoice.id) in [i["id"] for i in manager.get("/invoices").json()["data"]]
