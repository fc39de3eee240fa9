from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.incident_create import IncidentCreate
from ...models.incident_view import IncidentView
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: IncidentCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/incidents",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IncidentView | ProblemDetails | None:
    if response.status_code == 201:
        response_201 = IncidentView.from_dict(response.json())

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
) -> Response[IncidentView | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: IncidentCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[IncidentView | ProblemDetails]:
    """Open an incident: a suspected breach or a compromised API key (42 CFR 2.16)

     Announced as `incident.opened` to the organization's own `keys:manage` readers. Then `GET
    /v1/incidents/{id}/disclosures` lists every disclosure it touched.

    Args:
        idempotency_key (str | Unset): Makes a retry of this request safe: the same key and body
            return the first response; another body with the same key is a 422. Kept for 24 hours.
        body (IncidentCreate): `compromised_key` names the key (`key_id`): the incident then
            touches what that key read. `recipient_organization_id` narrows it to what the caller
            disclosed to one organization. The period is `since` (required) to `until` (default:
            open).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IncidentView | ProblemDetails]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: IncidentCreate,
    idempotency_key: str | Unset = UNSET,
) -> IncidentView | ProblemDetails | None:
    """Open an incident: a suspected breach or a compromised API key (42 CFR 2.16)

     Announced as `incident.opened` to the organization's own `keys:manage` readers. Then `GET
    /v1/incidents/{id}/disclosures` lists every disclosure it touched.

    Args:
        idempotency_key (str | Unset): Makes a retry of this request safe: the same key and body
            return the first response; another body with the same key is a 422. Kept for 24 hours.
        body (IncidentCreate): `compromised_key` names the key (`key_id`): the incident then
            touches what that key read. `recipient_organization_id` narrows it to what the caller
            disclosed to one organization. The period is `since` (required) to `until` (default:
            open).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IncidentView | ProblemDetails
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: IncidentCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[IncidentView | ProblemDetails]:
    """Open an incident: a suspected breach or a compromised API key (42 CFR 2.16)

     Announced as `incident.opened` to the organization's own `keys:manage` readers. Then `GET
    /v1/incidents/{id}/disclosures` lists every disclosure it touched.

    Args:
        idempotency_key (str | Unset): Makes a retry of this request safe: the same key and body
            return the first response; another body with the same key is a 422. Kept for 24 hours.
        body (IncidentCreate): `compromised_key` names the key (`key_id`): the incident then
            touches what that key read. `recipient_organization_id` narrows it to what the caller
            disclosed to one organization. The period is `since` (required) to `until` (default:
            open).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IncidentView | ProblemDetails]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: IncidentCreate,
    idempotency_key: str | Unset = UNSET,
) -> IncidentView | ProblemDetails | None:
    """Open an incident: a suspected breach or a compromised API key (42 CFR 2.16)

     Announced as `incident.opened` to the organization's own `keys:manage` readers. Then `GET
    /v1/incidents/{id}/disclosures` lists every disclosure it touched.

    Args:
        idempotency_key (str | Unset): Makes a retry of this request safe: the same key and body
            return the first response; another body with the same key is a 422. Kept for 24 hours.
        body (IncidentCreate): `compromised_key` names the key (`key_id`): the incident then
            touches what that key read. `recipient_organization_id` narrows it to what the caller
            disclosed to one organization. The period is `since` (required) to `until` (default:
            open).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IncidentView | ProblemDetails
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
