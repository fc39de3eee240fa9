from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    member_id: UUID,
    *,
    since: None | str | Unset = UNSET,
    until: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_since: None | str | Unset
    if isinstance(since, Unset):
        json_since = UNSET
    else:
        json_since = since
    params["since"] = json_since

    json_until: None | str | Unset
    if isinstance(until, Unset):
        json_until = UNSET
    else:
        json_until = until
    params["until"] = json_until

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/members/{member_id}/disclosures/document".format(
            member_id=quote(str(member_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetails | str | None:
    if response.status_code == 200:
        response_200 = response.text
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
) -> Response[ProblemDetails | str]:
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
    since: None | str | Unset = UNSET,
    until: None | str | Unset = UNSET,
) -> Response[ProblemDetails | str]:
    """The accounting of disclosures as a document to print for the member (HTML)

     The same entries as `listMemberDisclosures`, for one period (default: the three years before now),
    whole (up to 5,000 entries), in words a member can read: when, to whom, for what purpose, what was
    disclosed, how, under which consent. Home organization only; also after the member's erasure.

    Args:
        member_id (UUID): The member's id.
        since (None | str | Unset): Only disclosures at or after this instant (RFC 3339).
        until (None | str | Unset): Only disclosures before this instant (RFC 3339).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | str]
    """

    kwargs = _get_kwargs(
        member_id=member_id,
        since=since,
        until=until,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    member_id: UUID,
    *,
    client: AuthenticatedClient,
    since: None | str | Unset = UNSET,
    until: None | str | Unset = UNSET,
) -> ProblemDetails | str | None:
    """The accounting of disclosures as a document to print for the member (HTML)

     The same entries as `listMemberDisclosures`, for one period (default: the three years before now),
    whole (up to 5,000 entries), in words a member can read: when, to whom, for what purpose, what was
    disclosed, how, under which consent. Home organization only; also after the member's erasure.

    Args:
        member_id (UUID): The member's id.
        since (None | str | Unset): Only disclosures at or after this instant (RFC 3339).
        until (None | str | Unset): Only disclosures before this instant (RFC 3339).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | str
    """

    return sync_detailed(
        member_id=member_id,
        client=client,
        since=since,
        until=until,
    ).parsed


async def asyncio_detailed(
    member_id: UUID,
    *,
    client: AuthenticatedClient,
    since: None | str | Unset = UNSET,
    until: None | str | Unset = UNSET,
) -> Response[ProblemDetails | str]:
    """The accounting of disclosures as a document to print for the member (HTML)

     The same entries as `listMemberDisclosures`, for one period (default: the three years before now),
    whole (up to 5,000 entries), in words a member can read: when, to whom, for what purpose, what was
    disclosed, how, under which consent. Home organization only; also after the member's erasure.

    Args:
        member_id (UUID): The member's id.
        since (None | str | Unset): Only disclosures at or after this instant (RFC 3339).
        until (None | str | Unset): Only disclosures before this instant (RFC 3339).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | str]
    """

    kwargs = _get_kwargs(
        member_id=member_id,
        since=since,
        until=until,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    member_id: UUID,
    *,
    client: AuthenticatedClient,
    since: None | str | Unset = UNSET,
    until: None | str | Unset = UNSET,
) -> ProblemDetails | str | None:
    """The accounting of disclosures as a document to print for the member (HTML)

     The same entries as `listMemberDisclosures`, for one period (default: the three years before now),
    whole (up to 5,000 entries), in words a member can read: when, to whom, for what purpose, what was
    disclosed, how, under which consent. Home organization only; also after the member's erasure.

    Args:
        member_id (UUID): The member's id.
        since (None | str | Unset): Only disclosures at or after this instant (RFC 3339).
        until (None | str | Unset): Only disclosures before this instant (RFC 3339).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | str
    """

    return (
        await asyncio_detailed(
            member_id=member_id,
            client=client,
            since=since,
            until=until,
        )
    ).parsed
