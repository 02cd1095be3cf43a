"""Reads shared by the API, pages and reports: credit balances and the ledger's agreement with
the documents."""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Sum

from common.errors import InvalidInput
from common.money import check_currency, format_amount, parse_amount
from credits.models import CreditMemo
from customers.models import Company
from invoicing.models import Invoice
from ledger.selectors import account_balances, unbalanced_entries


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
    currency = check_currency(currency or company.currency)
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
                f"ledger {sign * got}, documents {sign * want}")
    return problems
