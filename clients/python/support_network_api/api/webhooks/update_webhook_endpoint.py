from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_details import ProblemDetails
from ...models.webhook_endpoint_update import WebhookEndpointUpdate
from ...models.webhook_endpoint_view import WebhookEndpointView
from ...types import UNSET, Response, Unset


def _get_kwargs(
    endpoint_id: UUID,
    *,
    body: WebhookEndpointUpdate,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/webhook-endpoints/{endpoint_id}".format(
            endpoint_id=quote(str(endpoint_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetails | WebhookEndpointView | None:
    if response.status_code == 200:
        response_200 = WebhookEndpointView.from_dict(response.json())

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
) -> Response[ProblemDetails | WebhookEndpointView]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    endpoint_id: UUID,
    *,
    client: AuthenticatedClient,
    body: WebhookEndpointUpdate,
    if_match: str | Unset = UNSET,
) -> Response[ProblemDetails | WebhookEndpointView]:
    """Change a webhook endpoint, or re-enable a disabled one

     Changes the URL, event types, description, or `enabled` (true resumes a disabled endpoint where it
    stopped). Whoever changes it vouches for it with their key's scopes: from then on it receives no
    more than those cover. Send `If-Match`.

    Args:
        endpoint_id (UUID): The webhook endpoint's id.
        if_match (str | Unset):
        body (WebhookEndpointUpdate): Absent fields stay. `enabled: true` re-enables a disabled
            endpoint; its pending deliveries resume in order.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | WebhookEndpointView]
    """

    kwargs = _get_kwargs(
        endpoint_id=endpoint_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    endpoint_id: UUID,
    *,
    client: AuthenticatedClient,
    body: WebhookEndpointUpdate,
    if_match: str | Unset = UNSET,
) -> ProblemDetails | WebhookEndpointView | None:
    """Change a webhook endpoint, or re-enable a disabled one

     Changes the URL, event types, description, or `enabled` (true resumes a disabled endpoint where it
    stopped). Whoever changes it vouches for it with their key's scopes: from then on it receives no
    more than those cover. Send `If-Match`.

    Args:
        endpoint_id (UUID): The webhook endpoint's id.
        if_match (str | Unset):
        body (WebhookEndpointUpdate): Absent fields stay. `enabled: true` re-enables a disabled
            endpoint; its pending deliveries resume in order.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | WebhookEndpointView
    """

    return sync_detailed(
        endpoint_id=endpoint_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    endpoint_id: UUID,
    *,
    client: AuthenticatedClient,
    body: WebhookEndpointUpdate,
    if_match: str | Unset = UNSET,
) -> Response[ProblemDetails | WebhookEndpointView]:
    """Change a webhook endpoint, or re-enable a disabled one

     Changes the URL, event types, description, or `enabled` (true resumes a disabled endpoint where it
    stopped). Whoever changes it vouches for it with their key's scopes: from then on it receives no
    more than those cover. Send `If-Match`.

    Args:
        endpoint_id (UUID): The webhook endpoint's id.
        if_match (str | Unset):
        body (WebhookEndpointUpdate): Absent fields stay. `enabled: true` re-enables a disabled
            endpoint; its pending deliveries resume in order.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | WebhookEndpointView]
    """

    kwargs = _get_kwargs(
        endpoint_id=endpoint_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    endpoint_id: UUID,
    *,
    client: AuthenticatedClient,
    body: WebhookEndpointUpdate,
    if_match: str | Unset = UNSET,
) -> ProblemDetails | WebhookEndpointView | None:
    """Change a webhook endpoint, or re-enable a disabled one

     Changes the URL, event types, description, or `enabled` (true resumes a disabled endpoint where it
    stopped). Whoever changes it vouches for it with their key's scopes: from then on it receives no
    more than those cover. Send `If-Match`.

    Args:
        endpoint_id (UUID): The webhook endpoint's id.
        if_match (str | Unset):
        body (WebhookEndpointUpdate): Absent fields stay. `enabled: true` re-enables a disabled
            endpoint; its pending deliveries resume in order.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | WebhookEndpointView
    """

    return (
        await asyncio_detailed(
            endpoint_id=endpoint_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
