"""The pages in a real browser: Playwright drives Debian's Chromium against the live server.
Each test saves screenshots of the pages it visits to test-artifacts/screenshots/."""

import os
import re
from pathlib import Path

import pytest

from catalog.models import Product
from credits import services as credits
from tests.conftest import T0, fresh
from tests.web.conftest import PASSWORD

# Playwright's sync API runs an event loop in this thread; the ORM calls that arrange each
# test run beside it, never inside it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from playwright.sync_api import expect, sync_playwright  # noqa: E402

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(scope="module")
def chromium():
    """One browser for all these tests (they are all in this module; its event loop ends
    with them, before any other module's tests run); each test gets a fresh context."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def tab(chromium, live_server):
    context = chromium.new_context(base_url=live_server.url,
                                   viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def sign_in(page, email: str, *, screenshot: str | None = None) -> None:
    page.goto("/sign-in")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    if screenshot:
        shot(page, screenshot)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def sign_out(page) -> None:
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()


def test_credit_from_invoice_with_a_negative_line_and_an_adjusted_amount(
        tab, mp, customer, make_page_user, make_invoice):
    pro = Product.objects.create(marketplace=mp, name="Pro plan", created_at=T0)
    support = Product.objects.create(marketplace=mp, name="Support", created_at=T0)
    invoice = make_invoice(customer, [
        {"product_id": str(pro.id), "name": "Pro plan", "quantity": "3", "unit_price": "100.00",
         "billing_action": "renewal"},
        {"product_id": str(pro.id), "name": "Pro plan discount", "quantity": "1",
         "unit_price": "-50.00", "billing_action": "correction"},
        {"product_id": str(support.id), "name": "Support", "quantity": "1",
         "unit_price": "100.00"},
    ])
    sign_in(tab, make_page_user("billing"), screenshot="sign_in")
    tab.goto(f"/invoices/{invoice.id}")
    expect(tab.locator("#amount-due")).to_have_text("350.00 USD")
    tab.locator("summary", has_text="Actions").click()
    shot(tab, "invoice_detail")
    tab.get_by_role("link", name="Create credit memo").click()

    group = tab.locator(".group", has_text="Pro plan")
    expect(group.first).to_contain_text("Renewal")
    expect(group.first).to_contain_text("Correction")
    tab.get_by_text("Choose lines of Pro plan").click()
    tab.get_by_label("Pro plan", exact=True).check()
    tab.get_by_label("Amount to credit for Pro plan", exact=True).fill("120.00")
    tab.get_by_label("Pro plan discount", exact=True).check()
    tab.get_by_label("Credit reason").fill("Two seats were never used")
    # 120.00 of the seats less the 50.00 discount they came with.
    expect(tab.locator("#preview-total")).to_have_text("70.00 USD")
    expect(tab.get_by_label(re.compile(r"\(this invoice\)"))).to_be_checked()
    shot(tab, "credit_memo_from_invoice")
    tab.get_by_role("button", name="Apply credit memo").click()

    expect(tab.get_by_role("heading", level=1)).to_contain_text("Credit memo CM-000001")
    expect(tab.locator("h1 .status")).to_have_text("Fully applied")
    expect(tab.locator("#remaining")).to_have_text("0.00 USD")
    shot(tab, "credit_memo_detail_from_invoice")
    tab.get_by_role("link", name=invoice.number).first.click()
    expect(tab.locator("#amount-due")).to_have_text("280.00 USD")
    assert fresh(invoice).amount_due == 280


def test_ad_hoc_memo_with_two_lines_auto_applied(tab, mp, make_company, make_page_user,
                                                 make_invoice):
    initech = make_company("Initech")
    make_company("Globex")
    Product.objects.create(marketplace=mp, name="Support", created_at=T0)
    invoice = make_invoice(initech, amount="500.00")
    sign_in(tab, make_page_user("manager"))
    tab.get_by_role("link", name="New credit memo").click()

    tab.get_by_label("Find a company").fill("Init")
    expect(tab.locator("#company_id option")).to_have_count(2)  # the prompt and Initech
    tab.get_by_label("Company", exact=True).select_option(label="Initech (USD)")
    tab.get_by_label("Reason code").select_option("service_credit")
    tab.get_by_label("Credit reason").fill("Outage on the 12th")
    tab.locator("#lines-0-item").fill("Goodwill credit")
    tab.locator("#lines-0-unit_price").fill("30.00")
    tab.get_by_role("button", name="Add credit memo line").click()
    second = tab.locator("#line-1")
    second.get_by_label("Item type").select_option("product")
    second.locator("#lines-1-item").fill("Support")
    second.get_by_label("Quantity").fill("2")
    second.get_by_label("Unit price").fill("ten")
    tab.get_by_label("Auto-apply this credit memo to outstanding invoices").check()
    tab.get_by_role("button", name="Create credit memo").click()
    # Refused beside the field; everything typed is still there.
    expect(tab.locator("#lines-1-unit_price-error")).to_contain_text("decimal number")
    expect(tab.locator("#lines-1-item")).to_have_value("Support")
    expect(tab.locator("#lines-0-item")).to_have_value("Goodwill credit")
    expect(tab.get_by_label("Auto-apply this credit memo to outstanding invoices")).to_be_checked()
    tab.locator("#lines-1-unit_price").fill("10.00")
    expect(tab.locator("#preview-total")).to_have_text("50.00 USD")
    shot(tab, "credit_memo_new")
    tab.get_by_role("button", name="Create credit memo").click()

    expect(tab.locator("h1 .status")).to_have_text("Fully applied")
    history = tab.locator("section", has=tab.get_by_role("heading", name="balance history"))
    row = history.get_by_role("row", name=re.compile(invoice.number))
    expect(row).to_contain_text("500.00 USD")  # amount due at the time
    expect(row).to_contain_text("50.00 USD")
    expect(tab.get_by_text("Outage on the 12th")).to_be_visible()
    shot(tab, "credit_memo_detail_applied")
    assert fresh(invoice).amount_due == 450


def test_void_through_the_confirmation_and_no_void_once_applied(
        tab, mp, customer, make_page_user, ad_hoc, make_invoice):
    make_invoice(customer, amount="10.00")
    applied = ad_hoc(customer, "25.00", auto_apply=True)
    unapplied = ad_hoc(customer, "40.00")
    assert fresh(applied).status == "partially_applied"
    sign_in(tab, make_page_user("manager"))
    tab.goto(f"/credit-memos/{unapplied.id}")
    void = tab.get_by_role("button", name="Void…")
    void.click()
    dialog = tab.get_by_role("dialog")
    expect(dialog).to_be_visible()
    shot(tab, "void_confirmation")
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_be_hidden()
    expect(tab.locator("h1 .status")).to_have_text("Unapplied")
    void.focus()
    tab.keyboard.press("Enter")
    dialog.get_by_role("button", name="Void credit memo").click()
    expect(tab.get_by_text("Credit memo voided.")).to_be_visible()
    expect(tab.locator("h1 .status")).to_have_text("Void")
    assert fresh(unapplied).status == "void"

    tab.goto(f"/credit-memos/{applied.id}")
    expect(tab.locator("h1 .status")).to_have_text("Partially applied")
    expect(tab.get_by_role("button", name="Void…")).to_have_count(0)
    expect(tab.get_by_role("dialog")).to_have_count(0)


def test_a_manager_sees_the_credit_reason_and_a_developer_does_not(
        tab, customer, make_page_user, ad_hoc):
    memo = ad_hoc(customer, "60.00", reason="Seats billed twice in March")
    sign_in(tab, make_page_user("manager"))
    tab.goto(f"/credit-memos/{memo.id}")
    expect(tab.get_by_text("Seats billed twice in March")).to_be_visible()
    shot(tab, "credit_memo_detail_manager")
    sign_out(tab)
    sign_in(tab, make_page_user("developer"))
    tab.goto(f"/credit-memos/{memo.id}")
    expect(tab.get_by_role("heading", level=1)).to_contain_text(memo.number)
    expect(tab.get_by_text("Seats billed twice in March")).to_have_count(0)
    expect(tab.get_by_text("Credit reason")).to_have_count(0)
    expect(tab.get_by_role("button", name="Apply credit")).to_have_count(0)
    shot(tab, "credit_memo_detail_developer")


def test_a_customer_user_sees_only_their_company(tab, mp, make_company, make_page_user,
                                                 make_invoice, ad_hoc):
    globex, umbrella = make_company("Globex"), make_company("Umbrella")
    mp.auto_apply_credit_to_new_invoices = False
    mp.save()
    own_invoice = make_invoice(globex, amount="200.00")
    other_invoice = make_invoice(umbrella, amount="900.00")
    own_memo = ad_hoc(globex, "75.00", reason="Internal: angry customer")
    other_memo = ad_hoc(umbrella, "33.00")
    sign_in(tab, make_page_user("customer", globex))
    expect(tab.get_by_role("heading", level=1)).to_have_text("Globex")
    expect(tab.locator("#available-credit")).to_have_text("75.00 USD")
    expect(tab.get_by_role("link", name=own_memo.number)).to_be_visible()
    expect(tab.get_by_role("link", name=own_invoice.number)).to_be_visible()
    expect(tab.get_by_role("link", name=other_memo.number)).to_have_count(0)
    expect(tab.get_by_role("link", name=other_invoice.number)).to_have_count(0)
    shot(tab, "customer_portal")
    tab.get_by_role("link", name=own_memo.number).click()
    expect(tab.locator("#remaining")).to_have_text("75.00 USD")
    expect(tab.get_by_text("angry customer")).to_have_count(0)
    expect(tab.get_by_role("heading", name="Audit trail")).to_have_count(0)
    assert tab.goto(f"/credit-memos/{other_memo.id}").status == 404
    assert tab.goto(f"/invoices/{other_invoice.id}").status == 404
    tab.goto("/invoices")
    expect(tab.locator(".pager")).to_contain_text("1 result")


def test_filters_and_search_narrow_the_lists(tab, mp, make_company, make_page_user, ad_hoc,
                                             make_invoice):
    globex, umbrella = make_company("Globex"), make_company("Umbrella")
    mp.auto_apply_credit_to_new_invoices = False
    mp.save()
    ad_hoc(globex, "10.00", description="March outage")
    ad_hoc(globex, "20.00")
    big = ad_hoc(globex, "300.00")
    ad_hoc(umbrella, "40.00", description="Outage in April")
    voided = ad_hoc(umbrella, "50.00")
    credits.credit_memo_void(marketplace=mp, memo_id=voided.id, actor="t", at=voided.issued_at)
    invoice = make_invoice(umbrella, amount="70.00")
    make_invoice(globex, amount="80.00")
    sign_in(tab, make_page_user("billing"))
    tab.get_by_role("link", name="Credit memos").click()
    pager = tab.locator(".pager")
    expect(pager).to_contain_text("5 results")

    tab.get_by_label("Search").fill("umbrella")
    expect(pager).to_contain_text("2 results")
    tab.get_by_label("Status").select_option("void")
    expect(pager).to_contain_text("1 result ")
    expect(tab.get_by_role("link", name=voided.number)).to_be_visible()
    assert "status=void" in tab.url and "q=umbrella" in tab.url  # the filters stay in the URL

    tab.goto("/credit-memos?q=outage")  # line descriptions too
    expect(pager).to_contain_text("2 results")
    tab.goto("/credit-memos")
    tab.get_by_label("Find a customer").fill("glo")
    expect(tab.locator("#customer option")).to_have_count(2)
    tab.get_by_label("Customer", exact=True).select_option(label="Globex (USD)")
    expect(pager).to_contain_text("3 results")
    totals = tab.locator("tfoot")
    expect(totals).to_contain_text("330.00 USD")  # 10 + 20 + 300, the filtered set
    tab.get_by_role("link", name="Total").click()
    expect(tab.locator("th[aria-sort]")).to_have_attribute("aria-sort", "descending")
    expect(tab.locator("tbody tr").first).to_contain_text(big.number)
    shot(tab, "credit_memo_list")
    tab.get_by_label("Issued to").fill("2026-01-14")
    tab.get_by_label("Issued to").dispatch_event("change")
    expect(pager).to_contain_text("0 results")

    tab.goto("/invoices")
    expect(pager).to_contain_text("2 results")
    tab.get_by_label("Search").fill(invoice.number)
    expect(pager).to_contain_text("1 result ")
    expect(tab.get_by_role("link", name=invoice.number)).to_be_visible()
    shot(tab, "invoice_list")


def test_dashboard_and_settings(tab, mp, customer, make_page_user, ad_hoc, make_invoice):
    make_invoice(customer, amount="30.00")
    ad_hoc(customer, "100.00", auto_apply=True)
    sign_in(tab, make_page_user("manager"))
    expect(tab.get_by_role("heading", name="Dashboard")).to_be_visible()
    expect(tab.locator("#outstanding")).to_have_text("70.00 USD")
    expect(tab.get_by_role("img", name=re.compile("Credit issued, applied and outstanding"))) \
        .to_be_visible()
    shot(tab, "dashboard")

    tab.get_by_role("link", name="Invoice & Credit Memo").click()
    expect(tab.locator("#example-credit-memo")).to_have_text("CM-000002")
    tab.get_by_label("Credit memo number prefix").fill("CN-")
    tab.get_by_label("Number padding (digits)").fill("4")
    expect(tab.locator("#example-credit-memo")).to_have_text("CN-0002")
    expect(tab.locator("#example-invoice")).to_have_text("INV-0002")
    tab.get_by_label("Auto-apply credit to new invoices").uncheck()
    shot(tab, "settings")
    tab.get_by_role("button", name="Save settings").click()
    expect(tab.get_by_text("Settings saved.")).to_be_visible()
    mp.refresh_from_db()
    assert (mp.credit_memo_number_prefix, mp.number_padding,
            mp.auto_apply_credit_to_new_invoices) == ("CN-", 4, False)
