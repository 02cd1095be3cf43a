"""The marketplace, companies and their users, products."""

import datetime
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import (
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    WithJsonSchema,
)

from api.schemas.base import (
    WHITE_SPACE,
    Amount,
    AmountIn,
    Currency,
    CurrencyIn,
    ExemptionCodeIn,
    ExemptionReasonIn,
    Id,
    In,
    Out,
    TaxCategory,
    list_of,
    text,
)


def _integral(value):
    """A JSON number without a fractional part is an integer, however written (`2.0`, `2e0`:
    the parser reads them as exact decimals)."""
    if isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value():
        return int(value)
    return value


# An integer as JSON Schema has it: any number without a fractional part; text and booleans
# are not.
Integer = Annotated[StrictInt, BeforeValidator(_integral)]


# marketplaces.services: a number prefix is text of at most 20 characters without white space
# other than the space.
NumberPrefix = text(pattern=rf"^(?:[^{WHITE_SPACE}\x00]| )*$", max_length=20, description=(
    "at most 20 characters; spaces but no other white space; not empty or blank "
    "(422 empty_number_prefix), and not the other document type's prefix followed by digits "
    "only, nor it followed by digits only (422 number_prefix_collision)"))
# customers.services: "" clears the field (after the surrounding white space is dropped).
Country = text(pattern=r"^(?:[A-Z]{2})?$", max_length=2,
                   description='ISO 3166-1 alpha-2, in capitals ("DE"); "" for none')
PeppolId = text(pattern=r"^(?:[0-9]{4}:[!-~]{1,80})?$", max_length=85, description=(
    '"<EAS code>:<identifier>": four digits, a colon, 1 to 80 printable ASCII characters '
    '(e.g. "0088:5790000435975"); "" for none'))
RegistrationId = text(pattern=r"^(?:([0-9]{4}:)?[!-~]{1,80})?$", max_length=100, description=(
    'the legal registration id (EN 16931 BT-30/BT-47), "[<ISO 6523 scheme>:]<identifier>" '
    '(e.g. "0106:12345678" for a Dutch KVK number); "" for none'))
TaxRegistrationId = text(100, description=(
    'a tax registration other than VAT (BT-32), e.g. "Godkänd för F-skatt"; "" for none'))
Iban = Annotated[StrictStr, WithJsonSchema({
    "type": "string", "format": "iban", "maxLength": 42,
    "pattern": r"^(?:[A-Za-z]{2}[0-9]{2}( ?[A-Za-z0-9]){11,30})?$",
    "description": 'an IBAN (spaces allowed, kept without them, in capitals) whose check '
                   'digits match (400 invalid otherwise); where the company is paid (the '
                   'own company\'s is printed on invoices); "" for none'})]
Bic = text(pattern=r"^(?:[A-Za-z]{6}[A-Za-z0-9]{2}([A-Za-z0-9]{3})?)?$", max_length=11,
           description='a SWIFT/BIC code of 8 or 11 characters (kept in capitals); "" for none')
ContactName = text(200, description=(
    'who to ask about the company\'s documents (EN 16931 BT-41; German sellers need one); '
    '"" for none'))
Telephone = text(pattern=r"^(?:\+?[0-9 ()./-]{3,50})?$", max_length=50, description=(
    'the contact\'s telephone (BT-42): digits with an optional leading +, spaces, dashes, '
    'dots or brackets; "" for none'))
REVERSE_CHARGE = ("the customer accounts for the VAT itself (EU reverse charge): its lines "
                  "taxed at a rate without a category become AE (reverse charge) at 0")
_EMAIL_PART = rf"[^@{WHITE_SPACE}\x00]+"
_EMAIL = rf"{_EMAIL_PART}@{_EMAIL_PART}\.{_EMAIL_PART}"
Email = text(pattern=rf"^{_EMAIL}$", max_length=254, description=(
    "an e-mail address: something, @, a domain with a dot; no white space"))
OptionalEmail = text(pattern=rf"^(?:{_EMAIL})?$", max_length=254, description=(
    'an e-mail address: something, @, a domain with a dot; no white space; "" for none'))

# --- marketplace ----------------------------------------------------------------------------

class SettingsOut(Out):
    invoice_number_prefix: str
    credit_memo_number_prefix: str
    number_padding: int
    auto_apply_credit_to_new_invoices: bool
    company_wide_billing: bool


class MarketplaceOut(Out):
    id: str
    object: Literal["marketplace"]
    slug: str
    name: str
    default_currency: Currency
    is_test: bool = Field(description="a test marketplace (set when it was created, for good): "
                                      "only its billing runs may use `test_mode`")
    own_company_id: str
    settings: SettingsOut


class SettingsIn(In):
    """Any of the settings; each, when given, is not null."""

    invoice_number_prefix: NumberPrefix = None
    credit_memo_number_prefix: NumberPrefix = None
    number_padding: Integer = Field(None, ge=0, le=20, description="digits of the number, "
                                      "zero-padded (0: no padding)")
    auto_apply_credit_to_new_invoices: StrictBool = None
    company_wide_billing: StrictBool = None


# --- companies ------------------------------------------------------------------------------

class AddressIn(In):
    """The whole address: a field left out or null is cleared."""

    line1: text(200) | None = None
    line2: text(200) | None = None
    city: text(100) | None = None
    postal_code: text(32) | None = None
    state: text(100) | None = None
    country: Country | None = None


