from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.billing_run_in import BillingRunIn
from ...models.billing_run_out import BillingRunOut
from ...models.error_out import ErrorOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: BillingRunIn,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/billing_runs",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BillingRunOut | ErrorOut | None:
    if response.status_code == 200:
        response_200 = BillingRunOut.from_dict(response.json())

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
) -> Response[BillingRunOut | ErrorOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: BillingRunIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[BillingRunOut | ErrorOut]:
    """Run billing

     Bills every customer with something due as of `as_of` (default today, UTC): renews
    due subscriptions, rates usage at period ends, bills changes, one-off orders and
    corrections. Per customer, an invoice if the net is a charge (it takes the customer's
    available credit when the marketplace auto-applies it), a credit memo if it is a credit:
    never a negative invoice. The run is queued for the background worker and answered at
    once (`queued`); `GET /billing_runs/{id}` shows it `completed` with its counts. A run is
    idempotent: asking again for the same date bills only what was not billed yet.

    `as_of` runs from the day the marketplace was created to a year after today; any other
    day (`9999-12-31`) is a `422 as_of_out_of_range` (a window that moves with today, which
    no schema can hold; a malformed date is a 400). A day after today needs
    `test_mode: true` (`422 future_as_of`), and `test_mode` a test marketplace
    (`422 not_a_test_marketplace`; a marketplace is made a test one when it is created,
    `abate create-marketplace --test`, and stays what it was made).

    A run that died is `failed`, with its `failure_reason`: one whose process stopped (no
    progress for 10 minutes), whose job failed, or that hit an unexpected error. Asking again
    for its date runs it again, billing only what it had not billed.

    Args:
        idempotency_key (str | Unset):
        body (BillingRunIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BillingRunOut | ErrorOut]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: BillingRunIn,
    idempotency_key: str | Unset = UNSET,
) -> BillingRunOut | ErrorOut | None:
    """Run billing

     Bills every customer with something due as of `as_of` (default today, UTC): renews
    due subscriptions, rates usage at period ends, bills changes, one-off orders and
    corrections. Per customer, an invoice if the net is a charge (it takes the customer's
    available credit when the marketplace auto-applies it), a credit memo if it is a credit:
    never a negative invoice. The run is queued for the background worker and answered at
    once (`queued`); `GET /billing_runs/{id}` shows it `completed` with its counts. A run is
    idempotent: asking again for the same date bills only what was not billed yet.

    `as_of` runs from the day the marketplace was created to a year after today; any other
    day (`9999-12-31`) is a `422 as_of_out_of_range` (a window that moves with today, which
    no schema can hold; a malformed date is a 400). A day after today needs
    `test_mode: true` (`422 future_as_of`), and `test_mode` a test marketplace
    (`422 not_a_test_marketplace`; a marketplace is made a test one when it is created,
    `abate create-marketplace --test`, and stays what it was made).

    A run that died is `failed`, with its `failure_reason`: one whose process stopped (no
    progress for 10 minutes), whose job failed, or that hit an unexpected error. Asking again
    for its date runs it again, billing only what it had not billed.

    Args:
        idempotency_key (str | Unset):
        body (BillingRunIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BillingRunOut | ErrorOut
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: BillingRunIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[BillingRunOut | ErrorOut]:
    """Run billing

     Bills every customer with something due as of `as_of` (default today, UTC): renews
    due subscriptions, rates usage at period ends, bills changes, one-off orders and
    corrections. Per customer, an invoice if the net is a charge (it takes the customer's
    available credit when the marketplace auto-applies it), a credit memo if it is a credit:
    never a negative invoice. The run is queued for the background worker and answered at
    once (`queued`); `GET /billing_runs/{id}` shows it `completed` with its counts. A run is
    idempotent: asking again for the same date bills only what was not billed yet.

    `as_of` runs from the day the marketplace was created to a year after today; any other
    day (`9999-12-31`) is a `422 as_of_out_of_range` (a window that moves with today, which
    no schema can hold; a malformed date is a 400). A day after today needs
    `test_mode: true` (`422 future_as_of`), and `test_mode` a test marketplace
    (`422 not_a_test_marketplace`; a marketplace is made a test one when it is created,
    `abate create-marketplace --test`, and stays what it was made).

    A run that died is `failed`, with its `failure_reason`: one whose process stopped (no
    progress for 10 minutes), whose job failed, or that hit an unexpected error. Asking again
    for its date runs it again, billing only what it had not billed.

    Args:
        idempotency_key (str | Unset):
        body (BillingRunIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BillingRunOut | ErrorOut]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: BillingRunIn,
    idempotency_key: str | Unset = UNSET,
) -> BillingRunOut | ErrorOut | None:
    """Run billing

     Bills every customer with something due as of `as_of` (default today, UTC): renews
    due subscriptions, rates usage at period ends, bills changes, one-off orders and
    corrections. Per customer, an invoice if the net is a charge (it takes the customer's
    available credit when the marketplace auto-applies it), a credit memo if it is a credit:
    never a negative invoice. The run is queued for the background worker and answered at
    once (`queued`); `GET /billing_runs/{id}` shows it `completed` with its counts. A run is
    idempotent: asking again for the same date bills only what was not billed yet.

    `as_of` runs from the day the marketplace was created to a year after today; any other
    day (`9999-12-31`) is a `422 as_of_out_of_range` (a window that moves with today, which
    no schema can hold; a malformed date is a 400). A day after today needs
    `test_mode: true` (`422 future_as_of`), and `test_mode` a test marketplace
    (`422 not_a_test_marketplace`; a marketplace is made a test one when it is created,
    `abate create-marketplace --test`, and stays what it was made).

    A run that died is `failed`, with its `failure_reason`: one whose process stopped (no
    progress for 10 minutes), whose job failed, or that hit an unexpected error. Asking again
    for its date runs it again, billing only what it had not billed.

    Args:
        idempotency_key (str | Unset):
        body (BillingRunIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BillingRunOut | ErrorOut
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
