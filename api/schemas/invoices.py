"""Invoices, payments and refunds."""

import datetime
from typing import Literal

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
from invoicing.models import BILLING_ACTIONS, INVOICE_STATUSES

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


InvoiceList = list_of(InvoiceOut, "InvoiceList")
