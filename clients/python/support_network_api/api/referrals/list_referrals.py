from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_referrals_direction import ListReferralsDirection
from ...models.problem_details import ProblemDetails
from ...models.referral_list import ReferralList
from ...models.referral_status import ReferralStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    direction: ListReferralsDirection,
    status: None | ReferralStatus | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_direction = direction.value
    params["direction"] = json_direction

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ReferralStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/referrals",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetails | ReferralList | None:
    if response.status_code == 200:
        response_200 = ReferralList.from_dict(response.json())

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
) -> Response[ProblemDetails | ReferralList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    direction: ListReferralsDirection,
    status: None | ReferralStatus | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[ProblemDetails | ReferralList]:
    """The referrals the caller sent, or received (oldest first)

     Referrals the caller's organization sent (`direction=sent`) or received (`received`), oldest first,
    optionally by `status`. The receiver sees the person and the reason only while a consent from the
    member to it is in force.

    Args:
        direction (ListReferralsDirection): The referrals the caller sent, or those it received.
        status (None | ReferralStatus | Unset): Only referrals in this status.
        limit (int | Unset): Page size, 1 to 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | ReferralList]
    """

    kwargs = _get_kwargs(
        direction=direction,
        status=status,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    direction: ListReferralsDirection,
    status: None | ReferralStatus | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> ProblemDetails | ReferralList | None:
    """The referrals the caller sent, or received (oldest first)

     Referrals the caller's organization sent (`direction=sent`) or received (`received`), oldest first,
    optionally by `status`. The receiver sees the person and the reason only while a consent from the
    member to it is in force.

    Args:
        direction (ListReferralsDirection): The referrals the caller sent, or those it received.
        status (None | ReferralStatus | Unset): Only referrals in this status.
        limit (int | Unset): Page size, 1 to 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | ReferralList
    """

    return sync_detailed(
        client=client,
        direction=direction,
        status=status,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    direction: ListReferralsDirection,
    status: None | ReferralStatus | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[ProblemDetails | ReferralList]:
    """The referrals the caller sent, or received (oldest first)

     Referrals the caller's organization sent (`direction=sent`) or received (`received`), oldest first,
    optionally by `status`. The receiver sees the person and the reason only while a consent from the
    member to it is in force.

    Args:
        direction (ListReferralsDirection): The referrals the caller sent, or those it received.
        status (None | ReferralStatus | Unset): Only referrals in this status.
        limit (int | Unset): Page size, 1 to 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | ReferralList]
    """

    kwargs = _get_kwargs(
        direction=direction,
        status=status,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    direction: ListReferralsDirection,
    status: None | ReferralStatus | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> ProblemDetails | ReferralList | None:
    """The referrals the caller sent, or received (oldest first)

     Referrals the caller's organization sent (`direction=sent`) or received (`received`), oldest first,
    optionally by `status`. The receiver sees the person and the reason only while a consent from the
    member to it is in force.

    Args:
        direction (ListReferralsDirection): The referrals the caller sent, or those it received.
        status (None | ReferralStatus | Unset): Only referrals in this status.
        limit (int | Unset): Page size, 1 to 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | ReferralList
    """

    return (
        await asyncio_detailed(
            client=client,
            direction=direction,
            status=status,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
