"""API benchmark (a script, not a test).

Seeds a PostgreSQL database with 100,000 companies and 1,000,000 credit memos (COPY through
psycopg), starts `abate serve` on it, drives it over loopback for a fixed time at 1, 2, 4 and
8 concurrent clients, and prints ops/s, p50 and p99 for:
  (a) create a credit memo from an invoice and apply it (POST /invoices/{id}/credit_memos),
  (b) GET one memo,
  (c) list 50 memos with two filters and a search,
  (d) create and issue an invoice with three lines.
In the same run it performs (a) as hand-written SQL through psycopg (the same rows, journal
lines and events) at the same concurrencies, and prints the ratio API / raw SQL.

    .venv/bin/python bench/api.py [--companies 100000] [--memos 1000000] [--seconds 10]
                                  [--reuse]   # keep an already seeded database

The database is `abate_bench` on 127.0.0.1:5432 (dropped and re-created unless --reuse).
"""

import argparse
import datetime
import http.client
import json
import os
import random
import subprocess
import sys
import threading
import time
import uuid
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SERVER = "postgres://postgres@127.0.0.1:5432"
DB = "abate_bench"
DB_URL = f"{SERVER}/{DB}"
WORDS = ["hosting", "seats", "support", "storage", "bandwidth", "licence", "training",
         "onboarding", "consulting", "analytics", "backup", "monitoring"]
CURRENCIES = ["USD"] * 8 + ["EUR", "GBP"]
STATUSES = ["unapplied"] * 5 + ["partially_applied", "fully_applied", "fully_applied",
                                 "paid_out", "closed"]


def abate(*args, env=None):
    out = subprocess.run([str(ROOT / ".venv/bin/abate"), *args], check=True, text=True,
                         capture_output=True, env={**os.environ, "DATABASE_URL": DB_URL,
                                                   **(env or {})})
    return out.stdout.strip().splitlines()[-1]


def create_database():
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {DB}")
    subprocess.run([str(ROOT / ".venv/bin/abate"), "migrate", "-v0"], check=True,
                   env={**os.environ, "DATABASE_URL": DB_URL})


def django_setup():
    os.environ["DATABASE_URL"] = DB_URL
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "abate.settings")
    import django

    django.setup()


