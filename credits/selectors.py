"""Reads shared by the services, API, pages and reports: a memo, what an invoice's lines have
been credited, credit balances and the ledger's agreement with the documents."""

import datetime
import time
from collections import defaultdict
from decimal import Decimal

from django.db.models import BooleanField, ExpressionWrapper, OuterRef, Q, Subquery, Sum
from django.db.models.lookups import IsNull

from common.errors import InvalidInput
from common.ids import find, parse_id
from common.money import check_known_currency, format_amount, parse_amount
from common.parsing import parse_choice, parse_date, parse_text
from credits.compute import Credited
from credits.models import ORIGINS, STATUSES, CreditMemo, CreditMemoLine
from customers.models import Company
from customers.selectors import customer_documents
from invoicing.models import INVOICE_STATUSES, Invoice
from ledger.selectors import account_balances, unbalanced_entries


def memo_get(*, marketplace, memo_id, param="id") -> CreditMemo:
    return find(CreditMemo.objects.filter(marketplace=marketplace), memo_id,
                what="credit memo", param=param)


def _counted_credit_lines():
    """Memo lines that count as credited: those of issued, non-void memos."""
    return CreditMemoLine.objects.filter(memo__issued_at__isnull=False,
                                         memo__voided_at__isnull=True)


def credited_by_line(*, invoice, exclude_memo_id=None) -> dict:
    """{invoice line id: Credited} over issued, non-void memos."""
    rows = _counted_credit_lines().filter(source_invoice_line__invoice=invoice)
    if exclude_memo_id:
        rows = rows.exclude(memo_id=exclude_memo_id)
    return {
        r["source_invoice_line_id"]: Credited(r["a"], r["t"])
        for r in rows.values("source_invoice_line_id").annotate(a=Sum("amount"),
                                                               t=Sum("tax_amount"))
    }


def invoice_lines_credited(*, invoice) -> list:
    """The invoice's lines (with product and subscription), each with `credited`: what
    issued, non-void memos have credited of it so far. One query."""
    counted = Q(credit_lines__memo__issued_at__isnull=False,
                credit_lines__memo__voided_at__isnull=True)
    lines = list(invoice.lines.select_related("product", "subscription").annotate(
        credited_amount=Sum("credit_lines__amount", filter=counted),
        credited_tax=Sum("credit_lines__tax_amount", filter=counted)).order_by("position"))
    for line in lines:
        line.credited = Credited(line.credited_amount or Decimal(0),
                                 line.credited_tax or Decimal(0))
    return lines


def available_credit(*, company, currency: str) -> Decimal:
    """Remaining balances of the company's issued, non-void memos in `currency`."""
    total = (
        CreditMemo.objects.filter(company=company, currency=currency)
        .exclude(status__in=["draft", "void"])
        .aggregate(s=Sum("remaining_amount"))["s"]
    )
    return total or Decimal(0)


def outstanding(*, company, currency: str) -> Decimal:
    total = Invoice.objects.filter(company=company, currency=currency, status="open").aggregate(
        s=Sum("amount_due")
    )["s"]
    return total or Decimal(0)


def credit_balance(*, company: Company, currency: str | None = None) -> dict:
    currency = check_known_currency(currency or company.currency)
    credit = available_credit(company=company, currency=currency)
    owed = outstanding(company=company, currency=currency)
    return {
        "currency": currency,
        "available_credit": format_amount(credit, currency),
        "outstanding": format_amount(owed, currency),
        "exposure": format_amount(owed - credit, currency),
        "credit_limit": None if company.credit_limit is None
        else format_amount(company.credit_limit, company.currency),
    }


def credit_check(*, company: Company, amount) -> dict:
    """Would a new charge of `amount` (in the company's currency) stay within its limit?"""
    if amount is None:
        raise InvalidInput("amount is required", param="amount")
    c = company.currency
    amount = parse_amount(amount, c)
    exposure = outstanding(company=company, currency=c) - available_credit(company=company,
                                                                             currency=c)
    after = exposure + amount
    limit = company.credit_limit
    return {
        "allowed": limit is None or after <= limit,
        "exposure_after": format_amount(after, c),
        "credit_limit": None if limit is None else format_amount(limit, c),
    }


def auto_apply_result(*, memo) -> dict | None:
    """What auto-apply did when an ad hoc memo created with `auto_apply` was issued:
    `{applied_amount, invoice_count, message}`, the message naming whose open invoices the
    credit could go to (the memo's user, unless the marketplace bills company-wide, else its
    company). None when auto-apply was not asked or the memo is not issued.

    The issue's applications are those made at its time (`applied_at` = `issued_at`: one
    change, one time); `original_amount` counts them as made, reversals since aside."""
    if not memo.auto_apply or memo.issued_at is None:
        return None
    made = memo.applications.filter(applied_at=memo.issued_at)
    applied = made.aggregate(s=Sum("original_amount"))["s"] or Decimal(0)
    count = made.values("invoice_id").distinct().count()
    c = memo.currency
    if memo.user_id and not memo.marketplace.company_wide_billing:
        whose = memo.user.name or memo.user.email
    else:
        whose = memo.company.name
    if count == 0:
        message = (f"No open invoice of {whose} to apply it to: the full "
                   f"{format_amount(memo.total, c)} {c} stays available.")
    else:
        left = memo.total - applied
        rest = (f"{format_amount(left, c)} {c} stays available" if left
                else "nothing of it stays available")
        message = (f"Applied {format_amount(applied, c)} {c} to {count} open "
                   f"invoice{'s' if count > 1 else ''} of {whose}; {rest}.")
    return {"applied_amount": format_amount(applied, c), "invoice_count": count,
            "message": message}


