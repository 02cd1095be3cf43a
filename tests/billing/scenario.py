"""A deterministic billing scenario in a real database, driven as a separate process so that a
billing run can be killed for real (tests/billing/test_crash_recovery.py).

  python -m tests.billing.scenario seed --slug S --customers N
  python -m tests.billing.scenario dump --slug S      # the marketplace's documents, as JSON
  python -m tests.billing.scenario reap --slug S --minutes M
      # the background reaper M minutes from now; prints the run as of AS_OF

DATABASE_URL selects the database. Every customer gets a per-seat monthly plan from 2026-04-01,
billed by a run that day; then some hold credit (auto-applied to the May renewal), some
downgrade or cancel on April 16 (a credit memo when the net is a credit), some have their
one-off order corrected, some negative metered usage. The run under test is as of 2026-05-01."""

import argparse
import datetime
import json
import os
import sys

AS_OF = datetime.date(2026, 5, 1)


def _at(day: datetime.date, seconds=0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(9), tzinfo=datetime.UTC) + (
        datetime.timedelta(seconds=seconds))


def seed(*, slug: str, customers: int) -> None:
    from billing import services as billing
    from catalog.models import Product
    from credits import services as credits
    from customers import services as customer_services

    t0 = _at(datetime.date(2026, 4, 1))
    mp = customer_services.marketplace_create(slug=slug, name=slug.title(), at=t0)
    product = Product.objects.create(marketplace=mp, name="Workspace", created_at=t0)
    plans = {
        code: billing.plan_create(marketplace=mp, product_id=product.id, code=code,
                                  name=code.title(), scheme=scheme, interval="month",
                                  unit_price=price, tax_rate="0.20", at=t0)
        for code, scheme, price in (("pro", "per_seat", "100.00"), ("basic", "per_seat", "40.00"),
                                    ("calls", "metered", "2.00"))
    }
    april = datetime.date(2026, 4, 1)
    subs, orders, metered = {}, {}, {}
    for i in range(customers):
        company = customer_services.company_create(marketplace=mp, name=f"Customer {i:04d}",
                                                   at=_at(april, 10 * i))
        sub = billing.subscription_create(marketplace=mp, company_id=company.id,
                                          plan_id=plans["pro"].id, quantity=1 + i % 3,
                                          start_date=april, actor="seed", at=_at(april, 10 * i))
        if i % 5 == 0:
            credits.credit_memo_create_ad_hoc(
                marketplace=mp, company_id=company.id, reason_code="goodwill", actor="seed",
                at=_at(april, i), lines=[{"name": "Goodwill", "quantity": "1",
                                          "unit_price": f"{10 + i % 7}.00"}])
        if i % 6 == 2:
            orders[i] = billing.order_create(
                marketplace=mp, company_id=company.id, order_date="2026-04-01", actor="seed",
                at=_at(april, 10 * i + 1), lines=[{"name": "Setup", "quantity": "1",
                                          "unit_price": "300.00", "tax_rate": "0.20"}])
        if i % 7 == 3:
            metered[i] = billing.subscription_create(
                marketplace=mp, company_id=company.id, plan_id=plans["calls"].id,
                start_date=april, actor="seed", at=_at(april, i))
        subs[i] = sub
    billing.billing_run(marketplace=mp, as_of=april, actor="seed",
                        at=_at(april, 10 * customers))
    for i, sub in subs.items():
        mid_april = _at(datetime.date(2026, 4, 16), i)
        if i % 4 == 1:
            billing.subscription_change(marketplace=mp, subscription_id=sub.id,
                                        plan_id=plans["basic"].id, actor="seed", at=mid_april)
        if i % 4 == 3:
            billing.subscription_cancel(marketplace=mp, subscription_id=sub.id, actor="seed",
                                        at=mid_april)
        if i in orders:
            billing.order_correct(
                marketplace=mp, order_id=orders[i].id, actor="seed", at=mid_april,
                lines=[{"order_line_id": str(orders[i].lines.get().id),
                        "unit_price": "250.00"}])
        if i in metered:
            billing.usage_record_create(marketplace=mp, subscription_id=metered[i].id,
                                        quantity=str(-(i % 9) - 1),
                                        usage_date=datetime.date(2026, 4, 10), actor="seed",
                                        at=mid_april)


def dump(*, slug: str) -> dict:
    """Everything the run decided, without ids or times: documents by number with their
    company, lines, totals and applications; what is still pending."""
    from billing.models import BillingRun, BillingRunEntry, Charge
    from credits.models import Application, CreditMemo
    from credits.selectors import ledger_differences
    from invoicing.models import Invoice
    from marketplaces.models import Marketplace

    mp = Marketplace.objects.get(slug=slug)

    def lines(doc):
        return [[x.name, x.billing_action, str(x.quantity), str(x.unit_price), str(x.amount),
                 str(x.tax_amount)] for x in doc.lines.all()]

    invoices = [
        {"number": inv.number, "company": inv.company.name, "status": inv.status,
         "total": str(inv.total), "credited": str(inv.amount_credited),
         "due": str(inv.amount_due), "lines": lines(inv)}
        for inv in Invoice.objects.filter(marketplace=mp).select_related("company")
        .order_by("number")
    ]
    memos = [
        {"number": m.number, "company": m.company.name, "origin": m.origin,
         "status": m.status, "total": str(m.total), "remaining": str(m.remaining_amount),
         "lines": lines(m)}
        for m in CreditMemo.objects.filter(marketplace=mp).select_related("company")
        .order_by("number")
    ]
    applications = sorted(
        [a.memo.number, a.invoice.number, str(a.amount)]
        for a in Application.objects.filter(marketplace=mp).select_related("memo", "invoice"))
    return {
        "invoices": invoices, "credit_memos": memos, "applications": applications,
        "entries": BillingRunEntry.objects.filter(marketplace=mp, as_of=AS_OF).count(),
        "pending_charges": Charge.objects.filter(marketplace=mp, status="pending").count(),
        "ledger_differences": ledger_differences(marketplace=mp),
        "run_status": BillingRun.objects.get(marketplace=mp, as_of=AS_OF).status,
    }


def reap(*, slug: str, minutes: int) -> dict:
    from billing.models import BillingRun
    from billing.services import billing_runs_reap
    from common.clock import now

    billing_runs_reap(at=now() + datetime.timedelta(minutes=minutes))
    run = BillingRun.objects.get(marketplace__slug=slug, as_of=AS_OF)
    return {"status": run.status, "failure_reason": run.failure_reason}


def main(argv=None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "abate.settings")
    import django

    django.setup()
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["seed", "dump", "reap"])
    parser.add_argument("--slug", required=True)
    parser.add_argument("--customers", type=int, default=100)
    parser.add_argument("--minutes", type=int, default=0)
    args = parser.parse_args(argv)
    if args.command == "seed":
        seed(slug=args.slug, customers=args.customers)
    elif args.command == "reap":
        json.dump(reap(slug=args.slug, minutes=args.minutes), sys.stdout)
    else:
        json.dump(dump(slug=args.slug), sys.stdout)


if __name__ == "__main__":
    main()
