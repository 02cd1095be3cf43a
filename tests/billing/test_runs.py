"""Billing runs: idempotency, discounts before credit, never a negative invoice, prorated
upgrades, period-end changes, resellers, catch-up and month ends, the daily schedule."""

import datetime
import threading

import pytest
from django.db import connection
from django_tasks_db.models import DBTaskResult

from billing import services as billing
from billing.models import BillingRunEntry, Charge, DailyRun
from billing.tasks import daily_billing, daily_billing_schedule
from common.errors import BusinessRule, InvalidState
from credits import services as credits
from credits.models import CreditMemo
from credits.selectors import ledger_differences
from invoicing.models import Invoice
from tests.billing.conftest import ACTOR, D, at, run
from tests.conftest import fresh

APR_1, MAY_1 = datetime.date(2026, 4, 1), datetime.date(2026, 5, 1)


def invoices(company):
    return list(Invoice.objects.filter(company=company).order_by("number"))


def test_a_second_run_for_the_same_date_issues_nothing(mp, customer, make_plan, subscribe,
                                                       ledger_agrees):
    """Run twice as of April 1: one invoice, one entry; the second run bills no one."""
    subscribe(customer, make_plan("pro", "100.00"), APR_1)
    first = run(mp, APR_1)
    second = run(mp, APR_1, hour=23)
    assert (first.invoices_issued, second.invoices_issued) == (1, 1)  # the date's totals
    assert second.pk == first.pk and second.status == "completed"
    assert len(invoices(customer)) == 1
    entry = BillingRunEntry.objects.get(company=customer)
    assert [d["number"] for d in entry.documents] == [invoices(customer)[0].number]
    assert not Charge.objects.filter(status="pending").exists()


def test_discounts_apply_before_credit_and_tax(mp, customer, make_plan, subscribe,
                                               ledger_agrees):
    """Pro at 200.00 a month with 20 % tax; the subscription has 10 % off (per line), the
    customer 5 % and then 30.00 off each invoice (per invoice); it holds a 50.00 memo.
      line:      200.00 - 10 % = 180.00
      invoice:   180.00 x 5 % = 9.00 off -> 171.00; then 30.00 off -> 141.00
                 (discount_amount on the line: 20.00 + 9.00 + 30.00 = 59.00)
      tax:       141.00 x 20 % = 28.20; total 169.20
      credit:    the memo's 50.00 is applied to the total after discounts and tax -> 119.20"""
    plan = make_plan("pro", "200.00", tax_rate="0.20")
    subscribe(customer, plan, APR_1, discount_percent="0.10")
    for kind, value in (("percent", {"percent": "0.05"}), ("fixed", {"amount": "30.00"})):
        billing.customer_discount_create(marketplace=mp, company_id=customer.id, kind=kind,
                                         valid_from=APR_1, at=at(2026, 3, 1), **value)
    credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=customer.id, reason_code="goodwill", actor=ACTOR,
        at=at(2026, 3, 2), lines=[{"name": "Goodwill", "quantity": "1", "unit_price": "50"}])
    run(mp, APR_1)
    invoice = invoices(customer)[0]
    line = invoice.lines.get()
    assert (line.unit_price, line.discount_amount, line.amount, line.tax_amount) == (
        D("200.00"), D("59.00"), D("141.00"), D("28.20"))
    assert (invoice.discount_total, invoice.total) == (D("59.00"), D("169.20"))
    assert (invoice.amount_credited, invoice.amount_due) == (D("50.00"), D("119.20"))


def test_a_fixed_invoice_discount_is_shared_over_the_charge_lines(mp, customer, make_plan,
                                                                  subscribe):
    """Two plans, 30.00 and 70.00, and 10.00 off the invoice: shared 3.00 and 7.00."""
    subscribe(customer, make_plan("small", "30.00"), APR_1)
    subscribe(customer, make_plan("large", "70.00"), APR_1)
    billing.customer_discount_create(marketplace=mp, company_id=customer.id, kind="fixed",
                                     amount="10.00", valid_from=APR_1,
                                     valid_until=MAY_1, at=at(2026, 3, 1))
    run(mp, APR_1)
    april = invoices(customer)[0]
    assert sorted(x.discount_amount for x in april.lines.all()) == [D("3.00"), D("7.00")]
    assert april.total == D("90.00")
    run(mp, MAY_1)  # the discount ended on May 1
    assert invoices(customer)[1].total == D("100.00")


