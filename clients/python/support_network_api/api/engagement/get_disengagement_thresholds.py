from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_details import ProblemDetails
from ...models.thresholds_view import ThresholdsView
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/disengagement-thresholds",
    }

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
) -> Response[ProblemDetails | ThresholdsView]:
    """The organization's thresholds for disengagement signals

     The defaults until it sets its own: quiet for longer than twice the member's usual gap between
    check-ins (at least 3 days), 3 pledge periods in a row without a check-in, 2 meetings in a row
    missed, 3 days without activity after a reach-out closed as `no_longer_needed`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | ThresholdsView]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> ProblemDetails | ThresholdsView | None:
    """The organization's thresholds for disengagement signals

     The defaults until it sets its own: quiet for longer than twice the member's usual gap between
    check-ins (at least 3 days), 3 pledge periods in a row without a check-in, 2 meetings in a row
    missed, 3 days without activity after a reach-out closed as `no_longer_needed`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | ThresholdsView
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ProblemDetails | ThresholdsView]:
    """The organization's thresholds for disengagement signals

     The defaults until it sets its own: quiet for longer than twice the member's usual gap between
    check-ins (at least 3 days), 3 pledge periods in a row without a check-in, 2 meetings in a row
    missed, 3 days without activity after a reach-out closed as `no_longer_needed`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | ThresholdsView]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> ProblemDetails | ThresholdsView | None:
    """The organization's thresholds for disengagement signals

     The defaults until it sets its own: quiet for longer than twice the member's usual gap between
    check-ins (at least 3 days), 3 pledge periods in a row without a check-in, 2 meetings in a row
    missed, 3 days without activity after a reach-out closed as `no_longer_needed`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | ThresholdsView
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
