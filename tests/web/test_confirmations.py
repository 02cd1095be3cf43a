"""Confirmations that say what will happen (issue 9, point 3), through the Django client: the
first press of Pay out, Reverse or Close (`step=confirm`, what the page sends without its
script) answers the memo page with the question open, its figures from what was typed and
the server's, and changes nothing; the question's button (no `step`) does the work once.
Close needs a reason on the page. An ad hoc memo's auto-apply says what it did, on the page
and in the API's answer."""

import html
import re
from decimal import Decimal

import pytest

from credits import services as credits
from credits.models import Payout
from customers import services as customers
from notifications.models import Event
from tests.api.conftest import ApiClient, key_for
from tests.conftest import T0, fresh, row_counts
from web.once import TOKEN_FIELD


@pytest.fixture(autouse=True)
def no_auto_apply_to_new_invoices(mp):
    mp.auto_apply_credit_to_new_invoices = False
    mp.save(update_fields=["auto_apply_credit_to_new_invoices"])


def text_of(response) -> str:
    return html.unescape(re.sub(r"\s+", " ", response.content.decode()))


def open_question(response) -> str | None:
    """The text of the question shown open on the page, if any."""
    found = re.search(r"<dialog [^>]*data-confirm-dialog[^>]* open>.*?<p [^>]*data-confirm-text>"
                      r"(.*?)</p>", response.content.decode(), re.S)
    return html.unescape(found.group(1)) if found else None


def token(response, action: str) -> str:
    """The one-time token of the form posting to `action` on a page."""
    page = response.content.decode()
    start = page.index(f'action="{action}"')
    found = re.search(rf'name="{TOKEN_FIELD}" value="([^"]+)"', page[start:])
    return html.unescape(found.group(1))


@pytest.fixture
def applied_memo(customer, ad_hoc, make_invoice):
    """A 100.00 memo applied 60.00 to a 60.00 invoice: 40.00 remain."""
    invoice = make_invoice(customer, amount="60.00")
    memo = ad_hoc(customer, "100.00")
    credits.application_create(marketplace=memo.marketplace, memo_id=memo.id,
                               invoice_id=invoice.id, actor="test", at=T0)
    return fresh(memo)


class TestPayOut:
    def test_asks_with_the_figures_then_pays_out_once(self, signed_in, applied_memo):
        """40.00 remain; 30.00 typed: "Pay out 30.00 USD to card; 10.00 USD will remain."
        Asking changes nothing; confirming pays out 30.00 once."""
        client = signed_in("billing")
        page = f"/credit-memos/{applied_memo.id}"
        before = row_counts()
        asked = client.post(f"{page}/payout", {"amount": "30.00", "method": "card",
                                               "step": "confirm"})
        assert asked.status_code == 200
        assert open_question(asked) == "Pay out 30.00 USD to card; 10.00 USD will remain."
        assert "Pay out 30.00 USD</button>" in asked.content.decode()
        assert row_counts() == before
        confirmed = client.post(f"{page}/payout", {
            "amount": "30.00", "method": "card",
            TOKEN_FIELD: token(asked, f"/credit-memos/{applied_memo.id}/payout")})
        assert confirmed.status_code == 302
        assert [p.amount for p in Payout.objects.filter(memo=applied_memo)] == [Decimal("30.00")]
        assert fresh(applied_memo).remaining_amount == Decimal("10.00")

    def test_the_page_says_it_before_anything_is_typed(self, signed_in, applied_memo):
        """Blank amount: all 40.00 remaining, to card, 0.00 left."""
        response = signed_in("billing").get(f"/credit-memos/{applied_memo.id}")
        page = text_of(response)
        assert "Pay out 40.00 USD to card; 0.00 USD will remain." in page
        assert 'data-remaining="40.00"' in page and 'data-digits="2"' in page
        assert open_question(response) is None

    def test_more_than_remains_is_said_beside_the_field_without_asking(self, signed_in,
                                                                      applied_memo):
        client = signed_in("billing")
        before = row_counts()
        response = client.post(f"/credit-memos/{applied_memo.id}/payout",
                               {"amount": "45.00", "method": "card", "step": "confirm"})
        assert response.status_code == 422
        assert open_question(response) is None
        assert re.search(r'<p class="error" id="payout-amount-error">45.00 USD is more than the '
                         r"credit memo's remaining 40.00 USD", text_of(response))
        assert re.search(r'id="payout-summary" data-summary aria-live="polite"></p>',
                         response.content.decode())
        assert row_counts() == before

    def test_names_the_method_of_the_source_invoice_payment(self, signed_in, mp, customer,
                                                           make_invoice):
        """A 50.00 invoice paid by bank transfer, credited 20.00: the payout goes to
        bank_transfer whatever is typed."""
        from invoicing.services import payment_create

        invoice = make_invoice(customer, amount="50.00")
        payment_create(marketplace=mp, invoice_id=invoice.id, amount="50.00",
                       method="bank_transfer", actor="test", at=T0)
        memo = credits.credit_memo_create_from_invoice(
            marketplace=mp, invoice_id=invoice.id, reason_code="overcharge", actor="test",
            at=T0, lines=[{"invoice_line_id": str(invoice.lines.get().id), "amount": "20.00"}])
        response = signed_in("billing").post(f"/credit-memos/{memo.id}/payout", {
            "amount": "", "method": "card", "step": "confirm"})
        assert open_question(response) == ("Pay out 20.00 USD to bank_transfer; 0.00 USD will "
                                           "remain.")
        assert 'data-method="bank_transfer"' in response.content.decode()


