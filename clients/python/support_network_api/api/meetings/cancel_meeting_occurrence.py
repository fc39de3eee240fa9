from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.meeting_view import MeetingView
from ...models.occurrence_cancel import OccurrenceCancel
from ...models.problem_details import ProblemDetails
from ...types import Response


def _get_kwargs(
    meeting_id: UUID,
    *,
    body: OccurrenceCancel,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/meetings/{meeting_id}/cancellations".format(
            meeting_id=quote(str(meeting_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MeetingView | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = MeetingView.from_dict(response.json())

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
) -> Response[MeetingView | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    meeting_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OccurrenceCancel,
) -> Response[MeetingView | ProblemDetails]:
    """Cancel one occurrence of a meeting

     By the organization that scheduled it (404 for anyone else, nothing changed). The date must be one
    of the meeting's; cancelling it again changes nothing. `meeting.cancelled` goes to every
    organization taking part.

    Args:
        meeting_id (UUID): The meeting's id.
        body (OccurrenceCancel):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MeetingView | ProblemDetails]
    """

    kwargs = _get_kwargs(
        meeting_id=meeting_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    meeting_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OccurrenceCancel,
) -> MeetingView | ProblemDetails | None:
    """Cancel one occurrence of a meeting

     By the organization that scheduled it (404 for anyone else, nothing changed). The date must be one
    of the meeting's; cancelling it again changes nothing. `meeting.cancelled` goes to every
    organization taking part.

    Args:
        meeting_id (UUID): The meeting's id.
        body (OccurrenceCancel):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MeetingView | ProblemDetails
    """

    return sync_detailed(
        meeting_id=meeting_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    meeting_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OccurrenceCancel,
) -> Response[MeetingView | ProblemDetails]:
    """Cancel one occurrence of a meeting

     By the organization that scheduled it (404 for anyone else, nothing changed). The date must be one
    of the meeting's; cancelling it again changes nothing. `meeting.cancelled` goes to every
    organization taking part.

    Args:
        meeting_id (UUID): The meeting's id.
        body (OccurrenceCancel):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MeetingView | ProblemDetails]
    """

    kwargs = _get_kwargs(
        meeting_id=meeting_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    meeting_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OccurrenceCancel,
) -> MeetingView | ProblemDetails | None:
    """Cancel one occurrence of a meeting

     By the organization that scheduled it (404 for anyone else, nothing changed). The date must be one
    of the meeting's; cancelling it again changes nothing. `meeting.cancelled` goes to every
    organization taking part.

    Args:
        meeting_id (UUID): The meeting's id.
        body (OccurrenceCancel):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MeetingView | ProblemDetails
    """

    return (
        await asyncio_detailed(
            meeting_id=meeting_id,
            client=client,
            body=body,
        )
    ).parsed
