"""The dashboard's figures: credit issued, applied and outstanding month by month (drawn as an
SVG on the server), memos by status and origin, and the largest open balances, in one
currency at a time. One grouped pass over the memos (by currency, status, origin and issue
month) gives most figures; the open balances, write-offs and applications have a query
each. A void memo or a draft is no credit: not issued, applied or outstanding in the chart,
not in the totals by origin, and not among the open balances."""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth

from common.money import format_amount
from credits.models import (
    ORIGINS,
    STATUSES,
    Application,
    ApplicationReversal,
    CreditMemo,
    Payout,
)
from customers.models import Company

MONTHS = 12
OPEN_STATUSES = ("unapplied", "partially_applied")


def _month(value) -> datetime.date:
    return datetime.date(value.year, value.month, 1)


def _months_back(today: datetime.date, count: int) -> list[datetime.date]:
    months = []
    year, month = today.year, today.month
    for _ in range(count):
        months.append(datetime.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


def _by_month(queryset, date_field: str, amount_field: str) -> dict:
    rows = (queryset.annotate(m=TruncMonth(date_field)).values("m")
            .annotate(s=Sum(amount_field)).order_by())
    return {_month(r["m"]): r["s"] or Decimal(0) for r in rows if r["m"] is not None}


def memo_groups(*, marketplace) -> list[dict]:
    """Every memo of the marketplace in one pass, grouped by currency, status, origin and the
    month it was issued in (a few hundred groups: hashed, not sorted)."""
    return list(
        CreditMemo.objects.filter(marketplace=marketplace)
        .annotate(issued=TruncMonth("issued_at"))
        .values("currency", "status", "origin", "issued")
        .annotate(n=Count("id"), total=Sum("total"))
        .order_by())


def currencies(*, marketplace, groups) -> list[str]:
    return sorted({g["currency"] for g in groups} | {marketplace.default_currency})


def credit_over_time(*, marketplace, currency: str, today: datetime.date, groups,
                     one_currency: bool) -> list[dict]:
    """Per month: credit issued (non-void memos by issue date), applied (applications less
    reversals, when they happened), and outstanding at the month's end (all credit issued
    so far less all applied, paid out and written off so far). A void memo counts nowhere:
    it may have been applied and the application reversed before it was voided."""
    issued = defaultdict(Decimal)
    for g in groups:
        if g["currency"] == currency and g["issued"] is not None and g["status"] != "void":
            issued[_month(g["issued"])] += g["total"]
    # A memo with anything written off is "closed" for good: the status index finds them.
    closed = _by_month(CreditMemo.objects.filter(marketplace=marketplace, currency=currency,
                                                 status="closed"),
                       "closed_at", "closed_amount")
    # With one currency in the marketplace, no join to the memos is needed to pick it.
    same = {} if one_currency else {"memo__currency": currency}
    # Few memos are void: their ids come from the status index.
    void = CreditMemo.objects.filter(marketplace=marketplace, status="void").values("id")
    applied = _by_month(Application.objects.filter(marketplace=marketplace, **same)
                        .exclude(memo__in=void), "applied_at", "original_amount")
    reversed_ = _by_month(ApplicationReversal.objects.filter(
        application__marketplace=marketplace,
        **({} if one_currency else {"application__memo__currency": currency}))
        .exclude(application__memo__in=void), "reversed_at", "amount")
    paid_out = _by_month(Payout.objects.filter(marketplace=marketplace, **same)
                         .exclude(status="failed"), "created_at", "amount")
    months = _months_back(today, MONTHS)
    outstanding = Decimal(0)
    history = sorted(set(issued) | set(applied) | set(reversed_) | set(paid_out) | set(closed))
    for m in history:
        if m < months[0]:
            outstanding += (issued.get(m, 0) - applied.get(m, 0) + reversed_.get(m, 0)
                            - paid_out.get(m, 0) - closed.get(m, 0))
    series = []
    for m in months:
        net_applied = applied.get(m, Decimal(0)) - reversed_.get(m, Decimal(0))
        outstanding += (issued.get(m, 0) - net_applied - paid_out.get(m, 0)
                        - closed.get(m, 0))
        series.append({"month": m, "issued": issued.get(m, Decimal(0)), "applied": net_applied,
                       "outstanding": outstanding})
    return series


def chart(series: list[dict], currency: str, *, width=720, height=260) -> dict:
    """Coordinates for an SVG: two bars per month (issued, applied) and a line
    (outstanding), on one scale from zero."""
    left, right, top, bottom = 70, 10, 10, 30
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max([max(p["issued"], p["applied"], p["outstanding"]) for p in series] + [Decimal(1)])
    step = plot_w / len(series)
    bar = step * 0.3

    def y(value):
        return round(top + plot_h - float(max(value, 0)) / float(peak) * plot_h, 1)

    base = top + plot_h
    points, months = [], []
    for i, p in enumerate(series):
        x = left + i * step
        months.append({
            "label": p["month"].strftime("%b %y"), "label_x": round(x + step / 2, 1),
            "issued_x": round(x + step * 0.15, 1), "issued_y": y(p["issued"]),
            "issued_h": round(base - y(p["issued"]), 1),
            "applied_x": round(x + step * 0.15 + bar, 1), "applied_y": y(p["applied"]),
            "applied_h": round(base - y(p["applied"]), 1),
            "issued": format_amount(p["issued"], currency),
            "applied": format_amount(p["applied"], currency),
            "outstanding": format_amount(p["outstanding"], currency),
        })
        points.append(f"{round(x + step / 2, 1)},{y(p['outstanding'])}")
    ticks = [{"y": y(peak * k / 4), "label": format_amount(peak * k / 4, currency)}
             for k in range(5)]
    return {"width": width, "height": height, "left": left, "right": width - right,
            "base": base, "bar": round(bar, 1), "months": months, "points": " ".join(points),
            "ticks": ticks, "currency": currency}


def memo_breakdown(*, currency: str, groups) -> dict:
    """Count and total of memos by status (void and draft too, each its own row), and of the
    issued, non-void memos by origin (the credit each origin gave)."""
    by_status = {s: [0, Decimal(0)] for s in STATUSES}
    by_origin = {o: [0, Decimal(0)] for o in ORIGINS}
    for g in groups:
        if g["currency"] != currency:
            continue
        tables = [(by_status, g["status"])]
        if g["status"] not in ("void", "draft"):
            tables.append((by_origin, g["origin"]))
        for table, key in tables:
            table[key][0] += g["n"]
            table[key][1] += g["total"] or 0

    def rows_of(table):
        return [{"key": k, "count": n, "total": format_amount(s, currency)}
                for k, (n, s) in table.items() if n]

    return {"by_status": rows_of(by_status), "by_origin": rows_of(by_origin)}


def largest_open_balances(*, marketplace, currency: str, limit: int = 10) -> list[dict]:
    """Customers holding the most unused credit (open memos' remaining amounts)."""
    rows = list(CreditMemo.objects.filter(marketplace=marketplace, currency=currency,
                                          status__in=OPEN_STATUSES)
                .values("company_id").annotate(s=Sum("remaining_amount"), n=Count("id"))
                .order_by("-s", "company_id")[:limit])
    names = dict(Company.objects.filter(pk__in=[r["company_id"] for r in rows])
                 .values_list("id", "name"))
    return [{"company_id": str(r["company_id"]), "name": names.get(r["company_id"], ""),
             "memos": r["n"], "remaining": format_amount(r["s"], currency)} for r in rows]


def dashboard(*, marketplace, currency: str | None, today: datetime.date) -> dict:
    """All the figures, in `currency` (the marketplace's default when it has no memos in
    the one asked for)."""
    groups = memo_groups(marketplace=marketplace)
    found = currencies(marketplace=marketplace, groups=groups)
    if currency not in found:
        currency = marketplace.default_currency
    series = credit_over_time(marketplace=marketplace, currency=currency, today=today,
                              groups=groups, one_currency=len(found) == 1)
    totals = defaultdict(Decimal)
    for p in series:
        totals["issued"] += p["issued"]
        totals["applied"] += p["applied"]
    return {
        "currency": currency,
        "currencies": found,
        "chart": chart(series, currency),
        "issued_12m": format_amount(totals["issued"], currency),
        "applied_12m": format_amount(totals["applied"], currency),
        "outstanding": format_amount(series[-1]["outstanding"], currency),
        **memo_breakdown(currency=currency, groups=groups),
        "largest": largest_open_balances(marketplace=marketplace, currency=currency),
    }
