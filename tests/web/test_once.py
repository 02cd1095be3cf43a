"""Page forms act once: each carries a one-time token, and a second submission of it, later
or at the same time, changes nothing and answers what the first did (web/once.py)."""

import html
import re
import threading
from decimal import Decimal

import pytest
from django.db import connections
from django.test import Client

from credits.models import Application, CreditMemo, Payout
from notifications.models import Event
from tests.conftest import fresh
from web.once import ALREADY_DONE, TOKEN_FIELD


@pytest.fixture(autouse=True)
def no_auto_apply_to_new_invoices(mp):
    """Credit moves here only by the forms under test."""
    mp.auto_apply_credit_to_new_invoices = False
    mp.save(update_fields=["auto_apply_credit_to_new_invoices"])


FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.S)


def forms_of(page: str) -> list[tuple[str, str]]:
    """(attributes, inner HTML) of every form on a page."""
    return FORM.findall(page)


def token_for(client, page_url: str, action: str) -> str:
    """The one-time token of the form on `page_url` that posts to `action`."""
    for attributes, inner in forms_of(client.get(page_url).text):
        posts_here = "action=" not in attributes and page_url.split("?")[0] == action
        if f'action="{action}"' in attributes or posts_here:
            found = re.search(rf'name="{TOKEN_FIELD}" value="([^"]+)"', inner)
            assert found, f"the form posting to {action} has no submission token"
            return html.unescape(found.group(1))
    raise AssertionError(f"no form posts to {action} on {page_url}")


def twice(client, page_url, action, data):
    token = token_for(client, page_url, action)
    first = client.post(action, {**data, TOKEN_FIELD: token})
    second = client.post(action, {**data, TOKEN_FIELD: token})
    return first, second


def assert_same_answer(first, second):
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]


def test_every_form_that_changes_something_carries_a_token(signed_in, customer, ad_hoc,
                                                           make_invoice):
    """Staff pages with every action offered: a memo with an application (apply, auto-apply,
    reverse, pay out, close), an unapplied memo (void), a draft (issue), an invoice's
    credit form, the ad hoc form, settings, notifications, webhooks, reports."""
    from credits import services as credits

    invoice = make_invoice(customer, amount="60.00")
    used = ad_hoc(customer, "100.00", auto_apply=True)
    make_invoice(customer, amount="80.00")
    unapplied = ad_hoc(customer, "20.00")
    draft = credits.credit_memo_create_ad_hoc(
        marketplace=customer.marketplace, company_id=customer.id, reason_code="goodwill",
        draft=True, actor="test", at=used.issued_at,
        lines=[{"name": "Gift", "quantity": "1", "unit_price": "5.00"}])
    client = signed_in("manager")
    pages = [f"/credit-memos/{used.id}", f"/credit-memos/{unapplied.id}?confirm=void",
             f"/credit-memos/{draft.id}", f"/invoices/{invoice.id}/credit-memo",
             "/credit-memos/new", "/settings/invoice-credit-memo", "/settings/notifications",
             "/settings/webhooks", "/reports"]
    checked = 0
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        for attributes, inner in forms_of(response.text):
            if 'method="post"' not in attributes or "sign-out" in attributes:
                continue
            assert f'name="{TOKEN_FIELD}"' in inner, f"{url}: form {attributes} has no token"
            checked += 1
    # apply, auto-apply, reverse, pay out, close; void; issue (and the draft's void);
    # from invoice; ad hoc; settings; notifications; webhooks; reports.
    assert checked >= 13


