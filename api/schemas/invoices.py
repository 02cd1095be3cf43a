"""Invoices, payments and refunds."""

import datetime
from typing import Literal

from pydantic import (
    ConfigDict,
    Field,
    StrictBool,
)

from api.schemas.base import (
    NAMES_ITSELF,
    TAX_CATEGORY_IN,
    Amount,
    AmountIn,
    Currency,
    CurrencyIn,
    DateIn,
    DecimalText,
    ExemptionCodeIn,
    ExemptionReasonIn,
    Id,
    In,
    Out,
    PositiveAmountIn,
    QuantityIn,
    RateIn,
    SignedAmountIn,
    TaxCategory,
    list_of,
    text,
)
from invoicing.models import BILLING_ACTIONS, INVOICE_STATUSES

# --- invoices -------------------------------------------------------------------------------

BillingAction = Literal[BILLING_ACTIONS]  # type: ignore[valid-type]


class InvoiceLineIn(In):
    # allOf around the rule, so that generated clients keep the fields (a top-level anyOf
    # beside `properties` makes openapi-python-client write a union of the branches only).
    model_config = ConfigDict(json_schema_extra={"allOf": [NAMES_ITSELF]})

    product_id: Id | None = None
    name: text(200) | None = Field(None, description="default: the product's name; required "
                                                     "without a product or subscription")
    description: text(2000) | None = None
    quantity: QuantityIn
    unit_price: SignedAmountIn
    discount_amount: AmountIn | None = None
    tax_rate: RateIn | None = None
    tax_category: TaxCategory | None = Field(None, description=TAX_CATEGORY_IN)
    tax_exemption_reason_code: ExemptionCodeIn | None = None
    tax_exemption_reason: ExemptionReasonIn | None = None
    billing_action: BillingAction | None = Field(None, description="default one_time")
    period_start: DateIn | None = None
    period_end: DateIn | None = Field(None, description="YYYY-MM-DD, not before period_start "
                                                        "(422 otherwise)")
    subscription_id: Id | None = Field(None, description="the customer's subscription; brings "
                                                         "its product")


class InvoiceIn(In):
    company_id: Id
    user_id: Id | None = None
    currency: CurrencyIn | None = Field(None, description="default: the company's")
    due_date: DateIn | None = None
    finalize: StrictBool | None = None
    lines: list[InvoiceLineIn] = Field(min_length=1, max_length=500)


class InvoiceLineOut(Out):
    id: str
    product_id: str | None
    name: str
    description: str
    quantity: DecimalText
    unit_price: Amount
    discount_amount: Amount
    amount: Amount
    tax_category: TaxCategory
    tax_rate: DecimalText
    tax_exemption_reason_code: str
    tax_exemption_reason: str
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
    tax_clearance_id: str | None = Field(description=(
        "the tax authority's clearance id of the issued document (Greece's myDATA MARK), "
        "once cleared; null otherwise"))
    tax_clearance_url: str | None = Field(description=(
        "where the tax authority's clearance can be verified; null when not cleared"))
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


class TaxClearanceIn(In):
    tax_clearance_id: text(100, required=True, pattern=r"^[!-~]{1,100}$", description=(
        "the id the tax authority's clearance system gave the document, e.g. the MARK of "
        "Greece's myDATA (a Greek seller's e-invoice must carry it)"))
    tax_clearance_url: text(500, pattern=r"^https://[!-~]+$", description=(
        "where the buyer can verify the clearance (an https address)")) | None = None


class PaymentIn(In):
    amount: PositiveAmountIn
    method: text(32, required=True) | None = Field(None, description='default "card"')


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
    amount: PositiveAmountIn


class RefundOut(Out):
    id: str
    object: Literal["refund"]
    payment_id: str
    amount: Amount
    status: Literal["succeeded"]
    credit_memo_id: str
    created_at: datetime.datetime


InvoiceList = list_of(InvoiceOut, "InvoiceList")
