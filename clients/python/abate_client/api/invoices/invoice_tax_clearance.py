from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_out import ErrorOut
from ...models.invoice_out import InvoiceOut
from ...models.tax_clearance_in import TaxClearanceIn
from ...types import UNSET, Response, Unset


def _get_kwargs(
    invoice_id: UUID,
    *,
    body: TaxClearanceIn,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/invoices/{invoice_id}/tax_clearance".format(
            invoice_id=quote(str(invoice_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorOut | InvoiceOut | None:
    if response.status_code == 200:
        response_200 = InvoiceOut.from_dict(response.json())

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
) -> Response[ErrorOut | InvoiceOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    invoice_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TaxClearanceIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorOut | InvoiceOut]:
    """Record a tax clearance

     Records the id (and verification address) a tax authority's clearance system gave
    the issued invoice, e.g. Greece's myDATA MARK, which its e-invoice then carries. Once:
    the same clearance again changes nothing; another is `409 already_cleared`; a draft or
    void invoice is `409 invalid_state`. Records `invoice.tax_clearance_recorded`.

    Args:
        invoice_id (UUID):
        idempotency_key (str | Unset):
        body (TaxClearanceIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | InvoiceOut]
    """

    kwargs = _get_kwargs(
        invoice_id=invoice_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    invoice_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TaxClearanceIn,
    idempotency_key: str | Unset = UNSET,
) -> ErrorOut | InvoiceOut | None:
    """Record a tax clearance

     Records the id (and verification address) a tax authority's clearance system gave
    the issued invoice, e.g. Greece's myDATA MARK, which its e-invoice then carries. Once:
    the same clearance again changes nothing; another is `409 already_cleared`; a draft or
    void invoice is `409 invalid_state`. Records `invoice.tax_clearance_recorded`.

    Args:
        invoice_id (UUID):
        idempotency_key (str | Unset):
        body (TaxClearanceIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | InvoiceOut
    """

    return sync_detailed(
        invoice_id=invoice_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    invoice_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TaxClearanceIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorOut | InvoiceOut]:
    """Record a tax clearance

     Records the id (and verification address) a tax authority's clearance system gave
    the issued invoice, e.g. Greece's myDATA MARK, which its e-invoice then carries. Once:
    the same clearance again changes nothing; another is `409 already_cleared`; a draft or
    void invoice is `409 invalid_state`. Records `invoice.tax_clearance_recorded`.

    Args:
        invoice_id (UUID):
        idempotency_key (str | Unset):
        body (TaxClearanceIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | InvoiceOut]
    """

    kwargs = _get_kwargs(
        invoice_id=invoice_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    invoice_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TaxClearanceIn,
    idempotency_key: str | Unset = UNSET,
) -> ErrorOut | InvoiceOut | None:
    """Record a tax clearance

     Records the id (and verification address) a tax authority's clearance system gave
    the issued invoice, e.g. Greece's myDATA MARK, which its e-invoice then carries. Once:
    the same clearance again changes nothing; another is `409 already_cleared`; a draft or
    void invoice is `409 invalid_state`. Records `invoice.tax_clearance_recorded`.

    Args:
        invoice_id (UUID):
        idempotency_key (str | Unset):
        body (TaxClearanceIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | InvoiceOut
    """

    return (
        await asyncio_detailed(
            invoice_id=invoice_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
