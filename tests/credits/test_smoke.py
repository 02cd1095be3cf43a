from decimal import Decimal

from credits import services as credits
from credits.selectors import ledger_differences
from tests.conftest import fresh


def test_overcharge_credit_from_invoice(mp, customer, make_invoice, clock):
    invoice = make_invoice(customer, amount="1000.00")
    line = invoice.lines.get()
    memo = credits.credit_memo_create_from_invoice(
        marketplace=mp, invoice_id=invoice.id, reason_code="overcharge",
        lines=[{"invoice_line_id": str(line.id), "amount": "200.00"}], actor="t", at=clock())
    invoice = fresh(invoice)
    assert memo.number == "CM-000001"
    assert memo.total == Decimal("200.00")
    assert memo.status == "fully_applied"
    assert invoice.amount_due == Decimal("800.00")
    assert ledger_differences(marketplace=mp) == []
