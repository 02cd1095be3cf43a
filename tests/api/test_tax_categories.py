"""Tax categories over HTTP: a line's category and exemption reason in, out and read back;
products' default category; a company's reverse charge and party data; the errors (422
invalid_tax, 400 for a value of the wrong form); the OpenAPI enum component."""

from tests.api.conftest import error_of


def ok(response):
    assert response.status_code == 200, response.content
    return response.json()


def _tax(line):
    return (line["tax_category"], line["tax_rate"], line["tax_exemption_reason_code"],
            line["tax_exemption_reason"], line["amount"], line["tax_amount"])


def test_invoice_with_s_e_and_ae_lines_round_trip(api, world):
    manager = api("manager")
    ok(manager.patch(f"/companies/{world.mp.company_set.get(is_own=True).id}",
                     {"vat_id": "DE123456789"}))
    buyer = ok(manager.post("/companies", {
        "name": "Initech BV", "vat_id": "NL123456789B01", "reverse_charge": True,
        "registration_id": "0106:12345678", "iban": "NL91 ABNA 0417 1643 00",
        "bic": "abnanl2a"}))
    assert (buyer["reverse_charge"], buyer["iban"], buyer["bic"], buyer["registration_id"],
            buyer["tax_registration_id"]) == (True, "NL91ABNA0417164300", "ABNANL2A",
                                              "0106:12345678", None)
    invoice = ok(manager.post("/invoices", {"company_id": buyer["id"], "lines": [
        {"name": "Hosting", "quantity": "1", "unit_price": "100.00", "tax_rate": "0.19",
         "tax_category": "S"},
        {"name": "Medical check", "quantity": "1", "unit_price": "50.00",
         "tax_category": "E", "tax_exemption_reason_code": "VATEX-EU-132-1I",
         "tax_exemption_reason": "Medical care"},
        {"name": "Consulting", "quantity": "1", "unit_price": "30.00", "tax_rate": "0.19"},
    ]}))
    assert (invoice["subtotal"], invoice["tax_total"], invoice["total"]) == (
        "180.00", "19.00", "199.00")
    assert [_tax(line) for line in invoice["lines"]] == [
        ("S", "0.19", "", "", "100.00", "19.00"),
        ("E", "0", "VATEX-EU-132-1I", "Medical care", "50.00", "0.00"),
        ("AE", "0", "VATEX-EU-AE", "Reverse charge", "30.00", "0.00")]
    assert ok(manager.get(f"/invoices/{invoice['id']}")) == invoice
    # A partial credit of the exempt line keeps its category and reason.
    memo = ok(manager.post(f"/invoices/{invoice['id']}/credit_memos", {
        "reason_code": "overcharge",
        "lines": [{"invoice_line_id": invoice["lines"][1]["id"], "amount": "20.00"}]}))
    assert [_tax(line) for line in memo["lines"]] == [
        ("E", "0", "VATEX-EU-132-1I", "Medical care", "20.00", "0.00")]


def test_products_and_ad_hoc_lines(api, world):
    manager = api("manager")
    course = ok(manager.post("/products", {
        "name": "Course", "tax_category": "E", "tax_exemption_reason": "School education"}))
    assert (course["tax_category"], course["tax_exemption_reason_code"],
            course["tax_exemption_reason"]) == ("E", "", "School education")
    preview = ok(manager.post("/credit_memos/preview", {
        "company_id": str(world.mine.id), "reason_code": "goodwill",
        "lines": [{"product_id": course["id"], "quantity": "2", "unit_price": "10.00"},
                  {"name": "Export", "quantity": "1", "unit_price": "5.00",
                   "tax_category": "G"}]}))
    assert [_tax(line) for line in preview["lines"]] == [
        ("E", "0", "", "School education", "20.00", "0.00"),
        ("G", "0", "VATEX-EU-G", "Export outside the EU", "5.00", "0.00")]


