"""Double clicks in Chromium: every action button clicked twice as fast as a person can,
and every form sent twice at the same instant with its one token (two `fetch` calls from the
page); each does its work once. The simultaneous sends run on PostgreSQL only: the test
server shares one connection between its threads on in-memory SQLite, so two requests at
once cannot be told apart there (a real SQLite server gives each its own)."""

import os
from decimal import Decimal

import pytest

from credits.models import Application, CreditMemo
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


class PostCounter:
    """How many POSTs the page sent (a double click the script stopped sends one)."""

    def __init__(self, page):
        self.sent = []
        page.on("request", lambda request: self.sent.append(request.url)
                if request.method == "POST" and not request.url.endswith("/preview")
                else None)  # the live totals' previews are not submissions

    def since(self, mark: int) -> int:
        return len(self.sent) - mark


def double_click(tab, button, posts: PostCounter, *, done: str) -> int:
    """Double-click `button`, wait for the page that says `done`; the POSTs it sent."""
    mark = len(posts.sent)
    button.dblclick()
    expect(tab.locator(".messages")).to_contain_text(done)
    return posts.since(mark)


def test_action_buttons_double_clicked_act_once(tab, mp, customer, make_page_user, ad_hoc,
                                                make_invoice):
    """A 60.00 invoice and a 100.00 memo auto-applied to it (40.00 left); an 80.00 invoice.
    Double clicks: Apply 25.00 → one application, 15.00 left, the invoice owes 55.00;
    Auto-apply of a 10.00 memo → one application, it owes 45.00; Issue a 5.00 draft → one
    number, one `issued` event; Void a 7.00 memo (in its dialog) → one `voided` event."""
    from credits import services as credits
    from notifications.models import Event

    make_invoice(customer, amount="60.00")
    memo = ad_hoc(customer, "100.00", auto_apply=True)
    second = make_invoice(customer, amount="80.00")
    sign_in(tab, make_page_user("manager"))
    posts = PostCounter(tab)
    sent = {}

    _memo_page(tab, memo)
    tab.locator("#apply-form select[name=invoice_id]").select_option(str(second.id))
    tab.locator("#apply-form input[name=amount]").fill("25.00")
    sent["apply"] = double_click(tab, tab.get_by_role("button", name="Apply credit"), posts,
                                 done="Credit applied")
    assert Application.objects.filter(memo=memo).count() == 2
    assert fresh(memo).remaining_amount == Decimal("15.00")
    assert fresh(second).amount_due == Decimal("55.00")

    small = ad_hoc(customer, "10.00")
    _memo_page(tab, small)
    sent["auto_apply"] = double_click(
        tab, tab.get_by_role("button", name="Auto-apply to outstanding invoices"), posts,
        done="Credit applied")
    assert Application.objects.filter(memo=small).count() == 1
    assert fresh(second).amount_due == Decimal("45.00")

    draft = credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=customer.id, reason_code="goodwill", draft=True,
        actor="test", at=fresh(memo).issued_at,
        lines=[{"name": "Gift", "quantity": "1", "unit_price": "5.00"}])
    _memo_page(tab, draft)
    sent["issue"] = double_click(tab, tab.get_by_role("button", name="Issue credit memo"),
                                 posts, done="Credit memo issued")
    assert Event.objects.filter(type="credit_memo.issued", subject_id=draft.id).count() == 1
    assert fresh(draft).number is not None

    spare = ad_hoc(customer, "7.00")
    _memo_page(tab, spare)
    tab.get_by_role("button", name="Void…").click()
    dialog = tab.get_by_role("dialog")
    sent["void"] = double_click(tab, dialog.get_by_role("button", name="Void credit memo"),
                                posts, done="Credit memo voided")
    assert Event.objects.filter(type="credit_memo.voided", subject_id=spare.id).count() == 1
    shot(tab, "double_click_void")
    print("POSTs sent per double click:", sent)
    assert all(count in (1, 2) for count in sent.values()), sent


def test_create_buttons_double_clicked_make_one_memo(tab, mp, customer, make_page_user,
                                                     make_invoice):
    """Create an ad hoc memo of 12.00 and a credit of 20.00 from a 90.00 invoice, each by a
    double click: two memos in all, the invoice owes 70.00. Save settings by a double
    click: saved once (the prefix reads CN-)."""
    invoice = make_invoice(customer, amount="90.00")
    sign_in(tab, make_page_user("manager"))
    posts = PostCounter(tab)
    sent = {}

    tab.goto("/credit-memos/new")
    tab.get_by_label("Company", exact=True).select_option(label=f"{customer.name} (USD)")
    tab.get_by_label("Reason code").select_option("goodwill")
    tab.locator("#lines-0-item").fill("Goodwill credit")
    tab.locator("#lines-0-unit_price").fill("12.00")
    expect(tab.locator("#preview-total")).to_have_text("12.00 USD")
    sent["ad_hoc"] = double_click(tab, tab.get_by_role("button", name="Create credit memo"),
                                  posts, done="created")
    assert CreditMemo.objects.filter(origin="ad_hoc").count() == 1

    line = invoice.lines.get()
    tab.goto(f"/invoices/{invoice.id}/credit-memo")
    assert line.name == "Service"
    tab.get_by_text("Choose lines of Service").click()
    tab.get_by_label("Service", exact=True).check()
    tab.get_by_label("Amount to credit for Service", exact=True).fill("20.00")
    tab.get_by_label("Reason code").select_option("overcharge")
    expect(tab.locator("#preview-total")).to_have_text("20.00 USD")
    sent["from_invoice"] = double_click(
        tab, tab.get_by_role("button", name="Apply credit memo"), posts, done="created")
    assert CreditMemo.objects.filter(origin="invoice").count() == 1
    assert fresh(invoice).amount_due == Decimal("70.00")

    tab.goto("/settings/invoice-credit-memo")
    tab.get_by_label("Credit memo number prefix").fill("CN-")
    sent["settings"] = double_click(tab, tab.get_by_role("button", name="Save settings"),
                                    posts, done="saved")
    assert fresh(mp).credit_memo_number_prefix == "CN-"
    print("POSTs sent per double click:", sent)
    assert all(count in (1, 2) for count in sent.values()), sent


