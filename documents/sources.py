"""Plain document data from the billing apps: the one module of `documents` that reads invoices
and credit memos. Only entry points (tasks, the API, pages, the services below them that load a
document by id) import it; `pdf` and `ubl` take the plain data it returns:

    {"kind": "credit_memo" | "invoice", "document": <the API shape, without `reason`>,
     "seller": party, "customer": party (the payer), "billed": party | None (the end
     customer, when another than the payer), "references": [{id, number, issued_date}]
     (the invoices a memo credits), "marketplace": {"name"}}

    party = {id, name, legal_name, vat_id, peppol_id, registration_id, tax_registration_id,
             iban, bic, reverse_charge, billing_email,
             address: {line1, line2, city, postal_code, state, country}}
"""

from common.errors import NotFound
from common.ids import parse_id

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
        "billing_email": company.billing_email,
        "address": {f: getattr(company, f"address_{f}") for f in ADDRESS_FIELDS},
    }


def _parties(document) -> dict:
    from customers.models import Company

    seller = Company.objects.get(marketplace_id=document.marketplace_id, is_own=True)
    billed = None
    if document.billed_company_id != document.company_id:
        billed = party_data(document.billed_company)
    return {"seller": party_data(seller), "customer": party_data(document.company),
            "billed": billed}


def _references(memo) -> list[dict]:
    """The invoices the memo credits: its source invoice and those of its lines."""
    from invoicing.models import Invoice

    ids = set(memo.lines.filter(source_invoice_line__isnull=False)
              .values_list("source_invoice_line__invoice_id", flat=True))
    if memo.source_invoice_id:
        ids.add(memo.source_invoice_id)
    invoices = Invoice.objects.filter(pk__in=ids, number__isnull=False).order_by("issued_at",
                                                                                 "number")
    return [{"id": str(i.id), "number": i.number,
             "issued_date": i.issued_at.date().isoformat() if i.issued_at else None}
            for i in invoices]


def load(*, kind: str, document_id, marketplace=None):
    """The credit memo or invoice, scoped to the marketplace when one is given."""
    from credits.models import CreditMemo
    from invoicing.models import Invoice

    model = CreditMemo if kind == "credit_memo" else Invoice
    pk = parse_id(document_id)
    rows = model.objects.select_related("company", "billed_company", "marketplace")
    if marketplace is not None:
        rows = rows.filter(marketplace=marketplace)
    document = rows.filter(pk=pk).first() if pk else None
    if document is None:
        raise NotFound(f"no such {kind.replace('_', ' ')}", param="id")
    return document


def document_data(*, kind: str, document) -> dict:
    from credits.serializers import memo_data
    from invoicing.serializers import invoice_data

    if kind == "credit_memo":
        data = memo_data(document)
        references = _references(document)
    else:
        data = invoice_data(document)
        references = []
    return {"kind": kind, "document": data, **_parties(document), "references": references,
            "marketplace": {"name": document.marketplace.name}}
