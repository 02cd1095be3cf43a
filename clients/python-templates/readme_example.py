"""Abate's Python client at work: credit part of an invoice, apply the credit, list every
credit memo page by page, and tell a business-rule error (422) by its code."""

import uuid
from collections.abc import Iterator
from decimal import Decimal

from abate_client import AuthenticatedClient
from abate_client.api.credit_memos import (
    application_create,
    credit_memo_create_from_invoice,
    credit_memo_get,
    credit_memos_list,
)
from abate_client.models import (
    ApplicationIn,
    CreditFromInvoiceIn,
    CreditMemoOut,
    ErrorOut,
    InvoiceCreditLineIn,
)
from abate_client.types import UNSET


def connect(base_url: str, api_key: str) -> AuthenticatedClient:
    """Every call sends `Authorization: Bearer <api_key>`. A status the schema does not
    document raises `abate_client.errors.UnexpectedStatus` instead of answering None."""
    return AuthenticatedClient(base_url=base_url, token=api_key,
                               raise_on_unexpected_status=True)


class AbateError(Exception):
    """An error answer (`ErrorOut`): `code` is stable, `message` is for people."""

    def __init__(self, answer: ErrorOut):
        super().__init__(f"{answer.error.code}: {answer.error.message}")
        self.type = answer.error.type_
        self.code = answer.error.code
        self.param = answer.error.param


def credit_invoice_line(client: AuthenticatedClient, *, invoice_id: str, invoice_line_id: str,
                        amount: Decimal, idempotency_key: str) -> CreditMemoOut:
    """Issues a credit memo for `amount` (net; its tax follows the line's rate) of one invoice
    line, and keeps the credit available (`apply_to=[]`) rather than applying it to the
    invoice at once. Sending the same `idempotency_key` again answers the same memo."""
    body = CreditFromInvoiceIn(
        reason_code="overcharge",
        lines=[InvoiceCreditLineIn(invoice_line_id=invoice_line_id, amount=str(amount))],
        apply_to=[],
    )
    answer = credit_memo_create_from_invoice.sync(
        invoice_id, client=client, body=body, idempotency_key=idempotency_key)
    if isinstance(answer, ErrorOut):
        raise AbateError(answer)
    return answer


def apply_credit(client: AuthenticatedClient, *, memo_id: str, invoice_id: str,
                 amount: Decimal) -> CreditMemoOut:
    """Applies `amount` of the memo to an open invoice; answers the memo afterwards."""
    answer = application_create.sync(
        memo_id, client=client, body=ApplicationIn(invoice_id=invoice_id, amount=str(amount)),
        idempotency_key=str(uuid.uuid4()))
    if isinstance(answer, ErrorOut):
        raise AbateError(answer)
    return answer


def all_credit_memos(client: AuthenticatedClient, *, page_size: int = 20
                     ) -> Iterator[CreditMemoOut]:
    """Every credit memo, newest first, one request per page of `page_size`."""
    cursor = UNSET
    while True:
        page = credit_memos_list.sync(client=client, limit=page_size, cursor=cursor)
        if isinstance(page, ErrorOut):
            raise AbateError(page)
        yield from page.data
        if not page.has_more:
            return
        cursor = page.next_cursor


def apply_at_most(client: AuthenticatedClient, *, memo_id: str, invoice_id: str,
                  amount: Decimal) -> CreditMemoOut:
    """Applies `amount`, or what the memo has left when that is less. A 422 is told apart by
    its code: `exceeds_remaining` is the memo's balance running short; any other is raised."""
    try:
        return apply_credit(client, memo_id=memo_id, invoice_id=invoice_id, amount=amount)
    except AbateError as error:
        if error.code != "exceeds_remaining":
            raise
    memo = credit_memo_get.sync(memo_id, client=client)
    if isinstance(memo, ErrorOut):
        raise AbateError(memo)
    remaining = Decimal(memo.remaining_amount)
    if remaining == 0:
        return memo
    return apply_credit(client, memo_id=memo_id, invoice_id=invoice_id, amount=remaining)
