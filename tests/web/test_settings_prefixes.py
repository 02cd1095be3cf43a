"""The settings page refuses an empty number prefix and prefixes that could give one number
to an invoice and a credit memo: 422, the message beside the field, nothing saved."""

import re

from tests.conftest import fresh

FORM = {"invoice_number_prefix": "INV-", "credit_memo_number_prefix": "CM-",
        "number_padding": "6", "auto_apply_credit_to_new_invoices": "on"}


def _error_beside(page: str, field: str) -> str:
    found = re.search(rf'<p class="error" id="id_{field}-error">([^<]*)</p>', page)
    assert found, page
    return found.group(1)


def test_an_empty_prefix_is_refused_beside_its_field(signed_in, mp):
    client = signed_in("manager")
    response = client.post("/settings/invoice-credit-memo",
                           {**FORM, "credit_memo_number_prefix": "", "number_padding": "4"})
    assert response.status_code == 422
    assert "may not be empty" in _error_beside(response.text, "credit_memo_number_prefix")
    assert 'aria-invalid="true" aria-describedby="id_credit_memo_number_prefix-error"' in (
        response.text)
    assert (fresh(mp).credit_memo_number_prefix, fresh(mp).number_padding) == ("CM-", 6)


def test_colliding_prefixes_are_refused_beside_the_field(signed_in, mp):
    """INV- and INV-7: invoice 7,000,001 and credit memo 1 would both be INV-7000001."""
    client = signed_in("manager")
    response = client.post("/settings/invoice-credit-memo",
                           {**FORM, "credit_memo_number_prefix": "INV-7"})
    assert response.status_code == 422
    message = _error_beside(response.text, "credit_memo_number_prefix")
    assert "could give the same number as &#x27;INV-&#x27;" in message
    assert 'value="INV-7"' in response.text  # what was typed stays in the field
    assert fresh(mp).credit_memo_number_prefix == "CM-"

    saved = client.post("/settings/invoice-credit-memo",
                        {**FORM, "credit_memo_number_prefix": "INV-C"})
    assert saved.status_code == 302
    assert fresh(mp).credit_memo_number_prefix == "INV-C"


def test_the_next_numbers_say_so_as_the_prefixes_are_typed(signed_in, mp):
    client = signed_in("manager")
    url = "/settings/invoice-credit-memo/examples"
    typed = {"invoice_number_prefix": "INV-", "number_padding": "6"}
    clash = client.get(url, {**typed, "credit_memo_number_prefix": "INV-7"}).text
    assert 'id="number-clash"' in clash and "could get the same number" in clash
    empty = client.get(url, {**typed, "credit_memo_number_prefix": ""}).text
    assert "may not be empty" in empty
    fine = client.get(url, {**typed, "credit_memo_number_prefix": "INV-C"}).text
    assert "INV-C000001" in fine and "number-clash" not in fine
