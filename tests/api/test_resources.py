"""Every resource and action of the contract over HTTP, with worked numbers and the exact
shapes."""

import pytest

from credits.models import CreditMemo
from invoicing.models import Invoice
from tests.api.conftest import error_of

MEMO_KEYS = {"id", "object", "number", "status", "currency", "company_id", "billed_company_id",
             "user_id", "origin", "source_invoice_id", "reason_code", "reason", "memo",
             "issued_at", "created_at", "lines", "subtotal", "tax_total", "total",
             "applied_amount", "paid_out_amount", "closed_amount", "remaining_amount",
             "applications", "payouts", "auto_apply", "tax_clearance_id", "tax_clearance_url"}
MEMO_LINE_KEYS = {"id", "product_id", "name", "description", "quantity", "unit_price", "amount",
                  "tax_rate", "tax_amount", "total", "billing_action", "period_start",
                  "period_end", "subscription_id", "source_invoice_line_id", "custom_charge",
                  "tax_category", "tax_exemption_reason_code", "tax_exemption_reason"}
INVOICE_KEYS = {"id", "object", "number", "status", "company_id", "billed_company_id",
                "user_id", "currency", "issued_at", "due_date", "created_at", "lines",
                "subtotal", "discount_total", "tax_total", "total", "amount_credited",
                "amount_paid", "amount_due", "credit_applications", "tax_clearance_id",
                "tax_clearance_url"}
INVOICE_LINE_KEYS = {"id", "product_id", "name", "description", "quantity", "unit_price",
                     "discount_amount", "amount", "tax_rate", "tax_amount", "total",
                     "billing_action", "period_start", "period_end", "subscription_id",
                     "credited_amount", "tax_category", "tax_exemption_reason_code",
                     "tax_exemption_reason"}


@pytest.fixture
def manager(api):
    return api("manager")


def ok(response):
    assert response.status_code == 200, response.content
    return response.json()


def test_marketplace_and_its_settings(world, manager):
    body = ok(manager.get("/marketplace"))
    assert body == {
        "id": str(world.mp.id), "object": "marketplace", "slug": world.mp.slug,
        "name": "Acme Market", "default_currency": "USD", "is_test": False,
        "own_company_id": body["own_company_id"],
        "settings": {"invoice_number_prefix": "INV-", "credit_memo_number_prefix": "CM-",
                     "number_padding": 6, "auto_apply_credit_to_new_invoices": True,
                     "company_wide_billing": False}}
    own = ok(manager.get(f"/companies/{body['own_company_id']}"))
    assert own["name"] == "Acme Market"

    changed = ok(manager.patch("/marketplace/settings", {
        "credit_memo_number_prefix": "CR-", "number_padding": 3,
        "auto_apply_credit_to_new_invoices": False}))
    assert changed["settings"]["credit_memo_number_prefix"] == "CR-"
    assert changed["settings"]["number_padding"] == 3
    memo = ok(manager.post("/credit_memos", {
        "company_id": str(world.mine.id), "reason_code": "goodwill",
        "lines": [{"name": "Sorry", "quantity": "1", "unit_price": "5.00"}]}))
    assert memo["number"] == "CR-001"

    for bad in ({"number_padding": 21}, {"number_padding": "6"}, {"surprise": True},
                {"company_wide_billing": "yes"}, {"invoice_number_prefix": None}):
        response = manager.patch("/marketplace/settings", bad)
        assert response.status_code == 400, (bad, response.content)


