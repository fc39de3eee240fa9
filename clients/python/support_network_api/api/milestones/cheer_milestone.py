from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cheer_create import CheerCreate
from ...models.cheer_view import CheerView
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    member_id: UUID,
    milestone_key: str,
    *,
    body: CheerCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/members/{member_id}/milestones/{milestone_key}/cheers".format(
            member_id=quote(str(member_id), safe=""),
            milestone_key=quote(str(milestone_key), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CheerView | ProblemDetails | None:
    if response.status_code == 201:
        response_201 = CheerView.from_dict(response.json())

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
) -> Response[CheerView | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    member_id: UUID,
    milestone_key: str,
    *,
    client: AuthenticatedClient,
    body: CheerCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[CheerView | ProblemDetails]:
    """Cheer a milestone: a short encouragement from one of the caller's members

     The author must share an active network with the member, and the caller must see the milestone as
    its milestones read shows it: home, or a consent in force covering `milestones` (then
    `current.<rung>` for the current period; a key naming a period's start needs `recovery` too).
    Another organization's cheer is recorded as a disclosure.

    Args:
        member_id (UUID): The member's id.
        milestone_key (str): An automatic milestone's key (`<period start>.<rung>`, e.g.
            `2026-01-05.30d`) or a custom milestone's id.
        idempotency_key (str | Unset): Makes a retry of this request safe: the same key and body
            return the first response; another body with the same key is a 422. Kept for 24 hours.
        body (CheerCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CheerView | ProblemDetails]
    """

    kwargs = _get_kwargs(
        member_id=member_id,
        milestone_key=milestone_key,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    member_id: UUID,
    milestone_key: str,
    *,
    client: AuthenticatedClient,
    body: CheerCreate,
    idempotency_key: str | Unset = UNSET,
) -> CheerView | ProblemDetails | None:
    """Cheer a milestone: a short encouragement from one of the caller's members

     The author must share an active network with the member, and the caller must see the milestone as
    its milestones read shows it: home, or a consent in force covering `milestones` (then
    `current.<rung>` for the current period; a key naming a period's start needs `recovery` too).
    Another organization's cheer is recorded as a disclosure.

    Args:
        member_id (UUID): The member's id.
        milestone_key (str): An automatic milestone's key (`<period start>.<rung>`, e.g.
            `2026-01-05.30d`) or a custom milestone's id.
        idempotency_key (str | Unset): Makes a retry of this request safe: the same key and body
            return the first response; another body with the same key is a 422. Kept for 24 hours.
        body (CheerCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CheerView | ProblemDetails
    """

    return sync_detailed(
        member_id=member_id,
        milestone_key=milestone_key,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    member_id: UUID,
    milestone_key: str,
    *,
    client: AuthenticatedClient,
    body: CheerCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[CheerView | ProblemDetails]:
    """Cheer a milestone: a short encouragement from one of the caller's members

     The author must share an active network with the member, and the caller must see the milestone as
    its milestones read shows it: home, or a consent in force covering `milestones` (then
    `current.<rung>` for the current period; a key naming a period's start needs `recovery` too).
    Another organization's cheer is recorded as a disclosure.

    Args:
        member_id (UUID): The member's id.
        milestone_key (str): An automatic milestone's key (`<period start>.<rung>`, e.g.
            `2026-01-05.30d`) or a custom milestone's id.
        idempotency_key (str | Unset): Makes a retry of this request safe: the same key and body
            return the first response; another body with the same key is a 422. Kept for 24 hours.
        body (CheerCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CheerView | ProblemDetails]
    """

    kwargs = _get_kwargs(
        member_id=member_id,
        milestone_key=milestone_key,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    member_id: UUID,
    milestone_key: str,
    *,
    client: AuthenticatedClient,
    body: CheerCreate,
    idempotency_key: str | Unset = UNSET,
) -> CheerView | ProblemDetails | None:
    """Cheer a milestone: a short encouragement from one of the caller's members

     The author must share an active network with the member, and the caller must see the milestone as
    its milestones read shows it: home, or a consent in force covering `milestones` (then
    `current.<rung>` for the current period; a key naming a period's start needs `recovery` too).
    Another organization's cheer is recorded as a disclosure.

    Args:
        member_id (UUID): The member's id.
        milestone_key (str): An automatic milestone's key (`<period start>.<rung>`, e.g.
            `2026-01-05.30d`) or a custom milestone's id.
        idempotency_key (str | Unset): Makes a retry of this request safe: the same key and body
            return the first response; another body with the same key is a 422. Kept for 24 hours.
        body (CheerCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CheerView | ProblemDetails
    """

    return (
        await asyncio_detailed(
            member_id=member_id,
            milestone_key=milestone_key,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
