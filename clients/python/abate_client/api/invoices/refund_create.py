from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_out import ErrorOut
from ...models.refund_in import RefundIn
from ...models.refund_out import RefundOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    payment_id: UUID,
    *,
    body: RefundIn,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/payments/{payment_id}/refunds".format(
            payment_id=quote(str(payment_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorOut | RefundOut | None:
    if response.status_code == 200:
        response_200 = RefundOut.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorOut.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorOut.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorOut.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorOut.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ErrorOut.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = ErrorOut.from_dict(response.json())

        return response_413

    if response.status_code == 414:
        response_414 = ErrorOut.from_dict(response.json())

        return response_414

    if response.status_code == 422:
        response_422 = ErrorOut.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = ErrorOut.from_dict(response.json())

        return response_429

    if response.status_code == 431:
        response_431 = ErrorOut.from_dict(response.json())

        return response_431

    if response.status_code == 503:
        response_503 = ErrorOut.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorOut | RefundOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    payment_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RefundIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorOut | RefundOut]:
    """Refund a payment

     Refunds `amount` to the payment method and issues a credit memo with
    `origin: refund`, `source_invoice_id` the payment's invoice and `total` = `amount`,
    already paid out by the refund.

    The memo credits the invoice's lines pro rata to what each has left to credit, net and
    tax alike: the amount is shared among the lines cumulatively (the last takes what is
    left, so the shares add up to the cent), and each share is split into net and tax as a
    partial credit of that line would split it. So the refund reverses revenue and tax
    payable, and its lines count toward each invoice line's creditable amount and
    `credited_amount`. They do not count toward the invoice's `amount_credited` or
    `amount_due`: the invoice's amounts and status do not change (the refunded payment had
    settled them).

    Rules, each a `422` that changes nothing, checked in this order:
    `exceeds_refundable_amount` when `amount` is more than what is not yet refunded of the
    payment, or more than may still go back on the invoice (what was paid on it, less its
    refunds and the payouts of credit memos sourced from it); then
    `exceeds_creditable_amount` when it is more than the invoice's lines have left to credit
    (net and tax) after the credit memos and refunds already issued from it. Money going back
    is checked first: paid 100.00 and a 100.00 memo from the invoice paid out, a refund is
    `exceeds_refundable_amount`.

    Args:
        payment_id (UUID):
        idempotency_key (str | Unset):
        body (RefundIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | RefundOut]
    """

    kwargs = _get_kwargs(
        payment_id=payment_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    payment_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RefundIn,
    idempotency_key: str | Unset = UNSET,
) -> ErrorOut | RefundOut | None:
    """Refund a payment

     Refunds `amount` to the payment method and issues a credit memo with
    `origin: refund`, `source_invoice_id` the payment's invoice and `total` = `amount`,
    already paid out by the refund.

    The memo credits the invoice's lines pro rata to what each has left to credit, net and
    tax alike: the amount is shared among the lines cumulatively (the last takes what is
    left, so the shares add up to the cent), and each share is split into net and tax as a
    partial credit of that line would split it. So the refund reverses revenue and tax
    payable, and its lines count toward each invoice line's creditable amount and
    `credited_amount`. They do not count toward the invoice's `amount_credited` or
    `amount_due`: the invoice's amounts and status do not change (the refunded payment had
    settled them).

    Rules, each a `422` that changes nothing, checked in this order:
    `exceeds_refundable_amount` when `amount` is more than what is not yet refunded of the
    payment, or more than may still go back on the invoice (what was paid on it, less its
    refunds and the payouts of credit memos sourced from it); then
    `exceeds_creditable_amount` when it is more than the invoice's lines have left to credit
    (net and tax) after the credit memos and refunds already issued from it. Money going back
    is checked first: paid 100.00 and a 100.00 memo from the invoice paid out, a refund is
    `exceeds_refundable_amount`.

    Args:
        payment_id (UUID):
        idempotency_key (str | Unset):
        body (RefundIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | RefundOut
    """

    return sync_detailed(
        payment_id=payment_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    payment_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RefundIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorOut | RefundOut]:
    """Refund a payment

     Refunds `amount` to the payment method and issues a credit memo with
    `origin: refund`, `source_invoice_id` the payment's invoice and `total` = `amount`,
    already paid out by the refund.

    The memo credits the invoice's lines pro rata to what each has left to credit, net and
    tax alike: the amount is shared among the lines cumulatively (the last takes what is
    left, so the shares add up to the cent), and each share is split into net and tax as a
    partial credit of that line would split it. So the refund reverses revenue and tax
    payable, and its lines count toward each invoice line's creditable amount and
    `credited_amount`. They do not count toward the invoice's `amount_credited` or
    `amount_due`: the invoice's amounts and status do not change (the refunded payment had
    settled them).

    Rules, each a `422` that changes nothing, checked in this order:
    `exceeds_refundable_amount` when `amount` is more than what is not yet refunded of the
    payment, or more than may still go back on the invoice (what was paid on it, less its
    refunds and the payouts of credit memos sourced from it); then
    `exceeds_creditable_amount` when it is more than the invoice's lines have left to credit
    (net and tax) after the credit memos and refunds already issued from it. Money going back
    is checked first: paid 100.00 and a 100.00 memo from the invoice paid out, a refund is
    `exceeds_refundable_amount`.

    Args:
        payment_id (UUID):
        idempotency_key (str | Unset):
        body (RefundIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | RefundOut]
    """

    kwargs = _get_kwargs(
        payment_id=payment_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    payment_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RefundIn,
    idempotency_key: str | Unset = UNSET,
) -> ErrorOut | RefundOut | None:
    """Refund a payment

     Refunds `amount` to the payment method and issues a credit memo with
    `origin: refund`, `source_invoice_id` the payment's invoice and `total` = `amount`,
    already paid out by the refund.

    The memo credits the invoice's lines pro rata to what each has left to credit, net and
    tax alike: the amount is shared among the lines cumulatively (the last takes what is
    left, so the shares add up to the cent), and each share is split into net and tax as a
    partial credit of that line would split it. So the refund reverses revenue and tax
    payable, and its lines count toward each invoice line's creditable amount and
    `credited_amount`. They do not count toward the invoice's `amount_credited` or
    `amount_due`: the invoice's amounts and status do not change (the refunded payment had
    settled them).

    Rules, each a `422` that changes nothing, checked in this order:
    `exceeds_refundable_amount` when `amount` is more than what is not yet refunded of the
    payment, or more than may still go back on the invoice (what was paid on it, less its
    refunds and the payouts of credit memos sourced from it); then
    `exceeds_creditable_amount` when it is more than the invoice's lines have left to credit
    (net and tax) after the credit memos and refunds already issued from it. Money going back
    is checked first: paid 100.00 and a 100.00 memo from the invoice paid out, a refund is
    `exceeds_refundable_amount`.

    Args:
        payment_id (UUID):
        idempotency_key (str | Unset):
        body (RefundIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | RefundOut
    """

    return (
        await asyncio_detailed(
            payment_id=payment_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