def test_companies_users_balance_and_check(world, manager):
    company = ok(manager.post("/companies", {
        "name": "Hooli", "credit_limit": "500.00", "vat_id": "DK12345678",
        "address": {"line1": "1 Main St", "city": "Aarhus", "postal_code": "8000",
                    "country": "DK"}, "peppol_id": "0088:5790000435975",
        "billing_email": "ap@hooli.example"}))
    assert company == {
        "id": company["id"], "object": "company", "name": "Hooli", "currency": "USD",
        "is_reseller": False, "reseller_id": None, "credit_limit": "500.00",
        "legal_name": "Hooli", "vat_id": "DK12345678",
        "address": {"line1": "1 Main St", "line2": None, "city": "Aarhus",
                    "postal_code": "8000", "state": None, "country": "DK"},
        "peppol_id": "0088:5790000435975", "registration_id": None,
        "tax_registration_id": None, "iban": None, "bic": None, "reverse_charge": False,
        "contact_name": None, "telephone": None,
        "billing_email": "ap@hooli.example", "created_at": company["created_at"]}
    cid = company["id"]
    assert ok(manager.get(f"/companies/{cid}")) == company
    patched = ok(manager.patch(f"/companies/{cid}", {"name": "Hooli XYZ", "credit_limit": None,
                                                    "legal_name": "Hooli XYZ Inc."}))
    assert (patched["name"], patched["credit_limit"], patched["legal_name"]) == (
        "Hooli XYZ", None, "Hooli XYZ Inc.")
    ok(manager.patch(f"/companies/{cid}", {"credit_limit": "300.00"}))
    assert ok(manager.patch(f"/companies/{cid}", {"billing_email": "billing@hooli.example"})
              )["billing_email"] == "billing@hooli.example"
    assert manager.patch(f"/companies/{cid}", {"billing_email": "not-an-address"}
                         ).json()["error"]["param"] == "billing_email"

    user = ok(manager.post(f"/companies/{cid}/users", {"email": "Ann@Hooli.com",
                                                      "name": "Ann"}))
    assert user == {"id": user["id"], "object": "user", "email": "ann@hooli.com", "name": "Ann",
                    "company_id": cid}
    duplicate = manager.post(f"/companies/{cid}/users", {"email": "ann@hooli.com", "name": "A"})
    assert duplicate.status_code == 422 and error_of(duplicate)["code"] == "email_taken"

    invoice = ok(manager.post("/invoices", {"company_id": cid, "lines": [
        {"name": "Plan", "quantity": "2", "unit_price": "100.00"}]}))
    memo = ok(manager.post("/credit_memos", {
        "company_id": cid, "reason_code": "goodwill",
        "lines": [{"name": "Credit", "quantity": "1", "unit_price": "30.00"}]}))
    assert (invoice["amount_due"], memo["status"]) == ("200.00", "unapplied")
    assert ok(manager.get(f"/companies/{cid}/credit_balance")) == {
        "currency": "USD", "available_credit": "30.00", "outstanding": "200.00",
        "exposure": "170.00", "credit_limit": "300.00"}
    assert ok(manager.get(f"/companies/{cid}/credit_balance", {"currency": "EUR"})) == {
        "currency": "EUR", "available_credit": "0.00", "outstanding": "0.00",
        "exposure": "0.00", "credit_limit": "300.00"}
    assert manager.get(f"/companies/{cid}/credit_balance",
                       {"currency": "XXQ"}).status_code == 400
    assert ok(manager.post(f"/companies/{cid}/credit_check", {"amount": "130.00"})) == {
        "allowed": True, "exposure_after": "300.00", "credit_limit": "300.00"}
    assert ok(manager.post(f"/companies/{cid}/credit_check", {"amount": 130.01})) == {
        "allowed": False, "exposure_after": "300.01", "credit_limit": "300.00"}

    listed = ok(manager.get("/companies"))
    assert listed["object"] == "list" and listed["data"][0]["id"] == cid


def test_a_reseller_pays_for_its_customers_documents(manager):
    reseller = ok(manager.post("/companies", {"name": "Channel", "is_reseller": True}))
    end = ok(manager.post("/companies", {"name": "End", "reseller_id": reseller["id"]}))
    assert end["reseller_id"] == reseller["id"]
    invoice = ok(manager.post("/invoices", {"company_id": end["id"], "lines": [
        {"name": "Plan", "quantity": "1", "unit_price": "10.00"}]}))
    assert (invoice["company_id"], invoice["billed_company_id"]) == (reseller["id"], end["id"])


def test_products_with_search(manager):
    widget = ok(manager.post("/products", {"name": "Blue Widget", "sku": "BW-1"}))
    assert widget == {"id": widget["id"], "object": "product", "name": "Blue Widget",
                      "sku": "BW-1", "tax_category": "S", "tax_exemption_reason_code": "",
                      "tax_exemption_reason": ""}
    gadget = ok(manager.post("/products", {"name": "Gadget"}))
    assert gadget["sku"] is None
    assert [p["name"] for p in ok(manager.get("/products"))["data"]] == ["Gadget",
                                                                         "Blue Widget"]
    assert [p["name"] for p in ok(manager.get("/products", {"q": "widg"}))["data"]] == [
        "Blue Widget"]
    assert [p["name"] for p in ok(manager.get("/products", {"q": "bw-"}))["data"]] == [
        "Blue Widget"]
    assert ok(manager.get("/products", {"q": "nothing"}))["data"] == []


