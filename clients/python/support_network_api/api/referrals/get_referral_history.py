from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_details import ProblemDetails
from ...models.referral_history import ReferralHistory
from ...types import Response


def _get_kwargs(
    referral_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/referrals/{referral_id}/history".format(
            referral_id=quote(str(referral_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetails | ReferralHistory | None:
    if response.status_code == 200:
        response_200 = ReferralHistory.from_dict(response.json())

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
) -> Response[ProblemDetails | ReferralHistory]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    referral_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ProblemDetails | ReferralHistory]:
    """Every status change of a referral: who, when, from what to what, and why

     Every status change, oldest first: from which status to which, who moved it (null: the expiry
    sweep), when and why. Both sides read it; without a consent from the member in force, the receiver
    sees only its own reasons.

    Args:
        referral_id (UUID): The referral's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | ReferralHistory]
    """

    kwargs = _get_kwargs(
        referral_id=referral_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    referral_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ProblemDetails | ReferralHistory | None:
    """Every status change of a referral: who, when, from what to what, and why

     Every status change, oldest first: from which status to which, who moved it (null: the expiry
    sweep), when and why. Both sides read it; without a consent from the member in force, the receiver
    sees only its own reasons.

    Args:
        referral_id (UUID): The referral's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | ReferralHistory
    """

    return sync_detailed(
        referral_id=referral_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    referral_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ProblemDetails | ReferralHistory]:
    """Every status change of a referral: who, when, from what to what, and why

     Every status change, oldest first: from which status to which, who moved it (null: the expiry
    sweep), when and why. Both sides read it; without a consent from the member in force, the receiver
    sees only its own reasons.

    Args:
        referral_id (UUID): The referral's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | ReferralHistory]
    """

    kwargs = _get_kwargs(
        referral_id=referral_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    referral_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ProblemDetails | ReferralHistory | None:
    """Every status change of a referral: who, when, from what to what, and why

     Every status change, oldest first: from which status to which, who moved it (null: the expiry
    sweep), when and why. Both sides read it; without a consent from the member in force, the receiver
    sees only its own reasons.

    Args:
        referral_id (UUID): The referral's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | ReferralHistory
    """

    return (
        await asyncio_detailed(
            referral_id=referral_id,
            client=client,
        )
    ).parsed
