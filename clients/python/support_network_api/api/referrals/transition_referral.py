from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_details import ProblemDetails
from ...models.referral_transition import ReferralTransition
from ...models.referral_view import ReferralView
from ...types import Response


def _get_kwargs(
    referral_id: UUID,
    *,
    body: ReferralTransition,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/referrals/{referral_id}/transitions".format(
            referral_id=quote(str(referral_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetails | ReferralView | None:
    if response.status_code == 200:
        response_200 = ReferralView.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = ProblemDetails.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = ProblemDetails.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = ProblemDetails.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ProblemDetails.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ProblemDetails.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = ProblemDetails.from_dict(response.json())

        return response_428

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
) -> Response[ProblemDetails | ReferralView]:
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
    body: ReferralTransition,
    if_match: str,
) -> Response[ProblemDetails | ReferralView]:
    """Move a referral along the closed loop

     The receiver: `accepted` or `rejected` (from `requested`), `in_progress` (from `accepted`),
    `completed` or `failed` (from `in_progress`). The sender: `cancelled` (from `requested`). Anything
    else is a 409 whose `allowed` lists what the caller may do now. Accepting a referral into a network
    makes the person an active member of it. Both sides get a `referral.status_changed` event.

    Args:
        referral_id (UUID): The referral's id.
        if_match (str):
        body (ReferralTransition):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | ReferralView]
    """

    kwargs = _get_kwargs(
        referral_id=referral_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    referral_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReferralTransition,
    if_match: str,
) -> ProblemDetails | ReferralView | None:
    """Move a referral along the closed loop

     The receiver: `accepted` or `rejected` (from `requested`), `in_progress` (from `accepted`),
    `completed` or `failed` (from `in_progress`). The sender: `cancelled` (from `requested`). Anything
    else is a 409 whose `allowed` lists what the caller may do now. Accepting a referral into a network
    makes the person an active member of it. Both sides get a `referral.status_changed` event.

    Args:
        referral_id (UUID): The referral's id.
        if_match (str):
        body (ReferralTransition):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | ReferralView
    """

    return sync_detailed(
        referral_id=referral_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    referral_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReferralTransition,
    if_match: str,
) -> Response[ProblemDetails | ReferralView]:
    """Move a referral along the closed loop

     The receiver: `accepted` or `rejected` (from `requested`), `in_progress` (from `accepted`),
    `completed` or `failed` (from `in_progress`). The sender: `cancelled` (from `requested`). Anything
    else is a 409 whose `allowed` lists what the caller may do now. Accepting a referral into a network
    makes the person an active member of it. Both sides get a `referral.status_changed` event.

    Args:
        referral_id (UUID): The referral's id.
        if_match (str):
        body (ReferralTransition):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | ReferralView]
    """

    kwargs = _get_kwargs(
        referral_id=referral_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    referral_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReferralTransition,
    if_match: str,
) -> ProblemDetails | ReferralView | None:
    """Move a referral along the closed loop

     The receiver: `accepted` or `rejected` (from `requested`), `in_progress` (from `accepted`),
    `completed` or `failed` (from `in_progress`). The sender: `cancelled` (from `requested`). Anything
    else is a 409 whose `allowed` lists what the caller may do now. Accepting a referral into a network
    makes the person an active member of it. Both sides get a `referral.status_changed` event.

    Args:
        referral_id (UUID): The referral's id.
        if_match (str):
        body (ReferralTransition):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | ReferralView
    """

    return (
        await asyncio_detailed(
            referral_id=referral_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
