"""The credit memo as the API, pages and event payloads show it: one shape. `reason` is added
only for managers, by the caller."""

from common.money import format_amount, format_decimal
from credits.models import Application, CreditMemoLine, Payout
from invoicing.serializers import _date, _id, _ts

APPLICATION_ORDER = ("applied_at", "position", "id")
PAYOUT_ORDER = ("created_at", "id")


def memos_read_related(memos) -> None:
    """Read the lines, applications and payouts of a list's memos in three queries, for
    memo_data (no query per memo). Plain lists: Django's prefetch_related costs several
    times the CPU, building a queryset per memo and relation."""
    related = {memo.id: {"lines": [], "applications": [], "payouts": []} for memo in memos}
    ids = list(related)
    for name, rows in (
            ("lines", CreditMemoLine.objects.filter(memo_id__in=ids).order_by("position")),
            ("applications", Application.objects.filter(memo_id__in=ids)
             .select_related("invoice").order_by(*APPLICATION_ORDER)),
            ("payouts", Payout.objects.filter(memo_id__in=ids).order_by(*PAYOUT_ORDER))):
        for row in rows:
            related[row.memo_id][name].append(row)
    for memo in memos:
        memo._related_rows = related[memo.id]


def _ref(line, name: str):
    """The id of a line's product, subscription or source invoice line: a saved line's
    `<name>_id` column (no join), a planned line's object."""
    if hasattr(line, f"{name}_id"):
        return _id(getattr(line, f"{name}_id"))
    related = getattr(line, name)
    return _id(related.id if related is not None else None)


def _related(memo, name: str, read) -> list:
    """A memo's lines, applications or payouts: those a list read (memos_read_related),
    else `read()`."""
    rows = getattr(memo, "_related_rows", None)
    return rows[name] if rows is not None else list(read())


def memo_line_data(line, currency) -> dict:
    return {
        "id": _id(getattr(line, "id", None)),
        "product_id": _ref(line, "product"),
        "name": line.name,
        "description": line.description,
        "quantity": format_decimal(line.quantity),
        "unit_price": format_amount(line.unit_price, currency),
        "amount": format_amount(line.amount, currency),
        "tax_rate": format_decimal(line.tax_rate),
        "tax_amount": format_amount(line.tax_amount, currency),
        "total": format_amount(line.amount + line.tax_amount, currency),
        "billing_action": line.billing_action,
        "period_start": _date(line.period_start),
        "period_end": _date(line.period_end),
        "subscription_id": _ref(line, "subscription"),
        "source_invoice_line_id": _ref(line, "source_invoice_line"),
        "custom_charge": line.custom_charge,
    }


def memo_data(memo, *, include_reason: bool = False) -> dict:
    c = memo.currency
    lines = _related(memo, "lines", memo.lines.all)
    applications = _related(memo, "applications", lambda: memo.applications.select_related(
        "invoice").order_by(*APPLICATION_ORDER))
    payouts = _related(memo, "payouts", lambda: memo.payouts.order_by(*PAYOUT_ORDER))
    data = {
        "id": str(memo.id),
        "object": "credit_memo",
        "number": memo.number,
        "status": memo.status,
        "currency": c,
        "company_id": str(memo.company_id),
        "billed_company_id": str(memo.billed_company_id),
        "user_id": _id(memo.user_id),
        "origin": memo.origin,
        "source_invoice_id": _id(memo.source_invoice_id),
        "reason_code": memo.reason_code,
        "reason": memo.reason,
        "memo": memo.note,
        "issued_at": _ts(memo.issued_at),
        "created_at": _ts(memo.created_at),
        "lines": [memo_line_data(line, c) for line in lines],
        "subtotal": format_amount(memo.subtotal, c),
        "tax_total": format_amount(memo.tax_total, c),
        "total": format_amount(memo.total, c),
        "applied_amount": format_amount(memo.applied_amount, c),
        "paid_out_amount": format_amount(memo.paid_out_amount, c),
        "closed_amount": format_amount(memo.closed_amount, c),
        "remaining_amount": format_amount(memo.remaining_amount, c),
        "applications": [
            {
                "id": str(a.id),
                "invoice_id": str(a.invoice_id),
                "invoice_number": a.invoice.number,
                "amount": format_amount(a.amount, c),
                "applied_at": _ts(a.applied_at),
                "applied_by": a.applied_by,
                "reversed_at": _ts(a.reversed_at),
            }
            for a in applications
        ],
        "payouts": [
            {
                "id": str(p.id),
                "amount": format_amount(p.amount, c),
                "method": p.method,
                "status": p.status,
                "created_at": _ts(p.created_at),
            }
            for p in payouts
        ],
        "auto_apply": memo.auto_apply,
    }
    if not include_reason:
        del data["reason"]
    return data


def memo_preview_data(*, plan, header: dict, include_reason: bool = False) -> dict:
    """What issuing would produce: the memo's shape, with id, number and issued_at null."""
    c = plan.currency
    zero = format_amount(0, c)
    data = {
        "id": None,
        "object": "credit_memo",
        "number": None,
        "status": "draft",
        "currency": c,
        **header,
        "issued_at": None,
        "created_at": None,
        "lines": [memo_line_data(line, c) for line in plan.lines],
        "subtotal": format_amount(plan.subtotal, c),
        "tax_total": format_amount(plan.tax_total, c),
        "total": format_amount(plan.total, c),
        "applied_amount": zero,
        "paid_out_amount": zero,
        "closed_amount": zero,
        "remaining_amount": format_amount(plan.total, c),
        "applications": [],
        "payouts": [],
    }
    if not include_reason:
        data.pop("reason", None)
    return data
