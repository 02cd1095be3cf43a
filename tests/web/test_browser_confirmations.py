"""Pay out, Reverse and Close in Chromium ask first, saying what will happen with the figures
typed and the server's; Cancel changes nothing (no request is even sent), the question's
button (double-clicked) does the work once. Close needs a reason. Screenshots go to
test-artifacts/screenshots/."""

import os
from decimal import Decimal

import pytest

from credits import services as credits
from credits.models import Payout
from tests.conftest import fresh
from tests.web import test_browser as browser

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from playwright.sync_api import expect  # noqa: E402

pytestmark = pytest.mark.django_db(transaction=True)
chromium, tab = browser.chromium, browser.tab  # the browser fixtures, for this module too
sign_in, shot = browser.sign_in, browser.shot


class Posts:
    """The POSTs the page sent."""

    def __init__(self, page):
        self.sent = []
        page.on("request", lambda r: self.sent.append(r.url) if r.method == "POST" else None)


def test_pay_out_reverse_and_close_ask_then_act_once(tab, mp, customer, make_page_user,
                                                     ad_hoc, make_invoice):
    """A 100.00 memo applied 60.00 to INV-000001: 40.00 remain.
    Pay out: 30.00 typed reads "10.00 will remain"; 25.00 typed, asked, cancelled (nothing
    sent), asked again and confirmed by a double click → one payout of 25.00, 15.00 remain.
    60.00 typed is refused by the server beside the field. Reverse 10.00 of the 60.00: 50.00
    stays applied, 25.00 will remain → one reversal. Close: no reason is refused beside the
    field; with one, asked, cancelled, confirmed → closed, 25.00 written off."""
    mp.auto_apply_credit_to_new_invoices = False
    mp.save(update_fields=["auto_apply_credit_to_new_invoices"])
    invoice = make_invoice(customer, amount="60.00")
    memo = ad_hoc(customer, "100.00")
    application = credits.application_create(marketplace=mp, memo_id=memo.id,
                                             invoice_id=invoice.id, actor="test",
                                             at=memo.issued_at)
    sign_in(tab, make_page_user("billing"))
    posts = Posts(tab)
    tab.goto(f"/credit-memos/{memo.id}")
    dialog = tab.get_by_role("dialog")

    # Pay out
    summary = tab.locator("#payout-summary")
    expect(summary).to_have_text("Pay out 40.00 USD to card; 0.00 USD will remain.")
    amount = tab.get_by_label("Amount (blank: all that remains)")
    amount.fill("30.00")
    expect(summary).to_have_text("Pay out 30.00 USD to card; 10.00 USD will remain.")
    amount.fill("25")
    expect(summary).to_have_text("Pay out 25.00 USD to card; 15.00 USD will remain.")
    tab.get_by_role("button", name="Pay out…").click()
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("Pay out 25.00 USD to card; 15.00 USD will remain.")
    shot(tab, "confirm_payout")
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_be_hidden()
    assert posts.sent == [] and not Payout.objects.filter(memo=memo).exists()
    tab.get_by_role("button", name="Pay out…").click()
    dialog.get_by_role("button", name="Pay out 25.00 USD").dblclick()
    expect(tab.locator(".messages")).to_contain_text("Payout started")
    assert [p.amount for p in Payout.objects.filter(memo=memo)] == [Decimal("25.00")]
    assert fresh(memo).remaining_amount == Decimal("15.00")
    assert 1 <= len(posts.sent) <= 2

    tab.get_by_label("Amount (blank: all that remains)").fill("60.00")
    tab.get_by_role("button", name="Pay out…").click()
    expect(tab.locator("#payout-amount-error")).to_have_text(
        "60.00 USD is more than the credit memo's remaining 15.00 USD")
    expect(tab.locator("dialog[open]")).to_have_count(0)
    shot(tab, "confirm_payout_too_much")
    assert Payout.objects.filter(memo=memo).count() == 1

    # Reverse
    tab.goto(f"/credit-memos/{memo.id}")
    sent = len(posts.sent)
    tab.get_by_label(f"Amount to reverse on {invoice.number} (blank: all)").fill("10.00")
    tab.get_by_role("button", name="Reverse…").click()
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text(
        f"Reverse 10.00 USD of the credit applied to {invoice.number}: 50.00 USD stays applied "
        "to it, and 25.00 USD will remain on this credit memo.")
    shot(tab, "confirm_reverse")
    tab.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    assert len(posts.sent) == sent and fresh(application).amount == Decimal("60.00")
    tab.get_by_role("button", name="Reverse…").click()
    dialog.get_by_role("button", name="Reverse 10.00 USD").dblclick()
    expect(tab.locator(".messages")).to_contain_text("Application reversed")
    assert fresh(application).amount == Decimal("50.00")
    assert application.reversals.count() == 1
    assert fresh(memo).remaining_amount == Decimal("25.00")

    # Close
    sent = len(posts.sent)
    close = tab.get_by_role("button", name="Close credit memo…")
    close.click()
    expect(tab.locator("#close-reason-error")).to_have_text(
        "Give a reason for closing the credit memo: it is kept with it.")
    expect(tab.get_by_label("Why (required)")).to_be_focused()
    expect(dialog).to_be_hidden()
    shot(tab, "confirm_close_needs_a_reason")
    assert len(posts.sent) == sent
    tab.get_by_label("Why (required)").fill("Customer left")
    expect(tab.locator("#close-reason-error")).to_have_count(0)
    close.click()
    expect(dialog).to_contain_text(
        f"Close credit memo {memo.number} and write off its remaining 25.00 USD; 0.00 USD "
        "will remain. Reason: Customer left")
    shot(tab, "confirm_close")
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_be_hidden()
    assert len(posts.sent) == sent and fresh(memo).status == "partially_applied"
    close.click()
    dialog.get_by_role("button", name="Close and write off 25.00 USD").dblclick()
    expect(tab.locator(".messages")).to_contain_text("Credit memo closed")
    expect(tab.locator("h1 .status")).to_have_text("Closed")
    memo = fresh(memo)
    assert (memo.status, memo.closed_amount, memo.close_reason) == (
        "closed", Decimal("25.00"), "Customer left")
    shot(tab, "confirm_closed")


