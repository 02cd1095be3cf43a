"""The invoice as the API and event payloads show it: one stable shape."""

from common.money import format_amount, format_decimal


def _date(value):
    return value.isoformat() if value else None


def _ts(value):
    return value.isoformat().replace("+00:00", "Z") if value else None


def _id(value):
    return str(value) if value else None


def invoice_line_data(line, currency, credited_amount) -> dict:
    return {
        "id": str(line.id),
        "product_id": _id(line.product_id),
        "name": line.name,
        "description": line.description,
        "quantity": format_decimal(line.quantity),
        "unit_price": format_amount(line.unit_price, currency),
        "discount_amount": format_amount(line.discount_amount, currency),
        "amount": format_amount(line.amount, currency),
        "tax_category": line.tax_category,
        "tax_rate": format_decimal(line.tax_rate),
        "tax_exemption_reason_code": line.tax_exemption_reason_code,
        "tax_exemption_reason": line.tax_exemption_reason,
        "tax_amount": format_amount(line.tax_amount, currency),
        "total": format_amount(line.total, currency),
        "billing_action": line.billing_action,
        "period_start": _date(line.period_start),
        "period_end": _date(line.period_end),
        "subscription_id": _id(line.subscription_id),
        "credited_amount": format_amount(credited_amount, currency),
    }


def invoice_data(invoice) -> dict:
    """Reads lines, their credited net and the credit applications (three queries)."""
    from django.db.models import Sum

    credited = dict(
        invoice.lines.filter(
            credit_lines__memo__issued_at__isnull=False,
            credit_lines__memo__voided_at__isnull=True,
        )
        .values_list("id")
        .annotate(s=Sum("credit_lines__amount"))
    )
    applications = invoice.credit_applications.select_related("memo").order_by(
        "applied_at", "position", "id")
    return _shape(invoice, lines=invoice.lines.all(), credited=credited,
                  applications=applications)


def new_invoice_data(invoice, *, lines, applications) -> dict:
    """An invoice created in the running change, from what it wrote (no query): `lines` in
    position order, none credited yet; `applications` in the order they were made, each
    with its memo."""
    return _shape(invoice, lines=lines, credited={}, applications=applications)


def _shape(invoice, *, lines, credited: dict, applications) -> dict:
    c = invoice.currency
    return {
        "id": str(invoice.id),
        "object": "invoice",
        "number": invoice.number,
        "status": invoice.status,
        "company_id": str(invoice.company_id),
        "billed_company_id": str(invoice.billed_company_id),
        "user_id": _id(invoice.user_id),
        "currency": c,
        "issued_at": _ts(invoice.issued_at),
        "due_date": _date(invoice.due_date),
        "tax_clearance_id": invoice.tax_clearance_id or None,
        "tax_clearance_url": invoice.tax_clearance_url or None,
        "created_at": _ts(invoice.created_at),
        "lines": [invoice_line_data(line, c, credited.get(line.id, 0)) for line in lines],
        "subtotal": format_amount(invoice.subtotal, c),
        "discount_total": format_amount(invoice.discount_total, c),
        "tax_total": format_amount(invoice.tax_total, c),
        "total": format_amount(invoice.total, c),
        "amount_credited": format_amount(invoice.amount_credited, c),
        "amount_paid": format_amount(invoice.amount_paid, c),
        "amount_due": format_amount(invoice.amount_due, c),
        "credit_applications": [
            {
                "id": str(a.id),
                "credit_memo_id": str(a.memo_id),
                "credit_memo_number": a.memo.number,
                "amount": format_amount(a.amount, c),
                "applied_at": _ts(a.applied_at),
                "reversed_at": _ts(a.reversed_at),
            }
            for a in applications
        ],
    }


def payment_data(payment) -> dict:
    c = payment.invoice.currency
    return {
        "id": str(payment.id),
        "object": "payment",
        "invoice_id": str(payment.invoice_id),
        "amount": format_amount(payment.amount, c),
        "refunded_amount": format_amount(payment.refunded_amount, c),
        "method": payment.method,
        "status": payment.status,
        "created_at": _ts(payment.created_at),
    }