def test_errors(api, world):
    manager = api("manager")
    body = {"company_id": str(world.mine.id), "lines": [
        {"name": "Seats", "quantity": "1", "unit_price": "10.00", "tax_rate": "0.19",
         "tax_category": "Z"}]}
    response = manager.post("/invoices", body)
    assert response.status_code == 422
    assert (error_of(response)["code"], error_of(response)["param"]) == (
        "invalid_tax", "lines[0].tax_rate")
    body["lines"] = [{"name": "A", "quantity": "1", "unit_price": "1.00", "tax_category": "O"},
                     {"name": "B", "quantity": "1", "unit_price": "1.00",
                      "tax_rate": "0.2"}]
    response = manager.post("/invoices", body)
    assert (response.status_code, error_of(response)["code"]) == (422, "invalid_tax")
    body["lines"] = [{"name": "A", "quantity": "1", "unit_price": "1.00",
                      "tax_category": "XX"}]
    response = manager.post("/invoices", body)
    assert response.status_code == 400
    assert error_of(response)["param"] == "lines[0].tax_category"
    response = manager.post("/products", {"name": "P", "tax_category": "E"})
    assert (response.status_code, error_of(response)["code"],
            error_of(response)["param"]) == (422, "invalid_tax", "tax_exemption_reason")
    # An IBAN's form with wrong check digits: a rule no pattern holds (422); another form: 400.
    response = manager.post("/companies", {"name": "X", "iban": "DE00370400440532013000"})
    assert (response.status_code, error_of(response)["code"], error_of(response)["param"]) == (
        422, "invalid_iban", "iban")
    response = manager.post("/companies", {"name": "X", "iban": "DE89-3704"})
    assert (response.status_code, error_of(response)["param"]) == (400, "iban")
    # reverse_charge null is "not given".
    company = ok(manager.post("/companies", {"name": "Y", "reverse_charge": None}))
    assert company["reverse_charge"] is False


def test_openapi_tax_category_is_one_enum_component(api):
    schema = ok(api("manager").get("/openapi.json"))
    components = schema["components"]["schemas"]
    assert components["TaxCategory"]["enum"] == ["S", "Z", "E", "AE", "K", "G", "O"]
    ref = "#/components/schemas/TaxCategory"
    for name in ("InvoiceLineIn", "AdHocLineIn", "ProductIn"):
        field = components[name]["properties"]["tax_category"]
        assert ref in [part.get("$ref") for part in field.get("anyOf", [field])], name
    for name in ("InvoiceLineOut", "MemoLineOut", "ProductOut"):
        assert components[name]["properties"]["tax_category"]["$ref"] == ref, name
    assert components["CompanyOut"]["properties"]["reverse_charge"]["type"] == "boolean"


def test_a_product_changes_its_default_tax_and_written_lines_keep_theirs(api, world):
    manager = api("manager")
    product = ok(manager.post("/products", {"name": "Hosting", "sku": "H-1"}))
    invoice = ok(manager.post("/invoices", {
        "company_id": str(world.mine.id),
        "lines": [{"product_id": product["id"], "quantity": "1", "unit_price": "100.00",
                   "tax_rate": "0.19"}]}))
    path = f"/products/{product['id']}"
    changed = ok(manager.patch(path, {"tax_category": "E",
                                      "tax_exemption_reason_code": "VATEX-EU-132-1B",
                                      "tax_exemption_reason": "Medical care"}))
    assert (changed["name"], changed["sku"], changed["tax_category"],
            changed["tax_exemption_reason_code"]) == ("Hosting", "H-1", "E", "VATEX-EU-132-1B")
    # A line of it now takes E at 0 % (a rate above 0 with E is refused) ...
    refused = manager.post("/invoices", {
        "company_id": str(world.mine.id),
        "lines": [{"product_id": product["id"], "quantity": "1", "unit_price": "10.00",
                   "tax_rate": "0.19"}]})
    assert (refused.status_code, error_of(refused)["code"]) == (422, "invalid_tax")
    exempt = ok(manager.post("/invoices", {
        "company_id": str(world.mine.id),
        "lines": [{"product_id": product["id"], "quantity": "1", "unit_price": "10.00"}]}))
    assert _tax(exempt["lines"][0])[:3] == ("E", "0", "VATEX-EU-132-1B")
    # ... while the invoice written before keeps S at 19 %.
    before = ok(manager.get(f"/invoices/{invoice['id']}"))
    assert _tax(before["lines"][0]) == ("S", "0.19", "", "", "100.00", "19.00")
    # Back to S: the reason goes with the old category; null clears the SKU.
    back = ok(manager.patch(path, {"tax_category": "S", "sku": None}))
    assert (back["sku"], back["tax_category"], back["tax_exemption_reason_code"],
            back["tax_exemption_reason"]) == (None, "S", "", "")
    for body, status, code in (({"tax_category": "E"}, 422, "invalid_tax"),
                               ({"tax_category": None}, 400, "invalid"),
                               ({"name": None}, 400, "invalid"),
                               ({"price": "1"}, 400, "unknown_parameter")):
        answer = manager.patch(path, body)
        assert (answer.status_code, error_of(answer)["code"]) == (status, code), body
    assert api("billing").patch(path, {"name": "X"}).status_code == 200
    assert api("developer").patch(path, {"name": "Y"}).status_code == 403
    assert manager.patch("/products/00000000-0000-4000-8000-000000000000",
                         {"name": "Z"}).status_code == 404
    assert ok(manager.get("/products", {"q": "H-1"}))["data"] == []
