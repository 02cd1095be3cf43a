"""Credit memos and events."""

import datetime
from typing import Any, Literal

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
    TaxCategory,
    list_of,
    text,
)
from api.schemas.invoices import BillingAction
from credits.models import ORIGINS, PAYOUT_STATUSES, REASON_CODES, STATUSES

# --- credit memos ---------------------------------------------------------------------------

ReasonCode = Literal[REASON_CODES]  # type: ignore[valid-type]


_ONE_OF_AMOUNT_QUANTITY = {"not": {
    "required": ["amount", "quantity"],
    "properties": {"amount": {"not": {"type": "null"}}, "quantity": {"not": {"type": "null"}}},
}}
_NOT_PRODUCT_AND_SUBSCRIPTION = {"not": {
    "required": ["product_id", "subscription_id"],
    "properties": {"product_id": {"type": "string"}, "subscription_id": {"type": "string"}},
}}


class InvoiceCreditLineIn(In):
    """A line of the invoice to credit, by net `amount` or by `quantity` (not both); neither:
    all that is left to credit of it."""

    model_config = ConfigDict(json_schema_extra=_ONE_OF_AMOUNT_QUANTITY)

    invoice_line_id: Id
    amount: PositiveAmountIn | None = Field(None, description="net amount to credit, above "
                                                               "zero")
    quantity: QuantityIn | None = Field(None, description="units at the line's net unit "
                                                          "price")


class CreditFromInvoiceIn(In):
    reason_code: ReasonCode
    reason: text(2000) | None = Field(None, description="internal; shown to managers only")
    memo: text(2000) | None = Field(None, description="shown to the customer")
    lines: list[InvoiceCreditLineIn] | None = Field(
        None, min_length=1, max_length=500,
        description="omitted: all that is left to credit of every line; each invoice line "
                    "at most once (422 otherwise)")
    apply_to: list[Id] | None = Field(
        None, max_length=500,
        description="open invoices to apply the credit to, in order; [] applies nothing; "
        "omitted: the source invoice if it is open")
    draft: StrictBool | None = None


class AdHocLineIn(In):
    model_config = ConfigDict(json_schema_extra={
        "allOf": [NAMES_ITSELF, _NOT_PRODUCT_AND_SUBSCRIPTION]})

    product_id: Id | None = None
    subscription_id: Id | None = Field(None, description="the customer's subscription; brings "
                                                         "its product (not with product_id)")
    name: text(200) | None = Field(None, description="default: the product's name; required "
                                                     "without a product or subscription")
    description: text(2000) | None = None
    quantity: QuantityIn
    unit_price: AmountIn
    tax_rate: RateIn | None = None
    tax_category: TaxCategory | None = Field(None, description=TAX_CATEGORY_IN)
    tax_exemption_reason_code: ExemptionCodeIn | None = None
    tax_exemption_reason: ExemptionReasonIn | None = None
    period_start: DateIn | None = None
    period_end: DateIn | None = Field(None, description="YYYY-MM-DD, not before period_start "
                                                        "(422 otherwise)")


class AdHocIn(In):
    company_id: Id
    user_id: Id | None = None
    reason_code: ReasonCode
    reason: text(2000) | None = Field(None, description="internal; shown to managers only")
    memo: text(2000) | None = Field(None, description="shown to the customer")
    currency: CurrencyIn | None = Field(None, description="default: the company's")
    auto_apply: StrictBool | None = None
    draft: StrictBool | None = None
    lines: list[AdHocLineIn] = Field(min_length=1, max_length=500)


class ApplicationIn(In):
    invoice_id: Id
    amount: PositiveAmountIn | None = Field(
        None, description="default min(remaining_amount, the invoice's amount_due)")


class ReverseIn(In):
    amount: PositiveAmountIn | None = Field(None, description="default: the whole application")


class PayoutIn(In):
    amount: PositiveAmountIn | None = Field(None, description="default: all that remains")
    method: text(32, required=True) | None = Field(
        None, description="used when the source invoice has no payment (default card)")


class CloseIn(In):
    reason: text(2000) | None = None


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
    tax_category: TaxCategory = Field(description="a credit of an invoice line keeps its "
                                                  "category, rate and exemption reason")
    tax_rate: DecimalText
    tax_exemption_reason_code: str
    tax_exemption_reason: str
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
    tax_clearance_id: str | None = Field(None, description=(
        "the tax authority's clearance id of the issued document (Greece's myDATA MARK), "
        "once cleared; null otherwise (not in a preview)"))
    tax_clearance_url: str | None = Field(None, description=(
        "where the tax authority's clearance can be verified; null when not cleared (not in "
        "a preview)"))
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


CreditMemoList = list_of(CreditMemoOut, "CreditMemoList")
EventList = list_of(EventOut, "EventList")
