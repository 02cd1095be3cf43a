"""The credit memo as the API, pages and event payloads show it: one shape. `reason` is added
only for managers, by the caller."""

import uuid
from collections import namedtuple

from django.db import connections, router
from django.db.models import F

from common.money import format_amount, format_decimal
from credits.models import Application, CreditMemoLine, Payout
from invoicing.serializers import _date, _id, _ts

APPLICATION_ORDER = ("applied_at", "position", "id")
PAYOUT_ORDER = ("created_at", "id")
_UNSET = object()


LINE_FIELDS = ("memo_id", "id", "product_id", "name", "description", "quantity", "unit_price",
               "amount", "tax_category", "tax_rate", "tax_exemption_reason_code",
               "tax_exemption_reason", "tax_amount", "billing_action", "period_start",
               "period_end", "subscription_id", "source_invoice_line_id", "custom_charge")
APPLICATION_FIELDS = ("memo_id", "id", "invoice_id", "invoice_number", "amount", "applied_at",
                      "applied_by", "reversed_at")
PAYOUT_FIELDS = ("memo_id", "id", "amount", "method", "status", "created_at")


RELATED_READS = {
    "lines": lambda ids: CreditMemoLine.objects.filter(memo_id__in=ids).order_by("position")
    .values_list(*LINE_FIELDS),
    "applications": lambda ids: Application.objects.filter(memo_id__in=ids)
    .annotate(invoice_number=F("invoice__number")).order_by(*APPLICATION_ORDER)
    .values_list(*APPLICATION_FIELDS),
    "payouts": lambda ids: Payout.objects.filter(memo_id__in=ids).order_by(*PAYOUT_ORDER)
    .values_list(*PAYOUT_FIELDS),
}


class _CompiledRead:
    """One of RELATED_READS for `count` memo ids, compiled to SQL once per database
    connection (a thread's) and run again with other ids: building and compiling the
    queryset is most of the CPU of reading a memo. Compiled with marker ids, whose places
    in the parameters (as the backend writes a UUID: itself, or hex on SQLite) take the
    ids of each run; rows pass through the backend's converters like the ORM's."""

    def __init__(self, build, count: int):
        markers = [uuid.uuid4() for _ in range(count)]
        queryset = build(markers)
        self.db = queryset.db
        self.compiler = queryset.query.get_compiler(using=self.db)
        self.sql, params = self.compiler.as_sql()
        self.params = list(params)
        places = {m: i for i, m in enumerate(markers)} | {m.hex: i for i, m in
                                                         enumerate(markers)}
        self.slots = [(at, places[p], isinstance(p, str)) for at, p in enumerate(params)
                      if isinstance(p, uuid.UUID | str) and p in places]
        assert len(self.slots) == count, self.sql
        self.converters = self.compiler.get_converters(
            [expression for expression, _, _ in self.compiler.select])
        self.row = namedtuple("Row", [alias for _, _, alias in self.compiler.select])
        assert None not in self.row._fields, self.sql

    def rows(self, ids) -> list:
        params = list(self.params)
        for at, i, as_hex in self.slots:
            params[at] = ids[i].hex if as_hex else ids[i]
        with connections[self.db].cursor() as cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        if self.converters:
            rows = self.compiler.apply_converters(rows, self.converters)
        return [self.row(*row) for row in rows]


def _related_rows(memo_ids) -> dict:
    """{memo id: {"lines", "applications", "payouts"}} of these memos, read in three queries
    as named rows (the columns memo_data shows; an application carries its invoice's
    number): several times less CPU than model instances or prefetch_related, which builds
    a queryset per memo and relation."""
    related = {memo_id: {"lines": [], "applications": [], "payouts": []} for memo_id in memo_ids}
    ids = list(related)
    if not ids:
        return related
    compiled = connections[router.db_for_read(CreditMemoLine)].__dict__.setdefault(
        "_abate_memo_reads", {})
    for name, build in RELATED_READS.items():
        read = compiled.get((name, len(ids)))
        if read is None:
            read = compiled[(name, len(ids))] = _CompiledRead(build, len(ids))
        for row in read.rows(ids):
            related[row.memo_id][name].append(row)
    return related


def memos_read_related(memos) -> None:
    """Read the lines, applications and payouts of a list's memos in three queries, for
    memo_data (no query per memo)."""
    related = _related_rows([memo.id for memo in memos])
    for memo in memos:
        memo._related_rows = related[memo.id]


def _ref(line, name: str):
    """The id of a line's product, subscription or source invoice line: a saved line's
    `<name>_id` column (no join), a planned line's object."""
    if hasattr(line, f"{name}_id"):
        return _id(getattr(line, f"{name}_id"))
    related = getattr(line, name)
    return _id(related.id if related is not None else None)


def _invoice_number(application):
    """A read row carries its invoice's number; a model instance (an application just made)
    has its invoice."""
    number = getattr(application, "invoice_number", _UNSET)
    return application.invoice.number if number is _UNSET else number


def memo_line_data(line, currency) -> dict:
    return {
        "id": _id(getattr(line, "id", None)),
        "product_id": _ref(line, "product"),
        "name": line.name,
        "description": line.description,
        "quantity": format_decimal(line.quantity),
        "unit_price": format_amount(line.unit_price, currency),
        "amount": format_amount(line.amount, currency),
        "tax_category": line.tax_category,
        "tax_rate": format_decimal(line.tax_rate),
        "tax_exemption_reason_code": line.tax_exemption_reason_code,
        "tax_exemption_reason": line.tax_exemption_reason,
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
    # Those a list or the service read (memos_read_related), else read now.
    related = getattr(memo, "_related_rows", None) or _related_rows([memo.id])[memo.id]
    lines, applications, payouts = (
        related["lines"], related["applications"], related["payouts"])
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
        "tax_clearance_id": memo.tax_clearance_id or None,
        "tax_clearance_url": memo.tax_clearance_url or None,
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
                "invoice_number": _invoice_number(a),
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
