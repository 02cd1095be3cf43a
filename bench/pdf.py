"""PDF render time of one-page credit memos with the default template (WeasyPrint).

    .venv/bin/python bench/pdf.py [--documents 200]

Renders that many different one-page credit memos (numbers, parties, one to eight lines,
amounts all vary) from plain document data, as the background job does after it has read the
memo, in one process with the font configuration cached, after one warm-up render. Prints
the median, the 90th percentile and the slowest, in milliseconds, and the share of renders
under 100 ms. Needs no database."""

import argparse
import copy
import os
import random
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def documents(count: int, seed: int = 7) -> list[dict]:
    from documents.samples import sample_data

    rng = random.Random(seed)
    base = sample_data("credit_memo")
    made = []
    for i in range(count):
        data = copy.deepcopy(base)
        memo = data["document"]
        lines = []
        for n in range(rng.randint(1, 8)):
            quantity = rng.randint(1, 12)
            unit = Decimal(rng.randint(100, 99_999)) / 100
            rate = rng.choice([Decimal("0"), Decimal("0.07"), Decimal("0.19")])
            amount = quantity * unit
            tax = (amount * rate).quantize(Decimal("0.01"))
            lines.append({**memo["lines"][0], "name": f"Plan change {i}-{n}",
                          "quantity": str(quantity), "unit_price": str(unit),
                          "amount": str(amount), "tax_rate": str(rate),
                          "tax_amount": str(tax), "total": str(amount + tax)})
        subtotal = sum(Decimal(line["amount"]) for line in lines)
        tax_total = sum(Decimal(line["tax_amount"]) for line in lines)
        memo.update(number=f"CM-{i + 1:06d}", lines=lines, subtotal=str(subtotal),
                    tax_total=str(tax_total), total=str(subtotal + tax_total),
                    applied_amount="0.00", remaining_amount=str(subtotal + tax_total),
                    applications=[])
        data["customer"] = {**data["customer"], "legal_name": f"Customer {i} B.V."}
        made.append(data)
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=200)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "abate.settings")
    import django

    django.setup()
    from pypdf import PdfReader

    from documents.pdf import default_template, render_pdf

    template = default_template("credit_memo")
    batch = documents(args.documents)
    first = render_pdf(template_source=template, data=batch[0])  # warm-up: fonts, CSS
    import io

    assert len(PdfReader(io.BytesIO(first)).pages) == 1
    times, cpu = [], []
    for data in batch:
        started, started_cpu = time.perf_counter(), time.process_time()
        render_pdf(template_source=template, data=data)
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    report("WeasyPrint", times, cpu)


def report(engine: str, times: list[float], cpu: list[float]) -> None:
    times, cpu = sorted(times), sorted(cpu)
    p90 = times[int(len(times) * 0.9) - 1]
    under = sum(1 for t in times if t < 100) * 100 / len(times)
    print(f"{engine}, {len(times)} one-page credit memos: median {statistics.median(times):.1f}"
          f" ms (CPU {statistics.median(cpu):.1f} ms), p90 {p90:.1f} ms, slowest "
          f"{times[-1]:.1f} ms; {under:.0f} % under 100 ms; load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
