from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.member_update import MemberUpdate
from ...models.member_view import MemberView
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    member_id: UUID,
    *,
    body: MemberUpdate,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/members/{member_id}".format(
            member_id=quote(str(member_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MemberView | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = MemberView.from_dict(response.json())

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

    if response.status_code == 410:
        response_410 = ProblemDetails.from_dict(response.json())

        return response_410

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
) -> Response[MemberView | ProblemDetails]:
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
    body: MemberUpdate,
    if_match: str | Unset = UNSET,
) -> Response[MemberView | ProblemDetails]:
    """Change some of a member's fields

     Changes the fields given and leaves the others; `null` clears an optional field, and `contact` is
    replaced whole. Send the `ETag` of your last read as `If-Match`: if someone changed the member
    since, the answer is 412 with `current_version`, and nothing changes. `member.updated` lists the
    fields that changed.

    Args:
        member_id (UUID): The member's id.
        if_match (str | Unset):
        body (MemberUpdate): A partial update: absent fields stay as they are; `null` clears an
            optional field.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MemberView | ProblemDetails]
    """

    kwargs = _get_kwargs(
        member_id=member_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    member_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MemberUpdate,
    if_match: str | Unset = UNSET,
) -> MemberView | ProblemDetails | None:
    """Change some of a member's fields

     Changes the fields given and leaves the others; `null` clears an optional field, and `contact` is
    replaced whole. Send the `ETag` of your last read as `If-Match`: if someone changed the member
    since, the answer is 412 with `current_version`, and nothing changes. `member.updated` lists the
    fields that changed.

    Args:
        member_id (UUID): The member's id.
        if_match (str | Unset):
        body (MemberUpdate): A partial update: absent fields stay as they are; `null` clears an
            optional field.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MemberView | ProblemDetails
    """

    return sync_detailed(
        member_id=member_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    member_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MemberUpdate,
    if_match: str | Unset = UNSET,
) -> Response[MemberView | ProblemDetails]:
    """Change some of a member's fields

     Changes the fields given and leaves the others; `null` clears an optional field, and `contact` is
    replaced whole. Send the `ETag` of your last read as `If-Match`: if someone changed the member
    since, the answer is 412 with `current_version`, and nothing changes. `member.updated` lists the
    fields that changed.

    Args:
        member_id (UUID): The member's id.
        if_match (str | Unset):
        body (MemberUpdate): A partial update: absent fields stay as they are; `null` clears an
            optional field.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MemberView | ProblemDetails]
    """

    kwargs = _get_kwargs(
        member_id=member_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    member_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MemberUpdate,
    if_match: str | Unset = UNSET,
) -> MemberView | ProblemDetails | None:
    """Change some of a member's fields

     Changes the fields given and leaves the others; `null` clears an optional field, and `contact` is
    replaced whole. Send the `ETag` of your last read as `If-Match`: if someone changed the member
    since, the answer is 412 with `current_version`, and nothing changes. `member.updated` lists the
    fields that changed.

    Args:
        member_id (UUID): The member's id.
        if_match (str | Unset):
        body (MemberUpdate): A partial update: absent fields stay as they are; `null` clears an
            optional field.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MemberView | ProblemDetails
    """

    return (
        await asyncio_detailed(
            member_id=member_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
