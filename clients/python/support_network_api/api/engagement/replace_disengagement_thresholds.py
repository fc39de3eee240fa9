from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_details import ProblemDetails
from ...models.thresholds_update import ThresholdsUpdate
from ...models.thresholds_view import ThresholdsView
from ...types import Response


def _get_kwargs(
    *,
    body: ThresholdsUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/disengagement-thresholds",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetails | ThresholdsView | None:
    if response.status_code == 200:
        response_200 = ThresholdsView.from_dict(response.json())

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
) -> Response[ProblemDetails | ThresholdsView]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ThresholdsUpdate,
) -> Response[ProblemDetails | ThresholdsView]:
    """Replace the organization's thresholds for disengagement signals

     Each within its bounds; a field left out takes its default. They apply from each member's next daily
    evaluation.

    Args:
        body (ThresholdsUpdate): When a member's daily evaluation raises a signal, for the
            organization's members.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | ThresholdsView]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ThresholdsUpdate,
) -> ProblemDetails | ThresholdsView | None:
    """Replace the organization's thresholds for disengagement signals

     Each within its bounds; a field left out takes its default. They apply from each member's next daily
    evaluation.

    Args:
        body (ThresholdsUpdate): When a member's daily evaluation raises a signal, for the
            organization's members.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | ThresholdsView
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ThresholdsUpdate,
) -> Response[ProblemDetails | ThresholdsView]:
    """Replace the organization's thresholds for disengagement signals

     Each within its bounds; a field left out takes its default. They apply from each member's next daily
    evaluation.

    Args:
        body (ThresholdsUpdate): When a member's daily evaluation raises a signal, for the
            organization's members.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | ThresholdsView]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ThresholdsUpdate,
) -> ProblemDetails | ThresholdsView | None:
    """Replace the organization's thresholds for disengagement signals

     Each within its bounds; a field left out takes its default. They apply from each member's next daily
    evaluation.

    Args:
        body (ThresholdsUpdate): When a member's daily evaluation raises a signal, for the
            organization's members.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | ThresholdsView
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