def _send_twice(tab, selector) -> list:
    return tab.evaluate(SEND_TWICE, selector)


@pytest.mark.postgres
def test_every_form_sent_twice_at_once_acts_once(tab, mp, customer, make_page_user, ad_hoc,
                                                 make_invoice):
    """Each memo action, and each create form, sent twice at the same instant with its one
    token: reverse 10.00 of a 60.00 application → 50.00 (not 40.00); pay out 5.00 → one
    payout; close → one `closed` event; auto-apply of a 10.00 memo → one application (it
    pays the 10.00 the reversal left owing on the first invoice, once); issue a draft →
    one `issued` event; void → one `voided` event; ad hoc 12.00 → one memo;
    20.00 from a 90.00 invoice → one memo, it owes 70.00; settings → saved."""
    from credits import services as credits
    from credits.models import Payout
    from notifications.models import Event

    first = make_invoice(customer, amount="60.00")
    memo = ad_hoc(customer, "100.00", auto_apply=True)
    application = memo.applications.get()
    second = make_invoice(customer, amount="80.00")
    sign_in(tab, make_page_user("manager"))
    trials = {}

    _memo_page(tab, memo)
    tab.locator(f"#reverse-{application.id}").fill("10.00")
    trials["reverse"] = _send_twice(tab, f"form[action$='/applications/{application.id}/reverse']")
    assert fresh(application).amount == Decimal("50.00")

    _memo_page(tab, memo)
    tab.locator("form[action$='/payout'] input[name=amount]").fill("5.00")
    trials["payout"] = _send_twice(tab, "form[action$='/payout']")
    assert Payout.objects.filter(memo=memo).count() == 1

    _memo_page(tab, memo)
    tab.locator("form[action$='/close'] [name=close_reason]").fill("Customer left")
    trials["close"] = _send_twice(tab, "form[action$='/close']")
    assert Event.objects.filter(type="credit_memo.closed", subject_id=memo.id).count() == 1
    assert fresh(memo).closed_amount == Decimal("45.00")  # 100 − 50 applied − 5 paid out

    small = ad_hoc(customer, "10.00")
    _memo_page(tab, small)
    trials["auto_apply"] = _send_twice(tab, "form[action$='/auto-apply']")
    assert Application.objects.filter(memo=small).count() == 1
    # The 10.00 reversed above is owed again on the oldest invoice: it takes all of it.
    assert (fresh(first).amount_due, fresh(second).amount_due) == (0, Decimal("80.00"))

    draft = credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=customer.id, reason_code="goodwill", draft=True,
        actor="test", at=fresh(memo).issued_at,
        lines=[{"name": "Gift", "quantity": "1", "unit_price": "5.00"}])
    _memo_page(tab, draft)
    trials["issue"] = _send_twice(tab, "form[action$='/issue']")
    assert Event.objects.filter(type="credit_memo.issued", subject_id=draft.id).count() == 1

    spare = ad_hoc(customer, "7.00")
    _memo_page(tab, spare)
    trials["void"] = _send_twice(tab, "form[action$='/void']")
    assert Event.objects.filter(type="credit_memo.voided", subject_id=spare.id).count() == 1

    tab.goto("/credit-memos/new")
    tab.get_by_label("Company", exact=True).select_option(label=f"{customer.name} (USD)")
    tab.get_by_label("Reason code").select_option("goodwill")
    tab.locator("#lines-0-item").fill("Goodwill credit")
    tab.locator("#lines-0-unit_price").fill("12.00")
    expect(tab.locator("#preview-total")).to_have_text("12.00 USD")
    before = CreditMemo.objects.count()
    trials["ad_hoc"] = _send_twice(tab, "#memo-form")
    assert CreditMemo.objects.count() == before + 1

    invoice = make_invoice(customer, amount="90.00")
    tab.goto(f"/invoices/{invoice.id}/credit-memo")
    tab.get_by_text("Choose lines of Service").click()
    tab.get_by_label("Service", exact=True).check()
    tab.get_by_label("Amount to credit for Service", exact=True).fill("20.00")
    tab.get_by_label("Reason code").select_option("overcharge")
    expect(tab.locator("#preview-total")).to_have_text("20.00 USD")
    trials["from_invoice"] = _send_twice(tab, "#memo-form")
    assert CreditMemo.objects.filter(source_invoice=invoice).count() == 1
    assert fresh(invoice).amount_due == Decimal("70.00")

    tab.goto("/settings/invoice-credit-memo")
    tab.get_by_label("Credit memo number prefix").fill("CN-")
    trials["settings"] = _send_twice(tab, "main form[method=post]")
    assert fresh(mp).credit_memo_number_prefix == "CN-"
    print("Answers of two simultaneous sends per form:", trials)
    assert all(statuses == [302, 302] for statuses in trials.values()), trials
