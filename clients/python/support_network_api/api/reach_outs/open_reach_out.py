from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_details import ProblemDetails
from ...models.reach_out_create import ReachOutCreate
from ...models.reach_out_view import ReachOutView
from ...types import UNSET, Response, Unset


def _get_kwargs(
    member_id: UUID,
    *,
    body: ReachOutCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/members/{member_id}/reach-outs".format(
            member_id=quote(str(member_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetails | ReachOutView | None:
    if response.status_code == 201:
        response_201 = ReachOutView.from_dict(response.json())

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
) -> Response[ProblemDetails | ReachOutView]:
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
    body: ReachOutCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[ProblemDetails | ReachOutView]:
    """Reach out for support now, on behalf of one of the caller's members

     Asks the circles around the member (all of them, or those named in `circle_ids`). `reach_out.opened`
    goes out at once to the caller and to every organization with an active supporter in those circles
    and a consent from the member covering `reach_outs`; each sees which of its own members are asked
    (`asked`). Nobody answering within the caller's escalation window (600 s for `now`, 7200 s for
    `today` by default) sends `reach_out.escalated` to the caller, once. It closes by itself a day after
    it opened (`expired`). The caller's crisis resources come back with it. Never refused by the per-key
    rate limit. A reach-out is not an emergency service.

    Args:
        member_id (UUID): The member's id.
        idempotency_key (str | Unset): Makes a retry of this request safe: the same key and body
            return the first response; another body with the same key is a 422. Kept for 24 hours.
        body (ReachOutCreate): A reach-out for one of the caller's members: how urgent, an
            optional short message, and which circles around the member to ask (all of them if left
            out).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | ReachOutView]
    """

    kwargs = _get_kwargs(
        member_id=member_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    member_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReachOutCreate,
    idempotency_key: str | Unset = UNSET,
) -> ProblemDetails | ReachOutView | None:
    """Reach out for support now, on behalf of one of the caller's members

     Asks the circles around the member (all of them, or those named in `circle_ids`). `reach_out.opened`
    goes out at once to the caller and to every organization with an active supporter in those circles
    and a consent from the member covering `reach_outs`; each sees which of its own members are asked
    (`asked`). Nobody answering within the caller's escalation window (600 s for `now`, 7200 s for
    `today` by default) sends `reach_out.escalated` to the caller, once. It closes by itself a day after
    it opened (`expired`). The caller's crisis resources come back with it. Never refused by the per-key
    rate limit. A reach-out is not an emergency service.

    Args:
        member_id (UUID): The member's id.
        idempotency_key (str | Unset): Makes a retry of this request safe: the same key and body
            return the first response; another body with the same key is a 422. Kept for 24 hours.
        body (ReachOutCreate): A reach-out for one of the caller's members: how urgent, an
            optional short message, and which circles around the member to ask (all of them if left
            out).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | ReachOutView
    """

    return sync_detailed(
        member_id=member_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    member_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReachOutCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[ProblemDetails | ReachOutView]:
    """Reach out for support now, on behalf of one of the caller's members

     Asks the circles around the member (all of them, or those named in `circle_ids`). `reach_out.opened`
    goes out at once to the caller and to every organization with an active supporter in those circles
    and a consent from the member covering `reach_outs`; each sees which of its own members are asked
    (`asked`). Nobody answering within the caller's escalation window (600 s for `now`, 7200 s for
    `today` by default) sends `reach_out.escalated` to the caller, once. It closes by itself a day after
    it opened (`expired`). The caller's crisis resources come back with it. Never refused by the per-key
    rate limit. A reach-out is not an emergency service.

    Args:
        member_id (UUID): The member's id.
        idempotency_key (str | Unset): Makes a retry of this request safe: the same key and body
            return the first response; another body with the same key is a 422. Kept for 24 hours.
        body (ReachOutCreate): A reach-out for one of the caller's members: how urgent, an
            optional short message, and which circles around the member to ask (all of them if left
            out).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | ReachOutView]
    """

    kwargs = _get_kwargs(
        member_id=member_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    member_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReachOutCreate,
    idempotency_key: str | Unset = UNSET,
) -> ProblemDetails | ReachOutView | None:
    """Reach out for support now, on behalf of one of the caller's members

     Asks the circles around the member (all of them, or those named in `circle_ids`). `reach_out.opened`
    goes out at once to the caller and to every organization with an active supporter in those circles
    and a consent from the member covering `reach_outs`; each sees which of its own members are asked
    (`asked`). Nobody answering within the caller's escalation window (600 s for `now`, 7200 s for
    `today` by default) sends `reach_out.escalated` to the caller, once. It closes by itself a day after
    it opened (`expired`). The caller's crisis resources come back with it. Never refused by the per-key
    rate limit. A reach-out is not an emergency service.

    Args:
        member_id (UUID): The member's id.
        idempotency_key (str | Unset): Makes a retry of this request safe: the same key and body
            return the first response; another body with the same key is a 422. Kept for 24 hours.
        body (ReachOutCreate): A reach-out for one of the caller's members: how urgent, an
            optional short message, and which circles around the member to ask (all of them if left
            out).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | ReachOutView
    """

    return (
        await asyncio_detailed(
            member_id=member_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
