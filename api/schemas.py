"""Request and response schemas of the API.

Request bodies (`...In`) reject unknown fields and check JSON types; the services validate
every value (amounts, ids, enums, dates), so money fields accept what the contract accepts,
a decimal string or a number, and are handed to the service as sent. Response schemas
(`...Out`) describe, for the OpenAPI document, the plain data the domain serializers
produce (invoicing/serializers.py, credits/serializers.py, api/serializers.py); views answer
that data as it is, so the two must agree (the fuzz test checks every answer against them)."""

import datetime
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    WithJsonSchema,
    field_validator,
)
from pydantic_core import PydanticCustomError

from credits.models import ORIGINS, PAYOUT_STATUSES, REASON_CODES, STATUSES
from invoicing.models import BILLING_ACTIONS, INVOICE_STATUSES

DECIMAL_PATTERN = r"^[+-]?[0-9]+(\.[0-9]+)?$"
AMOUNT_OUT_PATTERN = r"^-?[0-9]+(\.[0-9]+)?$"

Decimalish = Annotated[Any, WithJsonSchema({
    "anyOf": [{"type": "string", "pattern": DECIMAL_PATTERN}, {"type": "number"}],
    "description": "a decimal string in plain notation (\"200.00\") or a JSON number",
})]
Amount = Annotated[str, Field(pattern=AMOUNT_OUT_PATTERN,
                              description="decimal string with the currency's minor digits")]
DecimalText = Annotated[str, Field(pattern=AMOUNT_OUT_PATTERN, description="decimal string")]
Currency = Annotated[str, Field(description="ISO 4217 code", min_length=3, max_length=3)]


