from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.post_update import PostUpdate
from ...models.post_view import PostView
from ...models.problem_details import ProblemDetails
from ...types import Response


def _get_kwargs(
    post_id: UUID,
    *,
    body: PostUpdate,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/posts/{post_id}".format(
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

    if response.status_code == 412:
        response_412 = ProblemDetails.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = ProblemDetails.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ProblemDetails.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ProblemDetails.from_dict(response.json())

        return response_422

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
    body: PostUpdate,
    if_match: str,
) -> Response[PostView | ProblemDetails]:
    """Edit a post or reply (the author's organization)

     `If-Match` is required: repliers and moderators read it too. What it said before is kept in its
    history for the moderators. An edit can raise the crisis flag, never lower it.

    Args:
        post_id (UUID): The post's (or reply's) id.
        if_match (str):
        body (PostUpdate): The fields given replace the post's; `content_note: null` removes the
            note. What the post said before is kept for the moderators.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PostView | ProblemDetails]
    """

    kwargs = _get_kwargs(
        post_id=post_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    post_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PostUpdate,
    if_match: str,
) -> PostView | ProblemDetails | None:
    """Edit a post or reply (the author's organization)

     `If-Match` is required: repliers and moderators read it too. What it said before is kept in its
    history for the moderators. An edit can raise the crisis flag, never lower it.

    Args:
        post_id (UUID): The post's (or reply's) id.
        if_match (str):
        body (PostUpdate): The fields given replace the post's; `content_note: null` removes the
            note. What the post said before is kept for the moderators.

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
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    post_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PostUpdate,
    if_match: str,
) -> Response[PostView | ProblemDetails]:
    """Edit a post or reply (the author's organization)

     `If-Match` is required: repliers and moderators read it too. What it said before is kept in its
    history for the moderators. An edit can raise the crisis flag, never lower it.

    Args:
        post_id (UUID): The post's (or reply's) id.
        if_match (str):
        body (PostUpdate): The fields given replace the post's; `content_note: null` removes the
            note. What the post said before is kept for the moderators.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PostView | ProblemDetails]
    """

    kwargs = _get_kwargs(
        post_id=post_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    post_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PostUpdate,
    if_match: str,
) -> PostView | ProblemDetails | None:
    """Edit a post or reply (the author's organization)

     `If-Match` is required: repliers and moderators read it too. What it said before is kept in its
    history for the moderators. An edit can raise the crisis flag, never lower it.

    Args:
        post_id (UUID): The post's (or reply's) id.
        if_match (str):
        body (PostUpdate): The fields given replace the post's; `content_note: null` removes the
            note. What the post said before is kept for the moderators.

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
            if_match=if_match,
        )
    ).parsed
