from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_out import ErrorOut
from ...models.product_out import ProductOut
from ...models.product_patch_in import ProductPatchIn
from ...types import Response


def _get_kwargs(
    product_id: UUID,
    *,
    body: ProductPatchIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/products/{product_id}".format(
            product_id=quote(str(product_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorOut | ProductOut | None:
    if response.status_code == 200:
        response_200 = ProductOut.from_dict(response.json())

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
) -> Response[ErrorOut | ProductOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    product_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ProductPatchIn,
) -> Response[ErrorOut | ProductOut]:
    """Change a product

     Changes the name, the SKU or the default tax; lines already written keep theirs.

    Args:
        product_id (UUID): an id this API gave; one that names nothing the key may see is a 404
        body (ProductPatchIn): The fields given change; null clears `sku` and the exemption
            reason. A new
            `tax_category` without a reason drops the old category's reason. Lines already written
            keep their tax.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | ProductOut]
    """

    kwargs = _get_kwargs(
        product_id=product_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    product_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ProductPatchIn,
) -> ErrorOut | ProductOut | None:
    """Change a product

     Changes the name, the SKU or the default tax; lines already written keep theirs.

    Args:
        product_id (UUID): an id this API gave; one that names nothing the key may see is a 404
        body (ProductPatchIn): The fields given change; null clears `sku` and the exemption
            reason. A new
            `tax_category` without a reason drops the old category's reason. Lines already written
            keep their tax.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | ProductOut
    """

    return sync_detailed(
        product_id=product_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    product_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ProductPatchIn,
) -> Response[ErrorOut | ProductOut]:
    """Change a product

     Changes the name, the SKU or the default tax; lines already written keep theirs.

    Args:
        product_id (UUID): an id this API gave; one that names nothing the key may see is a 404
        body (ProductPatchIn): The fields given change; null clears `sku` and the exemption
            reason. A new
            `tax_category` without a reason drops the old category's reason. Lines already written
            keep their tax.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | ProductOut]
    """

    kwargs = _get_kwargs(
        product_id=product_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    product_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ProductPatchIn,
) -> ErrorOut | ProductOut | None:
    """Change a product

     Changes the name, the SKU or the default tax; lines already written keep theirs.

    Args:
        product_id (UUID): an id this API gave; one that names nothing the key may see is a 404
        body (ProductPatchIn): The fields given change; null clears `sku` and the exemption
            reason. A new
            `tax_category` without a reason drops the old category's reason. Lines already written
            keep their tax.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | ProductOut
    """

    return (
        await asyncio_detailed(
            product_id=product_id,
            client=client,
            body=body,
        )
    ).parsed
