from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.consent_revoke import ConsentRevoke
from ...models.consent_view import ConsentView
from ...models.problem_details import ProblemDetails
from ...types import Response


def _get_kwargs(
    consent_id: UUID,
    *,
    body: ConsentRevoke,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/consents/{consent_id}/revoke".format(
            consent_id=quote(str(consent_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ConsentView | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = ConsentView.from_dict(response.json())

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
) -> Response[ConsentView | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    consent_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ConsentRevoke,
) -> Response[ConsentView | ProblemDetails]:
    """Revoke a consent (its home organization only); effective on the next request

     Revokes the consent at once: from the next request the recipient sees nothing the consent allowed.
    Records how, when and by whom the revocation was received (42 CFR 2.31(a)(6)). `consent.revoked`
    goes to the home organization and to the recipient organization the consent names, if it names one.
    Only the member's home organization may; revoking a revoked consent changes nothing.

    Args:
        consent_id (UUID): The consent's id.
        body (ConsentRevoke): How the revocation reached the organization (42 CFR 2.31(a)(6)):
            `received_via` (`written`, `electronic`, `oral`; default `electronic`), `received_at`
            (default now) and `received_by` (who took it). It takes effect now, whenever it was
            received.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConsentView | ProblemDetails]
    """

    kwargs = _get_kwargs(
        consent_id=consent_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    consent_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ConsentRevoke,
) -> ConsentView | ProblemDetails | None:
    """Revoke a consent (its home organization only); effective on the next request

     Revokes the consent at once: from the next request the recipient sees nothing the consent allowed.
    Records how, when and by whom the revocation was received (42 CFR 2.31(a)(6)). `consent.revoked`
    goes to the home organization and to the recipient organization the consent names, if it names one.
    Only the member's home organization may; revoking a revoked consent changes nothing.

    Args:
        consent_id (UUID): The consent's id.
        body (ConsentRevoke): How the revocation reached the organization (42 CFR 2.31(a)(6)):
            `received_via` (`written`, `electronic`, `oral`; default `electronic`), `received_at`
            (default now) and `received_by` (who took it). It takes effect now, whenever it was
            received.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConsentView | ProblemDetails
    """

    return sync_detailed(
        consent_id=consent_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    consent_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ConsentRevoke,
) -> Response[ConsentView | ProblemDetails]:
    """Revoke a consent (its home organization only); effective on the next request

     Revokes the consent at once: from the next request the recipient sees nothing the consent allowed.
    Records how, when and by whom the revocation was received (42 CFR 2.31(a)(6)). `consent.revoked`
    goes to the home organization and to the recipient organization the consent names, if it names one.
    Only the member's home organization may; revoking a revoked consent changes nothing.

    Args:
        consent_id (UUID): The consent's id.
        body (ConsentRevoke): How the revocation reached the organization (42 CFR 2.31(a)(6)):
            `received_via` (`written`, `electronic`, `oral`; default `electronic`), `received_at`
            (default now) and `received_by` (who took it). It takes effect now, whenever it was
            received.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConsentView | ProblemDetails]
    """

    kwargs = _get_kwargs(
        consent_id=consent_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    consent_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ConsentRevoke,
) -> ConsentView | ProblemDetails | None:
    """Revoke a consent (its home organization only); effective on the next request

     Revokes the consent at once: from the next request the recipient sees nothing the consent allowed.
    Records how, when and by whom the revocation was received (42 CFR 2.31(a)(6)). `consent.revoked`
    goes to the home organization and to the recipient organization the consent names, if it names one.
    Only the member's home organization may; revoking a revoked consent changes nothing.

    Args:
        consent_id (UUID): The consent's id.
        body (ConsentRevoke): How the revocation reached the organization (42 CFR 2.31(a)(6)):
            `received_via` (`written`, `electronic`, `oral`; default `electronic`), `received_at`
            (default now) and `received_by` (who took it). It takes effect now, whenever it was
            received.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConsentView | ProblemDetails
    """

    return (
        await asyncio_detailed(
            consent_id=consent_id,
            client=client,
            body=body,
        )
    ).parsed
