"""Application rules, in the contract's order. One place, used by manual applications,
a memo's auto-apply, `apply_to`, and auto-apply when an invoice is issued."""

from decimal import Decimal

from common.money import format_amount
from credits.services.errors import (
    CurrencyMismatch,
    ExceedsAmountDue,
    ExceedsRemaining,
    InvoiceNotOpen,
    MemoNotUsable,
    NotSameCustomer,
)


def check_memo_usable(memo) -> None:
    if not memo.is_usable:
        raise MemoNotUsable(f"credit memo is {memo.status}")


def eligibility_error(*, memo, invoice, marketplace):
    """The first rule the pair breaks (an error to raise), or None."""
    if invoice.currency != memo.currency:
        return CurrencyMismatch(
            f"the invoice is in {invoice.currency}, the credit memo in {memo.currency}",
            param="invoice_id",
        )
    if invoice.company_id != memo.company_id or (
        not marketplace.company_wide_billing and invoice.user_id != memo.user_id
    ):
        return NotSameCustomer("the invoice belongs to another customer", param="invoice_id")
    if invoice.status != "open":
        return InvoiceNotOpen(f"the invoice is {invoice.status}", param="invoice_id")
    return None


def check_amount(*, memo, invoice, amount: Decimal) -> None:
    if memo.remaining_amount == 0 or amount > memo.remaining_amount:
        raise ExceedsRemaining(
            f"{format_amount(amount, memo.currency)} is more than the credit memo's "
            f"remaining {format_amount(memo.remaining_amount, memo.currency)}",
            param="amount",
        )
    if amount > invoice.amount_due:
        raise ExceedsAmountDue(
            f"{format_amount(amount, memo.currency)} is more than the invoice's amount due "
            f"{format_amount(invoice.amount_due, memo.currency)}",
            param="amount",
        )
