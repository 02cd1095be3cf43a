"""Marketplaces with their own company, companies, users and API keys."""

import re

from django.db import IntegrityError, transaction

from common.errors import BusinessRule, InvalidInput
from common.ids import find
from common.money import check_currency, parse_amount
from common.transactions import service
from customers.models import Company, CustomerUser
from marketplaces.models import ROLES, ApiKey, Marketplace
from marketplaces.services import hash_secret, new_secret

ADDRESS_FIELDS = ("line1", "line2", "city", "postal_code", "state", "country")
# The columns' lengths (a longer postal code was a database error on PostgreSQL).
ADDRESS_LIMITS = {"line1": 200, "line2": 200, "city": 100, "postal_code": 32, "state": 100,
                  "country": 100}
PARTY_FIELDS = ("legal_name", "vat_id", "peppol_id", "registration_id", "tax_registration_id",
                "contact_name", "telephone")
PARTY_LIMITS = {"vat_id": 64, "contact_name": 200, "telephone": 50}
SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PEPPOL_ID = re.compile(r"^[0-9]{4}:[!-~]{1,80}$")  # EAS code, identifier in printable ASCII
COUNTRY = re.compile(r"^[A-Z]{2}$")
# A legal registration id, with its ISO 6523 scheme when known ("0106:12345678").
REGISTRATION_ID = re.compile(r"^([0-9]{4}:)?[!-~]{1,80}$")
IBAN = re.compile(r"^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$")
TELEPHONE = re.compile(r"^\+?[0-9 ()./-]{3,50}$")
BIC = re.compile(r"^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$")


class InvalidIban(BusinessRule):
    """An IBAN of the right form whose check digits do not match (a rule no pattern holds)."""

    code = "invalid_iban"


class NotAReseller(BusinessRule):
    code = "not_a_reseller"


class EmailTaken(BusinessRule):
    """A well-formed address that another user of the company has."""

    code = "email_taken"


def company_get(*, marketplace, company_id, param="company_id") -> Company:
    return find(Company.objects.filter(marketplace=marketplace), company_id,
                what="company", param=param)


@service
def marketplace_create(*, slug: str, name: str, currency: str = "USD", is_test: bool = False,
                       at) -> Marketplace:
    """`is_test` is fixed here, for good: a test marketplace may be billed ahead of time, so
    its documents are never real ones; a live one never gets such documents."""
    if not isinstance(slug, str) or not SLUG.match(slug):
        raise InvalidInput("slug: lowercase letters, digits, - and _", param="slug")
    if not isinstance(name, str) or not name.strip():
        raise InvalidInput("name is required", param="name")
    check_currency(currency)
    if not isinstance(is_test, bool):
        raise InvalidInput("is_test must be true or false", param="is_test")
    if Marketplace.objects.filter(slug=slug).exists():
        raise InvalidInput(f"marketplace {slug} exists", code="slug_taken", param="slug")
    marketplace = Marketplace.objects.create(
        slug=slug, name=name.strip(), default_currency=currency, is_test=is_test, created_at=at
    )
    Company.objects.create(
        marketplace=marketplace, name=name.strip(), legal_name=name.strip(), currency=currency,
        is_own=True, created_at=at,
    )
    return marketplace


def own_company(*, marketplace) -> Company:
    return Company.objects.get(marketplace=marketplace, is_own=True)


def _text(value, param, *, max_length=200, required=False) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str) or len(value) > max_length:
        raise InvalidInput(f"{param} must be text of at most {max_length} characters",
                           param=param)
    if required and not value.strip():
        raise InvalidInput(f"{param} is required", param=param)
    return value.strip()


def _apply_party_data(company: Company, data: dict) -> None:
    for field in PARTY_FIELDS:
        if field in data:
            setattr(company, field, _text(data[field], field,
                                          max_length=PARTY_LIMITS.get(field, 100)))
    telephone = data.get("telephone")
    if isinstance(telephone, str) and telephone and not TELEPHONE.match(telephone):
        raise InvalidInput("telephone is digits with an optional +, spaces, dashes, dots or "
                           "brackets", param="telephone")
    if company.peppol_id and not PEPPOL_ID.match(company.peppol_id):
        raise InvalidInput("peppol_id is '<EAS code>:<identifier>'", param="peppol_id")
    if company.registration_id and not REGISTRATION_ID.match(company.registration_id):
        raise InvalidInput("registration_id is '[<ISO 6523 scheme>:]<identifier>'",
                           param="registration_id")
    if "iban" in data:
        company.iban = _iban(data["iban"])
    if "bic" in data:
        company.bic = _text(data["bic"], "bic", max_length=11).upper()
        if company.bic and not BIC.match(company.bic):
            raise InvalidInput("bic is a SWIFT/BIC code of 8 or 11 characters", param="bic")
    if "reverse_charge" in data:
        if not isinstance(data["reverse_charge"], bool):
            raise InvalidInput("reverse_charge must be true or false", param="reverse_charge")
        company.reverse_charge = data["reverse_charge"]
    if "address" in data:
        address = data["address"] or {}
        if not isinstance(address, dict):
            raise InvalidInput("address must be an object", param="address")
        unknown = set(address) - set(ADDRESS_FIELDS)
        if unknown:
            raise InvalidInput(f"unknown address field {sorted(unknown)[0]}",
                               param=f"address.{sorted(unknown)[0]}")
        for field in ADDRESS_FIELDS:
            value = _text(address.get(field), f"address.{field}",
                          max_length=ADDRESS_LIMITS[field])
            setattr(company, f"address_{field}", value)
        country = company.address_country
        if country and not COUNTRY.match(country):
            raise InvalidInput("address.country is an ISO 3166-1 alpha-2 code",
                               param="address.country")


