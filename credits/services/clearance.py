"""A tax authority's clearance of an issued document: the id (and verification address) its
system gave the invoice or credit memo once the seller reported it there, e.g. the MARK of
Greece's myDATA, which a Greek seller's e-invoice must carry. Recorded once: the same id again
changes nothing, another id is a conflict (a cleared document is corrected by a credit memo,
not by a second clearance)."""

import re

from common.errors import InvalidInput, InvalidState
from common.ids import find
from common.transactions import service
from credits.models import CreditMemo
from credits.serializers import memo_data
from invoicing.models import Invoice
from invoicing.serializers import invoice_data
from notifications.services import event_record

CLEARANCE_ID = re.compile(r"^[!-~]{1,100}$")
KINDS = {"credit_memo": (CreditMemo, "credit memo", memo_data),
         "invoice": (Invoice, "invoice", invoice_data)}


def _clearance_id(value) -> str:
    if not isinstance(value, str) or not CLEARANCE_ID.match(value):
        raise InvalidInput("tax_clearance_id is 1 to 100 printable ASCII characters without "
                           "spaces", param="tax_clearance_id")
    return value


def _url(value) -> str:
    if value is None or value == "":
        return ""
    if not isinstance(value, str) or len(value) > 500 or not re.match(r"^https://[!-~]+$",
                                                                      value):
        raise InvalidInput("tax_clearance_url is an https address of at most 500 characters",
                           param="tax_clearance_url")
    return value


@service
def tax_clearance_record(*, marketplace, kind: str, document_id, tax_clearance_id,
                         tax_clearance_url=None, actor: str, at):
    """Record the clearance of an issued (not void) invoice or credit memo and the
    `<kind>.tax_clearance_recorded` event. Returns the document."""
    model, what, serialize = KINDS[kind]
    clearance_id = _clearance_id(tax_clearance_id)
    url = _url(tax_clearance_url)
    found = find(model.objects.filter(marketplace=marketplace), document_id, what=what,
                 param="id")
    document = model.objects.select_for_update(no_key=True).get(pk=found.pk)
    if document.number is None or document.status == "void":
        raise InvalidState(f"only an issued {what} that is not void is cleared")
    if document.tax_clearance_id:
        if (document.tax_clearance_id, document.tax_clearance_url) == (clearance_id, url):
            return document
        raise InvalidState(f"the {what} was cleared already as {document.tax_clearance_id}",
                           code="already_cleared")
    document.tax_clearance_id = clearance_id
    document.tax_clearance_url = url
    document.save(update_fields=["tax_clearance_id", "tax_clearance_url"])
    event_record(marketplace=marketplace, type=f"{kind}.tax_clearance_recorded", actor=actor,
                 subject=(kind, document.id), data=serialize(document), at=at)
    return document
