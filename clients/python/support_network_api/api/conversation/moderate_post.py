from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.moderation_create import ModerationCreate
from ...models.post_view import PostView
from ...models.problem_details import ProblemDetails
from ...types import Response


def _get_kwargs(
    post_id: UUID,
    *,
    body: ModerationCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/posts/{post_id}/moderation".format(
            post_id=quote(str(post_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PostView | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = PostView.from_dict(response.json())

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

    if response.status_code == 413:
        response_413 = ProblemDetails.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ProblemDetails.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ProblemDetails.from_dict(response.json())

        return response_422

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
) -> Response[PostView | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    post_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ModerationCreate,
) -> Response[PostView | ProblemDetails]:
    """Hide, unhide, or dismiss the reports on a post (the network's moderators)

     A hidden post shows only to its author's organization and the moderators. Every action closes the
    post's open reports and is kept, with its reason, in the moderation log; hiding and unhiding
    announce `post.hidden` (with `action`).

    Args:
        post_id (UUID): The post's (or reply's) id.
        body (ModerationCreate): A moderator's action on a post, with the reason the moderation
            log keeps.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PostView | ProblemDetails]
    """

    kwargs = _get_kwargs(
        post_id=post_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    post_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ModerationCreate,
) -> PostView | ProblemDetails | None:
    """Hide, unhide, or dismiss the reports on a post (the network's moderators)

     A hidden post shows only to its author's organization and the moderators. Every action closes the
    post's open reports and is kept, with its reason, in the moderation log; hiding and unhiding
    announce `post.hidden` (with `action`).

    Args:
        post_id (UUID): The post's (or reply's) id.
        body (ModerationCreate): A moderator's action on a post, with the reason the moderation
            log keeps.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PostView | ProblemDetails
    """

    return sync_detailed(
        post_id=post_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    post_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ModerationCreate,
) -> Response[PostView | ProblemDetails]:
    """Hide, unhide, or dismiss the reports on a post (the network's moderators)

     A hidden post shows only to its author's organization and the moderators. Every action closes the
    post's open reports and is kept, with its reason, in the moderation log; hiding and unhiding
    announce `post.hidden` (with `action`).

    Args:
        post_id (UUID): The post's (or reply's) id.
        body (ModerationCreate): A moderator's action on a post, with the reason the moderation
            log keeps.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PostView | ProblemDetails]
    """

    kwargs = _get_kwargs(
        post_id=post_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    post_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ModerationCreate,
) -> PostView | ProblemDetails | None:
    """Hide, unhide, or dismiss the reports on a post (the network's moderators)

     A hidden post shows only to its author's organization and the moderators. Every action closes the
    post's open reports and is kept, with its reason, in the moderation log; hiding and unhiding
    announce `post.hidden` (with `action`).

    Args:
        post_id (UUID): The post's (or reply's) id.
        body (ModerationCreate): A moderator's action on a post, with the reason the moderation
            log keeps.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PostView | ProblemDetails
    """

    return (
        await asyncio_detailed(
            post_id=post_id,
            client=client,
            body=body,
        )
    ).parsed