def test_an_upgrade_of_seats_mid_period(mp, customer, make_plan, subscribe, ledger_agrees):
    """Per seat at 10.00, 2 seats from April 1, 5 seats from April 11 (20 of 30 days left):
      unused 2 seats: 20.00 x 20/30 = 13.33 credit
      5 seats:        50.00 x 20/30 = 33.33 charge -> an invoice of 20.00 (`upgrade`)"""
    seat = make_plan("seat", "10.00", scheme="per_seat")
    sub = subscribe(customer, seat, APR_1, quantity="2")
    run(mp, APR_1)
    billing.subscription_change(marketplace=mp, subscription_id=sub.id, quantity="5",
                                actor=ACTOR, at=at(2026, 4, 11))
    run(mp, datetime.date(2026, 4, 11))
    upgrade = invoices(customer)[1]
    assert [(x.billing_action, x.amount) for x in upgrade.lines.all()] == [
        ("upgrade", D("-13.33")), ("upgrade", D("33.33"))]
    assert upgrade.total == D("20.00")
    run(mp, MAY_1)
    assert invoices(customer)[2].total == D("50.00")


def test_changes_and_cancellations_at_period_end(mp, customer, make_plan, subscribe):
    """A downgrade at period end renews at the new price, without proration; a cancellation
    at period end gives no credit and stops the renewals."""
    pro, basic = make_plan("pro", "100.00"), make_plan("basic", "40.00")
    sub = subscribe(customer, pro, APR_1)
    run(mp, APR_1)
    billing.subscription_change(marketplace=mp, subscription_id=sub.id, plan_id=basic.id,
                                effective="period_end", actor=ACTOR, at=at(2026, 4, 20))
    assert fresh(sub).plan_id == pro.id and fresh(sub).scheduled_plan_id == basic.id
    run(mp, datetime.date(2026, 4, 20))
    assert len(invoices(customer)) == 1 and not CreditMemo.objects.exists()
    billing.subscription_cancel(marketplace=mp, subscription_id=sub.id, at_period_end=True,
                                actor=ACTOR, at=at(2026, 5, 10))
    run(mp, MAY_1)
    may = invoices(customer)[1]
    assert (may.total, may.lines.get().name) == (D("40.00"), "Basic")
    run(mp, datetime.date(2026, 6, 1))
    assert len(invoices(customer)) == 2 and not CreditMemo.objects.exists()
    assert (fresh(sub).status, fresh(sub).ended_on) == ("cancelled", datetime.date(2026, 6, 1))
    with pytest.raises(InvalidState):
        billing.subscription_cancel(marketplace=mp, subscription_id=sub.id, actor=ACTOR,
                                    at=at(2026, 6, 2))


def test_a_reseller_pays_for_its_customers(mp, make_customer, make_plan, subscribe):
    """Documents belong to the reseller (the payer) and keep the end customer; one per end
    customer, issued in one transaction for the reseller."""
    reseller = make_customer("Resell Co", is_reseller=True)
    ends = [make_customer(name, reseller_id=reseller.id) for name in ("End A", "End B")]
    plan = make_plan("pro", "100.00")
    for end in ends:
        subscribe(end, plan, APR_1)
    result = run(mp, APR_1)
    assert (result.customers_billed, result.invoices_issued) == (1, 2)
    billed = Invoice.objects.filter(company=reseller).values_list("billed_company_id",
                                                                  flat=True)
    assert set(billed) == {end.id for end in ends}


def test_a_late_run_catches_up_every_period(mp, customer, make_plan, subscribe):
    """Billed as of July 1 for the first time: April, May, June and July on one invoice."""
    subscribe(customer, make_plan("pro", "100.00"), APR_1)
    run(mp, datetime.date(2026, 7, 1))
    (invoice,) = invoices(customer)
    assert [x.period_start.month for x in invoice.lines.all()] == [4, 5, 6, 7]
    assert invoice.total == D("400.00")


def test_month_end_anchor_and_a_28_day_february(mp, customer, make_plan, subscribe):
    """From January 31, periods end on Feb 28, Mar 31, Apr 30. Cancelled on Feb 14 in the
    period [Jan 31, Feb 28) of 28 days: 14 days unused, 100.00 x 14/28 = 50.00."""
    sub = subscribe(customer, make_plan("pro", "100.00"), datetime.date(2026, 1, 31))
    run(mp, datetime.date(2026, 3, 31))
    ends = [x.period_end for x in invoices(customer)[0].lines.all()]
    assert ends == [datetime.date(2026, 2, 28), datetime.date(2026, 3, 31),
                    datetime.date(2026, 4, 30)]
    other = make_plan("other", "100.00")
    second = subscribe(customer, other, datetime.date(2026, 1, 31))
    billing.subscription_cancel(marketplace=mp, subscription_id=second.id, actor=ACTOR,
                                at=at(2026, 2, 14))
    credit = Charge.objects.get(subscription=second, billing_action="cancellation")
    assert credit.unit_price == D("-50.00")
    assert fresh(sub).period_end == datetime.date(2026, 4, 30)