def copy_rows(model, rows):
    """COPY plain dicts into a model's table; fields not given take their defaults."""
    from django.db import connection

    fields = model._meta.concrete_fields
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    defaults = {f.attname: f.get_default() for f in fields}
    with connection.cursor() as cursor:
        raw = cursor.cursor
        with raw.copy(f"COPY {model._meta.db_table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                values = []
                for f in fields:
                    value = row.get(f.attname, defaults[f.attname])
                    if f.get_internal_type() == "JSONField":
                        value = json.dumps(value)
                    values.append(value)
                copy.write_row(values)


def seed(companies: int, memos: int):
    from django.db import connection, transaction

    from credits.models import CreditMemo, CreditMemoLine
    from customers.models import Company
    from invoicing.models import Invoice, InvoiceLine
    from marketplaces.models import Marketplace

    mp = Marketplace.objects.get(slug="bench")
    t0 = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    rng = random.Random(7)
    company_ids = [uuid.uuid4() for _ in range(companies)]
    started = time.perf_counter()
    with transaction.atomic():
        copy_rows(Company, ({
            "id": cid, "marketplace_id": mp.id, "name": f"Customer {i:06d} {rng.choice(WORDS)}",
            "legal_name": f"Customer {i:06d}", "currency": "USD",
            "created_at": t0 + datetime.timedelta(seconds=i),
        } for i, cid in enumerate(company_ids)))
    print(f"seeded {companies:,} companies in {time.perf_counter() - started:.1f} s", flush=True)

    started = time.perf_counter()
    batch = 100_000
    for offset in range(0, memos, batch):
        memo_rows, line_rows = [], []
        for i in range(offset, min(offset + batch, memos)):
            mid = uuid.uuid4()
            total = Decimal(rng.randrange(100, 500_000)) / 100
            status = rng.choice(STATUSES)
            remaining = {"unapplied": total, "partially_applied": (total / 2).quantize(
                Decimal("0.01"))}.get(status, Decimal(0))
            applied = total - remaining if status in ("partially_applied",
                                                      "fully_applied") else Decimal(0)
            paid_out = total if status == "paid_out" else Decimal(0)
            closed = total if status == "closed" else Decimal(0)
            at = t0 + datetime.timedelta(seconds=i * 20)
            cid = company_ids[rng.randrange(companies)]
            memo_rows.append({
                "id": mid, "marketplace_id": mp.id, "number": f"CM-{i + 1:07d}",
                "status": status, "currency": rng.choice(CURRENCIES), "company_id": cid,
                "billed_company_id": cid, "origin": "ad_hoc", "reason_code": "goodwill",
                "issued_at": at, "created_at": at, "subtotal": total, "total": total,
                "applied_amount": applied, "paid_out_amount": paid_out,
                "closed_amount": closed, "remaining_amount": remaining, "apply_mode": "none",
                "apply_to": [],
            })
            line_rows.append({
                "id": uuid.uuid4(), "memo_id": mid, "position": 0, "name": "Goodwill credit",
                "description": f"{rng.choice(WORDS)} {rng.choice(WORDS)} credit",
                "quantity": 1, "unit_price": total, "amount": total, "total": total,
                "custom_charge": True,
            })
        with transaction.atomic():
            copy_rows(CreditMemo, memo_rows)
            copy_rows(CreditMemoLine, line_rows)
        print(f"  {offset + len(memo_rows):,} memos", flush=True)
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO sequences_sequence (name, last) VALUES (%s, %s) "
                       "ON CONFLICT (name) DO UPDATE SET last = EXCLUDED.last",
                       [f"credit_memo:{mp.id}", memos])
    print(f"seeded {memos:,} memos with lines in {time.perf_counter() - started:.1f} s",
          flush=True)

    # Open invoices to credit from, each with room for thousands of 1.00 credits.
    invoice_rows, line_rows = [], []
    for i in range(2_000):
        iid = uuid.uuid4()
        cid = company_ids[rng.randrange(companies)]
        invoice_rows.append({
            "id": iid, "marketplace_id": mp.id, "number": f"INV-{i + 1:07d}",
            "status": "open", "company_id": cid, "billed_company_id": cid, "currency": "USD",
            "issued_at": t0, "due_date": t0.date(), "subtotal": Decimal("100000.00"),
            "total": Decimal("119000.00"), "tax_total": Decimal("19000.00"),
            "amount_due": Decimal("119000.00"), "created_at": t0,
        })
        line_rows.append({
            "id": uuid.uuid4(), "invoice_id": iid, "position": 0, "name": "Annual plan",
            "quantity": 1, "unit_price": Decimal("100000.00"), "amount": Decimal("100000.00"),
            "tax_rate": Decimal("0.19"), "tax_amount": Decimal("19000.00"),
            "total": Decimal("119000.00"), "billing_action": "renewal",
        })
    with transaction.atomic():
        copy_rows(Invoice, invoice_rows)
        copy_rows(InvoiceLine, line_rows)
        cursor = connection.cursor()
        cursor.execute("INSERT INTO sequences_sequence (name, last) VALUES (%s, %s) "
                       "ON CONFLICT (name) DO UPDATE SET last = EXCLUDED.last",
                       [f"invoice:{mp.id}", 2_000])
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


class Server:
    def __init__(self, port: int, workers: int):
        self.port = port
        self.proc = subprocess.Popen(
            [str(ROOT / ".venv/bin/abate"), "serve", "--no-worker", "--host", "127.0.0.1",
             "--port", str(port), "--workers", str(workers), "--threads", "4"],
            env={**os.environ, "DATABASE_URL": DB_URL}, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                c.request("GET", "/readyz")
                if c.getresponse().status == 200:
                    return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("abate serve did not become ready")

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=60)


