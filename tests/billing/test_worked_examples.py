"""The issue's worked examples, end to end through billing runs, with the arithmetic."""

import datetime

from billing import services as billing
from billing.models import BillingRunEntry
from credits import services as credits
from credits.models import CreditMemo
from invoicing.models import Invoice
from tests.billing.conftest import ACTOR, D, at, run
from tests.conftest import fresh

APR_1, APR_16, MAY_1 = datetime.date(2026, 4, 1), datetime.date(2026, 4, 16), datetime.date(
    2026, 5, 1)


def memo_lines(memo):
    return [(line.name, line.billing_action, line.quantity, line.unit_price, line.amount)
            for line in memo.lines.all()]


def test_downgrade_on_day_16_of_a_30_day_month(mp, customer, make_plan, subscribe,
                                              ledger_agrees):
    """Pro at 100.00 a month from April 1 (April has 30 days), downgraded to Basic at 40.00 on
    April 16. The change takes effect at the start of the 16th: 15 of 30 days remain.
      unused time on Pro:      100.00 x 15/30 = 50.00 credit
      remaining time on Basic:  40.00 x 15/30 = 20.00 charge
      net                                      30.00 credit -> a credit memo, origin downgrade
    On May 1 Basic renews at 40.00; the invoice takes the 30.00 memo: 10.00 due."""
    pro, basic = make_plan("pro", "100.00"), make_plan("basic", "40.00")
    sub = subscribe(customer, pro, APR_1)
    first = run(mp, APR_1)
    assert first.invoices_issued == 1
    april = Invoice.objects.get(company=customer)
    assert april.total == D("100.00")

    billing.subscription_change(marketplace=mp, subscription_id=sub.id, plan_id=basic.id,
                                actor=ACTOR, at=at(2026, 4, 16, 14))
    second = run(mp, APR_16)
    assert (second.invoices_issued, second.credit_memos_issued) == (0, 1)
    memo = CreditMemo.objects.get(company=customer)
    assert memo.origin == "downgrade" and memo.reason_code == "downgrade"
    assert memo.total == D("30.00") and memo.status == "unapplied"
    assert memo_lines(memo) == [
        ("Unused time on Pro", "downgrade", 1, D("50.00"), D("50.00")),
        ("Remaining time on Basic", "downgrade", 1, D("-20.00"), D("-20.00")),
    ]

    run(mp, MAY_1)
    may = Invoice.objects.filter(company=customer).latest("created_at")
    assert may.total == D("40.00")
    assert may.amount_credited == D("30.00") and may.amount_due == D("10.00")
    assert fresh(memo).status == "fully_applied"


def test_cancellation_of_an_annual_plan_after_three_months(mp, customer, make_plan, subscribe,
                                                           ledger_agrees):
    """An annual plan at 1,200.00 from 2026-01-01 ([2026-01-01, 2027-01-01): 365 days),
    cancelled on 2026-04-01, after three months (31 + 28 + 31 = 90 days used).
      unused: 1,200.00 x 275/365 = 904.1095... -> 904.11 credit (half-up)
    -> a credit memo of 904.11, origin cancellation, one line with billing action
    `cancellation`; the subscription ends on 2026-04-01 and never renews."""
    annual = make_plan("annual", "1200.00", interval="year")
    sub = subscribe(customer, annual, datetime.date(2026, 1, 1))
    run(mp, datetime.date(2026, 1, 1))
    assert Invoice.objects.get(company=customer).total == D("1200.00")

    billing.subscription_cancel(marketplace=mp, subscription_id=sub.id, actor=ACTOR,
                                at=at(2026, 4, 1, 10))
    result = run(mp, APR_1)
    memo = CreditMemo.objects.get(company=customer)
    assert result.credit_memos_issued == 1
    assert memo.origin == "cancellation" and memo.total == D("904.11")
    assert memo_lines(memo) == [
        ("Unused time on Annual", "cancellation", 1, D("904.11"), D("904.11"))]
    line = memo.lines.get()
    assert (line.period_start, line.period_end) == (APR_1, datetime.date(2027, 1, 1))
    sub = fresh(sub)
    assert (sub.status, sub.ended_on) == ("cancelled", APR_1)
    assert run(mp, datetime.date(2027, 1, 1)).invoices_issued == 0


