"""Double clicks in Chromium: every action button clicked twice as fast as a person can,
and every form sent twice at the same instant with its one token (two `fetch` calls from the
page); each does its work once. The simultaneous sends run on PostgreSQL only: the test
server shares one connection between its threads on in-memory SQLite, so two requests at
once cannot be told apart there (a real SQLite server gives each its own)."""

import os
from decimal import Decimal

import pytest

from credits.models import Application
from tests.conftest import fresh
from tests.web import test_browser as browser

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from playwright.sync_api import expect  # noqa: E402

pytestmark = pytest.mark.django_db(transaction=True)
chromium, tab = browser.chromium, browser.tab  # the browser fixtures, for this module too
sign_in, shot = browser.sign_in, browser.shot

# Two POSTs of one form at the same instant, as a page script can send them; the answers'
# statuses come back (redirects are not followed: 0 is fetch's "opaque redirect").
SEND_TWICE = """async (selector) => {
  const form = document.querySelector(selector);
  const body = new FormData(form);
  const send = () => fetch(form.action, {method: "POST", body, redirect: "manual"});
  const answers = await Promise.all([send(), send()]);
  return answers.map((a) => a.type === "opaqueredirect" ? 302 : a.status);
}"""


@pytest.fixture(autouse=True)
def no_auto_apply_to_new_invoices(mp):
    mp.auto_apply_credit_to_new_invoices = False
    mp.save(update_fields=["auto_apply_credit_to_new_invoices"])


def _memo_page(tab, memo):
    tab.goto(f"/credit-memos/{memo.id}")
    expect(tab.get_by_role("heading", level=1)).to_contain_text("Credit memo")


@pytest.mark.postgres
def test_apply_sent_twice_at_once_applies_once(tab, customer, make_page_user, ad_hoc,
                                               make_invoice):
    """Eight trials of two simultaneous POSTs of the apply form (5.00 each time): 8
    applications, 40.00 of 100.00 applied, and both answers of each trial redirect."""
    memo = ad_hoc(customer, "100.00")
    invoice = make_invoice(customer, amount="500.00")
    sign_in(tab, make_page_user("billing"))
    outcomes = []
    for trial in range(8):
        _memo_page(tab, memo)
        tab.locator("#apply-form select[name=invoice_id]").select_option(str(invoice.id))
        tab.locator("#apply-form input[name=amount]").fill("5.00")
        statuses = tab.evaluate(SEND_TWICE, "#apply-form")
        assert statuses == [302, 302], f"trial {trial}: {statuses}"
        outcomes.append(Application.objects.filter(memo=memo).count())
    assert outcomes == [1, 2, 3, 4, 5, 6, 7, 8]
    assert fresh(memo).remaining_amount == Decimal("60.00")
    assert fresh(invoice).amount_due == Decimal("460.00")
