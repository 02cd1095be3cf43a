"""The marketplace, companies and their users, products."""

import datetime
from typing import Literal

from pydantic import (
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
)

from api.schemas.base import (
    Amount,
    Currency,
    Decimalish,
    In,
    Out,
    list_of,
)

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
    invoice_number_prefix: StrictStr | None = Field(None, max_length=20)
    credit_memo_number_prefix: StrictStr | None = Field(None, max_length=20)
    number_padding: StrictInt | None = Field(None, ge=0, le=20)
    auto_apply_credit_to_new_invoices: StrictBool | None = None
    company_wide_billing: StrictBool | None = None


# --- companies ------------------------------------------------------------------------------

class AddressIn(In):
    line1: StrictStr | None = None
    line2: StrictStr | None = None
    city: StrictStr | None = None
    postal_code: StrictStr | None = None
    state: StrictStr | None = None
    country: StrictStr | None = Field(None, description="ISO 3166-1 alpha-2")


class AddressOut(Out):
    line1: str | None
    line2: str | None
    city: str | None
    postal_code: str | None
    state: str | None
    country: str | None


class CompanyIn(In):
    name: StrictStr
    currency: StrictStr | None = None
    is_reseller: StrictBool | None = None
    reseller_id: StrictStr | None = None
    credit_limit: Decimalish | None = None
    legal_name: StrictStr | None = None
    vat_id: StrictStr | None = None
    address: AddressIn | None = None
    peppol_id: StrictStr | None = Field(None, description='"<EAS code>:<identifier>"')
    billing_email: StrictStr | None = Field(
        None, description="Where the company's documents and notifications are e-mailed "
                          "(an addition to the contract).")


class CompanyPatchIn(In):
    name: StrictStr | None = None
    credit_limit: Decimalish | None = None
    legal_name: StrictStr | None = None
    vat_id: StrictStr | None = None
    address: AddressIn | None = None
    peppol_id: StrictStr | None = None
    billing_email: StrictStr | None = None


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
    billing_email: str | None
    created_at: datetime.datetime


class UserIn(In):
    email: StrictStr
    name: StrictStr


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
    amount: Decimalish


class CreditCheckOut(Out):
    allowed: bool
    exposure_after: Amount
    credit_limit: Amount | None


# --- products -------------------------------------------------------------------------------

class ProductIn(In):
    name: StrictStr
    sku: StrictStr | None = None


class ProductOut(Out):
    id: str
    object: Literal["product"]
    name: str
    sku: str | None


CompanyList = list_of(CompanyOut, "CompanyList")
ProductList = list_of(ProductOut, "ProductList")
