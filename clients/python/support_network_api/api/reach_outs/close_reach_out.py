from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_details import ProblemDetails
from ...models.reach_out_close import ReachOutClose
from ...models.reach_out_view import ReachOutView
from ...types import Response


def _get_kwargs(
    reach_out_id: UUID,
    *,
    body: ReachOutClose,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/reach-outs/{reach_out_id}/close".format(
            reach_out_id=quote(str(reach_out_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetails | ReachOutView | None:
    if response.status_code == 200:
        response_200 = ReachOutView.from_dict(response.json())

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
) -> Response[ProblemDetails | ReachOutView]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    reach_out_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReachOutClose,
) -> Response[ProblemDetails | ReachOutView]:
    """Close a reach-out of one of the caller's members, with how it ended

     Only the member's home organization closes it (404 for anyone else, nothing changed); a closed one
    is a 409 (`reach-out-closed`). `reach_out.closed` goes out to everyone who may still see it.

    Args:
        reach_out_id (UUID): The reach-out's id.
        body (ReachOutClose):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | ReachOutView]
    """

    kwargs = _get_kwargs(
        reach_out_id=reach_out_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    reach_out_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReachOutClose,
) -> ProblemDetails | ReachOutView | None:
    """Close a reach-out of one of the caller's members, with how it ended

     Only the member's home organization closes it (404 for anyone else, nothing changed); a closed one
    is a 409 (`reach-out-closed`). `reach_out.closed` goes out to everyone who may still see it.

    Args:
        reach_out_id (UUID): The reach-out's id.
        body (ReachOutClose):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | ReachOutView
    """

    return sync_detailed(
        reach_out_id=reach_out_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    reach_out_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReachOutClose,
) -> Response[ProblemDetails | ReachOutView]:
    """Close a reach-out of one of the caller's members, with how it ended

     Only the member's home organization closes it (404 for anyone else, nothing changed); a closed one
    is a 409 (`reach-out-closed`). `reach_out.closed` goes out to everyone who may still see it.

    Args:
        reach_out_id (UUID): The reach-out's id.
        body (ReachOutClose):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | ReachOutView]
    """

    kwargs = _get_kwargs(
        reach_out_id=reach_out_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    reach_out_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReachOutClose,
) -> ProblemDetails | ReachOutView | None:
    """Close a reach-out of one of the caller's members, with how it ended

     Only the member's home organization closes it (404 for anyone else, nothing changed); a closed one
    is a 409 (`reach-out-closed`). `reach_out.closed` goes out to everyone who may still see it.

    Args:
        reach_out_id (UUID): The reach-out's id.
        body (ReachOutClose):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | ReachOutView
    """

    return (
        await asyncio_detailed(
            reach_out_id=reach_out_id,
            client=client,
            body=body,
        )
    ).parsed
