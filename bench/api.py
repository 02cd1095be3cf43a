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
import http.client
import json
import os
import random
import subprocess
import sys
import threading
import time

from apibench.compare import compare_rows
from apibench.raw import RawCredit
from apibench.seed import abate, create_database, django_setup, seed
from apibench.settings import DB_URL, ROOT, WORDS

sys.path.insert(0, str(ROOT))


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

def load() -> str:
    return "/".join(f"{x:.2f}" for x in os.getloadavg())

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
              f"{best_api / best_raw:.2f} (target >= 0.35)")
    if "c" in ops:
        worst_p99_c = max(results[("(c) list 50, 2 filters + search", n)][2] for n in clients)
        print(f"(c) worst p99 {worst_p99_c:.1f} ms (target < 50 ms)")
    print(f"load average (1/5/15 min) at the end: {load()}")


if __name__ == "__main__":
    main()
