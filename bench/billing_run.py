"""Billing-run benchmark (a script, not a test).

Seeds a PostgreSQL database of its own with 100,000 subscriptions (two per customer by
default: a per-seat plan and flat plans, all renewing on 2026-05-01); 20 % of the customers hold a
30.00 credit memo. It then bills them with `billing_run` as of 2026-05-01 (one transaction
per customer: renewals, an invoice per customer that takes the customer's credit, ledger,
number, events, the run's entry) and prints documents per second and the peak memory.

In the same run, a raw-SQL baseline (psycopg, hand-written statements, the same per-customer
transactions and row locks) does the same inserts and updates for an identically seeded
second marketplace; the script prints the rows each wrote per table and the ratio of the two
times.

    .venv/bin/python bench/billing_run.py [--subscriptions 100000] [--per-customer 2]
                                          [--credit-share 0.2]
                                          [--keep]   # leave the database for a look

The database is `abate_bench_billing` on 127.0.0.1:5432 (dropped and re-created).
"""

import argparse
import datetime
import gc
import os
import resource
import sys
import time
import uuid
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SERVER = os.environ.get("ABATE_BENCH_SERVER", "postgres://postgres@127.0.0.1:5432")
DB = "abate_bench_billing"
DB_URL = f"{SERVER}/{DB}"
APR_1, MAY_1, JUN_1 = datetime.date(2026, 4, 1), datetime.date(2026, 5, 1), datetime.date(
    2026, 6, 1)
SEEDED_AT = datetime.datetime(2026, 4, 1, 8, tzinfo=datetime.UTC)
RUN_AT = datetime.datetime(2026, 5, 1, 0, 5, tzinfo=datetime.UTC)
CENT = Decimal("0.01")
TABLES = ["catalog_subscription", "billing_charge", "invoicing_invoice",
          "invoicing_invoiceline", "credits_application", "credits_creditmemo",
          "ledger_journalentry", "ledger_journalline", "notifications_event",
          "django_tasks_database_dbtaskresult", "sequences_sequence",
          "billing_billingrunentry"]


def setup_django():
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


# --- seeding (bulk, not timed) --------------------------------------------------------------

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
            cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 - our table names
            counts[table] = cursor.fetchone()[0]
    return counts


def delta(before, after) -> dict:
    return {t: after[t] - before[t] for t in TABLES}


# --- the raw-SQL baseline -------------------------------------------------------------------

def _money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _columns(model) -> list[str]:
    return [f.column for f in model._meta.concrete_fields
            if not (f.primary_key and f.get_internal_type() == "BigAutoField")]


def _row(model, values: dict) -> tuple:
    """A row in `_columns` order: the given values, the model's defaults for the rest."""
    from psycopg.types.json import Jsonb

    row = []
    for field in model._meta.concrete_fields:
        if field.primary_key and field.get_internal_type() == "BigAutoField":
            continue
        value = values[field.column] if field.column in values else field.get_default()
        row.append(Jsonb(value) if field.get_internal_type() == "JSONField" else value)
    return tuple(row)


