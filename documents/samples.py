"""A sample credit memo and invoice as plain document data: the live preview of the template
settings and the PDF benchmark render these."""

SELLER = {
    "name": "Acme Market", "legal_name": "Acme Market GmbH", "vat_id": "DE123456789",
    "peppol_id": "9930:DE123456789",
    "registration_id": "", "tax_registration_id": "", "iban": "DE89370400440532013000",
    "bic": "COBADEFFXXX", "reverse_charge": False,
    "address": {"line1": "Hauptstrasse 1", "line2": "", "city": "Berlin", "postal_code": "10115",
                "state": "", "country": "DE"},
}
CUSTOMER = {
    "name": "Globex", "legal_name": "Globex Corporation B.V.", "vat_id": "NL123456789B01",
    "peppol_id": "0106:12345678",
    "registration_id": "0106:12345678", "tax_registration_id": "", "iban": "", "bic": "",
    "reverse_charge": False,
    "address": {"line1": "Keizersgracht 100", "line2": "", "city": "Amsterdam",
                "postal_code": "1015 AA", "state": "", "country": "NL"},
}


def _line(i, name, quantity, unit_price, amount, tax_rate, tax_amount, total,
          tax_category="S", reason_code="", reason=""):
    return {
        "id": f"00000000-0000-4000-8000-{i:012d}", "product_id": None, "name": name,
        "description": "", "quantity": quantity, "unit_price": unit_price,
        "discount_amount": "0.00", "amount": amount, "tax_category": tax_category,
        "tax_rate": tax_rate, "tax_exemption_reason_code": reason_code,
        "tax_exemption_reason": reason,
        "tax_amount": tax_amount, "total": total, "billing_action": "downgrade",
        "period_start": "2026-01-01", "period_end": "2026-02-01", "subscription_id": None,
        "source_invoice_line_id": None, "custom_charge": False, "credited_amount": "0.00",
    }


LINES = [
    _line(1, "Pro plan, unused time", "1", "120.00", "120.00", "0.19", "22.80", "142.80"),
    _line(2, "Extra seats", "3", "15.00", "45.00", "0.19", "8.55", "53.55"),
    _line(3, "Setup training", "1", "80.00", "80.00", "0", "0.00", "80.00", "E",
          "VATEX-EU-132-1I", "Vocational training"),
]


def sample_data(kind: str) -> dict:
    common = {
        "id": "00000000-0000-4000-8000-000000000000", "currency": "EUR",
        "company_id": "00000000-0000-4000-8000-000000000001",
        "billed_company_id": "00000000-0000-4000-8000-000000000001", "user_id": None,
        "issued_at": "2026-01-15T10:00:00Z", "created_at": "2026-01-15T10:00:00Z",
        "lines": LINES, "subtotal": "245.00", "tax_total": "31.35", "total": "276.35",
    }
    if kind == "credit_memo":
        document = {
            **common, "object": "credit_memo", "number": "CM-000042", "status": "partially_applied",
            "origin": "invoice", "source_invoice_id": "00000000-0000-4000-8000-000000000009",
            "reason_code": "downgrade", "memo": "Downgrade from Pro to Basic on 15 January.",
            "applied_amount": "200.00", "paid_out_amount": "0.00", "closed_amount": "0.00",
            "remaining_amount": "76.35", "payouts": [], "auto_apply": False,
            "applications": [{
                "id": "00000000-0000-4000-8000-000000000010",
                "invoice_id": "00000000-0000-4000-8000-000000000009",
                "invoice_number": "INV-000107", "amount": "200.00",
                "applied_at": "2026-01-15T10:00:00Z", "applied_by": "system",
                "reversed_at": None,
            }],
        }
        references = [{"id": "00000000-0000-4000-8000-000000000009", "number": "INV-000107",
                       "issued_date": "2026-01-01"}]
    else:
        document = {
            **common, "object": "invoice", "number": "INV-000108", "status": "open",
            "due_date": "2026-02-14", "discount_total": "0.00", "amount_credited": "0.00",
            "amount_paid": "0.00", "amount_due": "276.35", "credit_applications": [],
        }
        references = []
    return {"kind": kind, "document": document, "seller": SELLER, "customer": CUSTOMER,
            "billed": None, "references": references, "marketplace": {"name": "Acme Market"}}
