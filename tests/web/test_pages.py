"""The pages through Django's test client: permissions as in the contract's table, a
customer's scope, messages beside fields, lost races, settings, and the create-user command.
What needs a browser (htmx, dialogs) is in test_browser.py."""

import datetime
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from credits import services as credits
from customers.services import own_company
from tests.conftest import fresh
from tests.web.conftest import PASSWORD
from web.dashboard import dashboard


def test_sign_in_refuses_a_wrong_password_and_keeps_the_email(client, make_page_user):
    email = make_page_user("manager")
    response = client.post("/sign-in", {"email": email, "password": "not it at all"})
    assert response.status_code == 400
    assert "The e-mail address or the password is not right." in response.text
    assert f'value="{email}"' in response.text
    assert client.get("/credit-memos").status_code == 302  # still signed out


def test_pages_send_a_signed_out_visitor_to_sign_in(client):
    response = client.get("/credit-memos?status=void")
    assert response.status_code == 302
    assert response["Location"] == "/sign-in?next=/credit-memos%3Fstatus%3Dvoid"


def test_a_manager_sees_the_credit_reason_and_other_roles_do_not(signed_in, customer, ad_hoc,
                                                                 client):
    memo = ad_hoc(customer, reason="Seats billed twice in March")
    url = f"/credit-memos/{memo.id}"
    assert "Seats billed twice in March" in signed_in("manager").get(url).text
    for role in ("billing", "developer"):
        client.logout()
        page = signed_in(role).get(url)
        assert page.status_code == 200
        assert "Seats billed twice in March" not in page.text
        assert "Credit reason" not in page.text
    client.logout()
    page = signed_in("customer", customer).get(url)
    assert page.status_code == 200 and "Seats billed twice" not in page.text


def test_roles_reach_only_the_pages_and_actions_the_contract_allows(signed_in, customer,
                                                                    ad_hoc, client):
    memo = ad_hoc(customer, amount="40.00")
    billing = signed_in("billing")
    assert billing.get("/settings/invoice-credit-memo").status_code == 403
    assert billing.get("/credit-memos/new").status_code == 403
    assert billing.post(f"/credit-memos/{memo.id}/void").status_code == 403
    client.logout()
    developer = signed_in("developer")
    assert developer.post(f"/credit-memos/{memo.id}/close").status_code == 403
    assert developer.post(f"/credit-memos/{memo.id}/payout").status_code == 403
    page = developer.get(f"/credit-memos/{memo.id}")
    assert "Void…" in page.text and "Apply credit" not in page.text
    assert fresh(memo).status == "unapplied"


def test_a_customer_sees_only_its_company(signed_in, make_company, make_invoice, ad_hoc):
    globex, umbrella = make_company("Globex"), make_company("Umbrella")
    mine, theirs = ad_hoc(globex, "25.00"), ad_hoc(umbrella, "35.00")
    their_invoice = make_invoice(umbrella, amount="300.00")
    client = signed_in("customer", globex)
    portal = client.get("/portal")
    assert mine.number in portal.text and theirs.number not in portal.text
    assert "25.00 USD" in portal.text  # available credit
    listed = client.get("/credit-memos").text
    assert mine.number in listed and theirs.number not in listed
    assert client.get(f"/credit-memos/{theirs.id}").status_code == 404
    assert client.get(f"/invoices/{their_invoice.id}").status_code == 404
    assert "0 results" in client.get(f"/credit-memos?customer={umbrella.id}").text
    assert client.get("/dashboard").status_code == 404
    assert client.post(f"/credit-memos/{mine.id}/void").status_code == 403
    assert client.post(f"/credit-memos/{theirs.id}/void").status_code == 404
    assert fresh(mine).status == "unapplied"


def test_a_lost_race_shows_the_message_and_the_fresh_state(signed_in, customer, ad_hoc,
                                                           make_invoice, mp, clock):
    memo = ad_hoc(customer, "100.00")
    invoice = make_invoice(customer, amount="100.00")  # auto-apply is on: it takes the memo
    assert fresh(memo).status == "fully_applied"
    client = signed_in("billing")
    # The page offered this invoice a moment ago; meanwhile someone applied the credit.
    response = client.post(f"/credit-memos/{memo.id}/apply",
                           {"invoice_id": str(invoice.id), "amount": "50.00"})
    assert response.status_code == 422
    assert "Apply failed: the invoice is paid" in response.text
    assert "Fully applied" in response.text and "0.00 USD" in response.text
    assert 'id="apply-form"' not in response.text
    assert fresh(invoice).amount_due == Decimal("0.00")


