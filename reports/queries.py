"""The reports, as streams of rows: read-only, in constant memory (database cursors read in
chunks, rows leave as they are made; nothing is collected).

- Invoice details: one row per document line, invoices and credit memos (from their issue,
  amounts negative), oldest first, with the document type.
- Credit memos: one row per issued memo: status, origin, applied and remaining. A void memo
  keeps its row (status `void`, its total) but its `remaining_amount` is `0.00`: it is no
  credit, so summing the column gives the customers' credit. (0, not an empty cell: the
  column stays numeric for every tool that reads it.)
- Reseller reconciliation: the lines of the documents a reseller pays for, with the end
  customer of each, leaving out custom-charge lines.

Drafts are left out everywhere, and void documents from the line reports. Dates filter the
issue date (UTC, inclusive)."""

import datetime
import heapq
from dataclasses import dataclass

from django.db.models import Q

from common.errors import BusinessRule, InvalidInput, NotFound
from common.money import format_amount, format_decimal
from common.parsing import parse_date

CHUNK = 2000
REPORTS = ("invoice_details", "credit_memos", "reseller_reconciliation")

LINE_HEADER = [
    "document_type", "number", "issued_date", "status", "currency", "company_id",
    "company_name", "billed_company_id", "billed_company_name", "line", "product_id", "name",
    "billing_action", "period_start", "period_end", "quantity", "unit_price",
    "discount_amount", "amount", "tax_rate", "tax_amount", "total", "custom_charge",
    # Added after the columns above (a reader by position keeps working): the line's VAT
    # category (common.tax) and exemption reason.
    "tax_category", "tax_exemption_reason_code", "tax_exemption_reason",
]
MEMO_HEADER = [
    "number", "issued_date", "status", "origin", "reason_code", "currency", "company_id",
    "company_name", "billed_company_id", "billed_company_name", "source_invoice_number",
    "subtotal", "tax_total", "total", "applied_amount", "paid_out_amount", "closed_amount",
    "remaining_amount",
]
HEADERS = {"invoice_details": LINE_HEADER, "credit_memos": MEMO_HEADER,
           "reseller_reconciliation": LINE_HEADER}


@dataclass(frozen=True)
class Filters:
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    company_id: str | None = None
    reseller_id: str | None = None

    def as_dict(self) -> dict:
        return {"date_from": self.date_from.isoformat() if self.date_from else None,
                "date_to": self.date_to.isoformat() if self.date_to else None,
                "company_id": self.company_id, "reseller_id": self.reseller_id}


def parse_filters(*, marketplace, report: str, date_from=None, date_to=None, company_id=None,
                  reseller_id=None) -> Filters:
    from common.ids import parse_id
    from customers.models import Company

    if report not in REPORTS:
        raise InvalidInput(f"report is one of {', '.join(REPORTS)}", param="report")
    start = parse_date(date_from, param="date_from")
    end = parse_date(date_to, param="date_to")
    if start and end and end < start:
        # Two well-formed dates: the order between them is a rule no schema holds.
        raise BusinessRule("date_to is before date_from", code="invalid_date_range",
                           param="date_to")
    company = None
    if company_id not in (None, ""):
        pk = parse_id(company_id)
        # An id that names nothing simply matches nothing, as a list filter does.
        company = str(pk) if pk else "00000000-0000-0000-0000-000000000000"
    reseller = None
    if report != "reseller_reconciliation" and reseller_id is not None:
        raise InvalidInput("reseller_id is for the reseller_reconciliation report only",
                           param="reseller_id")
    if report == "reseller_reconciliation":
        if reseller_id is None:
            raise InvalidInput("reseller_id is required for this report",
                               code="parameter_missing", param="reseller_id")
        pk = parse_id(reseller_id)
        found = Company.objects.filter(marketplace=marketplace, pk=pk).first() if pk else None
        if found is None:
            raise NotFound("no such company", param="reseller_id")
        if not found.is_reseller:
            raise BusinessRule(f"{found.name} is not a reseller", code="not_a_reseller",
                               param="reseller_id")
        reseller = str(found.id)
    return Filters(start, end, company, reseller)


def _dates(rows, field: str, filters: Filters):
    if filters.date_from:
        start = datetime.datetime.combine(filters.date_from, datetime.time(), datetime.UTC)
        rows = rows.filter(**{f"{field}__gte": start})
    if filters.date_to:
        end = datetime.datetime.combine(filters.date_to + datetime.timedelta(days=1),
                                        datetime.time(), datetime.UTC)
        rows = rows.filter(**{f"{field}__lt": end})
    return rows


def _company(rows, prefix: str, filters: Filters):
    if filters.company_id:
        rows = rows.filter(Q(**{f"{prefix}company_id": filters.company_id})
                           | Q(**{f"{prefix}billed_company_id": filters.company_id}))
    if filters.reseller_id:
        rows = rows.filter(**{f"{prefix}company_id": filters.reseller_id})
    return rows


INVOICE_LINE_FIELDS = (
    "invoice__issued_at", "invoice__number", "position", "invoice__status",
    "invoice__currency", "invoice__company_id", "invoice__company__name",
    "invoice__billed_company_id", "invoice__billed_company__name", "product_id", "name",
    "billing_action", "period_start", "period_end", "quantity", "unit_price",
    "discount_amount", "amount", "tax_rate", "tax_amount", "total", "tax_category",
    "tax_exemption_reason_code", "tax_exemption_reason",
)
MEMO_LINE_FIELDS = (
    "memo__issued_at", "memo__number", "position", "memo__status", "memo__currency",
    "memo__company_id", "memo__company__name", "memo__billed_company_id",
    "memo__billed_company__name", "product_id", "name", "billing_action", "period_start",
    "period_end", "quantity", "unit_price", "amount", "tax_rate", "tax_amount", "total",
    "custom_charge", "tax_category", "tax_exemption_reason_code", "tax_exemption_reason",
)


