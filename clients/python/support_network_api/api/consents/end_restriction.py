from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_details import ProblemDetails
from ...models.restriction_view import RestrictionView
from ...types import Response


def _get_kwargs(
    restriction_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/restrictions/{restriction_id}/end".format(
            restriction_id=quote(str(restriction_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetails | RestrictionView | None:
    if response.status_code == 200:
        response_200 = RestrictionView.from_dict(response.json())

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
) -> Response[ProblemDetails | RestrictionView]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    restriction_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ProblemDetails | RestrictionView]:
    """End an agreed restriction: the consents it limited grant their scopes again

     Ends an agreed restriction: from the next read the consents it limited allow again what they say.

    Args:
        restriction_id (UUID): The restriction's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | RestrictionView]
    """

    kwargs = _get_kwargs(
        restriction_id=restriction_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    restriction_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ProblemDetails | RestrictionView | None:
    """End an agreed restriction: the consents it limited grant their scopes again

     Ends an agreed restriction: from the next read the consents it limited allow again what they say.

    Args:
        restriction_id (UUID): The restriction's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | RestrictionView
    """

    return sync_detailed(
        restriction_id=restriction_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    restriction_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ProblemDetails | RestrictionView]:
    """End an agreed restriction: the consents it limited grant their scopes again

     Ends an agreed restriction: from the next read the consents it limited allow again what they say.

    Args:
        restriction_id (UUID): The restriction's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | RestrictionView]
    """

    kwargs = _get_kwargs(
        restriction_id=restriction_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    restriction_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ProblemDetails | RestrictionView | None:
    """End an agreed restriction: the consents it limited grant their scopes again

     Ends an agreed restriction: from the next read the consents it limited allow again what they say.

    Args:
        restriction_id (UUID): The restriction's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | RestrictionView
    """

    return (
        await asyncio_detailed(
            restriction_id=restriction_id,
            client=client,
        )
    ).parsed