class TestReverse:
    def test_asks_with_the_figures_then_reverses_once(self, signed_in, applied_memo):
        """60.00 applied to the invoice, 40.00 remain; reverse 10.00: 50.00 stays applied,
        50.00 will remain."""
        application = applied_memo.applications.get()
        client = signed_in("billing")
        action = f"/credit-memos/{applied_memo.id}/applications/{application.id}/reverse"
        before = row_counts()
        asked = client.post(action, {"amount": "10.00", "step": "confirm"})
        assert open_question(asked) == (
            f"Reverse 10.00 USD of the credit applied to {application.invoice.number}: 50.00 "
            "USD stays applied to it, and 50.00 USD will remain on this credit memo.")
        assert row_counts() == before
        done = client.post(action, {"amount": "10.00", TOKEN_FIELD: token(asked, action)})
        assert done.status_code == 302
        assert fresh(application).amount == Decimal("50.00")
        assert fresh(applied_memo).remaining_amount == Decimal("50.00")

    def test_blank_is_all_of_it_and_too_much_is_refused(self, signed_in, applied_memo):
        application = applied_memo.applications.get()
        client = signed_in("billing")
        action = f"/credit-memos/{applied_memo.id}/applications/{application.id}/reverse"
        assert open_question(client.post(action, {"amount": "", "step": "confirm"})) == (
            f"Reverse 60.00 USD of the credit applied to {application.invoice.number}: 0.00 "
            "USD stays applied to it, and 100.00 USD will remain on this credit memo.")
        refused = client.post(action, {"amount": "61.00", "step": "confirm"})
        assert refused.status_code == 422 and open_question(refused) is None
        assert "61.00 USD is more than the 60.00 USD applied" in text_of(refused)


class TestClose:
    def test_asks_with_the_reason_then_closes_once(self, signed_in, applied_memo):
        client = signed_in("billing")
        action = f"/credit-memos/{applied_memo.id}/close"
        asked = client.post(action, {"close_reason": "Customer left", "step": "confirm"})
        assert open_question(asked) == (
            f"Close credit memo {applied_memo.number} and write off its remaining 40.00 USD; "
            "0.00 USD will remain. Reason: Customer left")
        assert fresh(applied_memo).status == "partially_applied"
        done = client.post(action, {"close_reason": "Customer left",
                                    TOKEN_FIELD: token(asked, action)})
        assert done.status_code == 302
        memo = fresh(applied_memo)
        assert (memo.status, memo.closed_amount, memo.close_reason) == (
            "closed", Decimal("40.00"), "Customer left")
        assert Event.objects.filter(type="credit_memo.closed", subject_id=memo.id).count() == 1

    @pytest.mark.parametrize("step", ["confirm", None])
    def test_the_page_refuses_an_empty_reason_beside_the_field(self, signed_in, applied_memo,
                                                              step):
        """Asking or confirming with a blank reason: the error beside the field, nothing
        closed."""
        data = {"close_reason": "   "} | ({"step": step} if step else {})
        before = row_counts()
        response = signed_in("billing").post(f"/credit-memos/{applied_memo.id}/close", data)
        assert response.status_code == 400
        assert open_question(response) is None
        assert re.search(r'<p class="error" id="close-reason-error">Give a reason for closing',
                         response.content.decode())
        assert 'aria-describedby="close-reason-error"' in response.content.decode()
        assert row_counts() == before
        assert fresh(applied_memo).status == "partially_applied"

    def test_the_api_keeps_the_reason_optional(self, mp, applied_memo):
        answer = ApiClient(key_for(mp, "billing")).post(
            f"/credit_memos/{applied_memo.id}/close", {})
        assert answer.status_code == 200
        assert (answer.json()["status"], answer.json()["closed_amount"]) == ("closed", "40.00")


@pytest.fixture
def jane(mp, customer):
    return customers.user_create(marketplace=mp, company_id=customer.id,
                                 email="jane@globex.test", name="Jane Doe", at=T0)


def ad_hoc_form(company, user=None, amount="50.00", auto_apply=True):
    data = {"company_id": str(company.id), "user_id": str(user.id) if user else "",
            "reason_code": "goodwill", "reason": "", "memo": "",
            "lines-0-kind": "custom", "lines-0-item": "Goodwill", "lines-0-quantity": "1",
            "lines-0-unit_price": amount, "lines-0-tax_rate": "0", "line_index": "0"}
    if auto_apply:
        data["auto_apply"] = "on"
    return data