def test_each_memo_action_sent_twice_acts_once(signed_in, customer, ad_hoc, make_invoice):
    """100.00 memo auto-applied 60.00 to a 60.00 invoice; a second 80.00 invoice. Each
    action is sent twice with one token: apply 25.00 → 15.00 remain (not −10.00);
    reverse 10.00 of the first application → 50.00 applied on it (not 40.00); pay out 5.00
    → 5.00 paid out (not 10.00); close → one `credit_memo.closed` event."""
    make_invoice(customer, amount="60.00")
    memo = ad_hoc(customer, "100.00", auto_apply=True)
    first_application = memo.applications.get()
    second_invoice = make_invoice(customer, amount="80.00")
    client = signed_in("billing")
    page = f"/credit-memos/{memo.id}"

    first, second = twice(client, page, f"{page}/apply",
                          {"invoice_id": str(second_invoice.id), "amount": "25.00"})
    assert_same_answer(first, second)
    assert fresh(memo).remaining_amount == Decimal("15.00")
    assert fresh(second_invoice).amount_due == Decimal("55.00")
    assert ALREADY_DONE in client.get(second["Location"]).text

    reverse = f"{page}/applications/{first_application.id}/reverse"
    assert_same_answer(*twice(client, page, reverse, {"amount": "10.00"}))
    assert fresh(first_application).amount == Decimal("50.00")
    assert fresh(memo).remaining_amount == Decimal("25.00")

    assert_same_answer(*twice(client, page, f"{page}/payout",
                              {"amount": "5.00", "method": "card"}))
    assert [p.amount for p in Payout.objects.filter(memo=memo)] == [Decimal("5.00")]

    assert_same_answer(*twice(client, page, f"{page}/close",
                              {"close_reason": "Customer left"}))
    memo = fresh(memo)
    assert (memo.status, memo.closed_amount) == ("closed", Decimal("20.00"))
    assert Event.objects.filter(type="credit_memo.closed", subject_id=memo.id).count() == 1


def test_issue_void_and_auto_apply_sent_twice_act_once(signed_in, mp, customer, ad_hoc,
                                                       make_invoice):
    """A 30.00 draft issued twice: one number, one `issued` event. Auto-apply sent twice
    with a 12.00 invoice open: one application, 18.00 remain. A 7.00 memo voided twice: one
    `voided` event."""
    from credits import services as credits

    draft = credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=customer.id, reason_code="goodwill", draft=True,
        actor="test", at=fresh(customer).created_at,
        lines=[{"name": "Gift", "quantity": "1", "unit_price": "30.00"}])
    client = signed_in("manager")
    page = f"/credit-memos/{draft.id}"
    assert_same_answer(*twice(client, page, f"{page}/issue", {}))
    assert fresh(draft).number == "CM-000001"
    assert Event.objects.filter(type="credit_memo.issued").count() == 1

    invoice = make_invoice(customer, amount="12.00")
    assert_same_answer(*twice(client, page, f"{page}/auto-apply", {}))
    assert Application.objects.filter(memo=draft).count() == 1
    assert fresh(draft).remaining_amount == Decimal("18.00")
    assert fresh(invoice).status == "paid"

    spare = ad_hoc(customer, "7.00")
    assert_same_answer(*twice(client, f"/credit-memos/{spare.id}?confirm=void",
                              f"/credit-memos/{spare.id}/void", {}))
    assert fresh(spare).status == "void"
    assert Event.objects.filter(type="credit_memo.voided", subject_id=spare.id).count() == 1


def test_creating_a_memo_twice_with_one_token_makes_one(signed_in, customer, make_invoice):
    """Ad hoc 15.00 sent twice: one memo. From an invoice of 90.00, 20.00 of its line sent
    twice: one memo, the invoice owes 70.00 (not 50.00)."""
    invoice = make_invoice(customer, amount="90.00")
    client = signed_in("manager")
    first, second = twice(client, "/credit-memos/new", "/credit-memos/new", {
        "company_id": str(customer.id), "reason_code": "goodwill", "lines-0-kind": "custom",
        "lines-0-item": "Gift", "lines-0-quantity": "1",
        "lines-0-unit_price": "15.00"})
    assert_same_answer(first, second)
    assert CreditMemo.objects.filter(origin="ad_hoc").count() == 1

    line = invoice.lines.get()
    form = f"/invoices/{invoice.id}/credit-memo"
    first, second = twice(client, form, form, {
        "reason_code": "overcharge", "line": str(line.id), f"amount-{line.id}": "20.00",
        "apply_to": str(invoice.id)})
    assert_same_answer(first, second)
    assert CreditMemo.objects.filter(origin="invoice").count() == 1
    assert fresh(invoice).amount_due == Decimal("70.00")