class In(BaseModel):
    """A request body: unknown fields are a 400, and so is null for a required field (checked
    before its type, so that `Any` fields such as `Decimalish` refuse it too); an optional
    field takes null as "not given"."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="before")
    @classmethod
    def _required_not_null(cls, value, info):
        if value is None and cls.model_fields[info.field_name].is_required():
            raise PydanticCustomError("null_value", "may not be null")
        return value


class Out(BaseModel):
    pass


# --- errors and lists -----------------------------------------------------------------------

class ErrorDetail(Out):
    type: Literal["invalid_request", "authentication", "permission", "not_found", "conflict",
                  "business_rule", "rate_limited", "api_error"]
    code: str
    message: str
    param: str | None


class ErrorOut(Out):
    error: ErrorDetail


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


# --- invoices -------------------------------------------------------------------------------

BillingAction = Literal[BILLING_ACTIONS]  # type: ignore[valid-type]


class InvoiceLineIn(In):
    product_id: StrictStr | None = None
    name: StrictStr | None = None
    description: StrictStr | None = None
    quantity: Decimalish
    unit_price: Decimalish = Field(description="may be negative")
    discount_amount: Decimalish | None = None
    tax_rate: Decimalish | None = Field(None, description='a fraction, "0.20" is 20 %')
    billing_action: StrictStr | None = Field(
        None, description=f"one of {', '.join(BILLING_ACTIONS)} (default one_time)")
    period_start: StrictStr | None = Field(None, description="YYYY-MM-DD")
    period_end: StrictStr | None = Field(None, description="YYYY-MM-DD")
    subscription_id: StrictStr | None = None


class InvoiceIn(In):
    company_id: StrictStr
    user_id: StrictStr | None = None
    currency: StrictStr | None = None
    due_date: StrictStr | None = Field(None, description="YYYY-MM-DD")
    finalize: StrictBool | None = None
    lines: list[InvoiceLineIn]


class InvoiceLineOut(Out):
    id: str
    product_id: str | None
    name: str
    description: str
    quantity: DecimalText
    unit_price: Amount
    discount_amount: Amount
    amount: Amount
    tax_rate: DecimalText
    tax_amount: Amount
    total: Amount
    billing_action: BillingAction
    period_start: datetime.date | None
    period_end: datetime.date | None
    subscription_id: str | None
    credited_amount: Amount


class InvoiceApplicationOut(Out):
    id: str
    credit_memo_id: str
    credit_memo_number: str | None
    amount: Amount
    applied_at: datetime.datetime
    reversed_at: datetime.datetime | None


class InvoiceOut(Out):
    id: str
    object: Literal["invoice"]
    number: str | None
    status: Literal[INVOICE_STATUSES]  # type: ignore[valid-type]
    company_id: str
    billed_company_id: str
    user_id: str | None
    currency: Currency
    issued_at: datetime.datetime | None
    due_date: datetime.date | None
    created_at: datetime.datetime
    lines: list[InvoiceLineOut]
    subtotal: Amount
    discount_total: Amount
    tax_total: Amount
    total: Amount
    amount_credited: Amount
    amount_paid: Amount
    amount_due: Amount
    credit_applications: list[InvoiceApplicationOut]


class PaymentIn(In):
    amount: Decimalish
    method: StrictStr | None = Field(None, description='default "card"')


class PaymentOut(Out):
    id: str
    object: Literal["payment"]
    invoice_id: str
    amount: Amount
    refunded_amount: Amount
    method: str
    status: Literal["succeeded"]
    created_at: datetime.datetime


class RefundIn(In):
    amount: Decimalish


class RefundOut(Out):
    id: str
    object: Literal["refund"]
    payment_id: str
    amount: Amount
    status: Literal["succeeded"]
    credit_memo_id: str
    created_at: datetime.datetime


# --- credit memos ---------------------------------------------------------------------------

ReasonCode = Literal[REASON_CODES]  # type: ignore[valid-type]


class InvoiceCreditLineIn(In):
    invoice_line_id: StrictStr
    amount: Decimalish | None = Field(None, description="net amount to credit")
    quantity: Decimalish | None = Field(None, description="units at the line's net unit price")


class CreditFromInvoiceIn(In):
    reason_code: StrictStr = Field(description=f"one of {', '.join(REASON_CODES)}")
    reason: StrictStr | None = Field(None, description="internal; shown to managers only")
    memo: StrictStr | None = None
    lines: list[InvoiceCreditLineIn] | None = Field(
        None, description="omitted: all that is left to credit of every line")
    apply_to: list[StrictStr] | None = Field(
        None, description="open invoices to apply the credit to, in order; [] applies nothing; "
        "omitted: the source invoice if it is open")
    draft: StrictBool | None = None


class AdHocLineIn(In):
    product_id: StrictStr | None = None
    subscription_id: StrictStr | None = None
    name: StrictStr | None = None
    description: StrictStr | None = None
    quantity: Decimalish
    unit_price: Decimalish
    tax_rate: Decimalish | None = None
    period_start: StrictStr | None = Field(None, description="YYYY-MM-DD")
    period_end: StrictStr | None = Field(None, description="YYYY-MM-DD")


class AdHocIn(In):
    company_id: StrictStr
    user_id: StrictStr | None = None
    reason_code: StrictStr = Field(description=f"one of {', '.join(REASON_CODES)}")
    reason: StrictStr | None = Field(None, description="internal; shown to managers only")
    memo: StrictStr | None = None
    currency: StrictStr | None = None
    auto_apply: StrictBool | None = None
    draft: StrictBool | None = None
    lines: list[AdHocLineIn]


class ApplicationIn(In):
    invoice_id: StrictStr
    amount: Decimalish | None = Field(
        None, description="default min(remaining_amount, the invoice's amount_due)")


class ReverseIn(In):
    amount: Decimalish | None = Field(None, description="default: the whole application")


class PayoutIn(In):
    amount: Decimalish | None = Field(None, description="default: all that remains")
    method: StrictStr | None = Field(
        None, description="used when the source invoice has no payment (default card)")


class CloseIn(In):
    reason: StrictStr | None = None


class NoBody(In):
    """No fields; an empty body or {}."""


class MemoLineOut(Out):
    id: str | None
    product_id: str | None
    name: str
    description: str
    quantity: DecimalText
    unit_price: Amount
    amount: Amount
    tax_rate: DecimalText
    tax_amount: Amount
    total: Amount
    billing_action: BillingAction | None
    period_start: datetime.date | None
    period_end: datetime.date | None
    subscription_id: str | None
    source_invoice_line_id: str | None
    custom_charge: bool


class MemoApplicationOut(Out):
    id: str
    invoice_id: str
    invoice_number: str | None
    amount: Amount
    applied_at: datetime.datetime
    applied_by: str
    reversed_at: datetime.datetime | None


class PayoutOut(Out):
    id: str
    amount: Amount
    method: str
    status: Literal[PAYOUT_STATUSES]  # type: ignore[valid-type]
    created_at: datetime.datetime


class CreditMemoOut(Out):
    id: str
    object: Literal["credit_memo"]
    number: str | None
    status: Literal[STATUSES]  # type: ignore[valid-type]
    currency: Currency
    company_id: str
    billed_company_id: str
    user_id: str | None
    origin: Literal[ORIGINS]  # type: ignore[valid-type]
    source_invoice_id: str | None
    reason_code: ReasonCode
    reason: str = Field(None, description="present only in answers to manager keys")
    memo: str
    issued_at: datetime.datetime | None
    created_at: datetime.datetime
    lines: list[MemoLineOut]
    subtotal: Amount
    tax_total: Amount
    total: Amount
    applied_amount: Amount
    paid_out_amount: Amount
    closed_amount: Amount
    remaining_amount: Amount
    applications: list[MemoApplicationOut]
    payouts: list[PayoutOut]
    auto_apply: bool


class CreditMemoPreviewOut(CreditMemoOut):
    id: None
    number: None
    status: Literal["draft"]
    issued_at: None
    created_at: None


class AutoApplyResultOut(Out):
    applied_amount: Amount = Field(description="credit applied when the memo was issued")
    invoice_count: int = Field(description="open invoices it was applied to")
    message: str = Field(description=(
        "says what happened, e.g. \"No open invoice of Jane Doe to apply it to: the full "
        "50.00 USD stays available.\""))


class CreditMemoCreatedOut(CreditMemoOut):
    auto_apply_result: AutoApplyResultOut | None = Field(description=(
        "what `auto_apply` did as the memo was issued in this request: the amount applied, "
        "to how many open invoices (of the memo's user, or of its company when the "
        "marketplace bills company-wide), and a sentence saying so. Null when `auto_apply` "
        "was not asked or the memo is a draft."))


# --- events ---------------------------------------------------------------------------------

class EventOut(Out):
    id: str
    object: Literal["event"]
    type: str
    at: datetime.datetime
    actor: str
    data: dict[str, Any] = Field(description="the invoice or credit memo as it was then, "
                                             "without `reason`")


def list_of(item: type[Out], name: str) -> type[Out]:
    return type(name, (Out,), {
        "__annotations__": {"object": Literal["list"], "data": list[item], "has_more": bool,
                            "next_cursor": str | None},
    })


CompanyList = list_of(CompanyOut, "CompanyList")
ProductList = list_of(ProductOut, "ProductList")
InvoiceList = list_of(InvoiceOut, "InvoiceList")
CreditMemoList = list_of(CreditMemoOut, "CreditMemoList")
EventList = list_of(EventOut, "EventList")
