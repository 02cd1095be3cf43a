"""A void memo or a draft is never credit on the pages (issue 9, point 6): lists and their
totals, the detail page, the dashboard and its chart, invoice pages and the customer portal.
On pages a void memo's (or a draft's) remaining amount is shown struck through (`<del>`, with
"counts as 0" for screen readers) and counted as 0. A customer never sees a draft, nor its
PDF (404)."""

import datetime
import re

import pytest

from credits import services as credits
from invoicing import services as invoicing
from web.dashboard import dashboard

pytestmark = pytest.mark.django_db


def at(month, day):
    return datetime.datetime(2026, month, day, 10, tzinfo=datetime.UTC)


def row_of(html: str, text: str) -> str:
    """The table row (or list item) of the page that holds `text`."""
    rows = [r for r in re.findall(r"<(?:tr|li)\b.*?</(?:tr|li)>", html, re.S) if text in r]
    assert len(rows) == 1, f"{len(rows)} rows hold {text!r}"
    return rows[0]


def struck(fragment: str, figure: str) -> bool:
    return re.search(rf'<del class="no-credit"[^>]*>{re.escape(figure)}</del>', fragment) \
        is not None


@pytest.fixture
def two_memos(mp, customer, ad_hoc):
    """Memos of 100.00 and 40.00 for Globex; the 40.00 one is voided."""
    kept, voided = ad_hoc(customer, "100.00"), ad_hoc(customer, "40.00")
    credits.credit_memo_void(marketplace=mp, memo_id=voided.id, actor="t",
                             at=voided.issued_at)
    return kept, voided


def test_the_list_strikes_a_void_memo_through_and_totals_only_live_credit(
        signed_in, two_memos):
    """100.00 + 40.00 issued, 40.00 voided: the filtered set's remaining is 100.00 (total
    100.00), the void row's 40.00 is struck through; the live row is not."""
    kept, voided = two_memos
    html = signed_in("billing").get("/credit-memos").text
    void_row, live_row = row_of(html, voided.number), row_of(html, kept.number)
    assert struck(void_row, "40.00 USD") and "(void, counts as 0)" in void_row
    assert "<del" not in live_row and "100.00 USD" in live_row
    totals = row_of(html, "Filtered set")
    assert re.findall(r'<td class="num">([^<]*)</td>', totals) == ["100.00 USD", "100.00 USD"]


def test_a_sort_by_remaining_counts_a_void_memo_as_zero(signed_in, mp, customer, ad_hoc):
    """Remaining 30.00 (live) and 40.00 (void, so 0): largest first puts the live memo
    first, smallest first the void one."""
    live = ad_hoc(customer, "30.00")
    voided = ad_hoc(customer, "40.00")
    credits.credit_memo_void(marketplace=mp, memo_id=voided.id, actor="t", at=voided.issued_at)
    client = signed_in("billing")

    def order(sort):
        html = client.get("/credit-memos", {"sort": sort}).text
        return [n for n in re.findall(r"CM-\d+", html) if n in (live.number, voided.number)]

    assert order("-remaining") == [live.number, voided.number]
    assert order("remaining") == [voided.number, live.number]


def test_the_detail_page_strikes_a_void_memo_remaining_through(signed_in, two_memos):
    kept, voided = two_memos
    client = signed_in("manager")
    remaining = re.search(r'<dd id="remaining">(.*?)</dd>',
                          client.get(f"/credit-memos/{voided.id}").text).group(1)
    assert struck(remaining, "40.00 USD")
    live = re.search(r'<dd id="remaining">(.*?)</dd>',
                     client.get(f"/credit-memos/{kept.id}").text).group(1)
    assert live == "<strong>100.00 USD</strong>"


def test_the_dashboard_counts_no_void_credit(signed_in, mp, two_memos):
    """Outstanding: 100.00 (not 140.00); issued in Jan 26: 100.00; by origin: one ad hoc
    memo of 100.00; by status the void one is its own row, its total struck through."""
    figures = dashboard(marketplace=mp, currency="USD", today=datetime.date(2026, 2, 10))
    assert figures["outstanding"] == "100.00"
    assert figures["issued_12m"] == "100.00"
    assert figures["by_origin"] == [{"key": "ad_hoc", "count": 1, "total": "100.00"}]
    assert [(r["key"], r["count"], r["total"]) for r in figures["by_status"]] == [
        ("unapplied", 1, "100.00"), ("void", 1, "40.00")]
    html = signed_in("manager").get("/dashboard").text
    assert 'id="outstanding">100.00 USD' in html
    assert struck(row_of(html, "?status=void"), "40.00")
    assert "<del" not in row_of(html, "?status=unapplied")
    # The chart's line ends at the outstanding credit: its figures table says so.
    assert "<td class=\"num\">100.00</td><td class=\"num\">0.00</td><td class=\"num\">100.00" \
        in html


