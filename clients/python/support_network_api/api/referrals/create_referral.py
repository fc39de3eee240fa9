from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_details import ProblemDetails
from ...models.referral_create import ReferralCreate
from ...models.referral_view import ReferralView
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ReferralCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/referrals",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetails | ReferralView | None:
    if response.status_code == 201:
        response_201 = ReferralView.from_dict(response.json())

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
) -> Response[ProblemDetails | ReferralView]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ReferralCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[ProblemDetails | ReferralView]:
    """Refer a person to another organization (optionally into a network)

     Status `requested`; the receiver is told by a `referral.created` event. An `external_ref` already
    used by the caller is a 409 with `existing_id`; the same `Idempotency-Key` replays the first
    response. Unanswered referrals expire after `SN_REFERRAL_ANSWER_HOURS` (default 14 days).

    Args:
        idempotency_key (str | Unset): Makes a retry of this request safe: the same key and body
            return the first response; another body with the same key is a 422. Kept for 24 hours.
        body (ReferralCreate): The person: `member_id` (one of the caller's members) or `member`
            (a new pseudonymous one). The consent that allows the referral: `consent_id` (already
            recorded, to the receiving organization) or `consent` (recorded with the referral; its
            recipient is the receiving organization). A consent with `end_event: referral_closed` ends
            when the referral does.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | ReferralView]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ReferralCreate,
    idempotency_key: str | Unset = UNSET,
) -> ProblemDetails | ReferralView | None:
    """Refer a person to another organization (optionally into a network)

     Status `requested`; the receiver is told by a `referral.created` event. An `external_ref` already
    used by the caller is a 409 with `existing_id`; the same `Idempotency-Key` replays the first
    response. Unanswered referrals expire after `SN_REFERRAL_ANSWER_HOURS` (default 14 days).

    Args:
        idempotency_key (str | Unset): Makes a retry of this request safe: the same key and body
            return the first response; another body with the same key is a 422. Kept for 24 hours.
        body (ReferralCreate): The person: `member_id` (one of the caller's members) or `member`
            (a new pseudonymous one). The consent that allows the referral: `consent_id` (already
            recorded, to the receiving organization) or `consent` (recorded with the referral; its
            recipient is the receiving organization). A consent with `end_event: referral_closed` ends
            when the referral does.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | ReferralView
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ReferralCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[ProblemDetails | ReferralView]:
    """Refer a person to another organization (optionally into a network)

     Status `requested`; the receiver is told by a `referral.created` event. An `external_ref` already
    used by the caller is a 409 with `existing_id`; the same `Idempotency-Key` replays the first
    response. Unanswered referrals expire after `SN_REFERRAL_ANSWER_HOURS` (default 14 days).

    Args:
        idempotency_key (str | Unset): Makes a retry of this request safe: the same key and body
            return the first response; another body with the same key is a 422. Kept for 24 hours.
        body (ReferralCreate): The person: `member_id` (one of the caller's members) or `member`
            (a new pseudonymous one). The consent that allows the referral: `consent_id` (already
            recorded, to the receiving organization) or `consent` (recorded with the referral; its
            recipient is the receiving organization). A consent with `end_event: referral_closed` ends
            when the referral does.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | ReferralView]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ReferralCreate,
    idempotency_key: str | Unset = UNSET,
) -> ProblemDetails | ReferralView | None:
    """Refer a person to another organization (optionally into a network)

     Status `requested`; the receiver is told by a `referral.created` event. An `external_ref` already
    used by the caller is a 409 with `existing_id`; the same `Idempotency-Key` replays the first
    response. Unanswered referrals expire after `SN_REFERRAL_ANSWER_HOURS` (default 14 days).

    Args:
        idempotency_key (str | Unset): Makes a retry of this request safe: the same key and body
            return the first response; another body with the same key is a 422. Kept for 24 hours.
        body (ReferralCreate): The person: `member_id` (one of the caller's members) or `member`
            (a new pseudonymous one). The consent that allows the referral: `consent_id` (already
            recorded, to the receiving organization) or `consent` (recorded with the referral; its
            recipient is the receiving organization). A consent with `end_event: referral_closed` ends
            when the referral does.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | ReferralView
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
