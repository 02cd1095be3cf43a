"""The bench database and its seeding (bulk, not timed): a marketplace per measurement, seeded
alike. Each customer has `per_customer` monthly subscriptions (a per-seat plan and flat
plans) renewing on 2026-05-01; every `1 / credit_share`-th customer holds a 30.00 memo."""

import datetime
import os
from decimal import Decimal

SERVER = os.environ.get("ABATE_BENCH_SERVER", "postgres://postgres@127.0.0.1:5432")
DB = "abate_bench_billing"
DB_URL = f"{SERVER}/{DB}"
APR_1, MAY_1, JUN_1 = (datetime.date(2026, 4, 1), datetime.date(2026, 5, 1),
                       datetime.date(2026, 6, 1))
SEEDED_AT = datetime.datetime(2026, 4, 1, 8, tzinfo=datetime.UTC)
TABLES = ["catalog_subscription", "billing_charge", "invoicing_invoice",
          "invoicing_invoiceline", "credits_application", "credits_creditmemo",
          "ledger_journalentry", "ledger_journalline", "notifications_event",
          "django_tasks_database_dbtaskresult", "sequences_sequence",
          "billing_billingrunentry"]


def setup_django():
    """Drop and re-create the bench database, migrate it, and set Django up on it."""
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {DB}")
    os.environ["DATABASE_URL"] = DB_URL
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "abate.settings")
    os.environ.setdefault("ABATE_LOG_LEVEL", "ERROR")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def drop_database():
    import psycopg
    from django.db import connections

    connections.close_all()
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")


def seed(slug: str, customers: int, per_customer: int, credit_share: float):
    from sequences.models import Sequence

    from catalog.models import Plan, Product, Subscription
    from credits.models import CreditMemo, CreditMemoLine
    from customers.models import Company
    from customers.services import marketplace_create
    from ledger.models import JournalEntry, JournalLine

    mp = marketplace_create(slug=slug, name=slug.title(), at=SEEDED_AT)
    product = Product.objects.create(marketplace=mp, name="Workspace", created_at=SEEDED_AT)
    plans = [
        Plan.objects.create(marketplace=mp, product=product, code="seats", name="Seats",
                            scheme="per_seat", interval="month", currency="USD",
                            unit_price=Decimal("12.50"), tax_rate=Decimal("0.20"),
                            created_at=SEEDED_AT),
        *(Plan.objects.create(marketplace=mp, product=product, code=code, name=code.title(),
                              scheme="flat", interval="month", currency="USD",
                              unit_price=Decimal(price), tax_rate=Decimal("0.20"),
                              created_at=SEEDED_AT)
          for code, price in (("storage", "40.00"), ("support", "99.00"),
                              ("backup", "15.00"))),
    ]
    companies = Company.objects.bulk_create(
        (Company(marketplace=mp, name=f"Customer {i:06d}", legal_name=f"Customer {i:06d}",
                 currency="USD", created_at=SEEDED_AT + datetime.timedelta(microseconds=i))
         for i in range(customers)), batch_size=5000)
    Subscription.objects.bulk_create(
        (Subscription(marketplace=mp, company=company, product=product, plan=plan,
                      quantity=1 + i % 4 if plan.scheme == "per_seat" else 1,
                      unit_price=plan.unit_price, tax_rate=plan.tax_rate, currency="USD",
                      anchor_date=APR_1, period_start=APR_1, period_end=MAY_1,
                      status="active", created_at=SEEDED_AT)
         for i, company in enumerate(companies) for plan in plans[:per_customer]),
        batch_size=5000)
    holders = companies[::round(1 / credit_share)] if credit_share else []
    memos = CreditMemo.objects.bulk_create(
        (CreditMemo(marketplace=mp, number=f"CM-{k + 1:06d}", status="unapplied",
                    currency="USD", company=company, billed_company=company, origin="ad_hoc",
                    reason_code="goodwill", issued_at=SEEDED_AT, subtotal=Decimal("30.00"),
                    total=Decimal("30.00"), remaining_amount=Decimal("30.00"),
                    created_at=SEEDED_AT)
         for k, company in enumerate(holders)), batch_size=5000)
    CreditMemoLine.objects.bulk_create(
        (CreditMemoLine(memo=memo, position=0, name="Goodwill", quantity=1,
                        unit_price=memo.total, amount=memo.total, total=memo.total,
                        custom_charge=True) for memo in memos), batch_size=5000)
    entries = JournalEntry.objects.bulk_create(
        (JournalEntry(marketplace=mp, kind="credit_memo_issued", source_type="credit_memo",
                      source_id=memo.id, currency="USD", posted_at=SEEDED_AT)
         for memo in memos), batch_size=5000)
    JournalLine.objects.bulk_create(
        (JournalLine(entry=entry, marketplace=mp, account=account, company_id=memo.company_id,
                     currency="USD", debit=debit, credit=credit)
         for entry, memo in zip(entries, memos, strict=True)
         for account, debit, credit in (("sales_allowances", memo.total, 0),
                                        ("customer_credit", 0, memo.total))),
        batch_size=5000)
    Sequence.objects.create(name=f"credit_memo:{mp.id}", last=len(memos))
    return mp


def table_counts() -> dict:
    from django.db import connection

    with connection.cursor() as cursor:
        counts = {}
        for table in TABLES:
            # Jobs: the documents' PDF jobs (workers add their own sweeps and the run's).
            where = (" WHERE task_path IN ('credits.tasks.generate_pdf',"
                     " 'invoicing.tasks.generate_pdf')"
                     if table == "django_tasks_database_dbtaskresult" else "")
            cursor.execute(f"SELECT count(*) FROM {table}{where}")  # noqa: S608 - ours
            counts[table] = cursor.fetchone()[0]
    return counts


def delta(before, after) -> dict:
    return {t: after[t] - before[t] for t in TABLES}


def event_types() -> list:
    from django.db.models import Count

    from notifications.models import Event

    return list(Event.objects.values_list("marketplace__slug", "type")
                .annotate(n=Count("id")).order_by("marketplace__slug", "type"))
