from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_details import ProblemDetails
from ...models.reach_out_figures_view import ReachOutFiguresView
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    network_id: None | Unset | UUID = UNSET,
    since: None | str | Unset = UNSET,
    until: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_network_id: None | str | Unset
    if isinstance(network_id, Unset):
        json_network_id = UNSET
    elif isinstance(network_id, UUID):
        json_network_id = str(network_id)
    else:
        json_network_id = network_id
    params["network_id"] = json_network_id

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
        "url": "/v1/reach-out-figures",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetails | ReachOutFiguresView | None:
    if response.status_code == 200:
        response_200 = ReachOutFiguresView.from_dict(response.json())

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
) -> Response[ProblemDetails | ReachOutFiguresView]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    network_id: None | Unset | UUID = UNSET,
    since: None | str | Unset = UNSET,
    until: None | str | Unset = UNSET,
) -> Response[ProblemDetails | ReachOutFiguresView]:
    """How fast the organization's reach-outs were answered, over a period

     Over the caller's reach-outs opened in [`since`, `until`) (default: the last 30 days; at most 366
    days), optionally those that asked one circle: opened, answered, unanswered and escalated counts,
    and the 50th and 90th percentile of the time to a first answer.

    Args:
        network_id (None | Unset | UUID): Only reach-outs that asked this circle.
        since (None | str | Unset): The period's start (RFC 3339; default: 30 days before its
            end).
        until (None | str | Unset): The period's end, excluded (RFC 3339; default: now).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | ReachOutFiguresView]
    """

    kwargs = _get_kwargs(
        network_id=network_id,
        since=since,
        until=until,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    network_id: None | Unset | UUID = UNSET,
    since: None | str | Unset = UNSET,
    until: None | str | Unset = UNSET,
) -> ProblemDetails | ReachOutFiguresView | None:
    """How fast the organization's reach-outs were answered, over a period

     Over the caller's reach-outs opened in [`since`, `until`) (default: the last 30 days; at most 366
    days), optionally those that asked one circle: opened, answered, unanswered and escalated counts,
    and the 50th and 90th percentile of the time to a first answer.

    Args:
        network_id (None | Unset | UUID): Only reach-outs that asked this circle.
        since (None | str | Unset): The period's start (RFC 3339; default: 30 days before its
            end).
        until (None | str | Unset): The period's end, excluded (RFC 3339; default: now).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | ReachOutFiguresView
    """

    return sync_detailed(
        client=client,
        network_id=network_id,
        since=since,
        until=until,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    network_id: None | Unset | UUID = UNSET,
    since: None | str | Unset = UNSET,
    until: None | str | Unset = UNSET,
) -> Response[ProblemDetails | ReachOutFiguresView]:
    """How fast the organization's reach-outs were answered, over a period

     Over the caller's reach-outs opened in [`since`, `until`) (default: the last 30 days; at most 366
    days), optionally those that asked one circle: opened, answered, unanswered and escalated counts,
    and the 50th and 90th percentile of the time to a first answer.

    Args:
        network_id (None | Unset | UUID): Only reach-outs that asked this circle.
        since (None | str | Unset): The period's start (RFC 3339; default: 30 days before its
            end).
        until (None | str | Unset): The period's end, excluded (RFC 3339; default: now).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | ReachOutFiguresView]
    """

    kwargs = _get_kwargs(
        network_id=network_id,
        since=since,
        until=until,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    network_id: None | Unset | UUID = UNSET,
    since: None | str | Unset = UNSET,
    until: None | str | Unset = UNSET,
) -> ProblemDetails | ReachOutFiguresView | None:
    """How fast the organization's reach-outs were answered, over a period

     Over the caller's reach-outs opened in [`since`, `until`) (default: the last 30 days; at most 366
    days), optionally those that asked one circle: opened, answered, unanswered and escalated counts,
    and the 50th and 90th percentile of the time to a first answer.

    Args:
        network_id (None | Unset | UUID): Only reach-outs that asked this circle.
        since (None | str | Unset): The period's start (RFC 3339; default: 30 days before its
            end).
        until (None | str | Unset): The period's end, excluded (RFC 3339; default: now).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | ReachOutFiguresView
    """

    return (
        await asyncio_detailed(
            client=client,
            network_id=network_id,
            since=since,
            until=until,
        )
    ).parsed
