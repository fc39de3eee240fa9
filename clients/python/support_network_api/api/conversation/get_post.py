from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_details import ProblemDetails
from ...models.thread_view import ThreadView
from ...types import UNSET, Response, Unset


def _get_kwargs(
    post_id: UUID,
    *,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/posts/{post_id}".format(
            post_id=quote(str(post_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ProblemDetails | ThreadView | None:
    if response.status_code == 200:
        response_200 = ThreadView.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

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
) -> Response[Any | ProblemDetails | ThreadView]:
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
    if_none_match: str | Unset = UNSET,
) -> Response[Any | ProblemDetails | ThreadView]:
    """A post with its first replies

     The post or reply if the caller sees it (the same rule as the network's page; 404 otherwise, whether
    it does not exist or may not be seen), with the first page of its replies the caller sees, oldest
    first. Both reads are accounted.

    Args:
        post_id (UUID): The post's (or reply's) id.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ProblemDetails | ThreadView]
    """

    kwargs = _get_kwargs(
        post_id=post_id,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    post_id: UUID,
    *,
    client: AuthenticatedClient,
    if_none_match: str | Unset = UNSET,
) -> Any | ProblemDetails | ThreadView | None:
    """A post with its first replies

     The post or reply if the caller sees it (the same rule as the network's page; 404 otherwise, whether
    it does not exist or may not be seen), with the first page of its replies the caller sees, oldest
    first. Both reads are accounted.

    Args:
        post_id (UUID): The post's (or reply's) id.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ProblemDetails | ThreadView
    """

    return sync_detailed(
        post_id=post_id,
        client=client,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    post_id: UUID,
    *,
    client: AuthenticatedClient,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | ProblemDetails | ThreadView]:
    """A post with its first replies

     The post or reply if the caller sees it (the same rule as the network's page; 404 otherwise, whether
    it does not exist or may not be seen), with the first page of its replies the caller sees, oldest
    first. Both reads are accounted.

    Args:
        post_id (UUID): The post's (or reply's) id.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ProblemDetails | ThreadView]
    """

    kwargs = _get_kwargs(
        post_id=post_id,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    post_id: UUID,
    *,
    client: AuthenticatedClient,
    if_none_match: str | Unset = UNSET,
) -> Any | ProblemDetails | ThreadView | None:
    """A post with its first replies

     The post or reply if the caller sees it (the same rule as the network's page; 404 otherwise, whether
    it does not exist or may not be seen), with the first page of its replies the caller sees, oldest
    first. Both reads are accounted.

    Args:
        post_id (UUID): The post's (or reply's) id.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ProblemDetails | ThreadView
    """

    return (
        await asyncio_detailed(
            post_id=post_id,
            client=client,
            if_none_match=if_none_match,
        )
    ).parsed