class AddressOut(Out):
    line1: str | None
    line2: str | None
    city: str | None
    postal_code: str | None
    state: str | None
    country: str | None


# A reseller is billed by the marketplace itself, never through another reseller.
_RESELLER_NOT_RESOLD = {"not": {
    "required": ["is_reseller", "reseller_id"],
    "properties": {"is_reseller": {"const": True}, "reseller_id": {"type": "string"}},
}}


class CompanyIn(In):
    model_config = ConfigDict(json_schema_extra=_RESELLER_NOT_RESOLD)

    name: text(200, required=True)
    currency: CurrencyIn | None = Field(None, description="default: the marketplace's "
                                                          "`default_currency`")
    is_reseller: StrictBool | None = Field(None, description="default false")
    reseller_id: Id | None = Field(None, description="the reseller (`is_reseller`) that bills "
                                   "this company; not with `is_reseller: true`")
    credit_limit: AmountIn | None = Field(None, description="null or left out: no limit")
    legal_name: text(100) | None = Field(None, description="default: `name`")
    vat_id: text(64) | None = None
    address: AddressIn | None = None
    peppol_id: PeppolId | None = None
    registration_id: RegistrationId | None = None
    tax_registration_id: TaxRegistrationId | None = None
    iban: Iban | None = None
    bic: Bic | None = None
    reverse_charge: StrictBool | None = Field(None, description=f"{REVERSE_CHARGE}; default "
                                                                "false")
    contact_name: ContactName | None = None
    telephone: Telephone | None = None
    billing_email: OptionalEmail | None = Field(
        None, description="Where the company's documents and notifications are e-mailed "
                          "(an addition to the contract).")


class CompanyPatchIn(In):
    """The fields given change; null clears a field (`credit_limit`: no limit; `legal_name`:
    back to `name`), except `name`, which is never null."""

    name: text(200, required=True) = None
    credit_limit: AmountIn | None = None
    legal_name: text(100) | None = None
    vat_id: text(64) | None = None
    address: AddressIn | None = Field(None, description="replaces the whole address")
    peppol_id: PeppolId | None = None
    registration_id: RegistrationId | None = None
    tax_registration_id: TaxRegistrationId | None = None
    iban: Iban | None = None
    bic: Bic | None = None
    reverse_charge: StrictBool = Field(None, description=REVERSE_CHARGE)
    contact_name: ContactName | None = None
    telephone: Telephone | None = None
    billing_email: OptionalEmail | None = None


class CompanyOut(Out):
    id: str
    object: Literal["company"]
    name: str
    currency: Currency
    is_reseller: bool
    reseller_id: str | None
    credit_limit: Amount | None
    legal_name: str
    vat_id: str | None
    address: AddressOut
    peppol_id: str | None
    registration_id: str | None
    tax_registration_id: str | None
    iban: str | None
    bic: str | None
    reverse_charge: bool
    contact_name: str | None
    telephone: str | None
    billing_email: str | None
    created_at: datetime.datetime


class UserIn(In):
    email: Email = Field(description="unique in the company, in any case (`422 email_taken`); "
                         "kept in lower case")
    name: text(200, required=True)


class UserOut(Out):
    id: str
    object: Literal["user"]
    email: str
    name: str
    company_id: str


class CreditBalanceOut(Out):
    currency: Currency
    available_credit: Amount
    outstanding: Amount
    exposure: Amount
    credit_limit: Amount | None


class CreditCheckIn(In):
    amount: AmountIn = Field(description="the charge, in the company's currency")


class CreditCheckOut(Out):
    allowed: bool
    exposure_after: Amount
    credit_limit: Amount | None


# --- products -------------------------------------------------------------------------------

_PRODUCT_TAX = ("the VAT category its lines take unless a line gives one (it takes the "
                "product's exemption reason too, unless it gives its own); S: lines taxed at "
                "their rate; another category: lines at 0 (a line that gives a rate above 0 "
                "names S: 422 invalid_tax otherwise). E needs an exemption reason (code or "
                "text), S and Z take none: 422 invalid_tax")


class ProductIn(In):
    name: text(200, required=True)
    sku: text(100) | None = None
    tax_category: TaxCategory | None = Field(None, description=f"{_PRODUCT_TAX}; default S")
    tax_exemption_reason_code: ExemptionCodeIn | None = None
    tax_exemption_reason: ExemptionReasonIn | None = None


class ProductPatchIn(In):
    """The fields given change; null clears `sku` and the exemption reason. A new
    `tax_category` without a reason drops the old category's reason. Lines already written
    keep their tax."""

    name: text(200, required=True) = None
    sku: text(100) | None = None
    tax_category: TaxCategory = Field(None, description=_PRODUCT_TAX)
    tax_exemption_reason_code: ExemptionCodeIn | None = None
    tax_exemption_reason: ExemptionReasonIn | None = None


class ProductOut(Out):
    id: str
    object: Literal["product"]
    name: str
    sku: str | None
    tax_category: TaxCategory
    tax_exemption_reason_code: str
    tax_exemption_reason: str


CompanyList = list_of(CompanyOut, "CompanyList")
ProductList = list_of(ProductOut, "ProductList")
