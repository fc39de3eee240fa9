from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.post_create import PostCreate
from ...models.post_view import PostView
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    network_id: UUID,
    *,
    body: PostCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/networks/{network_id}/posts".format(
            network_id=quote(str(network_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PostView | ProblemDetails | None:
    if response.status_code == 201:
        response_201 = PostView.from_dict(response.json())

        return response_201

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

    if response.status_code == 410:
        response_410 = ProblemDetails.from_dict(response.json())

        return response_410

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
    network_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PostCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[PostView | ProblemDetails]:
    """Write a post in a network's conversation

     For one of the caller's members with an active membership in the network. Another organization sees
    it only under a consent from the member covering `conversation`. A body matching one of the caller's
    crisis phrases is flagged (`crisis_flagged`, `post.crisis_flagged` to the caller at once);
    `language_notes` suggests person-first words for stigmatising terms. Neither ever blocks or changes
    what was written.

    Args:
        network_id (UUID): The network's id.
        idempotency_key (str | Unset): Makes a retry of this request safe: the same key and body
            return the first response; another body with the same key is a 422. Kept for 24 hours.
        body (PostCreate): A post in the network, written for one of the caller's members who
            takes an active part in it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PostView | ProblemDetails]
    """

    kwargs = _get_kwargs(
        network_id=network_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    network_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PostCreate,
    idempotency_key: str | Unset = UNSET,
) -> PostView | ProblemDetails | None:
    """Write a post in a network's conversation

     For one of the caller's members with an active membership in the network. Another organization sees
    it only under a consent from the member covering `conversation`. A body matching one of the caller's
    crisis phrases is flagged (`crisis_flagged`, `post.crisis_flagged` to the caller at once);
    `language_notes` suggests person-first words for stigmatising terms. Neither ever blocks or changes
    what was written.

    Args:
        network_id (UUID): The network's id.
        idempotency_key (str | Unset): Makes a retry of this request safe: the same key and body
            return the first response; another body with the same key is a 422. Kept for 24 hours.
        body (PostCreate): A post in the network, written for one of the caller's members who
            takes an active part in it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PostView | ProblemDetails
    """

    return sync_detailed(
        network_id=network_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    network_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PostCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[PostView | ProblemDetails]:
    """Write a post in a network's conversation

     For one of the caller's members with an active membership in the network. Another organization sees
    it only under a consent from the member covering `conversation`. A body matching one of the caller's
    crisis phrases is flagged (`crisis_flagged`, `post.crisis_flagged` to the caller at once);
    `language_notes` suggests person-first words for stigmatising terms. Neither ever blocks or changes
    what was written.

    Args:
        network_id (UUID): The network's id.
        idempotency_key (str | Unset): Makes a retry of this request safe: the same key and body
            return the first response; another body with the same key is a 422. Kept for 24 hours.
        body (PostCreate): A post in the network, written for one of the caller's members who
            takes an active part in it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PostView | ProblemDetails]
    """

    kwargs = _get_kwargs(
        network_id=network_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    network_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PostCreate,
    idempotency_key: str | Unset = UNSET,
) -> PostView | ProblemDetails | None:
    """Write a post in a network's conversation

     For one of the caller's members with an active membership in the network. Another organization sees
    it only under a consent from the member covering `conversation`. A body matching one of the caller's
    crisis phrases is flagged (`crisis_flagged`, `post.crisis_flagged` to the caller at once);
    `language_notes` suggests person-first words for stigmatising terms. Neither ever blocks or changes
    what was written.

    Args:
        network_id (UUID): The network's id.
        idempotency_key (str | Unset): Makes a retry of this request safe: the same key and body
            return the first response; another body with the same key is a 422. Kept for 24 hours.
        body (PostCreate): A post in the network, written for one of the caller's members who
            takes an active part in it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PostView | ProblemDetails
    """

    return (
        await asyncio_detailed(
            network_id=network_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
