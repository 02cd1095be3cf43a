"""The credit memo as the API, pages and event payloads show it: one shape. `reason` is added
only for managers, by the caller."""

from common.money import format_amount, format_decimal
from invoicing.serializers import _date, _id, _ts


def memo_line_data(line, currency) -> dict:
    return {
        "id": _id(getattr(line, "id", None)),
        "product_id": _id(line.product.id if line.product is not None else None),
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
        "subscription_id": _id(line.subscription.id if line.subscription is not None else None),
        "source_invoice_line_id": _id(
            line.source_invoice_line.id if line.source_invoice_line is not None else None
        ),
        "custom_charge": line.custom_charge,
    }


def memo_data(memo, *, include_reason: bool = False) -> dict:
    c = memo.currency
    lines = list(memo.lines.select_related("product", "subscription", "source_invoice_line"))
    applications = memo.applications.select_related("invoice").order_by(
        "applied_at", "position", "id")
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
        "memo": memo.memo,
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
            for p in memo.payouts.order_by("created_at", "id")
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