def test_negative_usage(mp, customer, make_plan, subscribe, ledger_agrees):
    """A metered plan at 2.00 a unit, March 2026. Usage: +3 units on the 5th, then a
    correction of -8 on the 20th: -5 units in the period.
      rated at the period's end: -5 x 2.00 = -10.00 -> a credit memo of 10.00,
      origin negative_usage, one `usage` line of 5 units at 2.00."""
    metered = make_plan("api-calls", "2.00", scheme="metered")
    sub = subscribe(customer, metered, datetime.date(2026, 3, 1))
    assert run(mp, datetime.date(2026, 3, 1)).customers_billed == 0  # billed in arrears
    for quantity, day in (("3", 5), ("-8", 20)):
        billing.usage_record_create(marketplace=mp, subscription_id=sub.id, quantity=quantity,
                                    usage_date=datetime.date(2026, 3, day), actor=ACTOR,
                                    at=at(2026, 3, day))
    result = run(mp, APR_1)
    assert (result.invoices_issued, result.credit_memos_issued) == (0, 1)
    memo = CreditMemo.objects.get(company=customer)
    assert memo.origin == "negative_usage" and memo.total == D("10.00")
    assert memo_lines(memo) == [("Api-Calls usage", "usage", 5, D("2.00"), D("10.00"))]


def test_corrected_one_off_order(mp, customer, product, ledger_agrees):
    """A one-off order of 300.00 on 2026-02-02, invoiced by that day's run, then corrected to
    250.00 on 2026-02-10.
      correction: 250.00 - 300.00 = -50.00 -> a credit memo of 50.00, origin
      order_correction, one `correction` line."""
    order = billing.order_create(marketplace=mp, company_id=customer.id,
                                 order_date="2026-02-02", actor=ACTOR, at=at(2026, 2, 2),
                                 lines=[{"product_id": str(product.id), "quantity": "1",
                                         "unit_price": "300.00"}])
    run(mp, datetime.date(2026, 2, 2))
    invoice = Invoice.objects.get(company=customer)
    assert invoice.total == D("300.00")
    assert invoice.lines.get().billing_action == "one_time"

    line = order.lines.get()
    billing.order_correct(marketplace=mp, order_id=order.id, actor=ACTOR, at=at(2026, 2, 10),
                          lines=[{"order_line_id": str(line.id), "unit_price": "250.00"}])
    run(mp, datetime.date(2026, 2, 10))
    memo = CreditMemo.objects.get(company=customer)
    assert memo.origin == "order_correction" and memo.total == D("50.00")
    assert [(x.billing_action, x.amount) for x in memo.lines.all()] == [
        ("correction", D("50.00"))]
    assert fresh(line).unit_price == D("250.00")


def test_renewal_meets_an_existing_memo(mp, customer, make_plan, subscribe, ledger_agrees):
    """A monthly plan at 100.00 from 2026-04-01; the customer already holds a 30.00 credit
    memo (a service credit). The May renewal invoice of 100.00 takes it when issued:
      amount due = 100.00 - 30.00 = 70.00; the memo is fully applied."""
    plan = make_plan("pro", "100.00")
    subscribe(customer, plan, APR_1)
    run(mp, APR_1)
    memo = credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=customer.id, reason_code="service_credit", actor=ACTOR,
        at=at(2026, 4, 20), lines=[{"name": "Outage", "quantity": "1", "unit_price": "30.00"}])
    run(mp, MAY_1)
    renewal = Invoice.objects.filter(company=customer).latest("created_at")
    line = renewal.lines.get()
    assert (line.billing_action, line.period_start, line.period_end) == (
        "renewal", MAY_1, datetime.date(2026, 6, 1))
    assert renewal.total == D("100.00")
    assert renewal.amount_credited == D("30.00") and renewal.amount_due == D("70.00")
    assert fresh(memo).status == "fully_applied"
    entry = BillingRunEntry.objects.get(company=customer, as_of=MAY_1)
    assert entry.documents == [{"type": "invoice", "id": str(renewal.id),
                                "number": renewal.number, "total": "100.00"}]