def test_invoice_with_discount_tax_and_a_negative_line(world, manager):
    product = ok(manager.post("/products", {"name": "Seat"}))
    invoice = ok(manager.post("/invoices", {
        "company_id": str(world.mine.id), "due_date": "2026-03-31", "lines": [
            {"product_id": product["id"], "quantity": "3", "unit_price": "19.99",
             "discount_amount": "5.00", "tax_rate": "0.25", "billing_action": "renewal",
             "period_start": "2026-03-01", "period_end": "2026-03-31"},
            {"name": "Promo", "description": "Launch promo", "quantity": 1,
             "unit_price": "-10.00"}]}))
    assert set(invoice) == INVOICE_KEYS
    assert {k for line in invoice["lines"] for k in line} == INVOICE_LINE_KEYS
    first, second = invoice["lines"]
    # 3 x 19.99 = 59.97, less 5.00 = 54.97 net; tax 25 % = 13.7425 -> 13.74 (half-up).
    assert (first["name"], first["amount"], first["tax_amount"], first["total"]) == (
        "Seat", "54.97", "13.74", "68.71")
    assert (second["amount"], second["total"]) == ("-10.00", "-10.00")
    assert (invoice["subtotal"], invoice["discount_total"], invoice["tax_total"],
            invoice["total"], invoice["amount_due"]) == ("49.97", "5.00", "13.74", "58.71",
                                                         "58.71")
    assert (invoice["status"], invoice["number"], invoice["due_date"]) == (
        "open", "INV-000001", "2026-03-31")
    assert ok(manager.get(f"/invoices/{invoice['id']}")) == invoice

    negative = manager.post("/invoices", {"company_id": str(world.mine.id), "lines": [
        {"name": "Credit", "quantity": "1", "unit_price": "-1.00"}]})
    assert negative.status_code == 422
    assert error_of(negative)["code"] == "negative_invoice_total"


def test_draft_finalize_void_payments_and_refunds(world, manager):
    cid = str(world.mine.id)
    draft = ok(manager.post("/invoices", {"company_id": cid, "finalize": False, "lines": [
        {"name": "Plan", "quantity": "1", "unit_price": "120.00"}]}))
    assert (draft["status"], draft["number"], draft["issued_at"]) == ("draft", None, None)
    issued = ok(manager.post(f"/invoices/{draft['id']}/finalize"))
    assert (issued["status"], issued["number"]) == ("open", "INV-000001")
    again = manager.post(f"/invoices/{draft['id']}/finalize")
    assert (again.status_code, error_of(again)["type"]) == (409, "conflict")

    payment = ok(manager.post(f"/invoices/{issued['id']}/payments", {"amount": "100.00"}))
    assert payment == {"id": payment["id"], "object": "payment", "invoice_id": issued["id"],
                       "amount": "100.00", "refunded_amount": "0.00", "method": "card",
                       "status": "succeeded", "created_at": payment["created_at"]}
    too_much = manager.post(f"/invoices/{issued['id']}/payments", {"amount": "20.01"})
    assert (too_much.status_code, error_of(too_much)["code"]) == (422, "exceeds_amount_due")
    not_voidable = manager.post(f"/invoices/{issued['id']}/void")
    assert (not_voidable.status_code, error_of(not_voidable)["code"]) == (409, "not_voidable")

    refund = ok(manager.post(f"/payments/{payment['id']}/refunds", {"amount": "40.00"}))
    assert refund == {"id": refund["id"], "object": "refund", "payment_id": payment["id"],
                      "amount": "40.00", "status": "succeeded",
                      "credit_memo_id": refund["credit_memo_id"],
                      "created_at": refund["created_at"]}
    memo = ok(manager.get(f"/credit_memos/{refund['credit_memo_id']}"))
    assert (memo["origin"], memo["source_invoice_id"], memo["total"], memo["status"],
            memo["paid_out_amount"]) == ("refund", issued["id"], "40.00", "paid_out", "40.00")
    over = manager.post(f"/payments/{payment['id']}/refunds", {"amount": "60.01"})
    assert (over.status_code, error_of(over)["code"]) == (422, "exceeds_refundable_amount")
    after = ok(manager.get(f"/invoices/{issued['id']}"))
    assert (after["amount_paid"], after["amount_due"], after["status"]) == (
        "100.00", "20.00", "open")

    fresh = ok(manager.post("/invoices", {"company_id": cid, "lines": [
        {"name": "Plan", "quantity": "1", "unit_price": "10.00"}]}))
    voided = ok(manager.post(f"/invoices/{fresh['id']}/void"))
    assert (voided["status"], voided["id"]) == ("void", fresh["id"])


