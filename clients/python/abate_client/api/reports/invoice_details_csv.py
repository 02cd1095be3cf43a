import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_out import ErrorOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    date_from: datetime.date | None | Unset = UNSET,
    date_to: datetime.date | None | Unset = UNSET,
    company_id: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_date_from: None | str | Unset
    if isinstance(date_from, Unset):
        json_date_from = UNSET
    elif isinstance(date_from, datetime.date):
        json_date_from = date_from.isoformat()
    else:
        json_date_from = date_from
    params["date_from"] = json_date_from

    json_date_to: None | str | Unset
    if isinstance(date_to, Unset):
        json_date_to = UNSET
    elif isinstance(date_to, datetime.date):
        json_date_to = date_to.isoformat()
    else:
        json_date_to = date_to
    params["date_to"] = json_date_to

    json_company_id: None | str | Unset
    if isinstance(company_id, Unset):
        json_company_id = UNSET
    else:
        json_company_id = company_id
    params["company_id"] = json_company_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/reports/invoice_details.csv",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorOut | str | None:
    if response.status_code == 200:
        response_200 = response.text
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorOut | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    date_from: datetime.date | None | Unset = UNSET,
    date_to: datetime.date | None | Unset = UNSET,
    company_id: None | str | Unset = UNSET,
) -> Response[ErrorOut | str]:
    """Invoice details report (CSV)

     Issued invoices and credit memos (drafts and void ones left out), one row per line
    with the `document_type`, streamed as it is read.

    Args:
        date_from (datetime.date | None | Unset): YYYY-MM-DD, the issue date in UTC, inclusive
        date_to (datetime.date | None | Unset): YYYY-MM-DD, the issue date in UTC, inclusive; not
            before `date_from` (`422 invalid_date_range`)
        company_id (None | str | Unset): matches `company_id` or `billed_company_id`; an id that
            names nothing matches nothing

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | str]
    """

    kwargs = _get_kwargs(
        date_from=date_from,
        date_to=date_to,
        company_id=company_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    date_from: datetime.date | None | Unset = UNSET,
    date_to: datetime.date | None | Unset = UNSET,
    company_id: None | str | Unset = UNSET,
) -> ErrorOut | str | None:
    """Invoice details report (CSV)

     Issued invoices and credit memos (drafts and void ones left out), one row per line
    with the `document_type`, streamed as it is read.

    Args:
        date_from (datetime.date | None | Unset): YYYY-MM-DD, the issue date in UTC, inclusive
        date_to (datetime.date | None | Unset): YYYY-MM-DD, the issue date in UTC, inclusive; not
            before `date_from` (`422 invalid_date_range`)
        company_id (None | str | Unset): matches `company_id` or `billed_company_id`; an id that
            names nothing matches nothing

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | str
    """

    return sync_detailed(
        client=client,
        date_from=date_from,
        date_to=date_to,
        company_id=company_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    date_from: datetime.date | None | Unset = UNSET,
    date_to: datetime.date | None | Unset = UNSET,
    company_id: None | str | Unset = UNSET,
) -> Response[ErrorOut | str]:
    """Invoice details report (CSV)

     Issued invoices and credit memos (drafts and void ones left out), one row per line
    with the `document_type`, streamed as it is read.

    Args:
        date_from (datetime.date | None | Unset): YYYY-MM-DD, the issue date in UTC, inclusive
        date_to (datetime.date | None | Unset): YYYY-MM-DD, the issue date in UTC, inclusive; not
            before `date_from` (`422 invalid_date_range`)
        company_id (None | str | Unset): matches `company_id` or `billed_company_id`; an id that
            names nothing matches nothing

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | str]
    """

    kwargs = _get_kwargs(
        date_from=date_from,
        date_to=date_to,
        company_id=company_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    date_from: datetime.date | None | Unset = UNSET,
    date_to: datetime.date | None | Unset = UNSET,
    company_id: None | str | Unset = UNSET,
) -> ErrorOut | str | None:
    """Invoice details report (CSV)

     Issued invoices and credit memos (drafts and void ones left out), one row per line
    with the `document_type`, streamed as it is read.

    Args:
        date_from (datetime.date | None | Unset): YYYY-MM-DD, the issue date in UTC, inclusive
        date_to (datetime.date | None | Unset): YYYY-MM-DD, the issue date in UTC, inclusive; not
            before `date_from` (`422 invalid_date_range`)
        company_id (None | str | Unset): matches `company_id` or `billed_company_id`; an id that
            names nothing matches nothing

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | str
    """

    return (
        await asyncio_detailed(
            client=client,
            date_from=date_from,
            date_to=date_to,
            company_id=company_id,
        )
    ).parsed