def test_the_chart_ignores_a_void_memo_applied_then_reversed_before_the_void(
        mp, customer, make_company, clock):
    """Initech: a 40.00 memo issued 15 Jan, applied to an invoice 16 Jan (auto-apply), the
    application reversed 5 Feb, the memo voided 6 Feb. Globex: 100.00 issued 15 Jan. Per
    month (issued, applied, outstanding): Jan 100.00, 0.00, 100.00 — not applied 40.00 and
    outstanding 60.00 — and Feb 0.00, 0.00, 100.00 — not applied -40.00."""
    initech = make_company("Initech")
    credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=customer.id, reason_code="goodwill", actor="t",
        at=at(1, 15), lines=[{"name": "Goodwill", "quantity": "1", "unit_price": "100.00"}])
    memo = credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=initech.id, reason_code="goodwill", actor="t",
        at=at(1, 15), lines=[{"name": "Goodwill", "quantity": "1", "unit_price": "40.00"}])
    credits.invoice_create(marketplace=mp, company_id=initech.id, actor="t", at=at(1, 16),
                           lines=[{"name": "Plan", "quantity": "1", "unit_price": "50.00"}])
    application = memo.applications.get()
    assert application.amount == 40
    credits.application_reverse(marketplace=mp, memo_id=memo.id, application_id=application.id,
                                actor="t", at=at(2, 5))
    credits.credit_memo_void(marketplace=mp, memo_id=memo.id, actor="t", at=at(2, 6))
    figures = dashboard(marketplace=mp, currency="USD", today=datetime.date(2026, 3, 10))
    months = {m["label"]: (m["issued"], m["applied"], m["outstanding"])
              for m in figures["chart"]["months"]}
    assert months["Jan 26"] == ("100.00", "0.00", "100.00")
    assert months["Feb 26"] == ("0.00", "0.00", "100.00")
    assert months["Mar 26"] == ("0.00", "0.00", "100.00")
    assert figures["applied_12m"] == "0.00" and figures["outstanding"] == "100.00"


def test_an_invoice_page_strikes_void_and_draft_memos_through(signed_in, mp, customer,
                                                              make_invoice, clock):
    """A paid invoice of 100.00 credited by a 30.00 memo (issued), a 20.00 memo (voided)
    and a 10.00 draft: only the 30.00 one stands as credit."""
    invoice = make_invoice(customer, amount="100.00")
    invoicing.payment_create(marketplace=mp, invoice_id=invoice.id, amount="100.00",
                             actor="t", at=clock())
    line = str(invoice.lines.get().id)

    def credit(amount, **kwargs):
        return credits.credit_memo_create_from_invoice(
            marketplace=mp, invoice_id=invoice.id, reason_code="overcharge", actor="t",
            at=clock(), lines=[{"invoice_line_id": line, "amount": amount}], **kwargs)

    issued, voided, draft = credit("30.00"), credit("20.00"), credit("10.00", draft=True)
    credits.credit_memo_void(marketplace=mp, memo_id=voided.id, actor="t", at=clock())
    html = signed_in("billing").get(f"/invoices/{invoice.id}").text
    assert "<del" not in row_of(html, issued.number) and "30.00 USD" in row_of(html, issued.number)
    assert struck(row_of(html, voided.number), "20.00 USD")
    assert struck(row_of(html, f"/credit-memos/{draft.id}"), "10.00 USD")


def test_a_void_invoice_amount_due_is_struck_through(signed_in, mp, customer, make_invoice,
                                                     clock):
    invoice = make_invoice(customer, amount="119.00")
    invoicing.invoice_void(marketplace=mp, invoice_id=invoice.id, actor="t", at=clock())
    client = signed_in("billing")
    due = re.search(r'<dd id="amount-due">(.*?)</dd>',
                    client.get(f"/invoices/{invoice.id}").text).group(1)
    assert struck(due, "119.00 USD")
    assert struck(row_of(client.get("/invoices").text, invoice.number), "119.00 USD")


