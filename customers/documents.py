"""The parties of a document, as the plain data that documents' renderers take (see
documents.pdf and documents.ubl): the seller (the marketplace's own company), the customer
(the payer) and the billed end customer when another. Used by the apps that own documents
(credits/documents.py, invoicing/documents.py):

    party = {id, name, legal_name, vat_id, peppol_id, registration_id, tax_registration_id,
             iban, bic, reverse_charge, contact_name, telephone, billing_email,
             address: {line1, line2, city, postal_code, state, country}}
"""

from customers.models import Company

ADDRESS_FIELDS = ("line1", "line2", "city", "postal_code", "state", "country")


def party_data(company) -> dict:
    return {
        "id": str(company.id),
        "name": company.name,
        "legal_name": company.legal_name or company.name,
        "vat_id": company.vat_id,
        "peppol_id": company.peppol_id,
        "registration_id": company.registration_id,
        "tax_registration_id": company.tax_registration_id,
        "iban": company.iban,
        "bic": company.bic,
        "reverse_charge": company.reverse_charge,
        "contact_name": company.contact_name,
        "telephone": company.telephone,
        "billing_email": company.billing_email,
        "address": {f: getattr(company, f"address_{f}") for f in ADDRESS_FIELDS},
    }


def parties_data(document) -> dict:
    """{"seller", "customer", "billed"} of an invoice or credit memo (anything with a
    marketplace, a company and a billed company)."""
    seller = Company.objects.get(marketplace_id=document.marketplace_id, is_own=True)
    billed = None
    if document.billed_company_id != document.company_id:
        billed = party_data(document.billed_company)
    return {"seller": party_data(seller), "customer": party_data(document.company),
            "billed": billed}
