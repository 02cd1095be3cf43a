"""Invoice and credit memo numbers of one marketplace never collide: a number prefix is never
empty, and neither prefix may be the other followed by digits only, nor such a prefix of a
kind of document that numbers were issued under before it changed (issue 9, point 7)."""

import pytest

from common.errors import DomainError
from credits import services as credits
from documents.numbering import preview_number
from marketplaces.numbers import prefixes_collide
from marketplaces.services import marketplace_settings_update
from tests.api.conftest import error_of
from tests.conftest import T0, fresh


def _change(mp, **changes):
    return marketplace_settings_update(marketplace=mp, changes=changes, at=T0)


def _refusal(mp, **changes):
    with pytest.raises(DomainError) as refused:
        _change(mp, **changes)
    return refused.value.kind, refused.value.code, refused.value.param


def _settings(mp) -> tuple:
    mp = fresh(mp)
    return (mp.invoice_number_prefix, mp.credit_memo_number_prefix, mp.number_padding)


@pytest.mark.parametrize(("a", "b"), [
    ("INV-", "INV-"), ("INV-", "INV-0"), ("INV-", "INV-1"), ("A", "A12"), ("2026", "20261"),
])
def test_a_prefix_followed_by_digits_only_collides(a, b):
    assert prefixes_collide(a, b) and prefixes_collide(b, a)


@pytest.mark.parametrize(("a", "b"), [
    ("INV-", "CM-"), ("INV-", "INV-C"), ("INV", "INV-CM"), ("INV-", "INV-1A"), ("1", "2"),
    ("INV-", "INV-\u0661"),  # an Arabic-Indic one: numbers have ASCII digits only
])
def test_a_non_digit_after_the_shorter_prefix_keeps_numbers_apart(a, b):
    assert not prefixes_collide(a, b) and not prefixes_collide(b, a)


def test_the_collisions_refused_are_real_numbers(mp):
    """Why digits matter even when the padding is the same: with padding 6, invoice
    1,000,012 is INV- + 1000012 and credit memo 12 is INV-1 + 000012: both INV-1000012.
    With INV- and INV-0, the padding changing from 6 to 5 makes invoice 12 (INV-000012) and
    credit memo 12 (INV-0 + 00012) equal."""
    assert f"INV-{1000012:06d}" == f"INV-1{12:06d}" == "INV-1000012"
    assert f"INV-{12:06d}" == f"INV-0{12:05d}" == "INV-000012"
    assert _refusal(mp, credit_memo_number_prefix="INV-1") == (
        "business_rule", "number_prefix_collision", "credit_memo_number_prefix")
    assert _refusal(mp, credit_memo_number_prefix="INV-0") == (
        "business_rule", "number_prefix_collision", "credit_memo_number_prefix")
    assert _settings(mp) == ("INV-", "CM-", 6)


def test_an_empty_prefix_is_refused_and_nothing_changes(mp):
    for blank in ("", "   "):
        assert _refusal(mp, invoice_number_prefix=blank, number_padding=3) == (
            "business_rule", "empty_number_prefix", "invoice_number_prefix")
        assert _refusal(mp, credit_memo_number_prefix=blank) == (
            "business_rule", "empty_number_prefix", "credit_memo_number_prefix")
    assert _settings(mp) == ("INV-", "CM-", 6)


def test_the_same_prefix_for_both_is_refused_and_the_error_names_a_changed_field(mp):
    assert _refusal(mp, invoice_number_prefix="CM-")[1:] == (
        "number_prefix_collision", "invoice_number_prefix")
    assert _refusal(mp, credit_memo_number_prefix="DOC-", invoice_number_prefix="DOC-")[1:] == (
        "number_prefix_collision", "credit_memo_number_prefix")
    assert _change(mp, invoice_number_prefix="F-", credit_memo_number_prefix="FC-",
                   number_padding=4)
    assert _settings(mp) == ("F-", "FC-", 4)


def test_a_prefix_numbers_were_issued_under_stays_taken_for_the_other_kind(mp, customer):
    """Invoice 1 is INV-000001. Once the invoice prefix becomes F-, a credit memo prefix of
    INV- would make credit memo 1 INV-000001 too: refused, with INV- named as what the
    invoice prefix was. CM- was never used (no memo issued), so invoices may take it."""
    invoice = credits.invoice_create(
        marketplace=mp, company_id=customer.id, actor="t", at=T0,
        lines=[{"name": "Service", "quantity": "1", "unit_price": "10.00"}])
    assert invoice.number == "INV-000001"
    _change(mp, invoice_number_prefix="F-")
    with pytest.raises(DomainError) as refused:
        _change(mp, credit_memo_number_prefix="INV-")
    assert (refused.value.code, refused.value.param) == (
        "number_prefix_collision", "credit_memo_number_prefix")
    assert "'INV-', which was the invoice number prefix" in refused.value.message
    assert _refusal(mp, credit_memo_number_prefix="INV-00")[1] == "number_prefix_collision"

    _change(mp, credit_memo_number_prefix="CN-")
    _change(mp, invoice_number_prefix="CM-")
    assert fresh(mp).retired_number_prefixes == [
        {"document_type": "invoice", "prefix": "INV-", "last_number": 1}]
    memo = credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=customer.id, reason_code="goodwill", actor="t", at=T0,
        lines=[{"name": "Goodwill", "quantity": "1", "unit_price": "5.00"}])
    assert memo.number == "CN-000001"
    assert preview_number(marketplace=fresh(mp), document_type="invoice") == "CM-000002"


def test_a_prefix_swap_before_any_number_is_allowed_and_after_one_is_not(mp, customer):
    """Nothing issued: INV-/CM- may become CM-/INV- in one change. Then credit memo
    INV-000001 is issued: swapping back would make the first invoice INV-000001 as well,
    so it is refused."""
    _change(mp, invoice_number_prefix="CM-", credit_memo_number_prefix="INV-")
    assert _settings(mp) == ("CM-", "INV-", 6)
    memo = credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=customer.id, reason_code="goodwill", actor="t", at=T0,
        lines=[{"name": "Goodwill", "quantity": "1", "unit_price": "5.00"}])
    assert memo.number == "INV-000001"
    assert _refusal(mp, invoice_number_prefix="INV-", credit_memo_number_prefix="CM-")[1:] == (
        "number_prefix_collision", "invoice_number_prefix")
    assert _settings(mp) == ("CM-", "INV-", 6)


def test_the_settings_api_answers_422_with_the_code(world, api):
    manager = api("manager")
    empty = manager.patch("/marketplace/settings", {"invoice_number_prefix": ""})
    assert empty.status_code == 422
    assert error_of(empty) | {"message": ""} == {
        "type": "business_rule", "code": "empty_number_prefix", "message": "",
        "param": "invoice_number_prefix"}
    clash = manager.patch("/marketplace/settings", {"credit_memo_number_prefix": "INV-0",
                                                    "number_padding": 5})
    assert clash.status_code == 422
    assert (error_of(clash)["code"], error_of(clash)["param"]) == (
        "number_prefix_collision", "credit_memo_number_prefix")
    settings = manager.get("/marketplace").json()["settings"]
    assert (settings["invoice_number_prefix"], settings["credit_memo_number_prefix"],
            settings["number_padding"]) == ("INV-", "CM-", 6)
