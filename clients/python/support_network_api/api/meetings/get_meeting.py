import datetime
from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.meeting_view import MeetingView
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    meeting_id: UUID,
    *,
    start_on: datetime.date | None | Unset = UNSET,
    days: int | Unset = 28,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_start_on: None | str | Unset
    if isinstance(start_on, Unset):
        json_start_on = UNSET
    elif isinstance(start_on, datetime.date):
        json_start_on = start_on.isoformat()
    else:
        json_start_on = start_on
    params["start_on"] = json_start_on

    params["days"] = days

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/meetings/{meeting_id}".format(
            meeting_id=quote(str(meeting_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | MeetingView | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = MeetingView.from_dict(response.json())

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
) -> Response[Any | MeetingView | ProblemDetails]:
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
    start_on: datetime.date | None | Unset = UNSET,
    days: int | Unset = 28,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | MeetingView | ProblemDetails]:
    """Read a meeting with its occurrences over a stretch of days

     Any organization taking part in its network; 404 for anyone else. Cancelled occurrences and dates
    its zone skipped are left out of `occurrences`.

    Args:
        meeting_id (UUID): The meeting's id.
        start_on (datetime.date | None | Unset): The first local date to list occurrences for
            (default: today in the meeting's time zone).
        days (int | Unset): How many days of occurrences to list (1 to 366). Default: 28.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | MeetingView | ProblemDetails]
    """

    kwargs = _get_kwargs(
        meeting_id=meeting_id,
        start_on=start_on,
        days=days,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    meeting_id: UUID,
    *,
    client: AuthenticatedClient,
    start_on: datetime.date | None | Unset = UNSET,
    days: int | Unset = 28,
    if_none_match: str | Unset = UNSET,
) -> Any | MeetingView | ProblemDetails | None:
    """Read a meeting with its occurrences over a stretch of days

     Any organization taking part in its network; 404 for anyone else. Cancelled occurrences and dates
    its zone skipped are left out of `occurrences`.

    Args:
        meeting_id (UUID): The meeting's id.
        start_on (datetime.date | None | Unset): The first local date to list occurrences for
            (default: today in the meeting's time zone).
        days (int | Unset): How many days of occurrences to list (1 to 366). Default: 28.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | MeetingView | ProblemDetails
    """

    return sync_detailed(
        meeting_id=meeting_id,
        client=client,
        start_on=start_on,
        days=days,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    meeting_id: UUID,
    *,
    client: AuthenticatedClient,
    start_on: datetime.date | None | Unset = UNSET,
    days: int | Unset = 28,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | MeetingView | ProblemDetails]:
    """Read a meeting with its occurrences over a stretch of days

     Any organization taking part in its network; 404 for anyone else. Cancelled occurrences and dates
    its zone skipped are left out of `occurrences`.

    Args:
        meeting_id (UUID): The meeting's id.
        start_on (datetime.date | None | Unset): The first local date to list occurrences for
            (default: today in the meeting's time zone).
        days (int | Unset): How many days of occurrences to list (1 to 366). Default: 28.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | MeetingView | ProblemDetails]
    """

    kwargs = _get_kwargs(
        meeting_id=meeting_id,
        start_on=start_on,
        days=days,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    meeting_id: UUID,
    *,
    client: AuthenticatedClient,
    start_on: datetime.date | None | Unset = UNSET,
    days: int | Unset = 28,
    if_none_match: str | Unset = UNSET,
) -> Any | MeetingView | ProblemDetails | None:
    """Read a meeting with its occurrences over a stretch of days

     Any organization taking part in its network; 404 for anyone else. Cancelled occurrences and dates
    its zone skipped are left out of `occurrences`.

    Args:
        meeting_id (UUID): The meeting's id.
        start_on (datetime.date | None | Unset): The first local date to list occurrences for
            (default: today in the meeting's time zone).
        days (int | Unset): How many days of occurrences to list (1 to 366). Default: 28.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | MeetingView | ProblemDetails
    """

    return (
        await asyncio_detailed(
            meeting_id=meeting_id,
            client=client,
            start_on=start_on,
            days=days,
            if_none_match=if_none_match,
        )
    ).parsed
