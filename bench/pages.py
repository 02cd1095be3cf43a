"""Server-side render times of the pages with 100,000 credit memos in PostgreSQL.

    .venv/bin/python bench/pages.py [--memos 100000] [--runs 7]

Uses its own database (BENCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/abate_bench_pages), created and migrated if missing, and
seeded once with bulk inserts: 2,000 companies, 50,000 invoices, the memos (every status and
origin, issued over the last twelve months, about half applied), plus a few documents made
through the services so detail pages have events. Each page is rendered through Django's
full stack (middleware, view, template) by the test client, signed in; the script prints the
median and the slowest wall time of the runs after one warm-up, and the CPU time a render
costs (this process and its PostgreSQL backend, with parallel query off): on a busy machine
the wall time also counts waiting for a core, the CPU time does not."""

import argparse
import datetime
import os
import random
import statistics
import sys
import time
import uuid
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/abate_bench_pages"
SLUG = "bench"
BATCH = 5000


def ensure_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("select 1 from pg_database where datname = %s", [name]).fetchone():
            conn.execute(f'create database "{name}"')


def setup(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "abate.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def seed(memo_count: int) -> None:
    from catalog.models import Product
    from credits.models import Application, CreditMemo, CreditMemoLine
    from customers import services as customers
    from customers.models import Company
    from invoicing.models import Invoice, InvoiceLine

    rng = random.Random(4)
    now = datetime.datetime.now(datetime.UTC)
    start = now - datetime.timedelta(days=365)
    mp = customers.marketplace_create(slug=SLUG, name="Bench Market", currency="USD", at=start)
    words = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Tyrell",
             "Wonka", "Cyberdyne", "Soylent", "Vandelay", "Pied Piper", "Aperture", "Oscorp"]
    companies = Company.objects.bulk_create(
        Company(marketplace=mp, name=f"{rng.choice(words)} {kind} {i}", legal_name=f"C{i}",
                currency="USD", created_at=start)
        for i, kind in ((i, rng.choice(["Corp", "GmbH", "Ltd", "Retail", "Labs"]))
                        for i in range(2000)))
    products = Product.objects.bulk_create(
        Product(marketplace=mp, name=f"Product {i}", sku=f"SKU{i}", created_at=start)
        for i in range(50))

    def moment():
        return start + datetime.timedelta(seconds=rng.randrange(365 * 86400))

    invoices, invoice_lines = [], []
    for i in range(memo_count // 2):
        company = rng.choice(companies)
        at = moment()
        total = Decimal(rng.randrange(1000, 500000)) / 100
        credited = total if rng.random() < 0.3 else Decimal(0)
        invoice = Invoice(marketplace=mp, number=f"INV-{i + 1:06d}", company=company,
                          billed_company=company, currency="USD", issued_at=at, created_at=at,
                          due_date=(at + datetime.timedelta(days=30)).date(),
                          status="paid" if credited else "open", subtotal=total, total=total,
                          amount_credited=credited, amount_due=total - credited)
        invoices.append(invoice)
        for position, share in enumerate((Decimal("0.75"), Decimal("0.25"))):
            amount = (total * share).quantize(Decimal("0.01")) if position == 0 \
                else total - (total * Decimal("0.75")).quantize(Decimal("0.01"))
            invoice_lines.append(InvoiceLine(
                invoice=invoice, position=position, product=rng.choice(products),
                name="Subscription" if position == 0 else "Usage",
                description=f"{rng.choice(words)} service {rng.randrange(100)}", quantity=1,
                unit_price=amount, amount=amount, total=amount,
                billing_action=rng.choice(["renewal", "usage", "upgrade", "one_time"])))
    Invoice.objects.bulk_create(invoices, batch_size=BATCH)
    InvoiceLine.objects.bulk_create(invoice_lines, batch_size=BATCH)
    paid = [inv for inv in invoices if inv.status == "paid"]

    statuses = (["unapplied"] * 30 + ["partially_applied"] * 15 + ["fully_applied"] * 35
                + ["paid_out"] * 5 + ["closed"] * 5 + ["void"] * 5 + ["draft"] * 5)
    origins = ["invoice", "ad_hoc", "downgrade", "cancellation", "refund", "negative_usage",
               "order_correction"]
    memos, lines, applications = [], [], []
    number = 0
    for _ in range(memo_count):
        status = rng.choice(statuses)
        company = rng.choice(companies)
        at = moment()
        total = Decimal(rng.randrange(500, 200000)) / 100
        applied = paid_out = closed = Decimal(0)
        if status == "partially_applied":
            applied = (total / 2).quantize(Decimal("0.01"))
        elif status == "fully_applied":
            applied = total
        elif status == "paid_out":
            paid_out = total
        elif status == "closed":
            applied = (total / 3).quantize(Decimal("0.01"))
            closed = total - applied
        remaining = total - applied - paid_out - closed
        issued = status != "draft"
        if issued:
            number += 1
        memo = CreditMemo(
            marketplace=mp, number=f"CM-{number:06d}" if issued else None, status=status,
            currency="USD", company=company, billed_company=company,
            origin=rng.choice(origins), reason_code=rng.choice(["overcharge", "goodwill",
                                                                "service_credit", "other"]),
            reason="Bench reason", issued_at=at if issued else None, created_at=at,
            voided_at=at + datetime.timedelta(hours=1) if status == "void" else None,
            closed_at=at + datetime.timedelta(days=3) if status == "closed" else None,
            subtotal=total, total=total, applied_amount=applied, paid_out_amount=paid_out,
            closed_amount=closed, remaining_amount=remaining)
        memos.append(memo)
        for position in range(rng.choice((1, 1, 2))):
            share = total if position == 0 else Decimal(0)
            lines.append(CreditMemoLine(
                memo=memo, position=position, name=rng.choice(["Service credit", "Refund",
                                                               "Goodwill", "Downgrade"]),
                description=f"{rng.choice(words)} ticket {rng.randrange(100000)}",
                quantity=1, unit_price=share, amount=share, total=share,
                custom_charge=True))
        if applied:
            invoice = rng.choice(paid)
            applications.append(Application(
                marketplace=mp, memo=memo, invoice=invoice, amount=applied,
                original_amount=applied, invoice_amount_due_before=invoice.total,
                applied_at=at + datetime.timedelta(days=1), applied_by="bench"))
    CreditMemo.objects.bulk_create(memos, batch_size=BATCH)
    CreditMemoLine.objects.bulk_create(lines, batch_size=BATCH)
    Application.objects.bulk_create(applications, batch_size=BATCH)
    from django.db import connection
    from sequences import get_next_value

    with connection.cursor() as cursor:  # fresh planner statistics, as autovacuum would give
        cursor.execute("VACUUM ANALYZE")
    # Start the number counters after the seeded numbers.
    get_next_value(f"credit_memo:{mp.id}", initial_value=number + 1)
    get_next_value(f"invoice:{mp.id}", initial_value=len(invoices) + 1)


def documents_through_services():
    """A memo from an invoice, applied, partly reversed: its page has every section."""
    from credits import services as credits
    from customers.services import company_create
    from marketplaces.models import Marketplace

    mp = Marketplace.objects.get(slug=SLUG)
    at = datetime.datetime.now(datetime.UTC)
    company = company_create(marketplace=mp, name=f"Fresh customer {at:%H%M%S%f}", at=at)
    invoice = credits.invoice_create(
        marketplace=mp, company_id=company.id, actor="bench", at=at,
        lines=[{"name": "Pro plan", "quantity": "10", "unit_price": "100.00",
                "tax_rate": "0.20", "billing_action": "renewal"},
               {"name": "Discount", "quantity": "1", "unit_price": "-100.00",
                "tax_rate": "0.20", "billing_action": "correction"}])
    line = invoice.lines.first()
    memo = credits.credit_memo_create_from_invoice(
        marketplace=mp, invoice_id=invoice.id, reason_code="overcharge", actor="bench",
        at=at, lines=[{"invoice_line_id": str(line.id), "amount": "300.00"}])
    application = memo.applications.first()
    credits.application_reverse(marketplace=mp, memo_id=memo.id,
                                application_id=application.id, amount="50.00", actor="bench",
                                at=at)
    return memo, invoice


def backend_cpu_ms(pid: int) -> float:
    """CPU time the PostgreSQL backend `pid` has used so far (user + system)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def measure(client, url: str, runs: int, backend: int | None) -> tuple:
    """Wall time (median, slowest) and CPU time per render: this process's plus the
    database backend's. On a busy machine wall time includes waiting for a core; the CPU
    time is what the render costs, which is its wall time on an idle machine."""
    client.get(url)  # warm-up: caches, connection, compiled templates
    times = []
    status = 0
    cpu0, db0 = time.process_time(), backend_cpu_ms(backend) if backend else 0.0
    for _ in range(runs):
        t0 = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - t0) * 1000)
        status = response.status_code
    cpu = (time.process_time() - cpu0) * 1000 + (
        backend_cpu_ms(backend) - db0 if backend else 0.0)
    return statistics.median(times), max(times), cpu / runs, status


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--memos", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    ensure_database(url)
    setup(url)

    from django.contrib.auth import get_user_model
    from django.test import Client

    from common.clock import now
    from credits.models import CreditMemo
    from marketplaces.models import Marketplace
    from web.services import page_user_create

    mp = Marketplace.objects.filter(slug=SLUG).first()
    if mp is None:
        t0 = time.perf_counter()
        seed(args.memos)
        print(f"seeded {args.memos} memos in {time.perf_counter() - t0:.0f} s")
        mp = Marketplace.objects.get(slug=SLUG)
    memo, invoice = documents_through_services()
    count = CreditMemo.objects.filter(marketplace=mp).count()
    email = f"bench-{uuid.uuid4().hex[:8]}@example.test"
    page_user_create(marketplace=mp, email=email, password="bench-password", role="manager",
                     at=now())
    client = Client()
    client.force_login(get_user_model().objects.get(username=email))
    some = CreditMemo.objects.filter(marketplace=mp, status="partially_applied").first()
    pages = [
        ("credit memo list", "/credit-memos"),
        ("  search one customer q=wayne corp 17", "/credit-memos?q=wayne+corp+17"),
        ("  broad search q=wayne (14% match)", "/credit-memos?q=wayne"),
        ("  search in lines q=ticket 4242", "/credit-memos?q=ticket+4242"),
        ("  status + sort by total", "/credit-memos?status=unapplied&sort=-total"),
        ("  customer + date range", f"/credit-memos?customer={some.company_id}"
                                    f"&issued_from=2000-01-01&issued_to=2100-01-01"),
        ("  page 2000", "/credit-memos?page=2000"),
        ("invoice list", "/invoices"),
        ("  search q=INV-0012", "/invoices?q=INV-0012&sort=-total"),
        ("credit memo detail", f"/credit-memos/{memo.id}"),
        ("  detail (seeded memo)", f"/credit-memos/{some.id}"),
        ("invoice detail", f"/invoices/{invoice.id}"),
        ("create from invoice", f"/invoices/{invoice.id}/credit-memo"),
        ("ad hoc form", "/credit-memos/new"),
        ("dashboard", "/dashboard"),
        ("settings", "/settings/invoice-credit-memo"),
    ]
    from django.db import connection

    backend = None
    with connection.cursor() as cursor:
        # One process does all the work, so its CPU time is the whole cost (parallel query
        # workers would only make a render faster on an idle machine).
        cursor.execute("SET max_parallel_workers_per_gather = 0")
        if Path("/proc/self/stat").exists() and connection.settings_dict["HOST"] in (
                "127.0.0.1", "localhost", "::1"):
            cursor.execute("SELECT pg_backend_pid()")
            backend = cursor.fetchone()[0]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{count} credit memos in marketplace '{SLUG}'; {args.runs} runs per page; "
          f"load average {load} on {os.cpu_count()} cores")
    print(f"{'page':<40}{'wall median':>12}{'wall max':>10}{'CPU/render':>12}  status  (ms)")
    for name, path in pages:
        median, worst, cpu, status = measure(client, path, args.runs, backend)
        print(f"{name:<40}{median:>12.1f}{worst:>10.1f}{cpu:>12.1f}  {status}")


if __name__ == "__main__":
    main()
