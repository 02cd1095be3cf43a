"""Documents of invoices and credit memos: the PDF (generated in the background after issue,
answered at once either way) and the UBL e-invoice (EN 16931 / Peppol BIS Billing 3.0)."""

import datetime

from django.http import HttpResponse
from ninja import Router

from api import scoping
from api.auth import MANAGE, READ, actor, allow
from api.responses import READ_ERRORS, WRITE_ERRORS, ok
from api.schemas import ErrorOut, NoBody, Out
from common.clock import now
from common.errors import InvalidState
from credits import documents as memo_documents
from invoicing import documents as invoice_documents

router = Router(tags=["documents"])


class GeneratedPdfOut(Out):
    object: str
    kind: str
    document_id: str
    number: str
    version: int
    size: int
    sha256: str
    created_at: datetime.datetime


def _binary(media_type: str, description: str, errors=READ_ERRORS) -> dict:
    return {
        "response": {200: None, **{status: ErrorOut for status in errors}},
        "openapi_extra": {"responses": {"200": {"description": description, "content": {
            media_type: {"schema": {"type": "string", "format": "binary"}}}}}},
    }


def _pdf_response(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


def _ubl_response(kind: str, document, build) -> HttpResponse:
    if document.number is None:
        raise InvalidState(f"the {kind.replace('_', ' ')} is a draft: it has no e-invoice yet")
    response = HttpResponse(build(), content_type="application/xml; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{document.number}.xml"'
    return response


def _generated(generated) -> dict:
    return {
        "object": "generated_pdf", "kind": generated.kind,
        "document_id": str(generated.document_id), "number": generated.number,
        "version": generated.version, "size": generated.size, "sha256": generated.sha256,
        "created_at": generated.created_at.isoformat().replace("+00:00", "Z"),
    }


@router.get("/credit_memos/{memo_id}/pdf", auth=allow(READ), summary="Credit memo PDF",
            **_binary("application/pdf", "the credit memo as a PDF", READ_ERRORS + (409,)))
def credit_memo_pdf(request, memo_id: str):
    """The stored PDF; if the background job has not made it yet, it is rendered and stored
    now. A draft is rendered and not stored. Amounts are written as in the API (`123.45`)."""
    memo = scoping.credit_memo_get(request.auth, memo_id)
    return _pdf_response(*memo_documents.memo_pdf_bytes(memo=memo, actor=actor(request),
                                                        at=now()))


@router.get("/invoices/{invoice_id}/pdf", auth=allow(READ), summary="Invoice PDF",
            **_binary("application/pdf", "the invoice as a PDF"))
def invoice_pdf(request, invoice_id: str):
    """As the credit memo's PDF."""
    invoice = scoping.invoice_get(request.auth, invoice_id)
    return _pdf_response(*invoice_documents.invoice_pdf_bytes(invoice=invoice,
                                                             actor=actor(request), at=now()))


@router.get("/credit_memos/{memo_id}/ubl", auth=allow(READ),
            summary="Credit memo as a UBL CreditNote",
            **_binary("application/xml", "UBL 2.1 CreditNote (type code 381), EN 16931 / "
                      "Peppol BIS Billing 3.0; `cbc:ID` is the memo's number",
                      READ_ERRORS + (409, 422)))
def credit_memo_ubl(request, memo_id: str):
    """Seller: the marketplace's own company; buyer: the memo's company. Both need
    `address.country` and `peppol_id`, and the seller a `vat_id` when a line is taxed, else
    `422 incomplete_party_data` (`param` names the first missing field, e.g.
    `seller.vat_id`). `BillingReference` names every invoice the memo credits. A draft is a
    `409`; a currency with three minor digits a `422 unsupported_currency`."""
    memo = scoping.credit_memo_get(request.auth, memo_id)
    return _ubl_response("credit_memo", memo, lambda: memo_documents.memo_ubl(memo=memo))


@router.get("/invoices/{invoice_id}/ubl", auth=allow(READ), summary="Invoice as UBL",
            **_binary("application/xml", "UBL 2.1 Invoice (type code 380), EN 16931 / Peppol "
                      "BIS Billing 3.0", READ_ERRORS + (409, 422)))
def invoice_ubl(request, invoice_id: str):
    """As the credit memo's e-invoice."""
    invoice = scoping.invoice_get(request.auth, invoice_id)
    return _ubl_response("invoice", invoice,
                         lambda: invoice_documents.invoice_ubl(invoice=invoice))


def _regenerate(kind: str, document, generate):
    if document.number is None:
        raise InvalidState(f"the {kind.replace('_', ' ')} is a draft")
    return ok(_generated(generate()))


@router.post("/credit_memos/{memo_id}/pdf/regenerate", auth=allow(MANAGE),
             response={200: GeneratedPdfOut, **{s: ErrorOut for s in WRITE_ERRORS}},
             summary="Regenerate a credit memo's PDF")
def credit_memo_pdf_regenerate(request, memo_id: str, body: NoBody = None):
    """Renders the PDF again with the marketplace's current template and stores it as a new
    version (the earlier ones are kept); `credit_memo.pdf_created` follows."""
    memo = scoping.credit_memo_get(request.auth, memo_id)
    return _regenerate("credit_memo", memo, lambda: memo_documents.memo_pdf_generate(
        memo=memo, actor=actor(request), at=now(), force=True))


@router.post("/invoices/{invoice_id}/pdf/regenerate", auth=allow(MANAGE),
             response={200: GeneratedPdfOut, **{s: ErrorOut for s in WRITE_ERRORS}},
             summary="Regenerate an invoice's PDF")
def invoice_pdf_regenerate(request, invoice_id: str, body: NoBody = None):
    """As for a credit memo; `invoice.pdf_created` follows."""
    invoice = scoping.invoice_get(request.auth, invoice_id)
    return _regenerate("invoice", invoice, lambda: invoice_documents.invoice_pdf_generate(
        invoice=invoice, actor=actor(request), at=now(), force=True))
