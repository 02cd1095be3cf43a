"""The ad hoc credit memo form in Chromium with a VAT category: an exempt line (E) with its
reason beside a standard-rate line, and the detail page's categories and VAT breakdown."""

import os

import pytest

from credits.models import CreditMemo
from tests.web.test_browser import CHROMIUM_ARGS, shot, sign_in

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from playwright.sync_api import expect, sync_playwright  # noqa: E402

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(scope="module")
def chromium():
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


def test_ad_hoc_memo_with_an_exempt_line(tab, mp, make_company, make_page_user):
    make_company("Initech")
    make_company("Globex")  # so that the search's answer is told by its count
    sign_in(tab, make_page_user("manager"))
    tab.get_by_role("link", name="New credit memo").click()
    tab.get_by_label("Find a company").fill("Init")
    expect(tab.locator("#company_id option")).to_have_count(2)  # the prompt and Initech
    tab.get_by_label("Reason code").select_option("service_credit")
    first = tab.locator("#line-0")
    first.locator("#lines-0-item").fill("Medical check")
    first.locator("#lines-0-unit_price").fill("50.00")
    first.get_by_label("VAT category").select_option("E")
    # The company last, once the search's options have settled.
    company = tab.get_by_label("Company", exact=True)
    company.select_option(label="Initech (USD)")
    expect(company).not_to_have_value("")
    tab.get_by_role("button", name="Create credit memo").click()
    # E without a reason is refused beside the field, the category kept.
    expect(tab.locator("#lines-0-tax_exemption_reason-error")).to_contain_text(
        "an exempt line (category E) needs")
    expect(tab.locator("#lines-0-tax_category")).to_have_value("E")
    tab.locator("#lines-0-tax_exemption_reason_code").fill("VATEX-EU-132-1I")
    tab.locator("#lines-0-tax_exemption_reason").fill("Medical care")
    tab.get_by_role("button", name="Add credit memo line").click()
    second = tab.locator("#line-1")
    second.locator("#lines-1-item").fill("Hosting")
    second.get_by_label("Unit price").fill("100.00")
    second.get_by_label("Tax rate").fill("0.19")
    # 50.00 exempt + 100.00 at 19 % (19.00): 169.00.
    expect(tab.locator("#preview-total")).to_have_text("169.00 USD")
    shot(tab, "credit_memo_new_tax_categories")
    tab.get_by_role("button", name="Create credit memo").click()

    expect(tab.locator("h1")).to_contain_text("Credit memo")
    lines = tab.locator("section", has=tab.get_by_role("heading", name="Lines"))
    expect(lines.get_by_role("row", name="Medical check")).to_contain_text(
        "(Exempt from VAT, 0 %)")
    expect(lines.get_by_role("row", name="Medical check")).to_contain_text("Medical care")
    expect(lines.get_by_role("row", name="Hosting")).to_contain_text("(Standard rate, 19 %)")
    breakdown = tab.locator("#vat-breakdown")
    expect(breakdown.get_by_role("row", name="E · Exempt from VAT")).to_contain_text("50.00")
    expect(breakdown.get_by_role("row", name="S · Standard rate")).to_contain_text("19.00")
    shot(tab, "credit_memo_detail_tax_categories")
    memo = CreditMemo.objects.get()
    assert [(line.tax_category, line.tax_exemption_reason_code, line.tax_exemption_reason)
            for line in memo.lines.order_by("position")] == [
        ("E", "VATEX-EU-132-1I", "Medical care"), ("S", "", "")]
    assert memo.total == 169