class Raw:
    """Hand-written SQL for the same writes as billing_run_customer, per customer."""

    def __init__(self, conn, mp):
        from django_tasks_db.models import DBTaskResult

        from billing.models import BillingRunEntry, Charge
        from credits.models import Application
        from invoicing.models import Invoice, InvoiceLine
        from ledger.models import JournalEntry, JournalLine
        from notifications.models import Event

        self.conn, self.mp = conn, mp
        self.models = {"charge": Charge, "invoice": Invoice, "line": InvoiceLine,
                       "application": Application, "entry": JournalEntry,
                       "jline": JournalLine, "event": Event, "task": DBTaskResult,
                       "run_entry": BillingRunEntry}
        self.sql = {}
        for name, model in self.models.items():
            cols = _columns(model)
            returning = " RETURNING id" if name in ("entry",) else ""
            self.sql[name] = (f"INSERT INTO {model._meta.db_table} ({', '.join(cols)}) "
                              f"VALUES ({', '.join(['%s'] * len(cols))}){returning}")
        self.run_id = uuid.uuid4()
        conn.execute("INSERT INTO billing_billingrun (id, marketplace_id, as_of, status, "
                     "customers_billed, invoices_issued, credit_memos_issued, failures, "
                     "started_at, created_at) VALUES (%s, %s, %s, 'running', 0, 0, 0, '[]', "
                     "%s, %s)", [self.run_id, mp.id, MAY_1, RUN_AT, RUN_AT])

    def insert(self, cur, name, values: dict, many=None):
        model = self.models[name]
        if many is not None:
            cur.executemany(self.sql[name], [_row(model, v) for v in many])
            return None
        cur.execute(self.sql[name], _row(model, values))
        return cur.fetchone()[0] if name == "entry" else None

    def post(self, cur, kind, source_type, source_id, lines):
        entry_id = self.insert(cur, "entry", {
            "marketplace_id": self.mp.id, "kind": kind, "source_type": source_type,
            "source_id": source_id, "currency": "USD", "posted_at": RUN_AT,
            "reverses_id": None})
        self.insert(cur, "jline", None, many=[
            {"entry_id": entry_id, "marketplace_id": self.mp.id, "account": account,
             "company_id": company_id, "currency": "USD", "debit": max(amount, 0),
             "credit": max(-amount, 0)} for account, company_id, amount in lines if amount])

    def event(self, cur, type_, subject_type, subject_id, data):
        self.insert(cur, "event", {"marketplace_id": self.mp.id, "type": type_, "at": RUN_AT,
                                   "actor": "billing_run", "subject_type": subject_type,
                                   "subject_id": subject_id, "data": data})

    def customers(self) -> list:
        return [r[0] for r in self.conn.execute(
            "SELECT DISTINCT c.id, c.created_at FROM catalog_subscription s JOIN "
            "customers_company c ON c.id = s.company_id WHERE s.marketplace_id = %s AND "
            "s.status = 'active' AND s.period_end <= %s ORDER BY c.created_at, c.id",
            [self.mp.id, MAY_1]).fetchall()]

    def bill(self, company_id) -> int:
        mp = self.mp
        with self.conn.transaction(), self.conn.cursor() as cur:
            cur.execute("SELECT id FROM customers_company WHERE id = %s FOR UPDATE",
                        [company_id])
            cur.execute("SELECT 1 FROM billing_billingrunentry WHERE marketplace_id = %s AND "
                        "company_id = %s AND as_of = %s", [mp.id, company_id, MAY_1])
            if cur.fetchone():
                return 0
            subs = cur.execute(
                "SELECT s.id, s.quantity, s.unit_price, s.tax_rate, s.product_id, p.name "
                "FROM catalog_subscription s JOIN catalog_plan p ON p.id = s.plan_id "
                "WHERE s.company_id = %s AND s.status = 'active' AND s.period_end <= %s "
                "ORDER BY s.id FOR UPDATE OF s", [company_id, MAY_1]).fetchall()
            cur.execute("UPDATE catalog_subscription SET period_start = %s, period_end = %s "
                        "WHERE id = ANY(%s)", [MAY_1, JUN_1, [s[0] for s in subs]])
            invoice_id = uuid.uuid4()
            charges, lines = [], []
            subtotal = tax_total = Decimal(0)
            for position, (sub_id, quantity, unit_price, rate, product_id, name) in enumerate(
                    subs):
                gross = _money(quantity * unit_price)
                tax = _money(gross * rate)
                subtotal, tax_total = subtotal + gross, tax_total + tax
                common = {"product_id": product_id, "name": name, "description": "",
                          "billing_action": "renewal", "quantity": quantity,
                          "unit_price": unit_price, "discount_amount": 0, "tax_rate": rate,
                          "period_start": MAY_1, "period_end": JUN_1,
                          "subscription_id": sub_id}
                charges.append({**common, "id": uuid.uuid4(), "marketplace_id": mp.id,
                                "company_id": company_id, "billed_company_id": company_id,
                                "user_id": None, "currency": "USD", "order_line_id": None,
                                "bill_on": MAY_1, "status": "pending", "invoice_id": None,
                                "credit_memo_id": None, "billed_as_of": None,
                                "created_at": RUN_AT, "position": position})
                lines.append({**common, "id": uuid.uuid4(), "invoice_id": invoice_id,
                              "position": position, "amount": gross, "tax_amount": tax,
                              "total": gross + tax})
            self.insert(cur, "charge", None, many=charges)
            total = subtotal + tax_total
            self.insert(cur, "invoice", {
                "id": invoice_id, "marketplace_id": mp.id, "number": None, "status": "draft",
                "company_id": company_id, "billed_company_id": company_id, "user_id": None,
                "currency": "USD", "issued_at": None, "due_date": MAY_1, "voided_at": None,
                "subtotal": subtotal, "discount_total": 0, "tax_total": tax_total,
                "total": total, "amount_credited": 0, "amount_paid": 0, "amount_due": total,
                "created_at": RUN_AT})
            self.insert(cur, "line", None, many=lines)
            memos = cur.execute(
                "SELECT id, remaining_amount, total FROM credits_creditmemo WHERE "
                "marketplace_id = %s AND company_id = %s AND currency = 'USD' AND status IN "
                "('unapplied', 'partially_applied') AND remaining_amount > 0 AND user_id IS "
                "NULL ORDER BY id FOR UPDATE", [mp.id, company_id]).fetchall()
            cur.execute("UPDATE invoicing_invoice SET status = 'open', issued_at = %s WHERE "
                        "id = %s", [RUN_AT, invoice_id])
            self.post(cur, "invoice_issued", "invoice", invoice_id,
                      [("receivables", company_id, total), ("revenue", company_id, -subtotal),
                       ("tax_payable", company_id, -tax_total)])
            self.insert(cur, "task", {
                "id": uuid.uuid4(), "status": "READY", "enqueued_at": RUN_AT,
                "args_kwargs": {"args": [], "kwargs": {"marketplace_id": str(mp.id),
                                                       "kind": "invoice",
                                                       "document_id": str(invoice_id)}},
                "priority": 0, "task_path": "documents.tasks.generate_pdf",
                "worker_ids": [], "queue_name": "default", "backend_name": "default",
                "run_after": datetime.datetime(9999, 1, 1, tzinfo=datetime.UTC),
                "exception_class_path": "", "traceback": ""})
            due, applied_events = total, []
            for memo_id, remaining, memo_total in memos:
                amount = min(remaining, due)
                application_id = uuid.uuid4()
                self.insert(cur, "application", {
                    "id": application_id, "marketplace_id": mp.id, "memo_id": memo_id,
                    "invoice_id": invoice_id, "amount": amount, "original_amount": amount,
                    "invoice_amount_due_before": due, "applied_at": RUN_AT,
                    "applied_by": "billing_run", "reversed_at": None})
                left = remaining - amount
                cur.execute("UPDATE credits_creditmemo SET applied_amount = applied_amount + "
                            "%s, remaining_amount = %s, status = %s WHERE id = %s",
                            [amount, left, "partially_applied" if left else "fully_applied",
                             memo_id])
                due -= amount
                cur.execute("UPDATE invoicing_invoice SET amount_credited = amount_credited + "
                            "%s, amount_due = %s, status = %s WHERE id = %s",
                            [amount, due, "open" if due else "paid", invoice_id])
                self.post(cur, "credit_applied", "application", application_id,
                          [("customer_credit", company_id, amount),
                           ("receivables", company_id, -amount)])
                applied_events.append((memo_id, {"id": str(memo_id), "object": "credit_memo",
                                                 "total": str(memo_total),
                                                 "remaining_amount": str(left)}))
            last = cur.execute(
                "INSERT INTO sequences_sequence (name, last) VALUES (%s, 1) ON CONFLICT (name) "
                "DO UPDATE SET last = sequences_sequence.last + 1 RETURNING last",
                [f"invoice:{mp.id}"]).fetchone()[0]
            number = f"INV-{last:06d}"
            cur.execute("UPDATE invoicing_invoice SET number = %s WHERE id = %s",
                        [number, invoice_id])
            data = {"id": str(invoice_id), "object": "invoice", "number": number,
                    "status": "open" if due else "paid", "company_id": str(company_id),
                    "total": str(total), "amount_due": str(due),
                    "lines": [{k: str(v) for k, v in line.items()} for line in lines]}
            self.event(cur, "invoice.issued", "invoice", invoice_id, data)
            if not due:
                self.event(cur, "invoice.paid", "invoice", invoice_id, data)
            for memo_id, memo_data in applied_events:
                self.event(cur, "credit_memo.applied", "credit_memo", memo_id, memo_data)
            cur.execute("UPDATE billing_charge SET status = 'billed', invoice_id = %s, "
                        "billed_as_of = %s WHERE id = ANY(%s)",
                        [invoice_id, MAY_1, [c["id"] for c in charges]])
            self.insert(cur, "run_entry", {
                "id": uuid.uuid4(), "marketplace_id": mp.id, "run_id": self.run_id,
                "company_id": company_id, "as_of": MAY_1, "created_at": RUN_AT,
                "documents": [{"type": "invoice", "id": str(invoice_id), "number": number,
                               "total": str(total)}]})
        return 1


