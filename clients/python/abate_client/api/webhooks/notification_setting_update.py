from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_out import ErrorOut
from ...models.notification_setting_in import NotificationSettingIn
from ...models.notification_setting_out import NotificationSettingOut
from ...models.notification_setting_update_kind import (
    NotificationSettingUpdateKind,
)
from ...types import Response


def _get_kwargs(
    kind: NotificationSettingUpdateKind,
    *,
    body: NotificationSettingIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/notification_settings/{kind}".format(
            kind=quote(str(kind), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorOut | NotificationSettingOut | None:
    if response.status_code == 200:
        response_200 = NotificationSettingOut.from_dict(response.json())

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
) -> Response[ErrorOut | NotificationSettingOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    kind: NotificationSettingUpdateKind,
    *,
    client: AuthenticatedClient,
    body: NotificationSettingIn,
) -> Response[ErrorOut | NotificationSettingOut]:
    """Change an e-mail notification

    Args:
        kind (NotificationSettingUpdateKind):
        body (NotificationSettingIn): The fields given change; null (or left out) keeps the
            current value.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | NotificationSettingOut]
    """

    kwargs = _get_kwargs(
        kind=kind,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    kind: NotificationSettingUpdateKind,
    *,
    client: AuthenticatedClient,
    body: NotificationSettingIn,
) -> ErrorOut | NotificationSettingOut | None:
    """Change an e-mail notification

    Args:
        kind (NotificationSettingUpdateKind):
        body (NotificationSettingIn): The fields given change; null (or left out) keeps the
            current value.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | NotificationSettingOut
    """

    return sync_detailed(
        kind=kind,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    kind: NotificationSettingUpdateKind,
    *,
    client: AuthenticatedClient,
    body: NotificationSettingIn,
) -> Response[ErrorOut | NotificationSettingOut]:
    """Change an e-mail notification

    Args:
        kind (NotificationSettingUpdateKind):
        body (NotificationSettingIn): The fields given change; null (or left out) keeps the
            current value.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | NotificationSettingOut]
    """

    kwargs = _get_kwargs(
        kind=kind,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    kind: NotificationSettingUpdateKind,
    *,
    client: AuthenticatedClient,
    body: NotificationSettingIn,
) -> ErrorOut | NotificationSettingOut | None:
    """Change an e-mail notification

    Args:
        kind (NotificationSettingUpdateKind):
        body (NotificationSettingIn): The fields given change; null (or left out) keeps the
            current value.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | NotificationSettingOut
    """

    return (
        await asyncio_detailed(
            kind=kind,
            client=client,
            body=body,
        )
    ).parsed