def test_an_applied_memo_cannot_be_voided_even_when_forced(signed_in, customer, ad_hoc,
                                                           make_invoice):
    make_invoice(customer, amount="30.00")
    memo = ad_hoc(customer, "100.00", auto_apply=True)
    assert fresh(memo).status == "partially_applied"
    client = signed_in("manager")
    assert "Void…" not in client.get(f"/credit-memos/{memo.id}").text
    response = client.post(f"/credit-memos/{memo.id}/void")
    assert response.status_code == 409
    assert "only a draft or an unapplied memo can be voided" in response.text
    assert fresh(memo).status == "partially_applied"


def test_apply_errors_show_beside_the_amount_with_what_was_typed(signed_in, customer, ad_hoc,
                                                                 make_invoice, mp):
    mp.auto_apply_credit_to_new_invoices = False
    mp.save()
    invoice = make_invoice(customer, amount="80.00")
    memo = ad_hoc(customer, "100.00")
    client = signed_in("manager")
    response = client.post(f"/credit-memos/{memo.id}/apply",
                           {"invoice_id": str(invoice.id), "amount": "90.00"})
    assert response.status_code == 422
    assert 'id="apply-amount-error"' in response.text
    assert "more than the invoice&#x27;s amount due 80.00" in response.text
    assert 'value="90.00"' in response.text
    ok = client.post(f"/credit-memos/{memo.id}/apply",
                     {"invoice_id": str(invoice.id), "amount": "80.00"})
    assert ok.status_code == 302
    assert fresh(invoice).amount_due == Decimal("0.00")
    assert fresh(memo).remaining_amount == Decimal("20.00")


def test_reverse_pay_out_and_close_from_the_page(signed_in, customer, ad_hoc, make_invoice):
    invoice = make_invoice(customer, amount="60.00")
    memo = ad_hoc(customer, "100.00", auto_apply=True)
    application = memo.applications.get()
    client = signed_in("billing")
    url = f"/credit-memos/{memo.id}"
    assert client.post(f"{url}/applications/{application.id}/reverse",
                       {"amount": "10.00"}).status_code == 302
    assert fresh(invoice).amount_due == Decimal("10.00")
    history = client.get(url).text
    assert "60.00 USD" in history and "−10.00 USD" in history  # applied, then reversed
    assert client.post(f"{url}/payout", {"amount": "30.00", "method": "card"}).status_code == 302
    assert client.post(f"{url}/close", {"close_reason": "Write off the rest"}).status_code == 302
    memo = fresh(memo)
    assert (memo.applied_amount, memo.paid_out_amount, memo.closed_amount) == (
        Decimal("50.00"), Decimal("30.00"), Decimal("20.00"))
    page = client.get(url).text
    assert "Closed" in page and "Write off the rest" in page and "pending" in page.lower()


def test_the_own_company_is_not_offered_and_is_refused_if_forced(signed_in, mp, customer):
    own = own_company(marketplace=mp)
    client = signed_in("manager")
    assert str(own.id) not in client.get("/credit-memos/new").text
    assert str(own.id) not in client.get("/pick/companies?company_q=").text
    response = client.post("/credit-memos/new", {
        "company_id": str(own.id), "reason_code": "goodwill", "lines-0-kind": "custom",
        "lines-0-item": "Gift", "lines-0-quantity": "1", "lines-0-unit_price": "5.00"})
    assert response.status_code == 422
    assert 'id="company_id-error"' in response.text
    assert "own company cannot receive a credit memo" in response.text
    assert 'value="Gift"' in response.text


def test_ad_hoc_form_errors_stay_beside_the_line_and_keep_the_input(signed_in, customer,
                                                                    product):
    product("Support")
    client = signed_in("manager")
    form = {"company_id": str(customer.id), "reason_code": "service_credit",
            "reason": "Outage", "lines-0-kind": "custom", "lines-0-item": "Goodwill",
            "lines-0-quantity": "1", "lines-0-unit_price": "30.00",
            "lines-3-kind": "product", "lines-3-item": "Suport", "lines-3-quantity": "2",
            "lines-3-unit_price": "10.00"}
    response = client.post("/credit-memos/new", form)
    assert response.status_code == 400
    assert 'id="lines-3-item-error"' in response.text
    assert "no catalog item is named &#x27;Suport&#x27;" in response.text
    assert 'value="Goodwill"' in response.text and 'value="Suport"' in response.text
    response = client.post("/credit-memos/new", {**form, "lines-3-item": "support",
                                                 "lines-3-unit_price": "ten"})
    assert response.status_code == 400
    assert 'id="lines-3-unit_price-error"' in response.text
    assert 'value="ten"' in response.text
    created = client.post("/credit-memos/new", {**form, "lines-3-item": "support"})
    assert created.status_code == 302
    memo = customer_memos(customer)[0]
    assert memo.total == Decimal("50.00")
    assert [(line.name, line.custom_charge) for line in memo.lines.all()] == [
        ("Goodwill", True), ("Support", False)]


