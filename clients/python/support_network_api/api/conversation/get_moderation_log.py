from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.moderation_log import ModerationLog
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    network_id: UUID,
    *,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

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
        "url": "/v1/networks/{network_id}/moderation-log".format(
            network_id=quote(str(network_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ModerationLog | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = ModerationLog.from_dict(response.json())

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
) -> Response[ModerationLog | ProblemDetails]:
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
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[ModerationLog | ProblemDetails]:
    """What the network's moderators did, newest first

     For the network's moderators: each hide, unhide and dismissal with its reason, the post it was about
    and the organization that acted, for the posts the caller sees now (an entry names its post, and its
    reason may quote it: the same consent rule, accounted like a page of posts). No words of any post.

    Args:
        network_id (UUID): The network's id.
        limit (int | Unset): Page size, 1 to 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ModerationLog | ProblemDetails]
    """

    kwargs = _get_kwargs(
        network_id=network_id,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    network_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> ModerationLog | ProblemDetails | None:
    """What the network's moderators did, newest first

     For the network's moderators: each hide, unhide and dismissal with its reason, the post it was about
    and the organization that acted, for the posts the caller sees now (an entry names its post, and its
    reason may quote it: the same consent rule, accounted like a page of posts). No words of any post.

    Args:
        network_id (UUID): The network's id.
        limit (int | Unset): Page size, 1 to 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ModerationLog | ProblemDetails
    """

    return sync_detailed(
        network_id=network_id,
        client=client,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    network_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[ModerationLog | ProblemDetails]:
    """What the network's moderators did, newest first

     For the network's moderators: each hide, unhide and dismissal with its reason, the post it was about
    and the organization that acted, for the posts the caller sees now (an entry names its post, and its
    reason may quote it: the same consent rule, accounted like a page of posts). No words of any post.

    Args:
        network_id (UUID): The network's id.
        limit (int | Unset): Page size, 1 to 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ModerationLog | ProblemDetails]
    """

    kwargs = _get_kwargs(
        network_id=network_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    network_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> ModerationLog | ProblemDetails | None:
    """What the network's moderators did, newest first

     For the network's moderators: each hide, unhide and dismissal with its reason, the post it was about
    and the organization that acted, for the posts the caller sees now (an entry names its post, and its
    reason may quote it: the same consent rule, accounted like a page of posts). No words of any post.

    Args:
        network_id (UUID): The network's id.
        limit (int | Unset): Page size, 1 to 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ModerationLog | ProblemDetails
    """

    return (
        await asyncio_detailed(
            network_id=network_id,
            client=client,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
