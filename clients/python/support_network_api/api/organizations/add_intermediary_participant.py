from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.participant_view import ParticipantView
from ...models.problem_details import ProblemDetails
from ...types import Response


def _get_kwargs(
    organization_id: UUID,
    participant_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/organizations/{organization_id}/participants/{participant_id}".format(
            organization_id=quote(str(organization_id), safe=""),
            participant_id=quote(str(participant_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ParticipantView | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = ParticipantView.from_dict(response.json())

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
) -> Response[ParticipantView | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    organization_id: UUID,
    participant_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ParticipantView | ProblemDetails]:
    """Record that an organization takes part in an intermediary (operator)

     From now, consents to the intermediary that name the participant, or describe it (treating
    providers), reach it. Recording it again changes nothing.

    Args:
        organization_id (UUID): The organization's id.
        participant_id (UUID): The participant organization's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ParticipantView | ProblemDetails]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        participant_id=participant_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    organization_id: UUID,
    participant_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ParticipantView | ProblemDetails | None:
    """Record that an organization takes part in an intermediary (operator)

     From now, consents to the intermediary that name the participant, or describe it (treating
    providers), reach it. Recording it again changes nothing.

    Args:
        organization_id (UUID): The organization's id.
        participant_id (UUID): The participant organization's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ParticipantView | ProblemDetails
    """

    return sync_detailed(
        organization_id=organization_id,
        participant_id=participant_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    organization_id: UUID,
    participant_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ParticipantView | ProblemDetails]:
    """Record that an organization takes part in an intermediary (operator)

     From now, consents to the intermediary that name the participant, or describe it (treating
    providers), reach it. Recording it again changes nothing.

    Args:
        organization_id (UUID): The organization's id.
        participant_id (UUID): The participant organization's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ParticipantView | ProblemDetails]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        participant_id=participant_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    organization_id: UUID,
    participant_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ParticipantView | ProblemDetails | None:
    """Record that an organization takes part in an intermediary (operator)

     From now, consents to the intermediary that name the participant, or describe it (treating
    providers), reach it. Recording it again changes nothing.

    Args:
        organization_id (UUID): The organization's id.
        participant_id (UUID): The participant organization's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ParticipantView | ProblemDetails
    """

    return (
        await asyncio_detailed(
            organization_id=organization_id,
            participant_id=participant_id,
            client=client,
        )
    ).parsed
