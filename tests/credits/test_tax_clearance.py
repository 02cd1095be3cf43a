"""A tax authority's clearance (e.g. Greece's myDATA MARK) recorded on an issued invoice or
credit memo: once, with its event; never on a draft or a void document."""

import pytest

from common.errors import InvalidInput, InvalidState, NotFound
from credits import services as credits
from credits.services.clearance import tax_clearance_record
from notifications.models import Event


def test_recorded_once_with_its_event(mp, make_company, make_invoice, clock):
    invoice = make_invoice(make_company(), amount="100.00")
    cleared = tax_clearance_record(marketplace=mp, kind="invoice", document_id=invoice.id,
                                   tax_clearance_id="400001000000001",
                                   tax_clearance_url="https://www1.aade.gr/t/400001000000001",
                                   actor="t", at=clock())
    assert (cleared.tax_clearance_id, cleared.tax_clearance_url) == (
        "400001000000001", "https://www1.aade.gr/t/400001000000001")
    event = Event.objects.get(type="invoice.tax_clearance_recorded")
    assert event.data["tax_clearance_id"] == "400001000000001"
    # The same clearance again changes nothing and records nothing.
    tax_clearance_record(marketplace=mp, kind="invoice", document_id=invoice.id,
                         tax_clearance_id="400001000000001",
                         tax_clearance_url="https://www1.aade.gr/t/400001000000001",
                         actor="t", at=clock())
    assert Event.objects.filter(type="invoice.tax_clearance_recorded").count() == 1
    # Another is a conflict: a cleared document is corrected by a credit memo.
    with pytest.raises(InvalidState) as error:
        tax_clearance_record(marketplace=mp, kind="invoice", document_id=invoice.id,
                             tax_clearance_id="400001000000002", actor="t", at=clock())
    assert error.value.code == "already_cleared"
    invoice.refresh_from_db()
    assert invoice.tax_clearance_id == "400001000000001"


def test_memo_drafts_void_and_bad_input(mp, make_company, make_invoice, clock):
    company = make_company()
    invoice = make_invoice(company, amount="50.00")
    memo = credits.credit_memo_create_from_invoice(marketplace=mp, invoice_id=invoice.id,
                                                   reason_code="duplicate", actor="t",
                                                   at=clock())
    tax_clearance_record(marketplace=mp, kind="credit_memo", document_id=memo.id,
                         tax_clearance_id="400001000000003", actor="t", at=clock())
    memo.refresh_from_db()
    assert memo.tax_clearance_id == "400001000000003" and memo.tax_clearance_url == ""
    draft = credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=company.id, reason_code="goodwill", draft=True, actor="t",
        at=clock(), lines=[{"name": "Goodwill", "quantity": "1", "unit_price": "5.00"}])
    with pytest.raises(InvalidState):
        tax_clearance_record(marketplace=mp, kind="credit_memo", document_id=draft.id,
                             tax_clearance_id="1", actor="t", at=clock())
    for value, param in (("", "tax_clearance_id"), ("has space", "tax_clearance_id"),
                         ("x" * 101, "tax_clearance_id"), (12, "tax_clearance_id")):
        with pytest.raises(InvalidInput) as error:
            tax_clearance_record(marketplace=mp, kind="invoice", document_id=invoice.id,
                                 tax_clearance_id=value, actor="t", at=clock())
        assert error.value.param == param
    with pytest.raises(InvalidInput) as error:
        tax_clearance_record(marketplace=mp, kind="invoice", document_id=invoice.id,
                             tax_clearance_id="5", tax_clearance_url="http://aade.gr/x",
                             actor="t", at=clock())
    assert error.value.param == "tax_clearance_url"
    with pytest.raises(NotFound):
        tax_clearance_record(marketplace=mp, kind="invoice", document_id=memo.id,
                             tax_clearance_id="5", actor="t", at=clock())
    assert Event.objects.filter(type__endswith="tax_clearance_recorded").count() == 1
