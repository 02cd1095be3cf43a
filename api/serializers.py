"""Shapes of the objects that have no domain serializer: marketplace, company, user, product,
refund and event. Invoices, payments and credit memos come from invoicing/serializers.py and
credits/serializers.py. Empty optional texts answer null."""

from common.money import format_amount
from invoicing.serializers import _ts


def _or_none(text):
    return text or None


def marketplace_data(marketplace, *, own_company_id) -> dict:
    return {
        "id": str(marketplace.id),
        "object": "marketplace",
        "slug": marketplace.slug,
        "name": marketplace.name,
        "default_currency": marketplace.default_currency,
        "is_test": marketplace.is_test,
        "own_company_id": str(own_company_id),
        "settings": {
            "invoice_number_prefix": marketplace.invoice_number_prefix,
            "credit_memo_number_prefix": marketplace.credit_memo_number_prefix,
            "number_padding": marketplace.number_padding,
            "auto_apply_credit_to_new_invoices": marketplace.auto_apply_credit_to_new_invoices,
            "company_wide_billing": marketplace.company_wide_billing,
        },
    }


def company_data(company) -> dict:
    return {
        "id": str(company.id),
        "object": "company",
        "name": company.name,
        "currency": company.currency,
        "is_reseller": company.is_reseller,
        "reseller_id": str(company.reseller_id) if company.reseller_id else None,
        "credit_limit": None if company.credit_limit is None
        else format_amount(company.credit_limit, company.currency),
        "legal_name": company.legal_name or company.name,
        "vat_id": _or_none(company.vat_id),
        "address": {
            "line1": _or_none(company.address_line1),
            "line2": _or_none(company.address_line2),
            "city": _or_none(company.address_city),
            "postal_code": _or_none(company.address_postal_code),
            "state": _or_none(company.address_state),
            "country": _or_none(company.address_country),
        },
        "peppol_id": _or_none(company.peppol_id),
        "registration_id": _or_none(company.registration_id),
        "tax_registration_id": _or_none(company.tax_registration_id),
        "iban": _or_none(company.iban),
        "bic": _or_none(company.bic),
        "reverse_charge": company.reverse_charge,
        "contact_name": _or_none(company.contact_name),
        "telephone": _or_none(company.telephone),
        "billing_email": _or_none(company.billing_email),
        "created_at": _ts(company.created_at),
    }


def user_data(user) -> dict:
    return {"id": str(user.id), "object": "user", "email": user.email, "name": user.name,
            "company_id": str(user.company_id)}


def product_data(product) -> dict:
    return {"id": str(product.id), "object": "product", "name": product.name,
            "sku": _or_none(product.sku), "tax_category": product.tax_category,
            "tax_exemption_reason_code": product.tax_exemption_reason_code,
            "tax_exemption_reason": product.tax_exemption_reason}


def refund_data(refund, *, currency: str) -> dict:
    return {
        "id": str(refund.id),
        "object": "refund",
        "payment_id": str(refund.payment_id),
        "amount": format_amount(refund.amount, currency),
        "status": refund.status,
        "credit_memo_id": str(refund.credit_memo_id),
        "created_at": _ts(refund.created_at),
    }


def event_data(event) -> dict:
    """Payloads are stored without `reason` (credits' Outbox); dropping it here as well keeps
    an internal reason out of every answer even if a producer forgets."""
    data = event.data
    if isinstance(data, dict) and "reason" in data:
        data = {name: value for name, value in data.items() if name != "reason"}
    return {"id": str(event.id), "object": "event", "type": event.type, "at": _ts(event.at),
            "actor": event.actor, "data": data}
