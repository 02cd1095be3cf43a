from http import HTTPStatus
from io import BytesIO
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_out import ErrorOut
from ...types import File, Response


def _get_kwargs(
    memo_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/credit_memos/{memo_id}/ubl".format(
            memo_id=quote(str(memo_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorOut | File | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorOut | File]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    memo_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorOut | File]:
    """Credit memo as a UBL CreditNote

     Seller: the marketplace's own company; buyer: the memo's company. Both need
    `address.country` and `peppol_id`, and the seller a `vat_id` when a line is taxed, else
    `422 incomplete_party_data` (`param` names the first missing field, e.g.
    `seller.vat_id`). `BillingReference` names every invoice the memo credits. A draft is a
    `409`; a currency with three minor digits a `422 unsupported_currency`.

    Args:
        memo_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | File]
    """

    kwargs = _get_kwargs(
        memo_id=memo_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    memo_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ErrorOut | File | None:
    """Credit memo as a UBL CreditNote

     Seller: the marketplace's own company; buyer: the memo's company. Both need
    `address.country` and `peppol_id`, and the seller a `vat_id` when a line is taxed, else
    `422 incomplete_party_data` (`param` names the first missing field, e.g.
    `seller.vat_id`). `BillingReference` names every invoice the memo credits. A draft is a
    `409`; a currency with three minor digits a `422 unsupported_currency`.

    Args:
        memo_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | File
    """

    return sync_detailed(
        memo_id=memo_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    memo_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorOut | File]:
    """Credit memo as a UBL CreditNote

     Seller: the marketplace's own company; buyer: the memo's company. Both need
    `address.country` and `peppol_id`, and the seller a `vat_id` when a line is taxed, else
    `422 incomplete_party_data` (`param` names the first missing field, e.g.
    `seller.vat_id`). `BillingReference` names every invoice the memo credits. A draft is a
    `409`; a currency with three minor digits a `422 unsupported_currency`.

    Args:
        memo_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | File]
    """

    kwargs = _get_kwargs(
        memo_id=memo_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    memo_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ErrorOut | File | None:
    """Credit memo as a UBL CreditNote

     Seller: the marketplace's own company; buyer: the memo's company. Both need
    `address.country` and `peppol_id`, and the seller a `vat_id` when a line is taxed, else
    `422 incomplete_party_data` (`param` names the first missing field, e.g.
    `seller.vat_id`). `BillingReference` names every invoice the memo credits. A draft is a
    `409`; a currency with three minor digits a `422 unsupported_currency`.

    Args:
        memo_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | File
    """

    return (
        await asyncio_detailed(
            memo_id=memo_id,
            client=client,
        )
    ).parsed
