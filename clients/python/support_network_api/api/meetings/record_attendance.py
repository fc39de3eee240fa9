import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.attendance_update import AttendanceUpdate
from ...models.attendance_view import AttendanceView
from ...models.problem_details import ProblemDetails
from ...types import Response


def _get_kwargs(
    meeting_id: UUID,
    local_date: datetime.date,
    member_id: UUID,
    *,
    body: AttendanceUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/meetings/{meeting_id}/attendance/{local_date}/{member_id}".format(
            meeting_id=quote(str(meeting_id), safe=""),
            local_date=quote(str(local_date), safe=""),
            member_id=quote(str(member_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AttendanceView | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = AttendanceView.from_dict(response.json())

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
) -> Response[AttendanceView | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    meeting_id: UUID,
    local_date: datetime.date,
    member_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AttendanceUpdate,
) -> Response[AttendanceView | ProblemDetails]:
    """Record a member's attendance at one occurrence, or correct it

     `attended`, `excused` or `absent`, once the occurrence has begun (not a cancelled one). By the
    member's own organization, or by the one that moderates the network (its creator, or the
    organization of an active coordinator), for an active member of the network: 404 for anyone else,
    nothing changed. A correction keeps what it replaced (`corrections`, shown to the member's own
    organization; a moderator sees only what it recorded). The member's own organization sending the
    same status again changes nothing. `attendance.recorded` goes out under the member's consent
    covering `meetings`.

    Args:
        meeting_id (UUID): The meeting's id.
        local_date (datetime.date): The occurrence's local date (YYYY-MM-DD) in the meeting's time
            zone.
        member_id (UUID): The member's id.
        body (AttendanceUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AttendanceView | ProblemDetails]
    """

    kwargs = _get_kwargs(
        meeting_id=meeting_id,
        local_date=local_date,
        member_id=member_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    meeting_id: UUID,
    local_date: datetime.date,
    member_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AttendanceUpdate,
) -> AttendanceView | ProblemDetails | None:
    """Record a member's attendance at one occurrence, or correct it

     `attended`, `excused` or `absent`, once the occurrence has begun (not a cancelled one). By the
    member's own organization, or by the one that moderates the network (its creator, or the
    organization of an active coordinator), for an active member of the network: 404 for anyone else,
    nothing changed. A correction keeps what it replaced (`corrections`, shown to the member's own
    organization; a moderator sees only what it recorded). The member's own organization sending the
    same status again changes nothing. `attendance.recorded` goes out under the member's consent
    covering `meetings`.

    Args:
        meeting_id (UUID): The meeting's id.
        local_date (datetime.date): The occurrence's local date (YYYY-MM-DD) in the meeting's time
            zone.
        member_id (UUID): The member's id.
        body (AttendanceUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AttendanceView | ProblemDetails
    """

    return sync_detailed(
        meeting_id=meeting_id,
        local_date=local_date,
        member_id=member_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    meeting_id: UUID,
    local_date: datetime.date,
    member_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AttendanceUpdate,
) -> Response[AttendanceView | ProblemDetails]:
    """Record a member's attendance at one occurrence, or correct it

     `attended`, `excused` or `absent`, once the occurrence has begun (not a cancelled one). By the
    member's own organization, or by the one that moderates the network (its creator, or the
    organization of an active coordinator), for an active member of the network: 404 for anyone else,
    nothing changed. A correction keeps what it replaced (`corrections`, shown to the member's own
    organization; a moderator sees only what it recorded). The member's own organization sending the
    same status again changes nothing. `attendance.recorded` goes out under the member's consent
    covering `meetings`.

    Args:
        meeting_id (UUID): The meeting's id.
        local_date (datetime.date): The occurrence's local date (YYYY-MM-DD) in the meeting's time
            zone.
        member_id (UUID): The member's id.
        body (AttendanceUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AttendanceView | ProblemDetails]
    """

    kwargs = _get_kwargs(
        meeting_id=meeting_id,
        local_date=local_date,
        member_id=member_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    meeting_id: UUID,
    local_date: datetime.date,
    member_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AttendanceUpdate,
) -> AttendanceView | ProblemDetails | None:
    """Record a member's attendance at one occurrence, or correct it

     `attended`, `excused` or `absent`, once the occurrence has begun (not a cancelled one). By the
    member's own organization, or by the one that moderates the network (its creator, or the
    organization of an active coordinator), for an active member of the network: 404 for anyone else,
    nothing changed. A correction keeps what it replaced (`corrections`, shown to the member's own
    organization; a moderator sees only what it recorded). The member's own organization sending the
    same status again changes nothing. `attendance.recorded` goes out under the member's consent
    covering `meetings`.

    Args:
        meeting_id (UUID): The meeting's id.
        local_date (datetime.date): The occurrence's local date (YYYY-MM-DD) in the meeting's time
            zone.
        member_id (UUID): The member's id.
        body (AttendanceUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AttendanceView | ProblemDetails
    """

    return (
        await asyncio_detailed(
            meeting_id=meeting_id,
            local_date=local_date,
            member_id=member_id,
            client=client,
            body=body,
        )
    ).parsed
