from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.accounting_request_view import AccountingRequestView
from ...models.problem_details import ProblemDetails
from ...types import Response


def _get_kwargs(
    request_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/accounting-requests/{request_id}/answered".format(
            request_id=quote(str(request_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AccountingRequestView | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = AccountingRequestView.from_dict(response.json())

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
) -> Response[AccountingRequestView | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    request_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[AccountingRequestView | ProblemDetails]:
    """Record that the accounting went to the member; a request is answered once (409)

     Records that the member's request for an accounting of disclosures was answered (42 CFR 2.24 gives
    30 days from `received_on`; `answer_by` says when). Only the member's home organization may, and
    only once: answering an answered request is a 409.

    Args:
        request_id (UUID): The accounting request's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountingRequestView | ProblemDetails]
    """

    kwargs = _get_kwargs(
        request_id=request_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    request_id: UUID,
    *,
    client: AuthenticatedClient,
) -> AccountingRequestView | ProblemDetails | None:
    """Record that the accounting went to the member; a request is answered once (409)

     Records that the member's request for an accounting of disclosures was answered (42 CFR 2.24 gives
    30 days from `received_on`; `answer_by` says when). Only the member's home organization may, and
    only once: answering an answered request is a 409.

    Args:
        request_id (UUID): The accounting request's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountingRequestView | ProblemDetails
    """

    return sync_detailed(
        request_id=request_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    request_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[AccountingRequestView | ProblemDetails]:
    """Record that the accounting went to the member; a request is answered once (409)

     Records that the member's request for an accounting of disclosures was answered (42 CFR 2.24 gives
    30 days from `received_on`; `answer_by` says when). Only the member's home organization may, and
    only once: answering an answered request is a 409.

    Args:
        request_id (UUID): The accounting request's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountingRequestView | ProblemDetails]
    """

    kwargs = _get_kwargs(
        request_id=request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    request_id: UUID,
    *,
    client: AuthenticatedClient,
) -> AccountingRequestView | ProblemDetails | None:
    """Record that the accounting went to the member; a request is answered once (409)

     Records that the member's request for an accounting of disclosures was answered (42 CFR 2.24 gives
    30 days from `received_on`; `answer_by` says when). Only the member's home organization may, and
    only once: answering an answered request is a 409.

    Args:
        request_id (UUID): The accounting request's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountingRequestView | ProblemDetails
    """

    return (
        await asyncio_detailed(
            request_id=request_id,
            client=client,
        )
    ).parsed
