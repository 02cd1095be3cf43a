"""What invoices and payments post to the ledger, pure: a document change in, the journal
entry to post out (`ledger.services.Posting`). Amounts are signed: debits positive."""

from ledger.accounts import CASH, RECEIVABLES, REVENUE, TAX_PAYABLE
from ledger.services import Posting

ISSUED = "invoice_issued"
VOIDED = "invoice_voided"  # the reversal of ISSUED
PAYMENT = "payment"


def invoice_issued(invoice) -> Posting:
    """The customer owes the total: receivables debited, revenue (net of discounts) and tax
    payable credited."""
    c = invoice.company_id
    return Posting(kind=ISSUED, source=("invoice", invoice.id),
                   currency=invoice.currency, lines=[
                       (RECEIVABLES, c, invoice.total),
                       (REVENUE, c, -(invoice.subtotal - invoice.discount_total)),
                       (TAX_PAYABLE, c, -invoice.tax_total),
                   ])


def payment_received(payment, invoice) -> Posting:
    """Cash in, receivables down by the amount paid."""
    c = invoice.company_id
    return Posting(kind=PAYMENT, source=("payment", payment.id), currency=invoice.currency,
                   lines=[(CASH, c, payment.amount), (RECEIVABLES, c, -payment.amount)])
