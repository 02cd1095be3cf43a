from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.credit_balance_out import CreditBalanceOut
from ...models.currency_code import CurrencyCode
from ...models.error_out import ErrorOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    company_id: UUID,
    *,
    currency: CurrencyCode | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_currency: None | str | Unset
    if isinstance(currency, Unset):
        json_currency = UNSET
    elif isinstance(currency, str):
        json_currency = currency
    else:
        json_currency = currency
    params["currency"] = json_currency

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/companies/{company_id}/credit_balance".format(
            company_id=quote(str(company_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CreditBalanceOut | ErrorOut | None:
    if response.status_code == 200:
        response_200 = CreditBalanceOut.from_dict(response.json())

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

    if response.status_code == 414:
        response_414 = ErrorOut.from_dict(response.json())

        return response_414

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
) -> Response[CreditBalanceOut | ErrorOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    company_id: UUID,
    *,
    client: AuthenticatedClient,
    currency: CurrencyCode | None | Unset = UNSET,
) -> Response[CreditBalanceOut | ErrorOut]:
    """A company's credit balance

     Counts the documents the company pays for (`company_id`), in one currency:
    `available_credit` (remaining balances of issued, non-void memos), `outstanding` (amount
    due of open invoices) and `exposure = outstanding - available_credit`.

    Args:
        company_id (UUID): an id this API gave; one that names nothing the key may see is a 404
        currency (CurrencyCode | None | Unset): any ISO 4217 code; default: the company's currency

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreditBalanceOut | ErrorOut]
    """

    kwargs = _get_kwargs(
        company_id=company_id,
        currency=currency,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    company_id: UUID,
    *,
    client: AuthenticatedClient,
    currency: CurrencyCode | None | Unset = UNSET,
) -> CreditBalanceOut | ErrorOut | None:
    """A company's credit balance

     Counts the documents the company pays for (`company_id`), in one currency:
    `available_credit` (remaining balances of issued, non-void memos), `outstanding` (amount
    due of open invoices) and `exposure = outstanding - available_credit`.

    Args:
        company_id (UUID): an id this API gave; one that names nothing the key may see is a 404
        currency (CurrencyCode | None | Unset): any ISO 4217 code; default: the company's currency

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreditBalanceOut | ErrorOut
    """

    return sync_detailed(
        company_id=company_id,
        client=client,
        currency=currency,
    ).parsed


async def asyncio_detailed(
    company_id: UUID,
    *,
    client: AuthenticatedClient,
    currency: CurrencyCode | None | Unset = UNSET,
) -> Response[CreditBalanceOut | ErrorOut]:
    """A company's credit balance

     Counts the documents the company pays for (`company_id`), in one currency:
    `available_credit` (remaining balances of issued, non-void memos), `outstanding` (amount
    due of open invoices) and `exposure = outstanding - available_credit`.

    Args:
        company_id (UUID): an id this API gave; one that names nothing the key may see is a 404
        currency (CurrencyCode | None | Unset): any ISO 4217 code; default: the company's currency

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreditBalanceOut | ErrorOut]
    """

    kwargs = _get_kwargs(
        company_id=company_id,
        currency=currency,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    company_id: UUID,
    *,
    client: AuthenticatedClient,
    currency: CurrencyCode | None | Unset = UNSET,
) -> CreditBalanceOut | ErrorOut | None:
    """A company's credit balance

     Counts the documents the company pays for (`company_id`), in one currency:
    `available_credit` (remaining balances of issued, non-void memos), `outstanding` (amount
    due of open invoices) and `exposure = outstanding - available_credit`.

    Args:
        company_id (UUID): an id this API gave; one that names nothing the key may see is a 404
        currency (CurrencyCode | None | Unset): any ISO 4217 code; default: the company's currency

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreditBalanceOut | ErrorOut
    """

    return (
        await asyncio_detailed(
            company_id=company_id,
            client=client,
            currency=currency,
        )
    ).parsed