def customer_memos(company):
    from credits.models import CreditMemo

    return list(CreditMemo.objects.filter(company=company).order_by("-created_at"))


def test_live_totals_come_from_the_preview_service(signed_in, customer, make_invoice):
    invoice = make_invoice(customer, [
        {"name": "Seats", "quantity": "4", "unit_price": "50.00", "tax_rate": "0.10"},
        {"name": "Promo", "quantity": "1", "unit_price": "-20.00", "tax_rate": "0.10"}])
    seats, promo = invoice.lines.all()
    client = signed_in("billing")
    preview = client.post(f"/invoices/{invoice.id}/credit-memo/preview", {
        "line": [str(seats.id), str(promo.id)], f"amount-{seats.id}": "75.00"})
    # 75.00 - 20.00 = 55.00 net; tax 7.50 - 2.00 = 5.50.
    assert 'id="preview-subtotal">55.00 USD' in preview.text
    assert 'id="preview-tax">5.50 USD' in preview.text
    assert 'id="preview-total">60.50 USD' in preview.text
    too_much = client.post(f"/invoices/{invoice.id}/credit-memo/preview", {
        "line": [str(seats.id)], f"amount-{seats.id}": "250.00"})
    assert "left to credit" in too_much.text and "preview-total" not in too_much.text


def test_credit_from_invoice_errors_show_beside_the_line(signed_in, customer, make_invoice):
    invoice = make_invoice(customer, amount="100.00")
    line = invoice.lines.get()
    client = signed_in("manager")
    response = client.post(f"/invoices/{invoice.id}/credit-memo", {
        "line": str(line.id), f"amount-{line.id}": "150.00", "reason_code": "overcharge",
        "reason": "Too much", "apply_to": str(invoice.id)})
    assert response.status_code == 422
    assert f'id="amount-{line.id}-error"' in response.text
    assert 'value="150.00"' in response.text and ">Too much</textarea>" in response.text
    assert client.post(f"/invoices/{invoice.id}/credit-memo", {
        "group": f"n{line.name}", "reason_code": "overcharge", "apply_to": str(invoice.id),
    }).status_code == 302
    assert fresh(invoice).status == "paid"


def test_list_search_and_filters(signed_in, customer, make_company, ad_hoc):
    first = ad_hoc(customer, "12.00", description="Broken router")
    ad_hoc(make_company("Umbrella"), "30.00")
    client = signed_in("manager")
    for q, found in [(first.number, 1), ("ROUTER", 1), ("umbrel", 1), ("CM-", 2), ("zzz", 0)]:
        page = client.get("/credit-memos", {"q": q}).text
        assert f"{found} result" in page, q
    assert "1 result" in client.get("/credit-memos", {"q": "cm-", "currency": "usd",
                                                      "customer": str(customer.id)}).text
    assert "0 results" in client.get("/credit-memos", {"issued_to": "2026-01-14"}).text
    assert "2 results" in client.get("/credit-memos", {"issued_from": "2026-01-15",
                                                       "issued_to": "2026-01-15"}).text
    bad_currency = client.get("/credit-memos", {"currency": "XYZ"})
    assert bad_currency.status_code == 400 and "Not a currency code" in bad_currency.text
    response = client.get("/credit-memos?issued_from=2026-02-01&issued_to=2026-01-01")
    assert response.status_code == 400
    assert "The end of the range is before its start." in response.text
    assert 'value="2026-02-01"' in response.text
    assert client.get("/credit-memos?status=nonsense").status_code == 400


