from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.network_update import NetworkUpdate
from ...models.network_view import NetworkView
from ...models.problem_details import ProblemDetails
from ...types import Response


def _get_kwargs(
    network_id: UUID,
    *,
    body: NetworkUpdate,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/networks/{network_id}".format(
            network_id=quote(str(network_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> NetworkView | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = NetworkView.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ProblemDetails.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ProblemDetails.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ProblemDetails.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ProblemDetails.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ProblemDetails.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = ProblemDetails.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = ProblemDetails.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ProblemDetails.from_dict(response.json())

        return response_415

    if response.status_code == 428:
        response_428 = ProblemDetails.from_dict(response.json())

        return response_428

    if response.status_code == 429:
        response_429 = ProblemDetails.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ProblemDetails.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ProblemDetails.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[NetworkView | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    network_id: UUID,
    *,
    client: AuthenticatedClient,
    body: NetworkUpdate,
    if_match: str,
) -> Response[NetworkView | ProblemDetails]:
    """Rename or describe a network (any organization taking part)

     Any organization taking part may rename it or change its description. Send `If-Match`: two
    organizations never overwrite each other silently (412 with `current_version`).

    Args:
        network_id (UUID): The network's id.
        if_match (str):
        body (NetworkUpdate): Seen by every organization taking part: a name or description must
            not identify a member.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NetworkView | ProblemDetails]
    """

    kwargs = _get_kwargs(
        network_id=network_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    network_id: UUID,
    *,
    client: AuthenticatedClient,
    body: NetworkUpdate,
    if_match: str,
) -> NetworkView | ProblemDetails | None:
    """Rename or describe a network (any organization taking part)

     Any organization taking part may rename it or change its description. Send `If-Match`: two
    organizations never overwrite each other silently (412 with `current_version`).

    Args:
        network_id (UUID): The network's id.
        if_match (str):
        body (NetworkUpdate): Seen by every organization taking part: a name or description must
            not identify a member.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NetworkView | ProblemDetails
    """

    return sync_detailed(
        network_id=network_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    network_id: UUID,
    *,
    client: AuthenticatedClient,
    body: NetworkUpdate,
    if_match: str,
) -> Response[NetworkView | ProblemDetails]:
    """Rename or describe a network (any organization taking part)

     Any organization taking part may rename it or change its description. Send `If-Match`: two
    organizations never overwrite each other silently (412 with `current_version`).

    Args:
        network_id (UUID): The network's id.
        if_match (str):
        body (NetworkUpdate): Seen by every organization taking part: a name or description must
            not identify a member.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NetworkView | ProblemDetails]
    """

    kwargs = _get_kwargs(
        network_id=network_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    network_id: UUID,
    *,
    client: AuthenticatedClient,
    body: NetworkUpdate,
    if_match: str,
) -> NetworkView | ProblemDetails | None:
    """Rename or describe a network (any organization taking part)

     Any organization taking part may rename it or change its description. Send `If-Match`: two
    organizations never overwrite each other silently (412 with `current_version`).

    Args:
        network_id (UUID): The network's id.
        if_match (str):
        body (NetworkUpdate): Seen by every organization taking part: a name or description must
            not identify a member.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NetworkView | ProblemDetails
    """

    return (
        await asyncio_detailed(
            network_id=network_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