def test_credit_from_invoice_with_amount_and_quantity_lines(world, manager):
    invoice = ok(manager.post("/invoices", {"company_id": str(world.mine.id), "lines": [
        {"name": "Seats", "quantity": "10", "unit_price": "15.00", "tax_rate": "0.20"},
        {"name": "Setup", "quantity": "1", "unit_price": "200.00", "tax_rate": "0.20"}]}))
    seats, setup = invoice["lines"]
    body = {"reason_code": "overcharge", "reason": "double billed", "memo": "Sorry!",
            "lines": [{"invoice_line_id": seats["id"], "quantity": "2"},
                      {"invoice_line_id": setup["id"], "amount": "50.00"}]}
    preview = ok(manager.post(f"/invoices/{invoice['id']}/credit_memos/preview", body))
    assert (preview["id"], preview["number"], preview["issued_at"]) == (None, None, None)
    assert CreditMemo.objects.count() == 0

    memo = ok(manager.post(f"/invoices/{invoice['id']}/credit_memos", body))
    assert set(memo) == MEMO_KEYS
    assert {k for line in memo["lines"] for k in line} == MEMO_LINE_KEYS
    # 2 seats x 15.00 = 30.00 + 6.00 tax; 50.00 + 10.00 tax: total 96.00, applied at once.
    assert [(line["quantity"], line["amount"], line["tax_amount"], line["total"],
             line["source_invoice_line_id"], line["custom_charge"]) for line in memo["lines"]] == [
        ("2", "30.00", "6.00", "36.00", seats["id"], False),
        ("1", "50.00", "10.00", "60.00", setup["id"], False)]
    assert (memo["subtotal"], memo["tax_total"], memo["total"], memo["applied_amount"],
            memo["remaining_amount"], memo["status"], memo["number"]) == (
        "80.00", "16.00", "96.00", "96.00", "0.00", "fully_applied", "CM-000001")
    assert (memo["reason"], memo["memo"], memo["origin"]) == ("double billed", "Sorry!",
                                                             "invoice")
    for name in ("subtotal", "tax_total", "total", "reason_code", "reason", "memo"):
        assert preview[name] == memo[name], name
    assert [{**line, "id": None} for line in memo["lines"]] == preview["lines"]
    invoice = ok(manager.get(f"/invoices/{invoice['id']}"))
    # 150.00 + 30.00 tax + 200.00 + 40.00 tax = 420.00, less 96.00 credited.
    assert (invoice["amount_credited"], invoice["amount_due"]) == ("96.00", "324.00")
    assert [line["credited_amount"] for line in invoice["lines"]] == ["30.00", "50.00"]
    assert invoice["credit_applications"][0]["credit_memo_number"] == "CM-000001"

    both = manager.post(f"/invoices/{invoice['id']}/credit_memos", {
        "reason_code": "overcharge", "lines": [
            {"invoice_line_id": seats["id"], "quantity": "1", "amount": "1.00"}]})
    assert both.status_code == 400
    too_much = manager.post(f"/invoices/{invoice['id']}/credit_memos", {
        "reason_code": "overcharge", "lines": [{"invoice_line_id": setup["id"],
                                                "amount": "150.01"}]})
    assert (too_much.status_code, error_of(too_much)["code"]) == (
        422, "exceeds_creditable_amount")