def test_settings_save_and_show_the_next_numbers(signed_in, mp, customer, ad_hoc):
    ad_hoc(customer, "10.00")
    client = signed_in("manager")
    page = client.get("/settings/invoice-credit-memo").text
    assert "CM-000002" in page and "INV-000001" in page
    assert "CN-0002" in client.get("/settings/invoice-credit-memo/examples?"
                                   "credit_memo_number_prefix=CN-&number_padding=4").text
    bad = client.post("/settings/invoice-credit-memo", {
        "invoice_number_prefix": "F-", "credit_memo_number_prefix": "CN-",
        "number_padding": "25"})
    assert bad.status_code == 400
    assert "Ensure this value is less than or equal to 20." in bad.text
    assert 'value="CN-"' in bad.text
    saved = client.post("/settings/invoice-credit-memo", {
        "invoice_number_prefix": "F-", "credit_memo_number_prefix": "CN-",
        "number_padding": "4", "company_wide_billing": "on"})
    assert saved.status_code == 302
    mp.refresh_from_db()
    assert (mp.credit_memo_number_prefix, mp.number_padding, mp.company_wide_billing,
            mp.auto_apply_credit_to_new_invoices) == ("CN-", 4, True, False)
    assert ad_hoc(customer, "5.00").number == "CN-0002"


def test_dashboard_figures(signed_in, mp, customer, make_company, ad_hoc, make_invoice):
    make_invoice(customer, amount="30.00")
    ad_hoc(customer, "100.00", auto_apply=True)  # 30.00 applied, 70.00 open
    other = make_company("Initech")
    voided = ad_hoc(other, "500.00")
    credits.credit_memo_void(marketplace=mp, memo_id=voided.id, actor="t", at=voided.issued_at)
    figures = dashboard(marketplace=mp, currency="USD", today=datetime.date(2026, 2, 10))
    months = {m["label"]: (m["issued"], m["applied"], m["outstanding"])
              for m in figures["chart"]["months"]}
    assert months["Dec 25"] == ("0.00", "0.00", "0.00")
    assert months["Jan 26"] == ("100.00", "30.00", "70.00")  # the void memo is no credit
    assert months["Feb 26"] == ("0.00", "0.00", "70.00")
    assert [(r["key"], r["count"]) for r in figures["by_status"]] == [
        ("partially_applied", 1), ("void", 1)]
    assert figures["largest"] == [{"company_id": str(customer.id), "name": "Globex",
                                   "memos": 1, "remaining": "70.00"}]
    page = signed_in("manager").get("/dashboard").text
    assert 'id="outstanding">70.00 USD' in page and "<svg" in page and "Globex" in page


def test_create_user_command(mp, customer, client):
    call_command("create_user", "--marketplace", mp.slug, "--email", "Ana@Example.test",
                 "--password", PASSWORD, "--role", "customer", "--company", str(customer.id))
    assert client.post("/sign-in", {"email": "ana@example.test",
                                    "password": PASSWORD}).status_code == 302
    assert client.get("/").headers["Location"] == "/portal"
    with pytest.raises(CommandError, match="exists"):
        call_command("create_user", "--marketplace", mp.slug, "--email", "ana@example.test",
                     "--password", PASSWORD, "--role", "manager")
    with pytest.raises(CommandError, match="bound to a company"):
        call_command("create_user", "--marketplace", mp.slug, "--email", "b@example.test",
                     "--password", PASSWORD, "--role", "customer")


def test_ad_hoc_line_for_a_subscription_by_product_name_or_uuid(signed_in, mp, customer,
                                                                make_company, product):
    from catalog.models import Subscription
    from tests.conftest import T0

    pro = product("Pro plan")
    other = make_company("Initech")
    mine = Subscription.objects.create(marketplace=mp, company=customer, product=pro,
                                       unit_price="100.00", currency="USD", created_at=T0)
    theirs = Subscription.objects.create(marketplace=mp, company=other, product=pro,
                                         unit_price="100.00", currency="USD", created_at=T0)
    client = signed_in("manager")
    suggestions = client.get("/pick/items", {"company_id": str(customer.id),
                                             "lines-0-kind": "subscription",
                                             "lines-0-item": "pro"}).text
    assert str(mine.id) in suggestions and str(theirs.id) not in suggestions
    form = {"company_id": str(customer.id), "reason_code": "downgrade",
            "lines-0-kind": "subscription", "lines-0-item": "pro plan",
            "lines-0-quantity": "1", "lines-0-unit_price": "40.00",
            "lines-0-period_start": "2026-01-01", "lines-0-period_end": "2026-01-31"}
    assert client.post("/credit-memos/new", form).status_code == 302
    refused = client.post("/credit-memos/new", {**form, "lines-0-item": str(theirs.id)})
    assert refused.status_code == 422
    assert "the subscription is another company" in refused.text
    line = customer_memos(customer)[0].lines.get()
    assert (line.subscription_id, line.product_id, line.name, str(line.period_start)) == (
        mine.id, pro.id, "Pro plan", "2026-01-01")