def ledger_differences(*, marketplace) -> list[str]:
    """Every way the ledger disagrees with the documents, as sentences; [] when it agrees.
    Receivables per company and currency must equal its issued invoices' amount due, customer
    credit its issued, non-void memos' remaining amounts, and every entry must balance."""
    problems = [f"journal entry {entry_id} is off balance by {diff}"
                for entry_id, diff in unbalanced_entries(marketplace=marketplace)]
    balances = account_balances(marketplace=marketplace)
    expected = defaultdict(Decimal)
    for row in (Invoice.objects.filter(marketplace=marketplace, status__in=["open", "paid"])
                .values("company_id", "currency").annotate(s=Sum("amount_due"))):
        expected[("receivables", row["company_id"], row["currency"])] += row["s"] or 0
    for row in (CreditMemo.objects.filter(marketplace=marketplace)
                .exclude(status__in=["draft", "void"])
                .values("company_id", "currency").annotate(s=Sum("remaining_amount"))):
        # Customer credit is a liability: its balance is credit - debit.
        expected[("customer_credit", row["company_id"], row["currency"])] -= row["s"] or 0
    keys = set(expected) | {k for k in balances if k[0] in ("receivables", "customer_credit")}
    names = dict(Company.objects.filter(marketplace=marketplace).values_list("id", "name"))
    for key in sorted(keys, key=str):
        account, company_id, currency = key
        want, got = expected.get(key, Decimal(0)), balances.get(key, Decimal(0))
        if want != got:
            sign = -1 if account == "customer_credit" else 1
            problems.append(
                f"{marketplace.slug}: {names.get(company_id, company_id)} {account} {currency}: "
                f"ledger {format_amount(sign * got, currency)}, "
                f"documents {format_amount(sign * want, currency)}")
    return problems


def _confined(queryset, company_id):
    """The documents a customer company may see (customers.selectors.customer_documents);
    all of them when `company_id` is None (staff)."""
    if company_id is None:
        return queryset
    return customer_documents(queryset, company_id=company_id)


def _id_filter(queryset, field, value):
    """An id that is not one of ours simply matches nothing."""
    if value is None:
        return queryset
    pk = parse_id(value)
    return queryset.filter(**{field: pk}) if pk else queryset.none()


def _company_filter(queryset, value):
    if value is None:
        return queryset
    pk = parse_id(value)
    # Those the company pays for or is billed for, drafts included (a filter, not a scope).
    return queryset.filter(Q(company_id=pk) | Q(billed_company_id=pk)) if pk else queryset.none()


def utc_day_start(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=datetime.UTC)


def credit_memo_list(*, marketplace, status=None, company_id=None, user_id=None, origin=None,
                     currency=None, issued_from=None, issued_to=None, q=None,
                     visible_to_company_id=None, whole_set=False):
    """The marketplace's credit memos, drafts included, filtered; unordered (callers paginate
    newest first). `company_id` matches the payer or the billed company; `issued_from` and
    `issued_to` are inclusive UTC dates; `q` is a case-insensitive substring of the number,
    the company's or billed company's name, or a line's description. Raises InvalidInput
    for a bad filter value; an id of the wrong form matches nothing. `whole_set`: the caller
    reads every match (counts, totals), not a first page (see `document_search`)."""
    memos = CreditMemo.objects.filter(marketplace=marketplace)
    memos = _confined(memos, visible_to_company_id)
    if status is not None:
        memos = memos.filter(status=parse_choice(status, STATUSES, param="status"))
    if origin is not None:
        memos = memos.filter(origin=parse_choice(origin, ORIGINS, param="origin"))
    if currency is not None:
        memos = memos.filter(currency=check_known_currency(currency))
    memos = _company_filter(memos, company_id)
    memos = _id_filter(memos, "user_id", user_id)
    start = parse_date(issued_from, param="issued_from")
    end = parse_date(issued_to, param="issued_to")
    if start is not None:
        memos = memos.filter(issued_at__gte=utc_day_start(start))
    if end is not None:
        memos = memos.filter(issued_at__lt=utc_day_start(end + datetime.timedelta(days=1)))
    q = parse_text(q, param="q").strip()
    if q:
        memos = document_search(memos, marketplace=marketplace, q=q, field="memo_id",
                                lines=CreditMemoLine.objects.filter(description__icontains=q),
                                whole_set=whole_set, plan_key=(
                                    "credit_memo", marketplace.pk, status, origin, currency,
                                    company_id, user_id, start, end, visible_to_company_id))
    return memos