def raw_baseline(mp) -> int:
    import psycopg

    # Autocommit, so that each `conn.transaction()` is a real BEGIN ... COMMIT per customer
    # (on a connection in a transaction it would only be a savepoint).
    with psycopg.connect(DB_URL, autocommit=True) as conn:
        raw = Raw(conn, mp)
        return sum(raw.bill(company_id) for company_id in raw.customers())


# --- main -----------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscriptions", type=int, default=100_000)
    parser.add_argument("--per-customer", type=int, default=2, choices=[1, 2, 3, 4])
    parser.add_argument("--credit-share", type=float, default=0.2)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    customers = args.subscriptions // args.per_customer

    started = time.perf_counter()
    setup_django()
    from billing.services import billing_run

    orm_mp = seed("bench-orm", customers, args.per_customer, args.credit_share)
    raw_mp = seed("bench-raw", customers, args.per_customer, args.credit_share)
    print(f"seeded 2 x {customers:,} customers, {args.subscriptions:,} subscriptions each, "
          f"{args.credit_share:.0%} holding credit, in {time.perf_counter() - started:.0f} s",
          flush=True)

    gc.collect()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    counts = table_counts()
    t0 = time.perf_counter()
    run = billing_run(marketplace=orm_mp, as_of=MAY_1, actor="billing_run", at=RUN_AT)
    orm_seconds = time.perf_counter() - t0
    rss_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    after_orm = table_counts()
    orm_docs = run.invoices_issued + run.credit_memos_issued

    t1 = time.perf_counter()
    raw_docs = raw_baseline(raw_mp)
    raw_seconds = time.perf_counter() - t1
    after_raw = table_counts()

    orm_rows, raw_rows = delta(counts, after_orm), delta(after_orm, after_raw)
    print(f"\nbilling_run: {run.customers_billed:,} customers, {run.invoices_issued:,} "
          f"invoices, {run.credit_memos_issued:,} credit memos, {len(run.failures)} failures")
    print(f"{'table':<36}{'billing_run rows':>18}{'raw SQL rows':>14}")
    for table in TABLES:
        print(f"{table:<36}{orm_rows[table]:>18,}{raw_rows[table]:>14,}")
    print(f"\nbilling_run:   {orm_docs:,} documents in {orm_seconds:.1f} s = "
          f"{orm_docs / orm_seconds:,.0f} documents/s")
    print(f"raw SQL:       {raw_docs:,} documents in {raw_seconds:.1f} s = "
          f"{raw_docs / raw_seconds:,.0f} documents/s")
    print(f"ratio billing_run / raw SQL time: {orm_seconds / raw_seconds:.2f}")
    print(f"peak memory (max RSS): {rss_peak / 1024:,.0f} MiB "
          f"({rss_before / 1024:,.0f} MiB before the run)")
    if not args.keep:
        import psycopg
        from django.db import connections

        connections.close_all()
        with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")


if __name__ == "__main__":
    main()