def test_draft_memo_then_issue_applies_as_created(world, manager):
    invoice = ok(manager.post("/invoices", {"company_id": str(world.mine.id), "lines": [
        {"name": "Plan", "quantity": "1", "unit_price": "80.00"}]}))
    draft = ok(manager.post(f"/invoices/{invoice['id']}/credit_memos",
                            {"reason_code": "duplicate", "draft": True}))
    assert (draft["status"], draft["number"], draft["issued_at"], draft["total"]) == (
        "draft", None, None, "80.00")
    issued = ok(manager.post(f"/credit_memos/{draft['id']}/issue"))
    assert (issued["status"], issued["number"], issued["applied_amount"]) == (
        "fully_applied", "CM-000001", "80.00")
    assert ok(manager.get(f"/invoices/{invoice['id']}"))["status"] == "paid"


def test_ad_hoc_memo_apply_reverse_auto_apply_payout_close_void(world, manager):
    cid = str(world.mine.id)
    first = ok(manager.post("/invoices", {"company_id": cid, "due_date": "2026-02-01",
                                          "lines": [{"name": "A", "quantity": "1",
                                                     "unit_price": "40.00"}]}))
    second = ok(manager.post("/invoices", {"company_id": cid, "due_date": "2026-01-15",
                                           "lines": [{"name": "B", "quantity": "1",
                                                      "unit_price": "25.00"}]}))
    memo = ok(manager.post("/credit_memos", {
        "company_id": cid, "reason_code": "service_credit", "reason": "outage",
        "lines": [{"name": "Outage credit", "description": "4 h down", "quantity": "2",
                   "unit_price": "50.00"}]}))
    assert (memo["origin"], memo["total"], memo["status"], memo["auto_apply"]) == (
        "ad_hoc", "100.00", "unapplied", False)
    assert memo["lines"][0]["custom_charge"] is True

    applied = ok(manager.post(f"/credit_memos/{memo['id']}/applications",
                              {"invoice_id": first["id"], "amount": "15.00"}))
    assert (applied["id"], applied["applied_amount"], applied["remaining_amount"],
            applied["status"]) == (memo["id"], "15.00", "85.00", "partially_applied")
    application = applied["applications"][0]
    assert (application["invoice_id"], application["amount"], application["reversed_at"]) == (
        first["id"], "15.00", None)

    reversed_ = ok(manager.post(
        f"/credit_memos/{memo['id']}/applications/{application['id']}/reverse",
        {"amount": "5.00"}))
    assert (reversed_["applied_amount"], reversed_["remaining_amount"],
            reversed_["applications"][0]["amount"]) == ("10.00", "90.00", "10.00")
    over = manager.post(f"/credit_memos/{memo['id']}/applications/{application['id']}/reverse",
                        {"amount": "10.01"})
    assert (over.status_code, error_of(over)["code"]) == (422, "exceeds_applied_amount")

    # Oldest due date first: the second invoice (25.00) then 30.00 of the first's 30.00 due.
    auto = ok(manager.post(f"/credit_memos/{memo['id']}/auto_apply"))
    assert (auto["applied_amount"], auto["remaining_amount"]) == ("65.00", "35.00")
    assert ok(manager.get(f"/invoices/{second['id']}"))["status"] == "paid"
    assert ok(manager.get(f"/invoices/{first['id']}"))["amount_due"] == "0.00"

    paid = ok(manager.post(f"/credit_memos/{memo['id']}/payouts", {"amount": "10.00",
                                                                  "method": "bank"}))
    assert (paid["paid_out_amount"], paid["remaining_amount"]) == ("10.00", "25.00")
    assert [(p["amount"], p["method"], p["status"]) for p in paid["payouts"]] == [
        ("10.00", "bank", "pending")]
    over = manager.post(f"/credit_memos/{memo['id']}/payouts", {"amount": "25.01"})
    assert (over.status_code, error_of(over)["code"]) == (422, "exceeds_remaining")

    not_voidable = manager.post(f"/credit_memos/{memo['id']}/void")
    assert (not_voidable.status_code, error_of(not_voidable)["code"]) == (409, "not_voidable")
    closed = ok(manager.post(f"/credit_memos/{memo['id']}/close", {"reason": "expired"}))
    assert (closed["status"], closed["closed_amount"], closed["remaining_amount"]) == (
        "closed", "25.00", "0.00")
    applying_closed = manager.post(f"/credit_memos/{memo['id']}/applications",
                                   {"invoice_id": first["id"]})
    assert applying_closed.status_code == 409

    spare = ok(manager.post("/credit_memos", {"company_id": cid, "reason_code": "goodwill",
                                              "lines": [{"name": "Gift", "quantity": "1",
                                                         "unit_price": "5.00"}]}))
    voided = ok(manager.post(f"/credit_memos/{spare['id']}/void"))
    assert (voided["status"], voided["total"]) == ("void", "5.00")


