import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.credit_memo_list import CreditMemoList
from ...models.credit_memos_list_origin_type_0 import CreditMemosListOriginType0
from ...models.credit_memos_list_status_type_0 import CreditMemosListStatusType0
from ...models.currency_code import CurrencyCode
from ...models.error_out import ErrorOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: CreditMemosListStatusType0 | None | Unset = UNSET,
    company_id: None | str | Unset = UNSET,
    user_id: None | str | Unset = UNSET,
    origin: CreditMemosListOriginType0 | None | Unset = UNSET,
    currency: CurrencyCode | None | Unset = UNSET,
    issued_from: datetime.date | None | Unset = UNSET,
    issued_to: datetime.date | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, str):
        json_status = status
    else:
        json_status = status
    params["status"] = json_status

    json_company_id: None | str | Unset
    if isinstance(company_id, Unset):
        json_company_id = UNSET
    else:
        json_company_id = company_id
    params["company_id"] = json_company_id

    json_user_id: None | str | Unset
    if isinstance(user_id, Unset):
        json_user_id = UNSET
    else:
        json_user_id = user_id
    params["user_id"] = json_user_id

    json_origin: None | str | Unset
    if isinstance(origin, Unset):
        json_origin = UNSET
    elif isinstance(origin, str):
        json_origin = origin
    else:
        json_origin = origin
    params["origin"] = json_origin

    json_currency: None | str | Unset
    if isinstance(currency, Unset):
        json_currency = UNSET
    elif isinstance(currency, str):
        json_currency = currency
    else:
        json_currency = currency
    params["currency"] = json_currency

    json_issued_from: None | str | Unset
    if isinstance(issued_from, Unset):
        json_issued_from = UNSET
    elif isinstance(issued_from, datetime.date):
        json_issued_from = issued_from.isoformat()
    else:
        json_issued_from = issued_from
    params["issued_from"] = json_issued_from

    json_issued_to: None | str | Unset
    if isinstance(issued_to, Unset):
        json_issued_to = UNSET
    elif isinstance(issued_to, datetime.date):
        json_issued_to = issued_to.isoformat()
    else:
        json_issued_to = issued_to
    params["issued_to"] = json_issued_to

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/credit_memos",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CreditMemoList | ErrorOut | None:
    if response.status_code == 200:
        response_200 = CreditMemoList.from_dict(response.json())

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
) -> Response[CreditMemoList | ErrorOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: CreditMemosListStatusType0 | None | Unset = UNSET,
    company_id: None | str | Unset = UNSET,
    user_id: None | str | Unset = UNSET,
    origin: CreditMemosListOriginType0 | None | Unset = UNSET,
    currency: CurrencyCode | None | Unset = UNSET,
    issued_from: datetime.date | None | Unset = UNSET,
    issued_to: datetime.date | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[CreditMemoList | ErrorOut]:
    """List credit memos

     Newest first by creation, drafts included (a date filter leaves drafts out: they have
    no `issued_at`). A customer key lists only the memos whose `company_id` or
    `billed_company_id` is its company. An id filter of any form that names nothing simply
    matches nothing.

    Args:
        status (CreditMemosListStatusType0 | None | Unset):
        company_id (None | str | Unset): matches `company_id` or `billed_company_id`
        user_id (None | str | Unset):
        origin (CreditMemosListOriginType0 | None | Unset):
        currency (CurrencyCode | None | Unset): ISO 4217 code
        issued_from (datetime.date | None | Unset): inclusive, UTC
        issued_to (datetime.date | None | Unset): inclusive, UTC
        q (None | str | Unset): case-insensitive substring of the number, the company's or billed
            company's name, or a line's description
        limit (int | Unset): page size, 1 to 100 (default 20) Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page (opaque)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreditMemoList | ErrorOut]
    """

    kwargs = _get_kwargs(
        status=status,
        company_id=company_id,
        user_id=user_id,
        origin=origin,
        currency=currency,
        issued_from=issued_from,
        issued_to=issued_to,
        q=q,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    status: CreditMemosListStatusType0 | None | Unset = UNSET,
    company_id: None | str | Unset = UNSET,
    user_id: None | str | Unset = UNSET,
    origin: CreditMemosListOriginType0 | None | Unset = UNSET,
    currency: CurrencyCode | None | Unset = UNSET,
    issued_from: datetime.date | None | Unset = UNSET,
    issued_to: datetime.date | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> CreditMemoList | ErrorOut | None:
    """List credit memos

     Newest first by creation, drafts included (a date filter leaves drafts out: they have
    no `issued_at`). A customer key lists only the memos whose `company_id` or
    `billed_company_id` is its company. An id filter of any form that names nothing simply
    matches nothing.

    Args:
        status (CreditMemosListStatusType0 | None | Unset):
        company_id (None | str | Unset): matches `company_id` or `billed_company_id`
        user_id (None | str | Unset):
        origin (CreditMemosListOriginType0 | None | Unset):
        currency (CurrencyCode | None | Unset): ISO 4217 code
        issued_from (datetime.date | None | Unset): inclusive, UTC
        issued_to (datetime.date | None | Unset): inclusive, UTC
        q (None | str | Unset): case-insensitive substring of the number, the company's or billed
            company's name, or a line's description
        limit (int | Unset): page size, 1 to 100 (default 20) Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page (opaque)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreditMemoList | ErrorOut
    """

    return sync_detailed(
        client=client,
        status=status,
        company_id=company_id,
        user_id=user_id,
        origin=origin,
        currency=currency,
        issued_from=issued_from,
        issued_to=issued_to,
        q=q,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: CreditMemosListStatusType0 | None | Unset = UNSET,
    company_id: None | str | Unset = UNSET,
    user_id: None | str | Unset = UNSET,
    origin: CreditMemosListOriginType0 | None | Unset = UNSET,
    currency: CurrencyCode | None | Unset = UNSET,
    issued_from: datetime.date | None | Unset = UNSET,
    issued_to: datetime.date | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[CreditMemoList | ErrorOut]:
    """List credit memos

     Newest first by creation, drafts included (a date filter leaves drafts out: they have
    no `issued_at`). A customer key lists only the memos whose `company_id` or
    `billed_company_id` is its company. An id filter of any form that names nothing simply
    matches nothing.

    Args:
        status (CreditMemosListStatusType0 | None | Unset):
        company_id (None | str | Unset): matches `company_id` or `billed_company_id`
        user_id (None | str | Unset):
        origin (CreditMemosListOriginType0 | None | Unset):
        currency (CurrencyCode | None | Unset): ISO 4217 code
        issued_from (datetime.date | None | Unset): inclusive, UTC
        issued_to (datetime.date | None | Unset): inclusive, UTC
        q (None | str | Unset): case-insensitive substring of the number, the company's or billed
            company's name, or a line's description
        limit (int | Unset): page size, 1 to 100 (default 20) Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page (opaque)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreditMemoList | ErrorOut]
    """

    kwargs = _get_kwargs(
        status=status,
        company_id=company_id,
        user_id=user_id,
        origin=origin,
        currency=currency,
        issued_from=issued_from,
        issued_to=issued_to,
        q=q,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: CreditMemosListStatusType0 | None | Unset = UNSET,
    company_id: None | str | Unset = UNSET,
    user_id: None | str | Unset = UNSET,
    origin: CreditMemosListOriginType0 | None | Unset = UNSET,
    currency: CurrencyCode | None | Unset = UNSET,
    issued_from: datetime.date | None | Unset = UNSET,
    issued_to: datetime.date | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> CreditMemoList | ErrorOut | None:
    """List credit memos

     Newest first by creation, drafts included (a date filter leaves drafts out: they have
    no `issued_at`). A customer key lists only the memos whose `company_id` or
    `billed_company_id` is its company. An id filter of any form that names nothing simply
    matches nothing.

    Args:
        status (CreditMemosListStatusType0 | None | Unset):
        company_id (None | str | Unset): matches `company_id` or `billed_company_id`
        user_id (None | str | Unset):
        origin (CreditMemosListOriginType0 | None | Unset):
        currency (CurrencyCode | None | Unset): ISO 4217 code
        issued_from (datetime.date | None | Unset): inclusive, UTC
        issued_to (datetime.date | None | Unset): inclusive, UTC
        q (None | str | Unset): case-insensitive substring of the number, the company's or billed
            company's name, or a line's description
        limit (int | Unset): page size, 1 to 100 (default 20) Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page (opaque)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreditMemoList | ErrorOut
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            company_id=company_id,
            user_id=user_id,
            origin=origin,
            currency=currency,
            issued_from=issued_from,
            issued_to=issued_to,
            q=q,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
