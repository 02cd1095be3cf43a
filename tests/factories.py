"""Builders for the service-level tests, and the proof that a failed call wrote nothing.

Amounts are given as the API gives them (decimal strings); every builder passes time in."""

import datetime
from decimal import Decimal

import pytest
from django_tasks_db.models import DBTaskResult
from sequences.models import Sequence

from credits import services as credits
from credits.models import Application, ApplicationReversal, CreditMemo, Payout
from customers import services as customers
from customers.models import Company, CustomerUser
from invoicing.models import Invoice, Payment
from ledger.selectors import entries_for
from marketplaces.services import marketplace_settings_update
from tests.conftest import T0, row_counts

D = Decimal
ACTOR = "test"

def day(n: int) -> datetime.date:
    """A due date: 2026-02-n."""
    return datetime.date(2026, 2, n)


def configure(mp, **changes):
    """Change the marketplace's settings and refresh `mp` in place (services read them off
    the object they are given)."""
    marketplace_settings_update(marketplace=mp, changes=changes, at=T0)
    mp.refresh_from_db()
    return mp


def line(amount, *, quantity="1", tax_rate="0", name="Service", **extra) -> dict:
    return {"name": name, "quantity": quantity, "unit_price": amount, "tax_rate": tax_rate,
            **extra}


def invoice(mp, company, amount=None, *, at, lines=None, tax_rate="0", **kwargs) -> Invoice:
    if lines is None:
        lines = [line(amount, tax_rate=tax_rate)]
    return credits.invoice_create(marketplace=mp, company_id=company.id, lines=lines,
                                  actor=ACTOR, at=at, **kwargs)


def ad_hoc(mp, company, amount, *, at, tax_rate="0", reason_code="service_credit",
           **kwargs) -> CreditMemo:
    return credits.credit_memo_create_ad_hoc(
        marketplace=mp, company_id=company.id, reason_code=reason_code,
        lines=[line(amount, tax_rate=tax_rate, name="Service credit")], actor=ACTOR, at=at,
        **kwargs)


def from_invoice(mp, inv, *, at, lines=None, reason_code="overcharge", **kwargs) -> CreditMemo:
    return credits.credit_memo_create_from_invoice(
        marketplace=mp, invoice_id=inv.id, reason_code=reason_code, lines=lines, actor=ACTOR,
        at=at, **kwargs)


def credit_line(inv, index=0, **what) -> dict:
    """A memo line crediting the invoice's line `index` (by amount, quantity, or all)."""
    return {"invoice_line_id": str(inv.lines.all()[index].id), **what}


def apply(mp, memo, inv, amount=None, *, at) -> Application:
    return credits.application_create(marketplace=mp, memo_id=memo.id, invoice_id=inv.id,
                                      amount=amount, actor=ACTOR, at=at)


def pay(mp, inv, amount, *, at, method="card") -> Payment:
    from invoicing.services import payment_create

    return payment_create(marketplace=mp, invoice_id=inv.id, amount=amount, method=method,
                          actor=ACTOR, at=at)


def reload(*objs):
    for obj in objs:
        obj.refresh_from_db()
    return objs[0] if len(objs) == 1 else objs


def amounts(memo) -> tuple:
    """(total, applied, paid_out, closed, remaining, status) as the database has them."""
    memo.refresh_from_db()
    return (memo.total, memo.applied_amount, memo.paid_out_amount, memo.closed_amount,
            memo.remaining_amount, memo.status)


def assert_adds_up(memo) -> None:
    memo.refresh_from_db()
    assert memo.total == (memo.applied_amount + memo.paid_out_amount + memo.closed_amount
                          + memo.remaining_amount)
    assert min(memo.applied_amount, memo.paid_out_amount, memo.closed_amount,
               memo.remaining_amount) >= 0


def user(mp, company, email="ann@example.com", name="Ann"):
    return customers.user_create(marketplace=mp, company_id=company.id, email=email, name=name,
                                 at=T0)


def snapshot() -> dict:
    """Everything a service writes: row counts (tests.conftest.row_counts and a few more),
    the moving figures of every document, and the number counters."""
    state = dict(row_counts())
    for model in (ApplicationReversal, Company, CustomerUser, DBTaskResult):
        state[model.__name__] = model.objects.count()
    state["invoices"] = list(Invoice.objects.order_by("id").values_list(
        "id", "number", "status", "issued_at", "voided_at", "due_date", "total",
        "amount_credited", "amount_paid", "amount_due"))
    state["memos"] = list(CreditMemo.objects.order_by("id").values_list(
        "id", "number", "status", "issued_at", "voided_at", "closed_at", "total", "tax_total",
        "applied_amount", "paid_out_amount", "closed_amount", "remaining_amount"))
    state["applications"] = list(Application.objects.order_by("id").values_list(
        "id", "amount", "reversed_at"))
    state["payouts"] = list(Payout.objects.order_by("id").values_list("id", "status"))
    state["payments"] = list(Payment.objects.order_by("id").values_list("id",
                                                                        "refunded_amount"))
    state["sequences"] = list(Sequence.objects.order_by("name").values_list("name", "last"))
    return state


def fails(error, code, call, **kwargs):
    """Run `call(**kwargs)`: it must raise `error` with `code` and write nothing at all."""
    before = snapshot()
    with pytest.raises(error) as info:
        call(**kwargs)
    assert info.value.code == code, f"{info.value.code}: {info.value.message}"
    assert snapshot() == before, "a failed call wrote something"
    return info.value


def journal(source_type, source_id) -> list[tuple[str, set]]:
    """The entries posted for a source: [(kind, {(account, debit, credit), ...}), ...]."""
    return [
        (e.kind, {(ln.account, ln.debit, ln.credit) for ln in e.lines.all()})
        for e in entries_for(source_type=source_type, source_id=source_id)
    ]
