"""Companies and users: defaults, resellers (the payer owns the documents, the end customer is
the billed company), users belonging to their company, and the marketplace's own company,
which can never receive a credit memo (422 own_company)."""

import pytest

from common.errors import BusinessRule, InvalidInput, NotFound
from credits import services as credits
from customers import services as customers
from customers.models import Company
from invoicing.services import payment_create
from tests.conftest import T0
from tests.factories import D, ad_hoc, credit_line, fails, from_invoice, invoice, line, user

pytestmark = pytest.mark.usefixtures("ledger_agrees")


@pytest.fixture
def own(mp):
    return customers.own_company(marketplace=mp)


@pytest.fixture
def reseller(make_company):
    return make_company("Resell Ltd", is_reseller=True)


@pytest.fixture
def end_customer(make_company, reseller):
    return make_company("End GmbH", reseller_id=reseller.id)


class TestCompanies:
    def test_marketplace_creates_its_own_company(self, mp, own):
        assert (own.is_own, own.name, own.legal_name, own.currency) == (
            True, "Acme Market", "Acme Market", "USD")
        assert Company.objects.filter(marketplace=mp, is_own=True).count() == 1

    def test_defaults(self, mp, make_company):
        """currency defaults to the marketplace's, legal_name to the name, no credit limit."""
        company = make_company("Globex")
        assert (company.currency, company.legal_name, company.credit_limit,
                company.is_reseller, company.reseller_id) == ("USD", "Globex", None, False, None)
        assert company.payer_id == company.id

    def test_party_data_and_credit_limit(self, make_company):
        company = make_company("Initech", currency="EUR", credit_limit="2500.00", party={
            "legal_name": "Initech GmbH", "vat_id": "DE123456789",
            "peppol_id": "0088:5790000435975",
            "address": {"line1": "Hauptstr. 1", "city": "Berlin", "postal_code": "10115",
                        "country": "DE"}})
        assert (company.currency, company.credit_limit, company.legal_name) == (
            "EUR", D("2500.00"), "Initech GmbH")
        assert (company.address_country, company.peppol_id) == ("DE", "0088:5790000435975")

    @pytest.mark.parametrize("kwargs, code", [
        ({"name": ""}, "invalid"),
        ({"name": "X", "currency": "EURO"}, "invalid_currency"),
        ({"name": "X", "credit_limit": "10.001"}, "invalid"),
        ({"name": "X", "credit_limit": "-1.00"}, "invalid"),
        ({"name": "X", "is_reseller": "yes"}, "invalid"),
        ({"name": "X", "party": {"peppol_id": "5790000435975"}}, "invalid"),
        ({"name": "X", "party": {"address": {"country": "Germany"}}}, "invalid"),
    ])
    def test_invalid_company_input(self, mp, kwargs, code):
        fails(InvalidInput, code, customers.company_create, marketplace=mp, at=T0, **kwargs)

    def test_reseller_must_be_a_reseller(self, mp, customer):
        fails(BusinessRule, "not_a_reseller", customers.company_create, marketplace=mp,
              name="End", reseller_id=customer.id, at=T0)

    def test_unknown_reseller_is_not_found(self, mp, make_company):
        other = make_company("Elsewhere", marketplace=customers.marketplace_create(
            slug="other-mp", name="Other", at=T0), is_reseller=True)
        for bad in (other.id, "nope"):
            fails(NotFound, "not_found", customers.company_create, marketplace=mp, name="End",
                  reseller_id=bad, at=T0)

    def test_a_reseller_is_not_billed_through_another(self, mp, reseller):
        fails(InvalidInput, "invalid", customers.company_create, marketplace=mp, name="R2",
              is_reseller=True, reseller_id=reseller.id, at=T0)

    def test_own_company_can_be_updated(self, mp, own):
        updated = customers.company_update(marketplace=mp, company_id=own.id, at=T0, changes={
            "name": "Acme Marketplace Inc.", "vat_id": "US123"})
        assert (updated.name, updated.vat_id, updated.is_own) == (
            "Acme Marketplace Inc.", "US123", True)


class TestUsers:
    def test_user_belongs_to_its_company(self, mp, customer):
        ann = user(mp, customer, email="Ann@Example.com")
        assert (ann.company_id, ann.email, ann.name) == (customer.id, "ann@example.com", "Ann")

    def test_email_is_unique_per_company(self, mp, customer, make_company):
        user(mp, customer)
        fails(BusinessRule, "email_taken", customers.user_create, marketplace=mp,
              company_id=customer.id, email="ANN@example.com", name="Ann 2", at=T0)
        # Another company may have a user with the same address.
        assert user(mp, make_company("Initech")).email == "ann@example.com"

    @pytest.mark.parametrize("email", ["", "ann", "ann@", "a b@example.com"])
    def test_bad_email(self, mp, customer, email):
        fails(InvalidInput, "invalid", customers.user_create, marketplace=mp,
              company_id=customer.id, email=email, name="Ann", at=T0)

    def test_invoice_user_must_belong_to_the_company(self, mp, customer, make_company, clock):
        stranger = user(mp, make_company("Initech"), email="bob@initech.com")
        fails(BusinessRule, "user_not_in_company", credits.invoice_create, marketplace=mp,
              company_id=customer.id, user_id=stranger.id, lines=[line("10.00")], actor="t",
              at=clock())

    def test_memo_user_must_belong_to_the_company(self, mp, customer, make_company, clock):
        stranger = user(mp, make_company("Initech"), email="bob@initech.com")
        fails(BusinessRule, "user_not_in_company", credits.credit_memo_create_ad_hoc,
              marketplace=mp, company_id=customer.id, user_id=stranger.id,
              reason_code="goodwill", lines=[line("10.00")], actor="t", at=clock())

    def test_unknown_user_is_not_found(self, mp, customer, clock):
        for bad in ("00000000-0000-0000-0000-000000000000", "x"):
            fails(NotFound, "not_found", credits.invoice_create, marketplace=mp,
                  company_id=customer.id, user_id=bad, lines=[line("10.00")], actor="t",
                  at=clock())

    def test_invoice_and_memo_keep_the_user(self, mp, customer, clock):
        ann = user(mp, customer)
        inv = invoice(mp, customer, "100.00", at=clock(), user_id=ann.id)
        memo = from_invoice(mp, inv, at=clock(), lines=[credit_line(inv, amount="10.00")])
        assert inv.user_id == memo.user_id == ann.id


