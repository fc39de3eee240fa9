from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.meeting_create import MeetingCreate
from ...models.meeting_view import MeetingView
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    network_id: UUID,
    *,
    body: MeetingCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/networks/{network_id}/meetings".format(
            network_id=quote(str(network_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MeetingView | ProblemDetails | None:
    if response.status_code == 201:
        response_201 = MeetingView.from_dict(response.json())

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
) -> Response[MeetingView | ProblemDetails]:
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
    body: MeetingCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[MeetingView | ProblemDetails]:
    """Schedule a meeting of a network the caller takes part in

     One-off or weekly on given weekdays, at a local time in an IANA time zone: every occurrence keeps
    its local time across daylight saving changes. A local time the clocks skip that day moves later by
    the gap (02:30 on a day that jumps from 02:00 to 03:00 is 03:30); one that occurs twice is the
    first; a date the zone skipped altogether has no occurrence. `meeting.scheduled` goes to every
    organization taking part.

    Args:
        network_id (UUID): The network's id.
        idempotency_key (str | Unset): Makes a retry of this request safe: the same key and body
            return the first response; another body with the same key is a 422. Kept for 24 hours.
        body (MeetingCreate): A meeting of the network: one-off (`once`, on `starts_on`) or
            `weekly` on `weekdays` from `starts_on`, until `ends_on` if given, at `local_time` in
            `timezone`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MeetingView | ProblemDetails]
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
    body: MeetingCreate,
    idempotency_key: str | Unset = UNSET,
) -> MeetingView | ProblemDetails | None:
    """Schedule a meeting of a network the caller takes part in

     One-off or weekly on given weekdays, at a local time in an IANA time zone: every occurrence keeps
    its local time across daylight saving changes. A local time the clocks skip that day moves later by
    the gap (02:30 on a day that jumps from 02:00 to 03:00 is 03:30); one that occurs twice is the
    first; a date the zone skipped altogether has no occurrence. `meeting.scheduled` goes to every
    organization taking part.

    Args:
        network_id (UUID): The network's id.
        idempotency_key (str | Unset): Makes a retry of this request safe: the same key and body
            return the first response; another body with the same key is a 422. Kept for 24 hours.
        body (MeetingCreate): A meeting of the network: one-off (`once`, on `starts_on`) or
            `weekly` on `weekdays` from `starts_on`, until `ends_on` if given, at `local_time` in
            `timezone`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MeetingView | ProblemDetails
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
    body: MeetingCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[MeetingView | ProblemDetails]:
    """Schedule a meeting of a network the caller takes part in

     One-off or weekly on given weekdays, at a local time in an IANA time zone: every occurrence keeps
    its local time across daylight saving changes. A local time the clocks skip that day moves later by
    the gap (02:30 on a day that jumps from 02:00 to 03:00 is 03:30); one that occurs twice is the
    first; a date the zone skipped altogether has no occurrence. `meeting.scheduled` goes to every
    organization taking part.

    Args:
        network_id (UUID): The network's id.
        idempotency_key (str | Unset): Makes a retry of this request safe: the same key and body
            return the first response; another body with the same key is a 422. Kept for 24 hours.
        body (MeetingCreate): A meeting of the network: one-off (`once`, on `starts_on`) or
            `weekly` on `weekdays` from `starts_on`, until `ends_on` if given, at `local_time` in
            `timezone`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MeetingView | ProblemDetails]
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
    body: MeetingCreate,
    idempotency_key: str | Unset = UNSET,
) -> MeetingView | ProblemDetails | None:
    """Schedule a meeting of a network the caller takes part in

     One-off or weekly on given weekdays, at a local time in an IANA time zone: every occurrence keeps
    its local time across daylight saving changes. A local time the clocks skip that day moves later by
    the gap (02:30 on a day that jumps from 02:00 to 03:00 is 03:30); one that occurs twice is the
    first; a date the zone skipped altogether has no occurrence. `meeting.scheduled` goes to every
    organization taking part.

    Args:
        network_id (UUID): The network's id.
        idempotency_key (str | Unset): Makes a retry of this request safe: the same key and body
            return the first response; another body with the same key is a 422. Kept for 24 hours.
        body (MeetingCreate): A meeting of the network: one-off (`once`, on `starts_on`) or
            `weekly` on `weekdays` from `starts_on`, until `ends_on` if given, at `local_time` in
            `timezone`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MeetingView | ProblemDetails
    """

    return (
        await asyncio_detailed(
            network_id=network_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