def invoice_line_rows(*, marketplace, filters: Filters):
    from invoicing.models import InvoiceLine

    rows = InvoiceLine.objects.filter(invoice__marketplace=marketplace,
                                      invoice__status__in=["open", "paid"])
    rows = _company(_dates(rows, "invoice__issued_at", filters), "invoice__", filters)
    return rows.order_by("invoice__issued_at", "invoice__number", "position").values_list(
        *INVOICE_LINE_FIELDS)


def memo_line_rows(*, marketplace, filters: Filters, without_custom_charges: bool = False):
    from credits.models import CreditMemoLine

    rows = CreditMemoLine.objects.filter(memo__marketplace=marketplace,
                                         memo__issued_at__isnull=False,
                                         memo__voided_at__isnull=True)
    if without_custom_charges:
        rows = rows.filter(custom_charge=False)
    rows = _company(_dates(rows, "memo__issued_at", filters), "memo__", filters)
    return rows.order_by("memo__issued_at", "memo__number", "position").values_list(
        *MEMO_LINE_FIELDS)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _invoice_line(row) -> tuple:
    (issued_at, number, position, status, currency, company_id, company_name, billed_id,
     billed_name, product_id, name, action, start, end, quantity, unit_price, discount,
     amount, rate, tax, total, *vat) = row
    c = currency
    return ((issued_at, 0, number, position),
            ["invoice", number, _text(issued_at), status, c, _text(company_id), company_name,
             _text(billed_id), billed_name, position + 1, _text(product_id), name,
             action or "", _text(start), _text(end), format_decimal(quantity),
             format_amount(unit_price, c), format_amount(discount, c), format_amount(amount, c),
             format_decimal(rate), format_amount(tax, c), format_amount(total, c), "false",
             *vat])


def _memo_line(row) -> tuple:
    (issued_at, number, position, status, currency, company_id, company_name, billed_id,
     billed_name, product_id, name, action, start, end, quantity, unit_price, amount, rate,
     tax, total, custom_charge, *vat) = row
    c = currency
    return ((issued_at, 1, number, position),
            ["credit_memo", number, _text(issued_at), status, c, _text(company_id),
             company_name, _text(billed_id), billed_name, position + 1, _text(product_id),
             name, action or "", _text(start), _text(end), format_decimal(quantity),
             format_amount(-unit_price, c), format_amount(0, c), format_amount(-amount, c),
             format_decimal(rate), format_amount(-tax, c), format_amount(-total, c),
             "true" if custom_charge else "false", *vat])


def _merged(invoice_rows, memo_rows):
    """Invoice and memo lines in one order (issue time, invoices first, number, line):
    two database cursors merged as they are read."""
    invoices = (_invoice_line(r) for r in invoice_rows.iterator(chunk_size=CHUNK))
    memos = (_memo_line(r) for r in memo_rows.iterator(chunk_size=CHUNK))
    for _, row in heapq.merge(invoices, memos, key=lambda item: item[0]):
        yield row


def credit_memo_rows(*, marketplace, filters: Filters):
    from credits.models import CreditMemo

    memos = CreditMemo.objects.filter(marketplace=marketplace, issued_at__isnull=False)
    memos = _company(_dates(memos, "issued_at", filters), "", filters)
    fields = ("number", "issued_at", "status", "origin", "reason_code", "currency",
              "company_id", "company__name", "billed_company_id", "billed_company__name",
              "source_invoice__number", "subtotal", "tax_total", "total", "applied_amount",
              "paid_out_amount", "closed_amount", "remaining_amount")
    for row in memos.order_by("issued_at", "number").values_list(*fields).iterator(
            chunk_size=CHUNK):
        (number, issued_at, status, origin, reason_code, c, company_id, company_name,
         billed_id, billed_name, source_number, *money) = row
        if status == "void":
            money[-1] = 0  # remaining_amount: a void memo is no credit
        yield [number, _text(issued_at), status, origin, reason_code, c, _text(company_id),
               company_name, _text(billed_id), billed_name, source_number or "",
               *(format_amount(m, c) for m in money)]


def rows(*, marketplace, report: str, filters: Filters):
    """The report's rows, header first."""
    yield HEADERS[report]
    if report == "credit_memos":
        yield from credit_memo_rows(marketplace=marketplace, filters=filters)
        return
    yield from _merged(
        invoice_line_rows(marketplace=marketplace, filters=filters),
        memo_line_rows(marketplace=marketplace, filters=filters,
                       without_custom_charges=report == "reseller_reconciliation"))


def row_count(*, marketplace, report: str, filters: Filters) -> int:
    """How many rows the report will have (for its progress), header left out."""
    if report == "credit_memos":
        from credits.models import CreditMemo

        memos = CreditMemo.objects.filter(marketplace=marketplace, issued_at__isnull=False)
        return _company(_dates(memos, "issued_at", filters), "", filters).count()
    return (invoice_line_rows(marketplace=marketplace, filters=filters).count()
            + memo_line_rows(marketplace=marketplace, filters=filters,
                             without_custom_charges=report == "reseller_reconciliation"
                             ).count())