class TestResellerBilling:
    def test_invoice_belongs_to_the_reseller_and_bills_the_end_customer(
            self, mp, reseller, end_customer, clock):
        inv = invoice(mp, end_customer, "100.00", at=clock())
        assert (inv.company_id, inv.billed_company_id) == (reseller.id, end_customer.id)

    def test_memos_belong_to_the_reseller(self, mp, reseller, end_customer, clock):
        inv = invoice(mp, end_customer, "100.00", at=clock())
        memo = from_invoice(mp, inv, at=clock(), lines=[credit_line(inv, amount="30.00")])
        assert (memo.company_id, memo.billed_company_id) == (reseller.id, end_customer.id)
        goodwill = ad_hoc(mp, end_customer, "20.00", at=clock())
        assert (goodwill.company_id, goodwill.billed_company_id) == (reseller.id,
                                                                      end_customer.id)

    def test_without_reseller_both_are_the_company(self, mp, customer, reseller, clock):
        for company in (customer, reseller):
            inv = invoice(mp, company, "10.00", at=clock())
            assert inv.company_id == inv.billed_company_id == company.id

    def test_user_of_the_end_customer(self, mp, reseller, end_customer, clock):
        """The user belongs to the company named (the end customer), not to the payer."""
        eve = user(mp, end_customer, email="eve@end.de")
        inv = invoice(mp, end_customer, "10.00", at=clock(), user_id=eve.id)
        assert (inv.company_id, inv.user_id) == (reseller.id, eve.id)
        ray = user(mp, reseller, email="ray@resell.com")
        fails(BusinessRule, "user_not_in_company", credits.invoice_create, marketplace=mp,
              company_id=end_customer.id, user_id=ray.id, lines=[line("10.00")], actor="t",
              at=clock())

    def test_currency_defaults_to_the_named_company(self, mp, make_company, clock):
        """Ambiguity: "currency defaults to the company's". Read as the company the request
        names (company_id, the end customer), the same for invoices and ad hoc memos."""
        reseller = make_company("Resell Ltd", is_reseller=True)
        euro_end = make_company("End GmbH", currency="EUR", reseller_id=reseller.id)
        inv = invoice(mp, euro_end, "10.00", at=clock())
        memo = ad_hoc(mp, euro_end, "5.00", at=clock())
        assert (inv.currency, memo.currency) == ("EUR", "EUR")


class TestOwnCompany:
    def test_ad_hoc_memo_for_own_company(self, mp, own, clock):
        """The operator never receives credit: 422 own_company, nothing written."""
        fails(BusinessRule, "own_company", credits.credit_memo_create_ad_hoc, marketplace=mp,
              company_id=own.id, reason_code="goodwill", lines=[line("10.00")], actor="t",
              at=clock())
        fails(BusinessRule, "own_company", credits.credit_memo_preview_ad_hoc, marketplace=mp,
              company_id=own.id, reason_code="goodwill", lines=[line("10.00")])

    def test_memo_from_an_invoice_of_own_company(self, mp, own, clock):
        """An invoice to the own company can be issued (nothing forbids it), but it can
        never be credited, whole or in part, nor previewed."""
        inv = invoice(mp, own, "100.00", at=clock())
        for lines in (None, [credit_line(inv, amount="10.00")]):
            fails(BusinessRule, "own_company", credits.credit_memo_create_from_invoice,
                  marketplace=mp, invoice_id=inv.id, reason_code="overcharge", lines=lines,
                  actor="t", at=clock())
        fails(BusinessRule, "own_company", credits.credit_memo_create_from_invoice,
              marketplace=mp, invoice_id=inv.id, reason_code="overcharge", draft=True,
              actor="t", at=clock())
        fails(BusinessRule, "own_company", credits.credit_memo_preview_from_invoice,
              marketplace=mp, invoice_id=inv.id, reason_code="overcharge")

    def test_refund_to_own_company(self, mp, own, clock):
        """A refund issues a credit memo, so refunding a payment of the own company's
        invoice is refused as well (own_company), and nothing is written."""
        inv = invoice(mp, own, "100.00", at=clock())
        payment = payment_create(marketplace=mp, invoice_id=inv.id, amount="100.00",
                                 actor="t", at=clock())
        fails(BusinessRule, "own_company", credits.refund_create, marketplace=mp,
              payment_id=payment.id, amount="10.00", actor="t", at=clock())
