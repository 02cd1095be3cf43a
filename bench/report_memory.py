"""Peak memory of the invoice details report at 1,000,000 lines.

    .venv/bin/python bench/report_memory.py [--lines 1000000]

Uses its own database (BENCH_DATABASE_URL, default an SQLite file under /tmp; a
postgres://... URL works too), migrated and seeded once: invoices of 50 lines each and credit
memos of 5 lines (one line in eleven is a memo line), issued over about four months. It then
produces the report the way the background job does (`report_produce`: count, stream through
the CSV writer into a temporary file, store the file), first for about a tenth of the lines
(a date range), then for all of them, and prints for each the rows, the time and the growth
of the process's peak RSS while it ran; with --heap also the peak of Python's heap
(tracemalloc, which slows it down several times). Constant memory means these figures do not
grow with the number of lines."""

import argparse
import datetime
import os
import resource
import sys
import time
import tracemalloc
import uuid
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
DEFAULT_URL = "sqlite:////tmp/abate_bench_report.sqlite3"
SLUG = "bench-report"
INVOICE_LINES = 50
MEMO_LINES = 5
BATCH = 5000


def ensure_database(url: str) -> None:
    """A PostgreSQL database is created if missing (an SQLite file creates itself)."""
    if not url.startswith("postgres"):
        return
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        if not conn.execute("select 1 from pg_database where datname = %s", [name]).fetchone():
            conn.execute(f'create database "{name}"')


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def seed(lines: int) -> None:
    from django.db import transaction

    from credits.models import CreditMemo, CreditMemoLine
    from customers import services as customers
    from invoicing.models import Invoice, InvoiceLine
    from marketplaces.models import Marketplace

    if Marketplace.objects.filter(slug=SLUG).exists():
        return
    start = datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)
    mp = customers.marketplace_create(slug=SLUG, name="Bench", currency="USD", at=start)
    companies = [customers.company_create(marketplace=mp, name=f"Customer {i}", at=start)
                 for i in range(50)]
    ten, two = Decimal("10.00"), Decimal("2.00")
    made, n = 0, 0
    print(f"seeding {lines:,} lines...", flush=True)
    while made < lines:
        with transaction.atomic():
            invoices, invoice_lines, memos, memo_lines = [], [], [], []
            for _ in range(BATCH // INVOICE_LINES):
                n += 1
                at = start + datetime.timedelta(seconds=n * 500)
                company = companies[n % len(companies)]
                total = INVOICE_LINES * (ten + two)
                invoice = Invoice(
                    id=uuid.uuid4(), marketplace=mp, number=f"INV-{n:07d}", status="open",
                    company=company, billed_company=company, currency="USD", issued_at=at,
                    due_date=at.date(), subtotal=INVOICE_LINES * ten, discount_total=0,
                    tax_total=INVOICE_LINES * two, total=total, amount_due=total,
                    created_at=at)
                invoices.append(invoice)
                invoice_lines += [InvoiceLine(
                    invoice=invoice, position=p, name=f"Seat {p}", quantity=1, unit_price=ten,
                    amount=ten, tax_rate=Decimal("0.2"), tax_amount=two, total=ten + two,
                    billing_action="renewal") for p in range(INVOICE_LINES)]
                made += INVOICE_LINES
                if n % 2 == 0:
                    memo_total = MEMO_LINES * ten
                    memo = CreditMemo(
                        id=uuid.uuid4(), marketplace=mp, number=f"CM-{n:07d}",
                        status="unapplied", currency="USD", company=company,
                        billed_company=company, origin="ad_hoc", reason_code="goodwill",
                        issued_at=at, subtotal=memo_total, tax_total=0, total=memo_total,
                        remaining_amount=memo_total, created_at=at)
                    memos.append(memo)
                    memo_lines += [CreditMemoLine(
                        memo=memo, position=p, name=f"Credit {p}", quantity=1,
                        unit_price=ten, amount=ten, tax_rate=0, tax_amount=0, total=ten,
                        custom_charge=p == 0) for p in range(MEMO_LINES)]
                    made += MEMO_LINES
            Invoice.objects.bulk_create(invoices)
            InvoiceLine.objects.bulk_create(invoice_lines, batch_size=BATCH)
            CreditMemo.objects.bulk_create(memos)
            CreditMemoLine.objects.bulk_create(memo_lines, batch_size=BATCH)
        if n % 2000 == 0:
            print(f"  {made:,}", flush=True)


def measure(*, label: str, heap: bool, date_from=None, date_to=None) -> None:
    from django.utils import timezone

    from marketplaces.models import Marketplace
    from reports.services import report_produce, report_request

    mp = Marketplace.objects.get(slug=SLUG)
    run = report_request(marketplace=mp, report="invoice_details", date_from=date_from,
                         date_to=date_to, actor="bench", at=timezone.now())
    rss_before = peak_rss_mb()
    if heap:
        tracemalloc.start()
    started = time.perf_counter()
    run = report_produce(report_id=run.id, at=timezone.now())
    seconds = time.perf_counter() - started
    heap_text = ""
    if heap:
        heap_text = f", Python heap peak {tracemalloc.get_traced_memory()[1] / 1e6:.1f} MB"
        tracemalloc.stop()
    rss_after = peak_rss_mb()
    print(f"{label}: {run.rows_written:,} lines, {run.size / 1e6:.0f} MB of CSV in "
          f"{seconds:.0f} s ({run.rows_written / seconds:,.0f} lines/s); peak RSS "
          f"{rss_after:.0f} MB (grew {rss_after - rss_before:.1f} MB while it ran){heap_text}",
          flush=True)
    run.file.delete(save=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--heap", action="store_true", help="also trace Python's heap")
    args = parser.parse_args()
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    ensure_database(url)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("ABATE_MEDIA_ROOT", "/tmp/abate_bench_media")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "abate.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    seed(args.lines)
    from django.db import connection

    print(f"database: {connection.vendor}", flush=True)
    # Lines are issued over about four months: eleven days are a tenth of them or so.
    measure(label="eleven days", heap=args.heap, date_from="2025-02-01", date_to="2025-02-11")
    measure(label="all", heap=args.heap)


if __name__ == "__main__":
    main()
