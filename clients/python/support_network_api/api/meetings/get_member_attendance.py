from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.member_attendance_view import MemberAttendanceView
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    member_id: UUID,
    *,
    last: int | Unset = 10,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["last"] = last

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/members/{member_id}/attendance".format(
            member_id=quote(str(member_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MemberAttendanceView | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = MemberAttendanceView.from_dict(response.json())

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
) -> Response[MemberAttendanceView | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    member_id: UUID,
    *,
    client: AuthenticatedClient,
    last: int | Unset = 10,
) -> Response[MemberAttendanceView | ProblemDetails]:
    """A member's attendance at meetings: the latest occurrences, rate and run

     The home organization; another only under a consent from the member in force covering `meetings`
    (404 otherwise), that read recorded in the member's accounting of disclosures. Another organization
    sees the records of meetings in networks it takes part in; the rate and the run count every meeting.

    Args:
        member_id (UUID): The member's id.
        last (int | Unset): How many of the latest recorded occurrences to consider. Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MemberAttendanceView | ProblemDetails]
    """

    kwargs = _get_kwargs(
        member_id=member_id,
        last=last,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    member_id: UUID,
    *,
    client: AuthenticatedClient,
    last: int | Unset = 10,
) -> MemberAttendanceView | ProblemDetails | None:
    """A member's attendance at meetings: the latest occurrences, rate and run

     The home organization; another only under a consent from the member in force covering `meetings`
    (404 otherwise), that read recorded in the member's accounting of disclosures. Another organization
    sees the records of meetings in networks it takes part in; the rate and the run count every meeting.

    Args:
        member_id (UUID): The member's id.
        last (int | Unset): How many of the latest recorded occurrences to consider. Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MemberAttendanceView | ProblemDetails
    """

    return sync_detailed(
        member_id=member_id,
        client=client,
        last=last,
    ).parsed


async def asyncio_detailed(
    member_id: UUID,
    *,
    client: AuthenticatedClient,
    last: int | Unset = 10,
) -> Response[MemberAttendanceView | ProblemDetails]:
    """A member's attendance at meetings: the latest occurrences, rate and run

     The home organization; another only under a consent from the member in force covering `meetings`
    (404 otherwise), that read recorded in the member's accounting of disclosures. Another organization
    sees the records of meetings in networks it takes part in; the rate and the run count every meeting.

    Args:
        member_id (UUID): The member's id.
        last (int | Unset): How many of the latest recorded occurrences to consider. Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MemberAttendanceView | ProblemDetails]
    """

    kwargs = _get_kwargs(
        member_id=member_id,
        last=last,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    member_id: UUID,
    *,
    client: AuthenticatedClient,
    last: int | Unset = 10,
) -> MemberAttendanceView | ProblemDetails | None:
    """A member's attendance at meetings: the latest occurrences, rate and run

     The home organization; another only under a consent from the member in force covering `meetings`
    (404 otherwise), that read recorded in the member's accounting of disclosures. Another organization
    sees the records of meetings in networks it takes part in; the rate and the run count every meeting.

    Args:
        member_id (UUID): The member's id.
        last (int | Unset): How many of the latest recorded occurrences to consider. Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MemberAttendanceView | ProblemDetails
    """

    return (
        await asyncio_detailed(
            member_id=member_id,
            client=client,
            last=last,
        )
    ).parsed
