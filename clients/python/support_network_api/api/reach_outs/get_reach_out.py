from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_details import ProblemDetails
from ...models.reach_out_view import ReachOutView
from ...types import UNSET, Response, Unset


def _get_kwargs(
    reach_out_id: UUID,
    *,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/reach-outs/{reach_out_id}".format(
            reach_out_id=quote(str(reach_out_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ProblemDetails | ReachOutView | None:
    if response.status_code == 200:
        response_200 = ReachOutView.from_dict(response.json())

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
) -> Response[Any | ProblemDetails | ReachOutView]:
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
    if_none_match: str | Unset = UNSET,
) -> Response[Any | ProblemDetails | ReachOutView]:
    """Read a reach-out (its home organization, or one asked to respond)

     Another organization than the member's home one reads it only while it has an active supporter in a
    circle asked and a consent from the member in force covering `reach_outs` (404 otherwise); that read
    is in the member's accounting of disclosures. Responses show which supporter answered only to the
    supporter's own organization.

    Args:
        reach_out_id (UUID): The reach-out's id.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ProblemDetails | ReachOutView]
    """

    kwargs = _get_kwargs(
        reach_out_id=reach_out_id,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    reach_out_id: UUID,
    *,
    client: AuthenticatedClient,
    if_none_match: str | Unset = UNSET,
) -> Any | ProblemDetails | ReachOutView | None:
    """Read a reach-out (its home organization, or one asked to respond)

     Another organization than the member's home one reads it only while it has an active supporter in a
    circle asked and a consent from the member in force covering `reach_outs` (404 otherwise); that read
    is in the member's accounting of disclosures. Responses show which supporter answered only to the
    supporter's own organization.

    Args:
        reach_out_id (UUID): The reach-out's id.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ProblemDetails | ReachOutView
    """

    return sync_detailed(
        reach_out_id=reach_out_id,
        client=client,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    reach_out_id: UUID,
    *,
    client: AuthenticatedClient,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | ProblemDetails | ReachOutView]:
    """Read a reach-out (its home organization, or one asked to respond)

     Another organization than the member's home one reads it only while it has an active supporter in a
    circle asked and a consent from the member in force covering `reach_outs` (404 otherwise); that read
    is in the member's accounting of disclosures. Responses show which supporter answered only to the
    supporter's own organization.

    Args:
        reach_out_id (UUID): The reach-out's id.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ProblemDetails | ReachOutView]
    """

    kwargs = _get_kwargs(
        reach_out_id=reach_out_id,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    reach_out_id: UUID,
    *,
    client: AuthenticatedClient,
    if_none_match: str | Unset = UNSET,
) -> Any | ProblemDetails | ReachOutView | None:
    """Read a reach-out (its home organization, or one asked to respond)

     Another organization than the member's home one reads it only while it has an active supporter in a
    circle asked and a consent from the member in force covering `reach_outs` (404 otherwise); that read
    is in the member's accounting of disclosures. Responses show which supporter answered only to the
    supporter's own organization.

    Args:
        reach_out_id (UUID): The reach-out's id.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ProblemDetails | ReachOutView
    """

    return (
        await asyncio_detailed(
            reach_out_id=reach_out_id,
            client=client,
            if_none_match=if_none_match,
        )
    ).parsed
