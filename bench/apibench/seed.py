"""Seeding the benchmark database: companies, memos and open invoices, by COPY."""

import datetime
import json
import os
import random
import subprocess
import time
import uuid
from decimal import Decimal

from apibench.settings import CURRENCIES, DB, DB_URL, ROOT, SERVER, STATUSES, WORDS


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