def test_ad_hoc_with_auto_apply_and_the_rules(world, manager):
    cid = str(world.mine.id)
    invoice = ok(manager.post("/invoices", {"company_id": cid, "lines": [
        {"name": "A", "quantity": "1", "unit_price": "40.00"}]}))
    memo = ok(manager.post("/credit_memos", {
        "company_id": cid, "reason_code": "goodwill", "auto_apply": True,
        "lines": [{"name": "Gift", "quantity": "1", "unit_price": "50.00"}]}))
    assert (memo["auto_apply"], memo["applied_amount"], memo["remaining_amount"]) == (
        True, "40.00", "10.00")
    euro = ok(manager.post("/invoices", {"company_id": cid, "currency": "EUR", "lines": [
        {"name": "A", "quantity": "1", "unit_price": "40.00"}]}))
    mismatch = manager.post(f"/credit_memos/{memo['id']}/applications",
                            {"invoice_id": euro["id"]})
    assert (mismatch.status_code, error_of(mismatch)["code"]) == (422, "currency_mismatch")
    not_open = manager.post(f"/credit_memos/{memo['id']}/applications",
                            {"invoice_id": invoice["id"]})
    assert (not_open.status_code, error_of(not_open)["code"]) == (422, "invoice_not_open")
    own = manager.post("/credit_memos", {
        "company_id": ok(manager.get("/marketplace"))["own_company_id"],
        "reason_code": "goodwill", "lines": [{"name": "x", "quantity": "1",
                                              "unit_price": "1.00"}]})
    assert (own.status_code, error_of(own)["code"]) == (422, "own_company")


def test_ad_hoc_preview_stores_nothing(world, manager):
    body = {"company_id": str(world.mine.id), "reason_code": "goodwill", "reason": "vip",
            "lines": [{"name": "Gift", "quantity": "3", "unit_price": "3.33",
                       "tax_rate": "0.10"}]}
    preview = ok(manager.post("/credit_memos/preview", body))
    assert (preview["id"], preview["number"], preview["status"], preview["subtotal"],
            preview["tax_total"], preview["total"], preview["reason"]) == (
        None, None, "draft", "9.99", "1.00", "10.99", "vip")
    assert CreditMemo.objects.count() == 0


def test_memo_events_oldest_first_and_the_event_list(world, manager):
    invoice = ok(manager.post("/invoices", {"company_id": str(world.mine.id), "lines": [
        {"name": "A", "quantity": "1", "unit_price": "40.00"}]}))
    memo = ok(manager.post("/credit_memos", {
        "company_id": str(world.mine.id), "reason_code": "goodwill", "reason": "secret",
        "lines": [{"name": "Gift", "quantity": "1", "unit_price": "50.00"}]}))
    ok(manager.post(f"/credit_memos/{memo['id']}/applications",
                    {"invoice_id": invoice["id"]}))
    trail = ok(manager.get(f"/credit_memos/{memo['id']}/events"))
    assert [e["type"] for e in trail["data"]] == ["credit_memo.issued", "credit_memo.applied"]
    assert set(trail["data"][0]) == {"id", "object", "type", "at", "actor", "data"}
    assert trail["data"][1]["data"]["applied_amount"] == "40.00"
    assert all("reason" not in e["data"] for e in trail["data"])

    events = ok(manager.get("/events"))["data"]
    assert [e["type"] for e in events] == ["credit_memo.applied", "invoice.paid",
                                           "credit_memo.issued", "invoice.issued"]
    paid = ok(manager.get("/events", {"type": "invoice.paid"}))["data"]
    assert [(e["type"], e["data"]["id"]) for e in paid] == [("invoice.paid", invoice["id"])]
    # A type Abate records that has not occurred matches nothing; any other is a 400.
    assert ok(manager.get("/events", {"type": "credit_memo.voided"}))["data"] == []
    for unknown in ("nothing.happened", "Not A Type"):
        refused = manager.get("/events", {"type": unknown})
        assert (refused.status_code, error_of(refused)["param"]) == (400, "type")
    assert Invoice.objects.count() == 1
