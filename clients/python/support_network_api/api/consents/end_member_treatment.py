from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_details import ProblemDetails
from ...models.treatment_ended import TreatmentEnded
from ...types import Response


def _get_kwargs(
    member_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/members/{member_id}/treatment-end".format(
            member_id=quote(str(member_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetails | TreatmentEnded | None:
    if response.status_code == 200:
        response_200 = TreatmentEnded.from_dict(response.json())

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

    if response.status_code == 410:
        response_410 = ProblemDetails.from_dict(response.json())

        return response_410

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
) -> Response[ProblemDetails | TreatmentEnded]:
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
) -> Response[ProblemDetails | TreatmentEnded]:
    """Record that the member's treatment ended (home organization only)

     Every consent of the member in force that was given until the end of treatment (`end_event:
    treatment_ended`) ends now: its recipient sees the member no more from the next request, and hears
    `consent.expired` with `reason: treatment_ended`. Consents with an expiry date stand. Calling it
    again ends nothing more.

    Args:
        member_id (UUID): The member's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | TreatmentEnded]
    """

    kwargs = _get_kwargs(
        member_id=member_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    member_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ProblemDetails | TreatmentEnded | None:
    """Record that the member's treatment ended (home organization only)

     Every consent of the member in force that was given until the end of treatment (`end_event:
    treatment_ended`) ends now: its recipient sees the member no more from the next request, and hears
    `consent.expired` with `reason: treatment_ended`. Consents with an expiry date stand. Calling it
    again ends nothing more.

    Args:
        member_id (UUID): The member's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | TreatmentEnded
    """

    return sync_detailed(
        member_id=member_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    member_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ProblemDetails | TreatmentEnded]:
    """Record that the member's treatment ended (home organization only)

     Every consent of the member in force that was given until the end of treatment (`end_event:
    treatment_ended`) ends now: its recipient sees the member no more from the next request, and hears
    `consent.expired` with `reason: treatment_ended`. Consents with an expiry date stand. Calling it
    again ends nothing more.

    Args:
        member_id (UUID): The member's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | TreatmentEnded]
    """

    kwargs = _get_kwargs(
        member_id=member_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    member_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ProblemDetails | TreatmentEnded | None:
    """Record that the member's treatment ended (home organization only)

     Every consent of the member in force that was given until the end of treatment (`end_event:
    treatment_ended`) ends now: its recipient sees the member no more from the next request, and hears
    `consent.expired` with `reason: treatment_ended`. Consents with an expiry date stand. Calling it
    again ends nothing more.

    Args:
        member_id (UUID): The member's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | TreatmentEnded
    """

    return (
        await asyncio_detailed(
            member_id=member_id,
            client=client,
        )
    ).parsed
