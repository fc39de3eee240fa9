from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.network_list import NetworkList
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
    member_id: None | Unset | UUID = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_member_id: None | str | Unset
    if isinstance(member_id, Unset):
        json_member_id = UNSET
    elif isinstance(member_id, UUID):
        json_member_id = str(member_id)
    else:
        json_member_id = member_id
    params["member_id"] = json_member_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/networks",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> NetworkList | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = NetworkList.from_dict(response.json())

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
) -> Response[NetworkList | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
    member_id: None | Unset | UUID = UNSET,
) -> Response[NetworkList | ProblemDetails]:
    """List the networks the caller takes part in or is invited into

     The networks the caller's organization created, was invited into or takes part in, oldest first.
    Others' networks are never listed.

    Args:
        limit (int | Unset): Page size, 1 to 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        member_id (None | Unset | UUID): Only networks this member belongs to.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NetworkList | ProblemDetails]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        member_id=member_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
    member_id: None | Unset | UUID = UNSET,
) -> NetworkList | ProblemDetails | None:
    """List the networks the caller takes part in or is invited into

     The networks the caller's organization created, was invited into or takes part in, oldest first.
    Others' networks are never listed.

    Args:
        limit (int | Unset): Page size, 1 to 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        member_id (None | Unset | UUID): Only networks this member belongs to.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NetworkList | ProblemDetails
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        member_id=member_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
    member_id: None | Unset | UUID = UNSET,
) -> Response[NetworkList | ProblemDetails]:
    """List the networks the caller takes part in or is invited into

     The networks the caller's organization created, was invited into or takes part in, oldest first.
    Others' networks are never listed.

    Args:
        limit (int | Unset): Page size, 1 to 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        member_id (None | Unset | UUID): Only networks this member belongs to.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NetworkList | ProblemDetails]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        member_id=member_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
    member_id: None | Unset | UUID = UNSET,
) -> NetworkList | ProblemDetails | None:
    """List the networks the caller takes part in or is invited into

     The networks the caller's organization created, was invited into or takes part in, oldest first.
    Others' networks are never listed.

    Args:
        limit (int | Unset): Page size, 1 to 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        member_id (None | Unset | UUID): Only networks this member belongs to.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NetworkList | ProblemDetails
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            member_id=member_id,
        )
    ).parsed
