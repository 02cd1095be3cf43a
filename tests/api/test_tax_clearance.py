"""A Greek seller over HTTP: its contact and registration in the company's party data, a
tax clearance (myDATA MARK) recorded on an issued invoice and memo, and the e-invoice that
then carries it; refused without it, and for a role that may not change invoices."""

from lxml import etree

from customers import services as customers
from tests.api.conftest import error_of

NS = {"cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
      "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"}
MARK = "400001000000123"


def ok(response):
    assert response.status_code == 200, response.content
    return response.json()


def refused(response, status, code, param=None):
    error = error_of(response)
    assert (response.status_code, error["code"]) == (status, code), response.content
    if param:
        assert error["param"] == param
    return error


def test_greek_seller_records_the_mark_its_e_invoice_carries(world, api, mp):
    manager = api("manager")
    own = customers.own_company(marketplace=mp)
    seller = ok(manager.patch(f"/companies/{own.id}", {
        "legal_name": "Agora Market AE", "vat_id": "EL094014201",
        "peppol_id": "9933:094014201", "contact_name": "Logistirio",
        "telephone": "+30 210 1234567", "iban": "GR16 0110 1250 0000 0001 2300 695",
        "address": {"line1": "Ermou 1", "city": "Athina", "postal_code": "10563",
                    "country": "GR"}}))
    assert (seller["contact_name"], seller["telephone"], seller["iban"]) == (
        "Logistirio", "+30 210 1234567", "GR1601101250000000012300695")
    refused(manager.patch(f"/companies/{own.id}", {"telephone": "call me"}), 400, "invalid",
            "telephone")
    buyer = ok(manager.post("/companies", {
        "name": "Hellas Trade", "legal_name": "Hellas Trade EPE", "vat_id": "EL090000045",
        "peppol_id": "9933:090000045", "address": {"line1": "Stadiou 2", "city": "Athina",
                                                   "postal_code": "10564",
                                                   "country": "GR"}}))
    invoice = ok(manager.post("/invoices", {"company_id": buyer["id"], "currency": "EUR",
                                            "lines": [{"name": "Listing fee", "quantity": "1",
                                                       "unit_price": "100.00",
                                                       "tax_rate": "0.24"}]}))
    assert invoice["tax_clearance_id"] is None
    refused(manager.get(f"/invoices/{invoice['id']}/ubl"), 422, "incomplete_party_data",
            "tax_clearance_id")

    path = f"/invoices/{invoice['id']}/tax_clearance"
    refused(api("developer").post(path, {"tax_clearance_id": MARK}), 403, "forbidden")
    refused(manager.post(path, {"tax_clearance_id": "has spaces"}), 400, "invalid",
            "tax_clearance_id")
    cleared = ok(manager.post(path, {"tax_clearance_id": MARK,
                                     "tax_clearance_url": f"https://mydata.aade.gr/{MARK}"}))
    assert (cleared["tax_clearance_id"], cleared["tax_clearance_url"]) == (
        MARK, f"https://mydata.aade.gr/{MARK}")
    # Again the same: unchanged; another: 409, the first one stays.
    ok(manager.post(path, {"tax_clearance_id": MARK,
                           "tax_clearance_url": f"https://mydata.aade.gr/{MARK}"}))
    refused(manager.post(path, {"tax_clearance_id": "400001000000999"}), 409,
            "already_cleared")
    assert ok(manager.get(f"/invoices/{invoice['id']}"))["tax_clearance_id"] == MARK

    xml = manager.get(f"/invoices/{invoice['id']}/ubl")
    assert xml.status_code == 200, xml.content
    root = etree.fromstring(xml.content)
    assert root.xpath("//cac:AdditionalDocumentReference[cbc:DocumentDescription="
                      "'##M.AR.K##']/cbc:ID/text()", namespaces=NS) == [MARK]
    assert root.xpath("/*/cbc:ID/text()", namespaces=NS)[0].startswith("094014201|")
    events = ok(manager.get("/events", {"type": "invoice.tax_clearance_recorded"}))["data"]
    assert [e["data"]["tax_clearance_id"] for e in events] == [MARK]

    draft = ok(manager.post("/credit_memos", {
        "company_id": buyer["id"], "reason_code": "goodwill", "draft": True,
        "lines": [{"name": "Goodwill", "quantity": "1", "unit_price": "10.00",
                   "tax_rate": "0.24"}]}))
    refused(manager.post(f"/credit_memos/{draft['id']}/tax_clearance",
                         {"tax_clearance_id": MARK}), 409, "invalid_state")
    refused(manager.post("/credit_memos/00000000-0000-4000-8000-000000000000/tax_clearance",
                         {"tax_clearance_id": MARK}), 404, "not_found")
