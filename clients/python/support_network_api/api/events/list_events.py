from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.event_list import EventList
from ...models.event_type import EventType
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
    types: list[EventType] | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_types: list[str] | Unset = UNSET
    if not isinstance(types, Unset):
        json_types = []
        for types_item_data in types:
            types_item = types_item_data.value
            json_types.append(types_item)

    params["types"] = json_types

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/events",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EventList | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = EventList.from_dict(response.json())

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
) -> Response[EventList | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
    types: list[EventType] | Unset = UNSET,
) -> Response[EventList | ProblemDetails]:
    """The events the caller may see, oldest first

     What the caller's organization did, what happened in networks it takes part in, the consents granted
    to it, the referrals it sent or received, events about its own members whoever acted, and events
    about another organization's member that a consent covering their kind of data allowed when they
    happened and still allows (revocation and expiry act at once, also on events read before). Showing
    those is a disclosure, recorded in the member's accounting. Pass `next_cursor` as `cursor` to
    continue; the order is stable and no event is skipped when transactions commit out of order. An
    event shows once every write that began before it has ended, usually within milliseconds (longer
    while a long write runs): a read made right after a write may not have it yet, and a later poll with
    the cursor will, as the cursor never passes it. Any key of the organization may read it, and sees
    the kinds of event its scopes cover: `members:read` for member, recovery, milestone and pledge
    events, `networks:read` for network events, `consents:read` for consent events, `referrals:read` for
    referral events, `keys:manage` for organization and API key events, `webhooks:manage` for webhook
    endpoint events.

    Args:
        limit (int | Unset): Page size, 1 to 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        types (list[EventType] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EventList | ProblemDetails]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        types=types,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
    types: list[EventType] | Unset = UNSET,
) -> EventList | ProblemDetails | None:
    """The events the caller may see, oldest first

     What the caller's organization did, what happened in networks it takes part in, the consents granted
    to it, the referrals it sent or received, events about its own members whoever acted, and events
    about another organization's member that a consent covering their kind of data allowed when they
    happened and still allows (revocation and expiry act at once, also on events read before). Showing
    those is a disclosure, recorded in the member's accounting. Pass `next_cursor` as `cursor` to
    continue; the order is stable and no event is skipped when transactions commit out of order. An
    event shows once every write that began before it has ended, usually within milliseconds (longer
    while a long write runs): a read made right after a write may not have it yet, and a later poll with
    the cursor will, as the cursor never passes it. Any key of the organization may read it, and sees
    the kinds of event its scopes cover: `members:read` for member, recovery, milestone and pledge
    events, `networks:read` for network events, `consents:read` for consent events, `referrals:read` for
    referral events, `keys:manage` for organization and API key events, `webhooks:manage` for webhook
    endpoint events.

    Args:
        limit (int | Unset): Page size, 1 to 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        types (list[EventType] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EventList | ProblemDetails
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        types=types,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
    types: list[EventType] | Unset = UNSET,
) -> Response[EventList | ProblemDetails]:
    """The events the caller may see, oldest first

     What the caller's organization did, what happened in networks it takes part in, the consents granted
    to it, the referrals it sent or received, events about its own members whoever acted, and events
    about another organization's member that a consent covering their kind of data allowed when they
    happened and still allows (revocation and expiry act at once, also on events read before). Showing
    those is a disclosure, recorded in the member's accounting. Pass `next_cursor` as `cursor` to
    continue; the order is stable and no event is skipped when transactions commit out of order. An
    event shows once every write that began before it has ended, usually within milliseconds (longer
    while a long write runs): a read made right after a write may not have it yet, and a later poll with
    the cursor will, as the cursor never passes it. Any key of the organization may read it, and sees
    the kinds of event its scopes cover: `members:read` for member, recovery, milestone and pledge
    events, `networks:read` for network events, `consents:read` for consent events, `referrals:read` for
    referral events, `keys:manage` for organization and API key events, `webhooks:manage` for webhook
    endpoint events.

    Args:
        limit (int | Unset): Page size, 1 to 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        types (list[EventType] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EventList | ProblemDetails]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        types=types,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
    types: list[EventType] | Unset = UNSET,
) -> EventList | ProblemDetails | None:
    """The events the caller may see, oldest first

     What the caller's organization did, what happened in networks it takes part in, the consents granted
    to it, the referrals it sent or received, events about its own members whoever acted, and events
    about another organization's member that a consent covering their kind of data allowed when they
    happened and still allows (revocation and expiry act at once, also on events read before). Showing
    those is a disclosure, recorded in the member's accounting. Pass `next_cursor` as `cursor` to
    continue; the order is stable and no event is skipped when transactions commit out of order. An
    event shows once every write that began before it has ended, usually within milliseconds (longer
    while a long write runs): a read made right after a write may not have it yet, and a later poll with
    the cursor will, as the cursor never passes it. Any key of the organization may read it, and sees
    the kinds of event its scopes cover: `members:read` for member, recovery, milestone and pledge
    events, `networks:read` for network events, `consents:read` for consent events, `referrals:read` for
    referral events, `keys:manage` for organization and API key events, `webhooks:manage` for webhook
    endpoint events.

    Args:
        limit (int | Unset): Page size, 1 to 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        types (list[EventType] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EventList | ProblemDetails
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            types=types,
        )
    ).parsed