def test_a_token_sent_again_with_other_values_changes_nothing(signed_in, customer, ad_hoc,
                                                             make_invoice):
    """Back in the browser, the amount changed from 10.00 to 30.00, the same form sent
    again: the first application stands alone and the answer is the first one's."""
    make_invoice(customer, amount="50.00")
    memo = ad_hoc(customer, "100.00")
    invoice = make_invoice(customer, amount="80.00")
    client = signed_in("billing")
    page = f"/credit-memos/{memo.id}"
    token = token_for(client, page, f"{page}/apply")
    first = client.post(f"{page}/apply", {"invoice_id": str(invoice.id), "amount": "10.00",
                                          TOKEN_FIELD: token})
    other = client.post(f"{page}/apply", {"invoice_id": str(invoice.id), "amount": "30.00",
                                          TOKEN_FIELD: token})
    assert_same_answer(first, other)
    assert [a.amount for a in Application.objects.filter(memo=memo, invoice=invoice)] == [
        Decimal("10.00")]


def test_a_refused_form_is_answered_the_same_and_a_fresh_token_may_try_again(
        signed_in, customer, ad_hoc, make_invoice):
    """Apply 500.00 of a 100.00 memo: 422 beside the amount, twice with one token (nothing
    applied). The page it answers carries a new token: 40.00 with it is applied."""
    memo = ad_hoc(customer, "100.00")
    invoice = make_invoice(customer, amount="80.00")
    client = signed_in("billing")
    page = f"/credit-memos/{memo.id}"
    token = token_for(client, page, f"{page}/apply")
    data = {"invoice_id": str(invoice.id), "amount": "500.00", TOKEN_FIELD: token}
    first = client.post(f"{page}/apply", data)
    second = client.post(f"{page}/apply", data)
    assert first.status_code == second.status_code == 422
    assert first.content == second.content
    assert not Application.objects.filter(memo=memo, invoice=invoice).exists()
    fresh_token = re.search(rf'action="{page}/apply".*?name="{TOKEN_FIELD}" value="([^"]+)"',
                            first.text, re.S).group(1)
    assert fresh_token != token
    fixed = client.post(f"{page}/apply", {**data, "amount": "40.00", TOKEN_FIELD: fresh_token})
    assert fixed.status_code == 302
    assert [a.amount for a in Application.objects.filter(memo=memo, invoice=invoice)] == [
        Decimal("40.00")]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_submissions_at_once_with_one_token_act_once(signed_in, customer, ad_hoc,
                                                         make_invoice):
    """Eight trials: each sends one apply form twice at the same instant (two threads, two
    connections). Each trial applies 5.00 once: 8 applications, 40.00 applied of 100.00,
    and both answers of a trial are the same redirect."""
    memo = ad_hoc(customer, "100.00")
    invoice = make_invoice(customer, amount="500.00")
    assert fresh(memo).remaining_amount == Decimal("100.00")
    client = signed_in("billing")
    page = f"/credit-memos/{memo.id}"
    outcomes = []
    for _ in range(8):
        token = token_for(client, page, f"{page}/apply")
        data = {"invoice_id": str(invoice.id), "amount": "5.00", TOKEN_FIELD: token}
        barrier = threading.Barrier(2)
        answers = [None, None]

        def send(index, barrier=barrier, answers=answers, data=data):
            other = Client()
            other.cookies = client.cookies
            try:
                barrier.wait(5)
                answers[index] = other.post(f"{page}/apply", data)
            finally:
                connections.close_all()

        threads = [threading.Thread(target=send, args=(i,)) for i in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        assert answers[0].status_code == answers[1].status_code == 302
        assert answers[0]["Location"] == answers[1]["Location"]
        outcomes.append(Application.objects.filter(memo=memo).count())
    assert outcomes == [1, 2, 3, 4, 5, 6, 7, 8]
    assert fresh(memo).remaining_amount == Decimal("60.00")