def test_usage_of_a_rated_period_is_refused(mp, customer, make_plan, subscribe):
    sub = subscribe(customer, make_plan("calls", "2.00", scheme="metered"), APR_1)
    run(mp, MAY_1)
    with pytest.raises(BusinessRule) as refused:
        billing.usage_record_create(marketplace=mp, subscription_id=sub.id, quantity="3",
                                    usage_date=datetime.date(2026, 4, 30), actor=ACTOR,
                                    at=at(2026, 5, 2))
    assert refused.value.code == "usage_period_closed"


def test_the_billing_memo_service(mp, customer, product):
    """Lines keep their billing action; a charge line nets in; the own company never gets
    credit; a net charge is no credit memo."""
    memo = credits.credit_memo_create_for_billing(
        marketplace=mp, company_id=customer.id, origin="downgrade", actor=ACTOR,
        at=at(2026, 4, 16), lines=[
            {"name": "Unused Pro", "quantity": "1", "unit_price": "50.00",
             "billing_action": "downgrade", "product_id": str(product.id)},
            {"name": "Basic", "quantity": "1", "unit_price": "-20.00",
             "billing_action": "downgrade"}])
    assert (memo.origin, memo.total, memo.number) == ("downgrade", D("30.00"), "CM-000001")
    own = customer.__class__.objects.get(marketplace=mp, is_own=True)
    with pytest.raises(BusinessRule) as refused:
        credits.credit_memo_create_for_billing(
            marketplace=mp, company_id=own.id, origin="cancellation", actor=ACTOR,
            at=at(2026, 4, 16), lines=[{"name": "X", "quantity": "1", "unit_price": "5",
                                        "billing_action": "cancellation"}])
    assert refused.value.code == "own_company"
    with pytest.raises(BusinessRule) as charge:
        credits.credit_memo_create_for_billing(
            marketplace=mp, company_id=customer.id, origin="downgrade", actor=ACTOR,
            at=at(2026, 4, 16), lines=[{"name": "X", "quantity": "1", "unit_price": "-5",
                                        "billing_action": "downgrade"}])
    assert charge.value.code == "credit_total_not_positive"


def test_the_daily_run_bills_and_schedules_the_next_day(mp, customer, make_plan, subscribe):
    subscribe(customer, make_plan("pro", "100.00"), APR_1)
    assert daily_billing_schedule(run_on=APR_1, at=at(2026, 3, 31)) == APR_1
    daily_billing_schedule(run_on=APR_1, at=at(2026, 3, 31, 12))  # idempotent
    assert DBTaskResult.objects.filter(task_path__endswith="daily_billing").count() == 1
    daily_billing.call(run_on=APR_1.isoformat())
    assert len(invoices(customer)) == 1
    assert set(DailyRun.objects.values_list("run_on", flat=True)) == {
        APR_1, datetime.date(2026, 4, 2)}


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_runs_at_once_bill_each_customer_once(mp, make_customer, make_plan, subscribe):
    """Two runs for the same date in parallel: the payer's row lock and the entry make each
    customer billed exactly once, whoever gets there first."""
    plan = make_plan("pro", "100.00")
    companies = [make_customer(f"C{i}") for i in range(12)]
    for company in companies:
        subscribe(company, plan, APR_1)
    errors = []

    def bill():
        try:
            run(mp, APR_1)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=bill) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Invoice.objects.filter(marketplace=mp).count() == 12
    assert BillingRunEntry.objects.filter(marketplace=mp).count() == 12
    assert ledger_differences(marketplace=mp) == []


def test_without_auto_apply_the_renewal_leaves_the_credit_available(mp, customer, make_plan,
                                                                    subscribe):
    """auto_apply_credit_to_new_invoices off: the 100.00 renewal owes 100.00, the 30.00 memo
    stays unapplied."""
    from tests.factories import configure

    configure(mp, auto_apply_credit_to_new_invoices=False)
    subscribe(customer, make_plan("pro", "100.00"), APR_1)
    memo = credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=customer.id, reason_code="goodwill", actor=ACTOR,
        at=at(2026, 3, 2), lines=[{"name": "Goodwill", "quantity": "1", "unit_price": "30"}])
    run(mp, APR_1)
    assert invoices(customer)[0].amount_due == D("100.00")
    assert fresh(memo).status == "unapplied"