class TestAutoApplyResult:
    def test_the_page_says_no_open_invoice_of_the_user(self, signed_in, customer, jane,
                                                       make_invoice):
        """Globex has a 70.00 invoice, but none of Jane Doe's: the 50.00 memo limited to her
        is applied to nothing, and the page says so."""
        other = make_invoice(customer, amount="70.00")
        client = signed_in("manager")
        response = client.post("/credit-memos/new", ad_hoc_form(customer, jane), follow=True)
        page = text_of(response)
        assert ("No open invoice of Jane Doe to apply it to: the full 50.00 USD stays "
                "available.") in page
        assert "applied to outstanding invoices" not in page.lower()
        assert fresh(other).amount_due == Decimal("70.00")

    def test_the_page_says_what_was_applied(self, signed_in, customer, jane, make_invoice):
        """Jane Doe's 30.00 invoice takes 30.00 of the 50.00: 20.00 stays available."""
        make_invoice(customer, amount="30.00", user_id=jane.id)
        response = signed_in("manager").post("/credit-memos/new",
                                             ad_hoc_form(customer, jane), follow=True)
        message = ("Applied 30.00 USD to 1 open invoice of Jane Doe; 20.00 USD stays "
                   "available.")
        page = text_of(response)
        assert f"created. {message}" in page
        assert f"When issued: {message}" in page  # the memo's facts say it too

    def test_issuing_a_draft_from_its_page_says_it_too(self, signed_in, mp, customer, jane):
        draft = credits.credit_memo_create_ad_hoc(
            marketplace=mp, company_id=customer.id, user_id=jane.id, reason_code="goodwill",
            auto_apply=True, draft=True, actor="test", at=T0,
            lines=[{"name": "Goodwill", "quantity": "1", "unit_price": "50.00"}])
        response = signed_in("billing").post(f"/credit-memos/{draft.id}/issue", follow=True)
        assert ("No open invoice of Jane Doe to apply it to: the full 50.00 USD stays "
                "available.") in text_of(response)
        assert fresh(draft).status == "unapplied"

    def test_the_api_answers_auto_apply_result(self, mp, customer, jane, make_invoice):
        """POST /credit_memos with auto_apply for Jane Doe, twice: first with no invoice of
        hers (0.00, 0 invoices), then with two of 20.00 and 25.00 (45.00 of 50.00, 2
        invoices). Without auto_apply, and for a draft, the field is null; issuing the
        draft answers what its auto-apply did."""
        api = ApiClient(key_for(mp, "manager"))
        body = {"company_id": str(customer.id), "user_id": str(jane.id),
                "reason_code": "goodwill", "auto_apply": True,
                "lines": [{"name": "Goodwill", "quantity": "1", "unit_price": "50.00"}]}
        nothing = api.post("/credit_memos", body)
        assert nothing.status_code == 200, nothing.content
        assert nothing.json()["auto_apply_result"] == {
            "applied_amount": "0.00", "invoice_count": 0,
            "message": "No open invoice of Jane Doe to apply it to: the full 50.00 USD stays "
                       "available."}
        for amount in ("20.00", "25.00"):
            make_invoice(customer, amount=amount, user_id=jane.id)
        applied = api.post("/credit_memos", body).json()
        assert applied["auto_apply_result"] == {
            "applied_amount": "45.00", "invoice_count": 2,
            "message": "Applied 45.00 USD to 2 open invoices of Jane Doe; 5.00 USD stays "
                       "available."}
        assert api.post("/credit_memos", {**body, "auto_apply": False}).json()[
            "auto_apply_result"] is None
        draft = api.post("/credit_memos", {**body, "draft": True}).json()
        assert draft["auto_apply_result"] is None
        issued = api.post(f"/credit_memos/{draft['id']}/issue").json()
        assert issued["auto_apply_result"] == {
            "applied_amount": "0.00", "invoice_count": 0,
            "message": "No open invoice of Jane Doe to apply it to: the full 50.00 USD stays "
                       "available."}

    def test_company_wide_billing_names_the_company(self, mp, customer, jane, make_invoice):
        """Billing company-wide, Jane's memo goes to any Globex invoice: 50.00 of a 70.00
        one, all of it."""
        mp.company_wide_billing = True
        mp.save(update_fields=["company_wide_billing"])
        make_invoice(customer, amount="70.00")
        memo = credits.credit_memo_create_ad_hoc(
            marketplace=mp, company_id=customer.id, user_id=jane.id, reason_code="goodwill",
            auto_apply=True, actor="test", at=T0,
            lines=[{"name": "Goodwill", "quantity": "1", "unit_price": "50.00"}])
        from credits.selectors import auto_apply_result

        assert auto_apply_result(memo=memo)["message"] == (
            "Applied 50.00 USD to 1 open invoice of Globex; nothing of it stays available.")
