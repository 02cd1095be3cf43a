"""Billing-run benchmark (a script, not a test).

Seeds a PostgreSQL database of its own: per size (subscriptions; two per customer by default,
a per-seat plan and a flat plan, all renewing on 2026-05-01, 20 % of the customers holding a
30.00 credit memo), one marketplace per measurement, seeded alike. It then bills each as of
2026-05-01 (one transaction per customer: renewals, an invoice per customer that takes the
customer's credit, ledger, number, events, the run's entry):

- the run as the API asks for it, worked by 1, then 2, real `abate worker` processes (the run
  fans out over them): documents/s from the request until the run is completed, and the
  workers' peak memory (VmHWM, per process);
- the raw-SQL baseline (bench/billing/raw.py) in 1 and 2 processes: the same rows in the same
  per-customer transactions, hand-written.

It prints the rows each wrote per table (they must agree), documents/s and the ratios of the
same number of processes.

    .venv/bin/python bench/billing_run.py [--subscriptions 10000 100000] [--workers 1 2]
                                          [--per-customer 2] [--credit-share 0.2] [--keep]
                                          [--time-limit SECONDS]

`--time-limit` stops each run after so many seconds (the raw SQL then bills as many
customers): documents/s and peak memory of a run too long to wait for.

The database is `abate_bench_billing` on 127.0.0.1:5432 (dropped and re-created).
"""

import argparse
import datetime
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.billing.seed import (  # noqa: E402 - after the path is set
    TABLES,
    delta,
    drop_database,
    event_types,
    seed,
    setup_django,
    table_counts,
)


def measure(size: int, args) -> list[dict]:
    from bench.billing.raw import raw_baseline
    from bench.billing.workers import run_with_workers

    customers = size // args.per_customer
    started = time.perf_counter()
    markets = {(kind, n): seed(f"{kind}-{n}-{size}", customers, args.per_customer,
                               args.credit_share)
               for kind in ("orm", "raw") for n in args.workers}
    print(f"\n{size:,} subscriptions ({customers:,} customers, {args.credit_share:.0%} holding "
          f"credit): {len(markets)} marketplaces seeded in {time.perf_counter() - started:.0f} s",
          flush=True)
    results = []
    for n in args.workers:
        before = table_counts()
        orm = run_with_workers(markets[("orm", n)], workers=n, time_limit=args.time_limit)
        after_orm = table_counts()
        run, orm_rows = orm["run"], delta(before, after_orm)
        # Counted from the rows, so that a run stopped at the time limit counts what it did.
        billed = orm_rows["billing_billingrunentry"]
        docs = orm_rows["invoicing_invoice"] + orm_rows["credits_creditmemo"]
        if run.status != "completed":
            print(f"  (stopped after {orm['seconds']:.0f} s: {billed:,} of {customers:,} "
                  f"customers billed; raw SQL bills as many)")
        t0 = time.perf_counter()
        raw_docs = raw_baseline(markets[("raw", n)].id, processes=n,
                                at=datetime.datetime.now(datetime.UTC),
                                limit=None if run.status == "completed" else billed)
        raw_seconds = time.perf_counter() - t0
        raw_rows = delta(after_orm, table_counts())
        results.append({"size": size, "workers": n, "docs": docs, "seconds": orm["seconds"],
                        "raw_docs": raw_docs, "raw_seconds": raw_seconds,
                        "peak_mib": orm["peak_mib"], "rows": orm_rows,
                        "failures": len(run.failures)})
        r = results[-1]
        print(f"  {n} worker(s): {docs:,} documents in {r['seconds']:.1f} s = "
              f"{docs / r['seconds']:,.0f}/s; raw SQL ({n} process(es)) {raw_docs:,} in "
              f"{raw_seconds:.1f} s = {raw_docs / raw_seconds:,.0f}/s; ratio "
              f"{(docs / r['seconds']) / (raw_docs / raw_seconds):.2f}; worker peak memory "
              f"{', '.join(f'{m:,.0f}' for m in r['peak_mib'])} MiB", flush=True)
        if orm_rows != raw_rows:
            print(f"  ROWS DIFFER: billing run {orm_rows}, raw SQL {raw_rows}; events: "
                  f"{event_types()}", flush=True)
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscriptions", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--per-customer", type=int, default=2, choices=[1, 2, 3, 4])
    parser.add_argument("--credit-share", type=float, default=0.2)
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--time-limit", type=float, default=None,
                        help="stop a run after so many seconds (documents/s and memory so far)")
    args = parser.parse_args()

    setup_django()
    results = []
    for size in args.subscriptions:
        results += measure(size, args)
    print("\nrows written per table (billing run = raw SQL), last measurement:")
    for table in TABLES:
        print(f"  {table:<36}{results[-1]['rows'][table]:>10,}")
    print(f"\n{'subscriptions':>13} {'workers':>7} {'documents/s':>11} {'raw SQL/s':>9} "
          f"{'ratio':>5} {'peak MiB/worker':>15}")
    for r in results:
        rate, raw = r["docs"] / r["seconds"], r["raw_docs"] / r["raw_seconds"]
        print(f"{r['size']:>13,} {r['workers']:>7} {rate:>11,.0f} {raw:>9,.0f} "
              f"{rate / raw:>5.2f} {max(r['peak_mib']):>15,.0f}")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if not args.keep:
        drop_database()


if __name__ == "__main__":
    main()