def drive(op, *, clients: int, seconds: float, port: int | None = None):
    """Run `op(conn)` in `clients` threads for `seconds`; returns (successful ops/s, p50 ms,
    p99 ms, failed calls). Latencies are those of every call."""
    latencies, errors = [], []
    lock = threading.Lock()
    stop_at = time.perf_counter() + seconds

    def run():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30) if port else None
        state = op.setup() if hasattr(op, "setup") else None
        mine, bad = [], 0
        while time.perf_counter() < stop_at:
            t = time.perf_counter()
            ok = op(conn if conn else state)
            mine.append(time.perf_counter() - t)
            bad += 0 if ok else 1
        with lock:
            latencies.extend(mine)
            errors.append(bad)
        if hasattr(op, "teardown"):
            op.teardown(state)

    threads = [threading.Thread(target=run) for _ in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    latencies.sort()
    p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000  # noqa: E731
    return (len(latencies) - sum(errors)) / elapsed, p(0.5), p(0.99), sum(errors)


class Api:
    def __init__(self, key, *, invoices, memos, companies):
        self.headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
        self.invoices, self.memos, self.companies = invoices, memos, companies
        self.rng = random.Random()

    def call(self, conn, method, path, body=None):
        conn.request(method, path, body=json.dumps(body) if body is not None else None,
                     headers=self.headers)
        response = conn.getresponse()
        response.read()
        return response.status == 200

    def credit(self, conn):  # (a)
        invoice_id, line_id = self.rng.choice(self.invoices)
        return self.call(conn, "POST", f"/api/v1/invoices/{invoice_id}/credit_memos", {
            "reason_code": "overcharge",
            "lines": [{"invoice_line_id": line_id, "amount": "1.00"}]})

    def get(self, conn):  # (b)
        return self.call(conn, "GET", f"/api/v1/credit_memos/{self.rng.choice(self.memos)}")

    def search(self, conn):  # (c)
        return self.call(conn, "GET", "/api/v1/credit_memos?limit=50&status=unapplied"
                                      f"&currency=USD&q={self.rng.choice(WORDS)}")

    def invoice(self, conn):  # (d)
        return self.call(conn, "POST", "/api/v1/invoices", {
            "company_id": self.rng.choice(self.companies),
            "lines": [{"name": "Seats", "quantity": "3", "unit_price": "20.00",
                       "tax_rate": "0.19"},
                      {"name": "Storage", "quantity": "1.5", "unit_price": "9.99"},
                      {"name": "Support", "quantity": "1", "unit_price": "49.00",
                       "discount_amount": "4.00"}]})


class RawCredit:
    """(a) as hand-written SQL: the rows, journal lines and events the service writes."""

    def __init__(self, marketplace_id, invoices):
        self.marketplace_id = marketplace_id
        self.invoices = invoices
        self.rng = random.Random()

    def setup(self):
        import psycopg

        return psycopg.connect(DB_URL)

    def teardown(self, conn):
        conn.close()

    def __call__(self, conn):
        from psycopg.types.json import Jsonb

        from common.money import allocate_cumulative

        invoice_id, line_id = self.rng.choice(self.invoices)
        now = datetime.datetime.now(datetime.UTC)
        amount = Decimal("1.00")
        with conn.transaction():
            inv = conn.execute(
                "SELECT company_id, billed_company_id, user_id, currency, status, amount_due "
                "FROM invoicing_invoice WHERE id = %s FOR UPDATE", [invoice_id]).fetchone()
            company_id, billed_id, user_id, currency, status, due = inv
            line = conn.execute(
                "SELECT amount, tax_amount, tax_rate, name, description, billing_action "
                "FROM invoicing_invoiceline WHERE id = %s", [line_id]).fetchone()
            net, tax, rate, name, description, action = line
            before, before_tax = conn.execute(
                "SELECT coalesce(sum(l.amount), 0), coalesce(sum(l.tax_amount), 0) "
                "FROM credits_creditmemoline l JOIN credits_creditmemo m ON m.id = l.memo_id "
                "WHERE l.source_invoice_line_id = %s AND m.issued_at IS NOT NULL "
                "AND m.voided_at IS NULL", [line_id]).fetchone()
            if before + amount > net:
                return False
            line_tax = allocate_cumulative(total=tax, base=net, before=before, now=amount,
                                           allocated_before=before_tax, currency=currency)
            total = amount + line_tax
            applied = min(total, due)
            memo_id, memo_line_id, application_id = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
            remaining = total - applied
            memo_status = "fully_applied" if remaining == 0 else "partially_applied"
            conn.execute(
                "INSERT INTO credits_creditmemo (id, marketplace_id, status, currency, "
                "company_id, billed_company_id, user_id, origin, source_invoice_id, "
                "reason_code, reason, memo, issued_at, close_reason, subtotal, tax_total, "
                "total, applied_amount, paid_out_amount, closed_amount, remaining_amount, "
                "auto_apply, apply_mode, apply_to, created_at) VALUES (%s, %s, %s, %s, %s, "
                "%s, %s, 'invoice', %s, 'overcharge', '', '', %s, '', %s, %s, %s, %s, 0, 0, %s,"
                " false, 'source', '[]', %s)",
                [memo_id, self.marketplace_id, memo_status, currency, company_id, billed_id,
                 user_id, invoice_id, now, amount, line_tax, total, applied, remaining, now])
            conn.execute(
                "INSERT INTO credits_creditmemoline (id, memo_id, position, name, description,"
                " quantity, unit_price, amount, tax_rate, tax_amount, total, billing_action, "
                "source_invoice_line_id, custom_charge) VALUES (%s, %s, 0, %s, %s, 1, %s, %s, "
                "%s, %s, %s, %s, %s, false)",
                [memo_line_id, memo_id, name, description, amount, amount, rate, line_tax,
                 total, action, line_id])
            self._entry(conn, "credit_memo_issued", "credit_memo", memo_id, currency, now, [
                ("sales_allowances", company_id, amount, 0),
                ("tax_payable", company_id, line_tax, 0),
                ("customer_credit", company_id, 0, total)])
            conn.execute(
                "INSERT INTO credits_application (id, marketplace_id, memo_id, invoice_id, "
                "amount, original_amount, invoice_amount_due_before, applied_at, applied_by) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, 'raw')",
                [application_id, self.marketplace_id, memo_id, invoice_id, applied, applied,
                 due, now])
            conn.execute(
                "UPDATE invoicing_invoice SET amount_credited = amount_credited + %s, "
                "amount_due = amount_due - %s, status = CASE WHEN amount_due - %s = 0 THEN "
                "'paid' ELSE status END WHERE id = %s", [applied, applied, applied, invoice_id])
            self._entry(conn, "credit_applied", "application", application_id, currency, now, [
                ("customer_credit", company_id, applied, 0),
                ("receivables", company_id, 0, applied)])
            value = conn.execute(
                "INSERT INTO sequences_sequence (name, last) VALUES (%s, 1) ON CONFLICT (name) "
                "DO UPDATE SET last = sequences_sequence.last + 1 RETURNING last",
                [f"credit_memo:{self.marketplace_id}"]).fetchone()[0]
            number = f"CM-{value:06d}"
            conn.execute("UPDATE credits_creditmemo SET number = %s WHERE id = %s",
                         [number, memo_id])
            data = {"id": str(memo_id), "object": "credit_memo", "number": number,
                    "status": memo_status, "currency": currency, "total": str(total),
                    "remaining_amount": str(remaining), "lines": [{
                        "id": str(memo_line_id), "name": name, "amount": str(amount),
                        "tax_amount": str(line_tax)}],
                    "applications": [{"id": str(application_id), "invoice_id": str(invoice_id),
                                      "amount": str(applied)}]}
            for kind in ("credit_memo.issued", "credit_memo.applied"):
                conn.execute(
                    "INSERT INTO notifications_event (marketplace_id, type, at, actor, "
                    "subject_type, subject_id, data) VALUES (%s, %s, %s, 'raw', 'credit_memo',"
                    " %s, %s)", [self.marketplace_id, kind, now, memo_id, Jsonb(data)])
        return True

    def _entry(self, conn, kind, source_type, source_id, currency, at, lines):
        entry_id = conn.execute(
            "INSERT INTO ledger_journalentry (marketplace_id, kind, source_type, source_id, "
            "currency, posted_at) VALUES (%s, %s, %s, %s, %s, %s) RETURNING id",
            [self.marketplace_id, kind, source_type, source_id, currency, at]).fetchone()[0]
        with conn.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO ledger_journalline (entry_id, marketplace_id, account, company_id,"
                " currency, debit, credit) VALUES (%s, %s, %s, %s, %s, %s, %s)",
                [(entry_id, self.marketplace_id, a, c, currency, d, k)
                 for a, c, d, k in lines if d or k])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--companies", type=int, default=100_000)
    parser.add_argument("--memos", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients", default="1,2,4,8")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=8790)
    parser.add_argument("--reuse", action="store_true")
    args = parser.parse_args()
    clients = [int(c) for c in args.clients.split(",")]

    if not args.reuse:
        create_database()
        abate("create-marketplace", "--slug", "bench", "--name", "Bench")
    django_setup()
    from credits.models import CreditMemo
    from customers.models import Company
    from invoicing.models import InvoiceLine
    from marketplaces.models import Marketplace

    if not args.reuse:
        seed(args.companies, args.memos)
    mp = Marketplace.objects.get(slug="bench")
    mp.auto_apply_credit_to_new_invoices = True
    mp.save()
    key = abate("create-api-key", "--marketplace", "bench", "--role", "manager")
    invoices = [(str(i), str(line)) for line, i in InvoiceLine.objects.filter(
        invoice__marketplace=mp, invoice__status="open", invoice__number__startswith="INV-",
        name="Annual plan").values_list("id", "invoice_id")[:2000]]
    memos = [str(m) for m in CreditMemo.objects.filter(marketplace=mp)
             .values_list("id", flat=True)[:20000]]
    companies = [str(c) for c in Company.objects.filter(marketplace=mp, is_own=False)
                 .values_list("id", flat=True)[:20000]]
    print(f"database: {CreditMemo.objects.filter(marketplace=mp).count():,} memos, "
          f"{Company.objects.filter(marketplace=mp).count():,} companies", flush=True)

    api = Api(key, invoices=invoices, memos=memos, companies=companies)
    server = Server(args.port, args.workers)
    results = {}
    try:
        for name, op in [("(a) credit from invoice + apply", api.credit),
                         ("(b) GET one memo", api.get),
                         ("(c) list 50, 2 filters + search", api.search),
                         ("(d) create + issue invoice, 3 lines", api.invoice)]:
            for n in clients:
                drive(op, clients=n, seconds=1, port=args.port)  # warm up
                results[(name, n)] = drive(op, clients=n, seconds=args.seconds, port=args.port)
                print(f"{name:<38} clients={n}: {results[(name, n)][0]:8.1f} ops/s  "
                      f"p50 {results[(name, n)][1]:6.1f} ms  p99 {results[(name, n)][2]:6.1f} ms"
                      f"  errors {results[(name, n)][3]}", flush=True)
    finally:
        server.stop()
    raw = RawCredit(mp.id, invoices)
    for n in clients:
        results[("raw (a)", n)] = drive(raw, clients=n, seconds=args.seconds)
        print(f"{'raw SQL (a)':<38} clients={n}: {results[('raw (a)', n)][0]:8.1f} ops/s  "
              f"p50 {results[('raw (a)', n)][1]:6.1f} ms  p99 {results[('raw (a)', n)][2]:6.1f} ms"
              f"  errors {results[('raw (a)', n)][3]}", flush=True)

    print("\n| operation | clients | ops/s | p50 ms | p99 ms | errors |")
    print("|---|---|---|---|---|---|")
    for (name, n), (rate, p50, p99, errors) in results.items():
        print(f"| {name} | {n} | {rate:.1f} | {p50:.1f} | {p99:.1f} | {errors} |")
    best_api = max(results[("(a) credit from invoice + apply", n)][0] for n in clients)
    best_raw = max(results[("raw (a)", n)][0] for n in clients)
    print(f"\n(a) best API {best_api:.1f} ops/s, best raw SQL {best_raw:.1f} ops/s: "
          f"API / raw SQL = {best_api / best_raw:.2f} (target >= 0.30)")
    worst_p99_c = max(results[("(c) list 50, 2 filters + search", n)][2] for n in clients)
    print(f"(c) worst p99 {worst_p99_c:.1f} ms (target < 50 ms)")


if __name__ == "__main__":
    main()
