"""In Chromium (Playwright): a void memo is no credit on the list, the dashboard and the
customer portal, and a customer sees no draft (issue 9, point 6). Screenshots go to
test-artifacts/screenshots/."""

import re

import pytest
from playwright.sync_api import expect

from credits import services as credits

# The browser fixtures (and the set-up they need) are test_browser.py's.
from tests.web.test_browser import chromium, shot, sign_in, sign_out, tab  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_void_memo_is_struck_through_and_counts_no_credit(tab, mp, customer,  # noqa: F811
                                                             make_page_user, ad_hoc):
    """Memos of 100.00 and 40.00 for Globex, the 40.00 one voided, and a 25.00 draft: the
    list strikes 40.00 through and totals 100.00 remaining; the dashboard's outstanding
    credit is 100.00; Globex's portal shows available credit 100.00, no draft, and the
    draft's PDF answers 404."""
    kept = ad_hoc(customer, "100.00")
    voided = ad_hoc(customer, "40.00")
    credits.credit_memo_void(marketplace=mp, memo_id=voided.id, actor="t", at=voided.issued_at)
    draft = credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=customer.id, reason_code="goodwill", draft=True,
        actor="t", at=voided.issued_at,
        lines=[{"name": "Goodwill", "quantity": "1", "unit_price": "25.00"}])

    sign_in(tab, make_page_user("billing"))
    tab.goto("/credit-memos?sort=-remaining")
    void_cell = tab.get_by_role("row").filter(has_text=voided.number).locator("td.remaining")
    struck = void_cell.locator("del.no-credit")
    expect(struck).to_have_text("40.00 USD")
    assert "line-through" in struck.evaluate(
        "element => getComputedStyle(element).textDecorationLine")
    live_cell = tab.get_by_role("row").filter(has_text=kept.number).locator("td.remaining")
    expect(live_cell).to_have_text("100.00 USD")
    expect(live_cell.locator("del")).to_have_count(0)
    expect(tab.locator("tfoot tr.totals td")).to_have_text(["100.00 USD", "100.00 USD"])
    # Largest remaining first: the 100.00 memo; the void one's 40.00 counts as 0.
    expect(tab.locator("tbody tr").first).to_contain_text(kept.number)
    shot(tab, "credit_memo_list_void_struck_through")

    tab.goto("/dashboard")
    expect(tab.locator("#outstanding")).to_have_text("100.00 USD")
    sign_out(tab)

    sign_in(tab, make_page_user("customer", customer))
    expect(tab.locator("#available-credit")).to_have_text("100.00 USD")
    memos = tab.get_by_role("table").first
    expect(memos.locator("tbody tr")).to_have_count(2)
    expect(memos.get_by_text("Draft", exact=True)).to_have_count(0)
    expect(memos.get_by_role("row").filter(has_text=voided.number)
           .locator("del.no-credit")).to_have_text("40.00 USD")
    shot(tab, "portal_void_struck_through_no_drafts")
    assert tab.goto(f"/credit-memos/{draft.id}/pdf").status == 404
    assert tab.goto(f"/credit-memos/{draft.id}").status == 404
    pdf = tab.request.get(f"/credit-memos/{voided.id}/pdf")
    assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"
    assert re.search(r"CM-000002-void\.pdf", pdf.headers["content-disposition"])
