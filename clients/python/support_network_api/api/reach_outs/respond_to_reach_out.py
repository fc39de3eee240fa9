from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_details import ProblemDetails
from ...models.response_create import ResponseCreate
from ...models.response_view import ResponseView
from ...types import UNSET, Response, Unset


def _get_kwargs(
    reach_out_id: UUID,
    *,
    body: ResponseCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/reach-outs/{reach_out_id}/responses".format(
            reach_out_id=quote(str(reach_out_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetails | ResponseView | None:
    if response.status_code == 201:
        response_201 = ResponseView.from_dict(response.json())

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
) -> Response[ProblemDetails | ResponseView]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    reach_out_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ResponseCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[ProblemDetails | ResponseView]:
    """Respond to a reach-out for one of the caller's members asked by it

     `on_my_way`, `calling` or `messaged` answer it: the first answer is announced (`reach_out.answered`,
    with its delay) and stops its escalation. `cannot_now` is kept but is not an answer. A closed reach-
    out is a 409 (`reach-out-closed`); one the caller may not see is a 404, and nothing changes.

    Args:
        reach_out_id (UUID): The reach-out's id.
        idempotency_key (str | Unset): Makes a retry of this request safe: the same key and body
            return the first response; another body with the same key is a 422. Kept for 24 hours.
        body (ResponseCreate): A supporter's response, given by their organization: one of its
            members asked by the reach-out (an active supporter in a circle it asked).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | ResponseView]
    """

    kwargs = _get_kwargs(
        reach_out_id=reach_out_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    reach_out_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ResponseCreate,
    idempotency_key: str | Unset = UNSET,
) -> ProblemDetails | ResponseView | None:
    """Respond to a reach-out for one of the caller's members asked by it

     `on_my_way`, `calling` or `messaged` answer it: the first answer is announced (`reach_out.answered`,
    with its delay) and stops its escalation. `cannot_now` is kept but is not an answer. A closed reach-
    out is a 409 (`reach-out-closed`); one the caller may not see is a 404, and nothing changes.

    Args:
        reach_out_id (UUID): The reach-out's id.
        idempotency_key (str | Unset): Makes a retry of this request safe: the same key and body
            return the first response; another body with the same key is a 422. Kept for 24 hours.
        body (ResponseCreate): A supporter's response, given by their organization: one of its
            members asked by the reach-out (an active supporter in a circle it asked).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | ResponseView
    """

    return sync_detailed(
        reach_out_id=reach_out_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    reach_out_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ResponseCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[ProblemDetails | ResponseView]:
    """Respond to a reach-out for one of the caller's members asked by it

     `on_my_way`, `calling` or `messaged` answer it: the first answer is announced (`reach_out.answered`,
    with its delay) and stops its escalation. `cannot_now` is kept but is not an answer. A closed reach-
    out is a 409 (`reach-out-closed`); one the caller may not see is a 404, and nothing changes.

    Args:
        reach_out_id (UUID): The reach-out's id.
        idempotency_key (str | Unset): Makes a retry of this request safe: the same key and body
            return the first response; another body with the same key is a 422. Kept for 24 hours.
        body (ResponseCreate): A supporter's response, given by their organization: one of its
            members asked by the reach-out (an active supporter in a circle it asked).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | ResponseView]
    """

    kwargs = _get_kwargs(
        reach_out_id=reach_out_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    reach_out_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ResponseCreate,
    idempotency_key: str | Unset = UNSET,
) -> ProblemDetails | ResponseView | None:
    """Respond to a reach-out for one of the caller's members asked by it

     `on_my_way`, `calling` or `messaged` answer it: the first answer is announced (`reach_out.answered`,
    with its delay) and stops its escalation. `cannot_now` is kept but is not an answer. A closed reach-
    out is a 409 (`reach-out-closed`); one the caller may not see is a 404, and nothing changes.

    Args:
        reach_out_id (UUID): The reach-out's id.
        idempotency_key (str | Unset): Makes a retry of this request safe: the same key and body
            return the first response; another body with the same key is a 422. Kept for 24 hours.
        body (ResponseCreate): A supporter's response, given by their organization: one of its
            members asked by the reach-out (an active supporter in a circle it asked).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | ResponseView
    """

    return (
        await asyncio_detailed(
            reach_out_id=reach_out_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
