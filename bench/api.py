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
    def __init__(self, port: int, workers: int, threads: int):
        self.port = port
        self.proc = subprocess.Popen(
            [str(ROOT / ".venv/bin/abate"), "serve", "--no-worker", "--host", "127.0.0.1",
             "--port", str(port), "--workers", str(workers), "--threads", str(threads)],
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
    """(a) as hand-written SQL through psycopg: every row the service writes, with the same
    checks and locks (credits/services/memos.py credit_memo_create_from_invoice and
    core.apply_credit): the memo (in its final state, number included), its line, the
    `credit_memo_issued` and `credit_applied` journal entries and lines, the application, the
    invoice's amounts, the PDF job (documents.services.pdf_schedule), and the two events with
    the memo's full payload (credits.serializers.memo_data), with a webhook delivery and its
    job per endpoint that wants them and an e-mail row and job when the `credit_applied`
    notification is on (notifications.services.event_record; the bench marketplace has none,
    so these are looked up, as the service does, and find nothing). Round trips are as few as
    hand-written SQL needs: foreign keys are deferred, so the memo is inserted once, last,
    with the number taken just before it."""

    def __init__(self, marketplace, invoices, actor):
        self.marketplace_id = marketplace.id
        self.prefix = marketplace.credit_memo_number_prefix
        self.padding = marketplace.number_padding
        self.invoices = invoices
        self.actor = actor
        self.rng = random.Random()

    def setup(self):
        import psycopg

        return psycopg.connect(DB_URL)

    def teardown(self, conn):
        conn.close()

    def __call__(self, conn, invoice=None):
        from psycopg.types.json import Jsonb

        from common.money import allocate_cumulative, format_amount, format_decimal

        invoice_id, line_id = invoice or self.rng.choice(self.invoices)
        now = datetime.datetime.now(datetime.UTC)
        amount = Decimal("1.00")
        mp = self.marketplace_id
        with conn.transaction():
            row = conn.execute(
                "SELECT i.company_id, i.billed_company_id, i.user_id, i.currency, i.status, "
                "i.amount_due, i.number, p.is_own OR b.is_own FROM invoicing_invoice i "
                "JOIN customers_company p ON p.id = i.company_id "
                "JOIN customers_company b ON b.id = i.billed_company_id "
                "WHERE i.id = %s AND i.marketplace_id = %s FOR NO KEY UPDATE OF i",
                [invoice_id, mp]).fetchone()
            company_id, billed_id, user_id, currency, status, due, inv_number, own = row
            if own or status not in ("open", "paid"):
                return False
            (net, tax, rate, name, description, action, product_id, subscription_id,
             period_start, period_end, before, before_tax) = conn.execute(
                "SELECT l.amount, l.tax_amount, l.tax_rate, l.name, l.description, "
                "l.billing_action, l.product_id, l.subscription_id, l.period_start, "
                "l.period_end, coalesce(sum(c.amount), 0), coalesce(sum(c.tax_amount), 0) "
                "FROM invoicing_invoiceline l LEFT JOIN (credits_creditmemoline c JOIN "
                "credits_creditmemo m ON m.id = c.memo_id AND m.issued_at IS NOT NULL AND "
                "m.voided_at IS NULL) ON c.source_invoice_line_id = l.id "
                "WHERE l.id = %s AND l.invoice_id = %s GROUP BY l.id",
                [line_id, invoice_id]).fetchone()
            if before + amount > net:
                return False
            line_tax = allocate_cumulative(total=tax, base=net, before=before, now=amount,
                                           allocated_before=before_tax, currency=currency)
            total = amount + line_tax
            applied = min(total, due) if status == "open" else Decimal(0)
            if applied == due:
                return False  # would pay the invoice (an invoice.paid event): never here
            memo_id, memo_line_id, application_id = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
            remaining = total - applied
            memo_status = "fully_applied" if remaining == 0 else "partially_applied"
            conn.execute(
                "INSERT INTO credits_creditmemoline (id, memo_id, position, product_id, name, "
                "description, quantity, unit_price, amount, tax_rate, tax_amount, total, "
                "billing_action, period_start, period_end, subscription_id, "
                "source_invoice_line_id, custom_charge) VALUES (%s, %s, 0, %s, %s, %s, 1, %s, "
                "%s, %s, %s, %s, %s, %s, %s, %s, %s, false)",
                [memo_line_id, memo_id, product_id, name, description, amount, amount, rate,
                 line_tax, total, action, period_start, period_end, subscription_id, line_id])
            self._entry(conn, "credit_memo_issued", "credit_memo", memo_id, currency, now, [
                ("sales_allowances", company_id, amount, 0),
                ("tax_payable", company_id, line_tax, 0),
                ("customer_credit", company_id, 0, total)])
            self._job(conn, "documents.tasks.generate_pdf", now, {
                "marketplace_id": str(mp), "kind": "credit_memo", "document_id": str(memo_id)})
            conn.execute(
                "INSERT INTO credits_application (id, marketplace_id, memo_id, invoice_id, "
                "amount, original_amount, invoice_amount_due_before, applied_at, position, "
                "applied_by) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, 0, %s)",
                [application_id, mp, memo_id, invoice_id, applied, applied, due, now,
                 self.actor])
            conn.execute(
                "UPDATE invoicing_invoice SET amount_credited = amount_credited + %s, "
                "amount_due = amount_due - %s WHERE id = %s", [applied, applied, invoice_id])
            self._entry(conn, "credit_applied", "application", application_id, currency, now, [
                ("customer_credit", company_id, applied, 0),
                ("receivables", company_id, 0, applied)])
            value = conn.execute(
                "INSERT INTO sequences_sequence (name, last) VALUES (%s, 1) ON CONFLICT (name) "
                "DO UPDATE SET last = sequences_sequence.last + 1 RETURNING last",
                [f"credit_memo:{mp}"]).fetchone()[0]
            number = f"{self.prefix}{value:0{self.padding}d}"
            conn.execute(
                "INSERT INTO credits_creditmemo (id, marketplace_id, number, status, currency, "
                "company_id, billed_company_id, user_id, origin, source_invoice_id, "
                "reason_code, reason, memo, issued_at, close_reason, subtotal, tax_total, "
                "total, applied_amount, paid_out_amount, closed_amount, remaining_amount, "
                "auto_apply, apply_mode, apply_to, created_at) VALUES (%s, %s, %s, %s, %s, %s,"
                " %s, %s, 'invoice', %s, 'overcharge', '', '', %s, '', %s, %s, %s, %s, 0, 0, "
                "%s, false, 'source', '[]', %s)",
                [memo_id, mp, number, memo_status, currency, company_id, billed_id, user_id,
                 invoice_id, now, amount, line_tax, total, applied, remaining, now])
            ts = now.isoformat().replace("+00:00", "Z")
            c = currency
            data = {
                "id": str(memo_id), "object": "credit_memo", "number": number,
                "status": memo_status, "currency": c, "company_id": str(company_id),
                "billed_company_id": str(billed_id),
                "user_id": str(user_id) if user_id else None, "origin": "invoice",
                "source_invoice_id": str(invoice_id), "reason_code": "overcharge", "memo": "",
                "issued_at": ts, "created_at": ts,
                "lines": [{
                    "id": str(memo_line_id),
                    "product_id": str(product_id) if product_id else None,
                    "name": name, "description": description, "quantity": "1",
                    "unit_price": format_amount(amount, c), "amount": format_amount(amount, c),
                    "tax_rate": format_decimal(rate), "tax_amount": format_amount(line_tax, c),
                    "total": format_amount(total, c), "billing_action": action,
                    "period_start": period_start.isoformat() if period_start else None,
                    "period_end": period_end.isoformat() if period_end else None,
                    "subscription_id": str(subscription_id) if subscription_id else None,
                    "source_invoice_line_id": str(line_id), "custom_charge": False}],
                "subtotal": format_amount(amount, c), "tax_total": format_amount(line_tax, c),
                "total": format_amount(total, c), "applied_amount": format_amount(applied, c),
                "paid_out_amount": format_amount(0, c), "closed_amount": format_amount(0, c),
                "remaining_amount": format_amount(remaining, c),
                "applications": [{
                    "id": str(application_id), "invoice_id": str(invoice_id),
                    "invoice_number": inv_number, "amount": format_amount(applied, c),
                    "applied_at": ts, "applied_by": self.actor, "reversed_at": None}],
                "payouts": [], "auto_apply": False,
            }
            types = ["credit_memo.issued", "credit_memo.applied"]
            events = conn.execute(
                "INSERT INTO notifications_event (marketplace_id, type, at, actor, "
                "subject_type, subject_id, data) SELECT %s, t, %s, %s, 'credit_memo', %s, %s "
                "FROM unnest(%s::text[]) WITH ORDINALITY AS u(t, n) ORDER BY n "
                "RETURNING id, type", [mp, now, self.actor, memo_id, Jsonb(data), types]
            ).fetchall()
            self._fan_out(conn, events, now)
        return True

    def _entry(self, conn, kind, source_type, source_id, currency, at, lines):
        """One journal entry and its nonzero lines, in one statement."""
        kept = [(a, c, Decimal(d), Decimal(k)) for a, c, d, k in lines if d or k]
        conn.execute(
            "WITH e AS (INSERT INTO ledger_journalentry (marketplace_id, kind, source_type, "
            "source_id, currency, posted_at) VALUES (%s, %s, %s, %s, %s, %s) RETURNING id) "
            "INSERT INTO ledger_journalline (entry_id, marketplace_id, account, company_id, "
            "currency, debit, credit) SELECT e.id, %s, a, c, %s, d, k FROM e, "
            "unnest(%s::text[], %s::uuid[], %s::numeric[], %s::numeric[]) WITH ORDINALITY "
            "AS u(a, c, d, k, n) ORDER BY n",
            [self.marketplace_id, kind, source_type, source_id, currency, at,
             self.marketplace_id, currency, [x[0] for x in kept], [x[1] for x in kept],
             [x[2] for x in kept], [x[3] for x in kept]])

    def _job(self, conn, task_path, at, kwargs) -> uuid.UUID:
        """A django-tasks-db job row as `task.enqueue(**kwargs)` writes it."""
        from psycopg.types.json import Jsonb

        job_id = uuid.uuid4()
        conn.execute(
            "INSERT INTO django_tasks_database_dbtaskresult (id, status, args_kwargs, priority,"
            " task_path, queue_name, backend_name, run_after, enqueued_at, "
            "exception_class_path, traceback, worker_ids) VALUES (%s, 'READY', %s, 0, %s, "
            "'default', 'default', '9999-01-01 00:00:00+00', %s, '', '', '[]')",
            [job_id, Jsonb({"args": [], "kwargs": kwargs}), task_path, at])
        return job_id

    def _fan_out(self, conn, events, at):
        """What event_record adds per event: a delivery (and its job) per enabled endpoint
        that wants the type, an e-mail (and its job) when the type's notification is on."""
        endpoints, email_on = conn.execute(
            "SELECT (SELECT coalesce(array_agg(id::text || ' ' || event_types::text), '{}') "
            "FROM notifications_webhookendpoint WHERE marketplace_id = %s AND enabled), "
            "EXISTS (SELECT 1 FROM notifications_emailnotificationsetting WHERE "
            "marketplace_id = %s AND kind = 'credit_applied' AND enabled)",
            [self.marketplace_id, self.marketplace_id]).fetchone()
        for event_id, event_type in events:
            for endpoint in endpoints:
                endpoint_id, types = endpoint.split(" ", 1)
                types = json.loads(types)
                if "*" in types or event_type in types:
                    delivery_id = uuid.uuid4()
                    job_id = self._job(conn, "notifications.tasks.deliver_webhook", at,
                                       {"item_id": str(delivery_id)})
                    conn.execute(
                        "INSERT INTO notifications_webhookdelivery (id, status, attempts, "
                        "attempt_limit, wakeup_job_id, last_error, created_at, event_id, "
                        "marketplace_id, endpoint_id) VALUES (%s, 'pending', 0, 9, %s, '', "
                        "%s, %s, %s, %s)",
                        [delivery_id, job_id, at, event_id, self.marketplace_id, endpoint_id])
            if email_on and event_type == "credit_memo.applied":
                notification_id = uuid.uuid4()
                job_id = self._job(conn, "notifications.tasks.send_email", at,
                                   {"item_id": str(notification_id)})
                conn.execute(
                    "INSERT INTO notifications_emailnotification (id, status, attempts, "
                    "attempt_limit, wakeup_job_id, last_error, created_at, kind, recipient, "
                    "subject, attachment_name, event_id, marketplace_id) VALUES (%s, "
                    "'pending', 0, 8, %s, '', %s, 'credit_applied', '', '', '', %s, %s)",
                    [notification_id, job_id, at, event_id, self.marketplace_id])


def load() -> str:
    return "/".join(f"{x:.2f}" for x in os.getloadavg())


def _memo_rows(cursor, memo_id) -> dict:
    """Every row (a) wrote for one memo, without what differs by nature (ids, times, the
    number, the invoice's amount due before)."""
    def rows(sql, params, drop=()):
        cursor.execute(sql, params)
        names = [d.name for d in cursor.description]
        return sorted((tuple((n, v) for n, v in zip(names, r, strict=True) if n not in drop)
                       for r in cursor.fetchall()), key=repr)

    memo = rows("SELECT * FROM credits_creditmemo WHERE id = %s", [memo_id],
                ("id", "number", "issued_at", "created_at"))
    cursor.execute("SELECT id FROM credits_application WHERE memo_id = %s", [memo_id])
    sources = [memo_id] + [r[0] for r in cursor.fetchall()]
    ids = {str(memo_id)}
    cursor.execute("SELECT id FROM credits_creditmemoline WHERE memo_id = %s", [memo_id])
    ids |= {str(r[0]) for r in cursor.fetchall()}
    ids |= {str(s) for s in sources}
    events = rows("SELECT type, actor, subject_type, data FROM notifications_event "
                  "WHERE subject_id = %s", [memo_id])

    def scrub(value):
        if isinstance(value, dict):
            return {k: ("<number>" if k == "number" else "<time>" if k.endswith("_at")
                        and v else scrub(v)) for k, v in value.items()}
        if isinstance(value, list):
            return [scrub(v) for v in value]
        return "<id>" if isinstance(value, str) and value in ids else value

    return {
        "memo": memo,
        "lines": rows("SELECT * FROM credits_creditmemoline WHERE memo_id = %s", [memo_id],
                      ("id", "memo_id")),
        "applications": rows("SELECT * FROM credits_application WHERE memo_id = %s",
                             [memo_id], ("id", "memo_id", "applied_at",
                                         "invoice_amount_due_before")),
        "journal": rows("SELECT e.kind, e.source_type, e.currency, e.reverses_id, l.account, "
                        "l.company_id, l.currency, l.debit, l.credit, l.marketplace_id "
                        "FROM ledger_journalentry e JOIN ledger_journalline l ON "
                        "l.entry_id = e.id WHERE e.source_id = ANY(%s)", [sources]),
        "events": [tuple((n, scrub(v)) for n, v in e) for e in events],
        "jobs": rows("SELECT status, task_path, queue_name, backend_name, priority, run_after,"
                     " args_kwargs->'kwargs'->>'kind' FROM django_tasks_database_dbtaskresult "
                     "WHERE args_kwargs->'kwargs'->>'document_id' = %s", [str(memo_id)]),
        "webhook deliveries": rows(
            "SELECT d.status, d.attempt_limit, d.endpoint_id FROM notifications_webhookdelivery"
            " d JOIN notifications_event e ON e.id = d.event_id WHERE e.subject_id = %s",
            [memo_id]),
        "e-mails": rows(
            "SELECT n.status, n.kind FROM notifications_emailnotification n JOIN "
            "notifications_event e ON e.id = n.event_id WHERE e.subject_id = %s", [memo_id]),
    }


def compare_rows(api, raw, port) -> None:
    """(a) once through the API and once as raw SQL on the same invoice line; the rows each
    wrote must be the same but for ids, times and the number."""
    import psycopg

    invoice = api.invoices[0]
    with psycopg.connect(DB_URL, autocommit=True) as conn, conn.cursor() as cursor:
        due = "SELECT amount_due FROM invoicing_invoice WHERE id = %s"
        before = cursor.execute(due, [invoice[0]]).fetchone()[0]
        client = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        client.request("POST", f"/api/v1/invoices/{invoice[0]}/credit_memos", body=json.dumps({
            "reason_code": "overcharge",
            "lines": [{"invoice_line_id": invoice[1], "amount": "1.00"}]}),
            headers=api.headers)
        response = client.getresponse()
        api_memo = json.loads(response.read())["id"]
        middle = cursor.execute(due, [invoice[0]]).fetchone()[0]
        with psycopg.connect(DB_URL) as raw_conn:
            assert raw(raw_conn, invoice=invoice), "raw SQL (a) refused"
        after = cursor.execute(due, [invoice[0]]).fetchone()[0]
        raw_memo = cursor.execute(
            "SELECT id FROM credits_creditmemo WHERE source_invoice_id = %s "
            "ORDER BY created_at DESC LIMIT 1", [invoice[0]]).fetchone()[0]
        got_api = _memo_rows(cursor, uuid.UUID(api_memo))
        got_raw = _memo_rows(cursor, raw_memo)
    problems = [f"  {table}: API {got_api[table]}\n  {' ' * len(table)}  raw {got_raw[table]}"
                for table in got_api if got_api[table] != got_raw[table]]
    if before - middle != middle - after:
        problems.append(f"  invoice amount_due: API -{before - middle}, raw -{middle - after}")
    counts = ", ".join(f"{len(rows)} {table}" for table, rows in got_api.items())
    if problems:
        print("raw SQL (a) does NOT write what the API writes:\n" + "\n".join(problems))
        sys.exit(1)
    print(f"raw SQL (a) writes the same rows as the API ({counts}; invoice amount_due "
          f"-{before - middle})", flush=True)


def report(name, n, result, load_avg):
    rate, p50, p99, errors = result
    print(f"{name:<38} clients={n}: {rate:8.1f} ops/s  p50 {p50:6.1f} ms  p99 {p99:6.1f} ms  "
          f"errors {errors}  load {load_avg}", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--companies", type=int, default=100_000)
    parser.add_argument("--memos", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients", default="1,2,4,8")
    parser.add_argument("--ops", default="a,b,c,d", help="which operations (a,b,c,d)")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--port", type=int, default=8790)
    parser.add_argument("--reuse", action="store_true")
    args = parser.parse_args()
    clients = [int(c) for c in args.clients.split(",")]
    ops = set(args.ops.split(","))
    print(f"load average (1/5/15 min) at start: {load()}", flush=True)

    if not args.reuse:
        create_database()
        abate("create-marketplace", "--slug", "bench", "--name", "Bench")
    django_setup()
    from credits.models import CreditMemo
    from customers.models import Company
    from invoicing.models import InvoiceLine
    from marketplaces.models import Marketplace
    from marketplaces.services import api_key_find

    if not args.reuse:
        seed(args.companies, args.memos)
    mp = Marketplace.objects.get(slug="bench")
    mp.auto_apply_credit_to_new_invoices = True
    mp.save()
    key = abate("create-api-key", "--marketplace", "bench", "--role", "manager")
    actor = f"api_key:{api_key_find(secret=key).id}"
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
    raw = RawCredit(mp, invoices, actor)
    server = Server(args.port, args.workers, args.threads)
    print(f"abate serve: {args.workers} workers x {args.threads} threads", flush=True)
    results, loads = {}, {}
    try:
        compare_rows(api, raw, args.port)
        for letter, name, op in [("a", "(a) credit from invoice + apply", api.credit),
                                 ("b", "(b) GET one memo", api.get),
                                 ("c", "(c) list 50, 2 filters + search", api.search),
                                 ("d", "(d) create + issue invoice, 3 lines", api.invoice)]:
            if letter not in ops:
                continue
            for n in clients:
                drive(op, clients=n, seconds=1, port=args.port)  # warm up
                results[(name, n)] = drive(op, clients=n, seconds=args.seconds, port=args.port)
                loads[(name, n)] = load()
                report(name, n, results[(name, n)], loads[(name, n)])
                if letter == "a":
                    # Raw SQL right after the API at the same concurrency: the same load.
                    drive(raw, clients=n, seconds=1)
                    results[("raw SQL (a)", n)] = drive(raw, clients=n, seconds=args.seconds)
                    loads[("raw SQL (a)", n)] = load()
                    report("raw SQL (a)", n, results[("raw SQL (a)", n)],
                           loads[("raw SQL (a)", n)])
    finally:
        server.stop()

    print("\n| operation | clients | ops/s | p50 ms | p99 ms | errors | load 1/5/15 |")
    print("|---|---|---|---|---|---|---|")
    for (name, n), (rate, p50, p99, errors) in sorted(results.items(),
                                                      key=lambda kv: kv[0][0].startswith("raw")):
        print(f"| {name} | {n} | {rate:.1f} | {p50:.1f} | {p99:.1f} | {errors} | "
              f"{loads[(name, n)]} |")
    if "a" in ops:
        best_n = max(clients, key=lambda n: results[("(a) credit from invoice + apply", n)][0])
        best_api = results[("(a) credit from invoice + apply", best_n)][0]
        best_raw_n = max(clients, key=lambda n: results[("raw SQL (a)", n)][0])
        best_raw = results[("raw SQL (a)", best_raw_n)][0]
        print(f"\n(a) best API {best_api:.1f} ops/s ({best_n} clients), best raw SQL "
              f"{best_raw:.1f} ops/s ({best_raw_n} clients): API / raw SQL = "
              f"{best_api / best_raw:.2f} (target >= 0.30)")
    if "c" in ops:
        worst_p99_c = max(results[("(c) list 50, 2 filters + search", n)][2] for n in clients)
        print(f"(c) worst p99 {worst_p99_c:.1f} ms (target < 50 ms)")
    print(f"load average (1/5/15 min) at the end: {load()}")


if __name__ == "__main__":
    main()
