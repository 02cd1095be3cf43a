"""Credit memos and events."""

import datetime
from typing import Any, Literal

from pydantic import (
    Field,
    StrictBool,
    StrictStr,
)

from api.schemas.base import (
    Amount,
    Currency,
    Decimalish,
    DecimalText,
    In,
    Out,
    list_of,
)
from api.schemas.invoices import BillingAction
from credits.models import ORIGINS, PAYOUT_STATUSES, REASON_CODES, STATUSES

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


CreditMemoList = list_of(CreditMemoOut, "CreditMemoList")
EventList = list_of(EventOut, "EventList")