@pytest.fixture
def customer_documents(mp, customer, make_company, ad_hoc, make_invoice, clock):
    """Globex: an issued invoice (80.00, auto-apply off), a 100.00 memo, a 40.00 memo voided,
    a 25.00 draft memo, a voided draft memo, a draft invoice and a draft memo from the
    issued invoice. Initech: a 60.00 memo."""
    mp.auto_apply_credit_to_new_invoices = False
    mp.save()
    invoice = make_invoice(customer, amount="80.00")
    kept = ad_hoc(customer, "100.00")
    voided = ad_hoc(customer, "40.00")
    credits.credit_memo_void(marketplace=mp, memo_id=voided.id, actor="t", at=clock())

    def draft_memo(amount):
        return credits.credit_memo_create_ad_hoc(
            marketplace=mp, company_id=customer.id, reason_code="goodwill", draft=True,
            actor="t", at=clock(), lines=[{"name": "Goodwill", "quantity": "1",
                                           "unit_price": amount}])

    draft = draft_memo("25.00")
    voided_draft = draft_memo("7.00")
    credits.credit_memo_void(marketplace=mp, memo_id=voided_draft.id, actor="t", at=clock())
    draft_invoice = make_invoice(customer, amount="55.00", finalize=False)
    draft_from_invoice = credits.credit_memo_create_from_invoice(
        marketplace=mp, invoice_id=invoice.id, reason_code="overcharge", draft=True,
        actor="t", at=clock())
    ad_hoc(make_company("Initech"), "60.00")
    return {"invoice": invoice, "kept": kept, "voided": voided,
            "drafts": [draft, voided_draft, draft_from_invoice], "draft_invoice": draft_invoice}


def test_the_portal_lists_no_draft_and_strikes_a_void_memo_through(signed_in, customer,
                                                                   customer_documents):
    """Available credit: 100.00 (not 140.00, nor 165.00 with the draft); the memos listed
    are the 100.00 one and the void 40.00 one, struck through; one invoice."""
    docs = customer_documents
    html = signed_in("customer", customer).get("/portal").text
    assert '<dd id="available-credit"><strong>100.00 USD</strong></dd>' in html
    for draft in [*docs["drafts"], docs["draft_invoice"]]:
        assert str(draft.id) not in html
    assert "Draft" not in html
    assert struck(row_of(html, docs["voided"].number), "40.00 USD")
    assert "<del" not in row_of(html, docs["kept"].number)
    assert str(docs["invoice"].id) in html


def test_a_customer_gets_404_for_a_draft_its_pdf_and_finds_none_in_lists(
        signed_in, customer, customer_documents):
    docs = customer_documents
    client = signed_in("customer", customer)
    for memo in docs["drafts"]:
        assert client.get(f"/credit-memos/{memo.id}").status_code == 404
        assert client.get(f"/credit-memos/{memo.id}/pdf").status_code == 404
    draft_invoice = docs["draft_invoice"]
    assert client.get(f"/invoices/{draft_invoice.id}").status_code == 404
    assert client.get(f"/invoices/{draft_invoice.id}/pdf").status_code == 404
    memos = client.get("/credit-memos").text
    assert "2 results" in memos
    assert not any(str(memo.id) in memos for memo in docs["drafts"])
    assert "0 results" in client.get("/credit-memos", {"status": "draft"}).text
    invoices = client.get("/invoices").text
    assert "1 result" in invoices and str(draft_invoice.id) not in invoices
    # The issued invoice's page does not name the draft memo made from it.
    page = client.get(f"/invoices/{docs['invoice'].id}")
    assert page.status_code == 200 and str(docs["drafts"][2].id) not in page.text
    # The void memo's page and PDF are the customer's to see, marked.
    assert client.get(f"/credit-memos/{docs['voided'].id}").status_code == 200
    assert client.get(f"/credit-memos/{docs['voided'].id}/pdf").status_code == 200


def test_staff_still_see_drafts(signed_in, customer_documents):
    docs = customer_documents
    client = signed_in("billing")
    memos = client.get("/credit-memos").text
    for memo in docs["drafts"]:
        assert str(memo.id) in memos
        assert client.get(f"/credit-memos/{memo.id}").status_code == 200
    assert client.get(f"/invoices/{docs['draft_invoice'].id}").status_code == 200
    assert str(docs["drafts"][2].id) in client.get(f"/invoices/{docs['invoice'].id}").text
