"""The list search `q` (credits.selectors.document_search) has two plans: a walk newest first
that tests each document (for a common term) and a union of indexed lookups (for a rare one).
The newest documents choose between them; whichever runs, the same documents are found."""

import pytest

from credits import selectors
from credits.selectors import credit_memo_list, document_search
from invoicing.models import Invoice, InvoiceLine
from tests.factories import ad_hoc, from_invoice, invoice, line

QUERIES = ["globex", "GLOBEX", "initech", "wayne", "resale", "outage", "OUTAGE", "cm-",
           "cm-000002", "inv-000001", "%", "_", "100%_", "nothing at all"]


@pytest.fixture
def documents(mp, make_company, clock):
    globex = make_company("Globex")
    initech = make_company("Initech")
    reseller = make_company("Umbrella Resale", is_reseller=True)
    wayne = make_company("Wayne Enterprises", reseller_id=reseller.id)
    inv = invoice(mp, initech, at=clock(), lines=[
        line("100.00", description="Outage credit"), line("50.00", description="Seats")])
    invoice(mp, wayne, "80.00", at=clock())
    from_invoice(mp, inv, at=clock(), lines=[{"invoice_line_id": str(inv.lines.first().id),
                                              "amount": "10.00"}])
    ad_hoc(mp, globex, "5.00", at=clock())
    ad_hoc(mp, wayne, "7.00", at=clock())
    ad_hoc(mp, initech, "3.00", at=clock(), draft=True)
    return mp


def _both_plans(monkeypatch, search):
    """(walk result, union result) of `search()`, each plan forced through the sample's
    threshold."""
    monkeypatch.setattr(selectors, "SEARCH_WALK_HITS", 0)
    walked = search()
    monkeypatch.setattr(selectors, "SEARCH_SAMPLE", 1)
    monkeypatch.setattr(selectors, "SEARCH_WALK_HITS", 10 ** 9)
    unioned = search()
    return walked, unioned


@pytest.mark.parametrize("q", QUERIES)
def test_memo_search_plans_agree(documents, monkeypatch, q):
    def search():
        return sorted(str(pk) for pk in credit_memo_list(marketplace=documents, q=q)
                      .values_list("id", flat=True))

    walked, unioned = _both_plans(monkeypatch, search)
    assert walked == unioned


def test_memo_search_finds_each_field(documents, monkeypatch):
    """Worked: the memo from Initech's invoice (line "Outage credit"), Globex's, Wayne's
    (billed through Umbrella Resale) and Initech's draft."""
    def names(q):
        return sorted(m.company.name + ("/" + m.billed_company.name
                                        if m.billed_company_id != m.company_id else "")
                      for m in credit_memo_list(marketplace=documents, q=q))

    for plan in _both_plans(monkeypatch, lambda: {q: names(q) for q in QUERIES}):
        assert plan["globex"] == ["Globex"]
        assert plan["initech"] == ["Initech", "Initech"]
        assert plan["outage"] == ["Initech"]
        assert plan["wayne"] == plan["resale"] == ["Umbrella Resale/Wayne Enterprises"]
        assert plan["cm-"] == ["Globex", "Initech", "Umbrella Resale/Wayne Enterprises"]
        assert plan["nothing at all"] == plan["100%_"] == []


@pytest.mark.parametrize("q", QUERIES)
def test_invoice_search_plans_agree(documents, monkeypatch, q):
    def search():
        found = document_search(Invoice.objects.filter(marketplace=documents),
                                marketplace=documents, q=q, field="invoice_id",
                                lines=InvoiceLine.objects.filter(description__icontains=q))
        return sorted(str(pk) for pk in found.values_list("id", flat=True))

    walked, unioned = _both_plans(monkeypatch, search)
    assert walked == unioned


def test_the_sample_picks_the_plan(documents, monkeypatch):
    """The 3 newest memos are Initech's draft, Wayne's and Globex's: 1 of them holds
    "initech". Needing 1 hit, the search walks; needing 2, it takes the union."""
    monkeypatch.setattr(selectors, "SEARCH_SAMPLE", 3)
    monkeypatch.setattr(selectors, "SEARCH_WALK_HITS", 1)
    walked = credit_memo_list(marketplace=documents, q="initech")
    monkeypatch.setattr(selectors, "SEARCH_WALK_HITS", 2)
    unioned = credit_memo_list(marketplace=documents, q="initech")
    assert "UNION" not in str(walked.query) and "UNION" in str(unioned.query)
    assert set(walked) == set(unioned) and len(walked) == 2