def test_without_the_script_the_server_asks(chromium, live_server, mp, customer,
                                            make_page_user, ad_hoc):
    """Scripts off: Pay out… (20.00 of a 50.00 memo) answers the page with the question
    open, 30.00 to remain; Cancel goes back unchanged; asked again and confirmed → one
    payout of 20.00."""
    memo = ad_hoc(customer, "50.00")
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False,
                                   viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        sign_in(page, make_page_user("billing"))
        page.goto(f"/credit-memos/{memo.id}")
        page.get_by_label("Amount (blank: all that remains)").fill("20.00")
        page.get_by_role("button", name="Pay out…").click()
        question = page.locator("dialog[open]")
        expect(question).to_contain_text("Pay out 20.00 USD to card; 30.00 USD will remain.")
        expect(page.locator("#payout-summary")).to_have_text(
            "Pay out 20.00 USD to card; 30.00 USD will remain.")
        shot(page, "confirm_payout_without_script")
        question.get_by_role("button", name="Cancel").click()
        expect(page.locator("dialog[open]")).to_have_count(0)
        assert not Payout.objects.filter(memo=memo).exists()
        page.get_by_label("Amount (blank: all that remains)").fill("20.00")
        page.get_by_role("button", name="Pay out…").click()
        page.locator("dialog[open]").get_by_role("button", name="Pay out 20.00 USD").click()
        expect(page.locator(".messages")).to_contain_text("Payout started")
        assert [p.amount for p in Payout.objects.filter(memo=memo)] == [Decimal("20.00")]
    finally:
        context.close()
