"""What each change of a credit document posts to the ledger, pure: a document change in,
a `ledger.services.Posting` (journal lines, signed: positive debits) out. The services post
them (`ledger.services.entries_post`), those of one change together."""

from decimal import Decimal

from ledger.accounts import (
    CASH,
    CREDIT_WRITTEN_OFF,
    CUSTOMER_CREDIT,
    RECEIVABLES,
    SALES_ALLOWANCES,
    TAX_PAYABLE,
)
from ledger.services import Posting


def memo_issued(memo) -> Posting:
    """Issuing grants the customer credit: allowances (net) and tax payable back."""
    c = memo.company_id
    return Posting(kind="credit_memo_issued", source=("credit_memo", memo.id),
                   currency=memo.currency,
                   lines=[(SALES_ALLOWANCES, c, memo.subtotal), (TAX_PAYABLE, c, memo.tax_total),
                          (CUSTOMER_CREDIT, c, -memo.total)])


def credit_applied(application, *, memo, invoice) -> Posting:
    """Credit used to settle an invoice: less customer credit, less receivable."""
    amount = application.amount
    return Posting(kind="credit_applied", source=("application", application.id),
                   currency=memo.currency,
                   lines=[(CUSTOMER_CREDIT, memo.company_id, amount),
                          (RECEIVABLES, invoice.company_id, -amount)])


def application_reversed(application, *, memo, invoice, amount: Decimal) -> Posting:
    """`amount` of an application taken back: the invoice is owed it, the memo holds it."""
    return Posting(kind="credit_application_reversed", source=("application", application.id),
                   currency=memo.currency,
                   lines=[(RECEIVABLES, invoice.company_id, amount),
                          (CUSTOMER_CREDIT, memo.company_id, -amount)])


def credit_written_off(*, memo, source: tuple[str, object], amount: Decimal) -> Posting:
    """Credit that will never be used (a memo closed, or a failed payout of a closed memo)."""
    return Posting(kind="credit_memo_closed", source=source, currency=memo.currency,
                   lines=[(CUSTOMER_CREDIT, memo.company_id, amount),
                          (CREDIT_WRITTEN_OFF, memo.company_id, -amount)])


def paid_out(payout, *, memo) -> Posting:
    """Credit returned as money to the payment method."""
    return Posting(kind="payout", source=("payout", payout.id), currency=memo.currency,
                   lines=[(CUSTOMER_CREDIT, memo.company_id, payout.amount),
                          (CASH, memo.company_id, -payout.amount)])