def _iban(value) -> str:
    """An IBAN, spaces removed, with its check digits verified (ISO 13616, mod 97): one not
    of an IBAN's form is a 400, one whose check digits do not match a 422 invalid_iban."""
    iban = _text(value, "iban", max_length=42).replace(" ", "").upper()
    if not iban:
        return ""
    if not IBAN.match(iban):
        raise InvalidInput("iban is not an IBAN (a country code, 2 check digits, 11 to 30 "
                           "letters or digits)", param="iban")
    if int("".join(str(int(c, 36)) for c in iban[4:] + iban[:4])) % 97 != 1:
        raise InvalidIban("iban is not a valid IBAN (its check digits do not match)",
                          param="iban")
    return iban


def _billing_email(value) -> str:
    email = _text(value, "billing_email", max_length=254)
    if email and not EMAIL.match(email):
        raise InvalidInput("billing_email is not an e-mail address", param="billing_email")
    return email


def _credit_limit(value, currency):
    if value is None:
        return None
    return parse_amount(value, currency, param="credit_limit")


@service
def company_create(*, marketplace, name: str, currency: str | None = None,
                   is_reseller: bool = False, reseller_id=None, credit_limit=None,
                   party: dict | None = None, billing_email: str | None = None,
                   at) -> Company:
    name = _text(name, "name", required=True)
    currency = check_currency(marketplace.default_currency if currency is None else currency)
    if not isinstance(is_reseller, bool):
        raise InvalidInput("is_reseller must be true or false", param="is_reseller")
    reseller = None
    if reseller_id is not None:
        reseller = company_get(marketplace=marketplace, company_id=reseller_id,
                               param="reseller_id")
        if not reseller.is_reseller:
            raise NotAReseller("reseller_id names a company that is not a reseller",
                               param="reseller_id")
        if is_reseller:
            raise InvalidInput("a reseller is not billed through another reseller",
                               param="reseller_id")
    company = Company(
        marketplace=marketplace, name=name, currency=currency, is_reseller=is_reseller,
        reseller=reseller, credit_limit=_credit_limit(credit_limit, currency), legal_name=name,
        billing_email=_billing_email(billing_email), created_at=at,
    )
    _apply_party_data(company, party or {})
    if not company.legal_name:
        company.legal_name = name
    company.save()
    return company


@service
def company_update(*, marketplace, company_id, changes: dict, at) -> Company:
    company = company_get(marketplace=marketplace, company_id=company_id, param="id")
    company = Company.objects.select_for_update(no_key=True).get(pk=company.pk)
    if "name" in changes:
        company.name = _text(changes["name"], "name", required=True)
    if "credit_limit" in changes:
        company.credit_limit = _credit_limit(changes["credit_limit"], company.currency)
    if "billing_email" in changes:
        company.billing_email = _billing_email(changes["billing_email"])
    _apply_party_data(company, changes)
    if not company.legal_name:
        company.legal_name = company.name
    company.save()
    return company


@service
def user_create(*, marketplace, company_id, email: str, name: str, at) -> CustomerUser:
    company = company_get(marketplace=marketplace, company_id=company_id, param="id")
    email = _text(email, "email", max_length=254, required=True)
    if not EMAIL.match(email):
        raise InvalidInput("email is not an e-mail address", param="email")
    name = _text(name, "name", required=True)
    try:
        with transaction.atomic():
            return CustomerUser.objects.create(
                marketplace=marketplace, company=company, email=email.lower(), name=name,
                created_at=at,
            )
    except IntegrityError:
        raise EmailTaken("that company already has a user with this e-mail",
                         param="email") from None


@service
def api_key_create(*, marketplace, role: str, company_id=None, at) -> tuple[ApiKey, str]:
    """Returns the key and its secret; only the hash is stored."""
    if role not in ROLES:
        raise InvalidInput(f"role is one of {', '.join(ROLES)}", param="role")
    company = None
    if role == "customer":
        if company_id is None:
            raise InvalidInput("a customer key is bound to a company", param="company")
        company = company_get(marketplace=marketplace, company_id=company_id, param="company")
    elif company_id is not None:
        raise InvalidInput("only customer keys are bound to a company", param="company")
    secret = new_secret()
    key = ApiKey.objects.create(
        marketplace=marketplace, role=role, company=company, prefix=secret[:12],
        secret_hash=hash_secret(secret), created_at=at,
    )
    return key, secret
