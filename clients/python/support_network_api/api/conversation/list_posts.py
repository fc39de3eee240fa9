import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.post_kind import PostKind
from ...models.post_list import PostList
from ...models.problem_details import ProblemDetails
from ...models.topic import Topic
from ...types import UNSET, Response, Unset


def _get_kwargs(
    network_id: UUID,
    *,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
    kind: None | PostKind | Unset = UNSET,
    tag: None | Topic | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, PostKind):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_tag: None | str | Unset
    if isinstance(tag, Unset):
        json_tag = UNSET
    elif isinstance(tag, Topic):
        json_tag = tag.value
    else:
        json_tag = tag
    params["tag"] = json_tag

    json_since: None | str | Unset
    if isinstance(since, Unset):
        json_since = UNSET
    elif isinstance(since, datetime.datetime):
        json_since = since.isoformat()
    else:
        json_since = since
    params["since"] = json_since

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/networks/{network_id}/posts".format(
            network_id=quote(str(network_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PostList | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = PostList.from_dict(response.json())

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
) -> Response[PostList | ProblemDetails]:
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
    kind: None | PostKind | Unset = UNSET,
    tag: None | Topic | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
) -> Response[PostList | ProblemDetails]:
    """A network's posts, newest first

     The posts (not replies) the caller sees: its own members', and another organization's member's under
    a consent in force from them covering `conversation` (each such member recorded once per page as a
    disclosure). A hidden post shows only to its author's organization and the moderators. Counts are
    kept as marks come; `replies` counts the replies the caller sees.

    Args:
        network_id (UUID): The network's id.
        limit (int | Unset): Page size, 1 to 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        kind (None | PostKind | Unset): Only this kind.
        tag (None | Topic | Unset): Only posts with this tag.
        since (datetime.datetime | None | Unset): Only posts written at or after this.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PostList | ProblemDetails]
    """

    kwargs = _get_kwargs(
        network_id=network_id,
        limit=limit,
        cursor=cursor,
        kind=kind,
        tag=tag,
        since=since,
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
    kind: None | PostKind | Unset = UNSET,
    tag: None | Topic | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
) -> PostList | ProblemDetails | None:
    """A network's posts, newest first

     The posts (not replies) the caller sees: its own members', and another organization's member's under
    a consent in force from them covering `conversation` (each such member recorded once per page as a
    disclosure). A hidden post shows only to its author's organization and the moderators. Counts are
    kept as marks come; `replies` counts the replies the caller sees.

    Args:
        network_id (UUID): The network's id.
        limit (int | Unset): Page size, 1 to 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        kind (None | PostKind | Unset): Only this kind.
        tag (None | Topic | Unset): Only posts with this tag.
        since (datetime.datetime | None | Unset): Only posts written at or after this.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PostList | ProblemDetails
    """

    return sync_detailed(
        network_id=network_id,
        client=client,
        limit=limit,
        cursor=cursor,
        kind=kind,
        tag=tag,
        since=since,
    ).parsed


async def asyncio_detailed(
    network_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
    kind: None | PostKind | Unset = UNSET,
    tag: None | Topic | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
) -> Response[PostList | ProblemDetails]:
    """A network's posts, newest first

     The posts (not replies) the caller sees: its own members', and another organization's member's under
    a consent in force from them covering `conversation` (each such member recorded once per page as a
    disclosure). A hidden post shows only to its author's organization and the moderators. Counts are
    kept as marks come; `replies` counts the replies the caller sees.

    Args:
        network_id (UUID): The network's id.
        limit (int | Unset): Page size, 1 to 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        kind (None | PostKind | Unset): Only this kind.
        tag (None | Topic | Unset): Only posts with this tag.
        since (datetime.datetime | None | Unset): Only posts written at or after this.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PostList | ProblemDetails]
    """

    kwargs = _get_kwargs(
        network_id=network_id,
        limit=limit,
        cursor=cursor,
        kind=kind,
        tag=tag,
        since=since,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    network_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
    kind: None | PostKind | Unset = UNSET,
    tag: None | Topic | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
) -> PostList | ProblemDetails | None:
    """A network's posts, newest first

     The posts (not replies) the caller sees: its own members', and another organization's member's under
    a consent in force from them covering `conversation` (each such member recorded once per page as a
    disclosure). A hidden post shows only to its author's organization and the moderators. Counts are
    kept as marks come; `replies` counts the replies the caller sees.

    Args:
        network_id (UUID): The network's id.
        limit (int | Unset): Page size, 1 to 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        kind (None | PostKind | Unset): Only this kind.
        tag (None | Topic | Unset): Only posts with this tag.
        since (datetime.datetime | None | Unset): Only posts written at or after this.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PostList | ProblemDetails
    """

    return (
        await asyncio_detailed(
            network_id=network_id,
            client=client,
            limit=limit,
            cursor=cursor,
            kind=kind,
            tag=tag,
            since=since,
        )
    ).parsed