SEARCH_NAMES_MAX = 500
SEARCH_SAMPLE = 200
SEARCH_WALK_HITS = 20
# The plan a search took, per process, for SEARCH_PLAN_SECONDS: the next pages of a list
# and the same search again skip the sample (the plan decides the speed, never the result).
SEARCH_PLAN_SECONDS = 60
SEARCH_PLANS_MAX = 1000
_search_plans: dict = {}


def _has_row(queryset):
    """Whether `queryset` (correlated with OuterRef) has a row: a scalar subquery, which
    PostgreSQL probes row by row through an index, where it would hash an EXISTS by first
    reading every match of the whole table."""
    return IsNull(Subquery(queryset.values("pk")[:1]), False)


def document_search(documents, *, marketplace, q: str, lines, field: str,
                    whole_set: bool = False, plan_key=None):
    """Documents whose number, company or billed company name, or a line's description
    (`lines`: the matching lines; `field`: their document's id) holds `q`,
    case-insensitively. Two plans, for a common and a rare `q`:
    - walk: the documents are read newest first (the order lists page in) and each is
      tested by index probes, so a page is full after a few hundred rows when `q` is
      common; for a rare `q` it would read every document;
    - union: each branch is its own indexed lookup (trigram indexes on PostgreSQL; the few
      matching companies as literal ids, for the company indexes) and their union picks
      the documents: fast for a rare `q`, but a common one matches a large share of a big
      table (seconds at a million memos).
    The newest SEARCH_SAMPLE documents choose: the walk when SEARCH_WALK_HITS of them
    match (or there are fewer), else the union; the choice is remembered for a minute
    (`_walks`; `plan_key`: the filters that made `documents`, else their SQL is the key).
    Both find the same documents. A caller
    that reads the whole matching set (counts and totals on the pages) says `whole_set`:
    the walk would then test every document, so the union serves it."""
    companies = Company.objects.filter(marketplace=marketplace, name__icontains=q)
    if whole_set:
        return _search_union(documents, marketplace=marketplace, q=q, lines=lines,
                             field=field, companies=companies)
    row_matches = (Q(number__icontains=q)
                   | _has_row(companies.filter(pk=OuterRef("company_id")))
                   | _has_row(companies.filter(pk=OuterRef("billed_company_id")))
                   | _has_row(lines.filter(**{field: OuterRef("id")})))
    if _walks(documents, row_matches, q, plan_key):
        return documents.filter(row_matches)
    return _search_union(documents, marketplace=marketplace, q=q, lines=lines, field=field,
                         companies=companies)


def _walks(documents, row_matches, q, plan_key) -> bool:
    """Whether the search walks (see document_search): sampled, or as decided within the
    last SEARCH_PLAN_SECONDS for the same documents (`plan_key`, else the filters' SQL),
    `q` and settings."""
    key = (plan_key or str(documents.query), q, SEARCH_SAMPLE, SEARCH_WALK_HITS)
    at = time.monotonic()
    known = _search_plans.get(key)
    if known is not None and at - known[1] < SEARCH_PLAN_SECONDS:
        return known[0]
    sample = list(documents.order_by("-created_at", "-id")
                  .annotate(search_hit=ExpressionWrapper(row_matches, BooleanField()))
                  .values_list("search_hit", flat=True)[:SEARCH_SAMPLE])
    # A draft's null number makes its test null (no match), not false.
    walk = len(sample) < SEARCH_SAMPLE or sum(1 for hit in sample if hit) >= SEARCH_WALK_HITS
    if len(_search_plans) >= SEARCH_PLANS_MAX:
        _search_plans.clear()
    _search_plans[key] = (walk, at)
    return walk


def _search_union(documents, *, marketplace, q, lines, field, companies):
    found = list(companies.values_list("id", flat=True)[:SEARCH_NAMES_MAX + 1])
    names = found if len(found) <= SEARCH_NAMES_MAX else companies.values("id")
    own = documents.model.objects.filter(marketplace=marketplace)
    arms = [own.filter(number__icontains=q).values("id"),
            # Lines of other marketplaces may match too: the outer filter drops their ids,
            # and a join here would cost the index its use.
            lines.order_by().values(field)]
    if found:
        arms += [own.filter(company_id__in=names).values("id"),
                 own.filter(billed_company_id__in=names).values("id")]
    return documents.filter(id__in=arms[0].union(*arms[1:]))


def invoice_list(*, marketplace, company_id=None, status=None, visible_to_company_id=None):
    """The marketplace's invoices, drafts included, filtered like credit memos; unordered."""
    invoices = _confined(Invoice.objects.filter(marketplace=marketplace), visible_to_company_id)
    if status is not None:
        invoices = invoices.filter(status=parse_choice(status, INVOICE_STATUSES, param="status"))
    return _company_filter(invoices, company_id)
