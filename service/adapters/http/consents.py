"""Consents (/v1/members/{id}/consents, /v1/consents) and the accounting of disclosures."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

from litestar import Controller, Request, Response, get, post
from litestar.params import JSONBody, PathParameter, QueryParameter

from service.adapters.http import responses
from service.adapters.http.auth import caller_of, scope_required
from service.adapters.http.consent_schemas import (
    ConsentCreate,
    ConsentList,
    ConsentRevoke,
    ConsentView,
    DisclosureList,
    consent_page,
    disclosure_page,
)
from service.adapters.http.idempotency import Created, IdempotencyKey, create_idempotently, etag
from service.adapters.http.paging import Cursor, Limit, page_request
from service.adapters.http.services import BEARER, authenticated, services_of
from service.domain.consent import Consent
from service.domain.errors import InvalidField
from service.domain.organizations import Scope
from service.domain.paging import DEFAULT_PAGE_SIZE
from service.usecases import consents as usecases

MemberId = Annotated[UUID, PathParameter(description="The member's id.")]
ConsentId = Annotated[UUID, PathParameter(description="The consent's id.")]
# RFC 3339 with an offset; a bare number is not an instant here. ASCII digits spelled out:
# Python's `\d` takes any Unicode digit, ECMA-262's (the contract's readers') only 0-9.
_D = "[0-9]"
_INSTANT = (
    rf"^{_D}{{4}}-{_D}{{2}}-{_D}{{2}}[Tt ]{_D}{{2}}:{_D}{{2}}:{_D}{{2}}(\.{_D}{{1,6}})?"
    rf"([Zz]|[+-]{_D}{{2}}:{_D}{{2}})$"
)
Since = Annotated[
    str | None,
    QueryParameter(
        required=False,
        pattern=_INSTANT,
        max_length=40,
        description="Only disclosures at or after this instant (RFC 3339).",
    ),
]
Until = Annotated[
    str | None,
    QueryParameter(
        required=False,
        pattern=_INSTANT,
        max_length=40,
        description="Only disclosures before this instant (RFC 3339).",
    ),
]


def _instant(name: str, value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value.replace("z", "Z"))
    except ValueError:
        # The shape matched the contract but the calendar does not (a 30 February).
        raise InvalidField(name, f"{value!r} is not a real instant.") from None


class MemberConsentController(Controller):
    path = "/v1/members/{member_id:uuid}"
    tags = ["consents"]
    middleware = [authenticated]
    security = BEARER

    @post(
        "/consents",
        operation_id="grantConsent",
        summary="Record a consent the member signed (the member's home organization only)",
        description="Modelled on 42 CFR Part 2 section 2.31: recipient, scopes of data, purpose, "
        "expiry (a date, or an end event), how and when it was signed and by whom, and who "
        "recorded it. A missing element is a 422 naming it.",
        opt=scope_required(Scope.CONSENTS_WRITE),
        responses=responses.error_responses(403, 409, 410, 413, 422),
        response_headers=[responses.ETAG_HEADER, responses.LOCATION_HEADER],
    )
    async def grant(
        self,
        request: Request[Any, Any, Any],
        member_id: MemberId,
        data: JSONBody[ConsentCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> Response[ConsentView]:
        services = services_of(request)
        caller = caller_of(request)
        organization_id = caller.organization_with(Scope.CONSENTS_WRITE)
        command = usecases.GrantConsent(
            organization_id=organization_id,
            key_id=caller.key_id,
            member_id=member_id,
            terms=data.to_domain(),
        )

        def present(consent: Consent) -> Created[ConsentView]:
            return Created(
                body=ConsentView.of(consent, organization_id, services.clock.now()),
                headers={"ETag": etag(consent.version), "Location": f"/v1/consents/{consent.id}"},
                resource_id=None,
            )

        return await create_idempotently(
            request,
            idempotency_key,
            create=lambda uow, receipt: usecases.grant_consent(
                command, uow, services.clock, services.ids, receipt=receipt
            ),
            present=present,
        )

    @get(
        "/consents",
        operation_id="listMemberConsents",
        summary="Every consent recorded for the member, whatever its status (home only)",
        opt=scope_required(Scope.CONSENTS_READ),
        responses=responses.error_responses(403, 410),
    )
    async def list_consents(
        self,
        request: Request[Any, Any, Any],
        member_id: MemberId,
        limit: Limit = DEFAULT_PAGE_SIZE,
        cursor: Cursor = None,
    ) -> ConsentList:
        services = services_of(request)
        home = caller_of(request).organization_with(Scope.CONSENTS_READ)
        page = await usecases.list_consents(
            home, member_id, page_request(limit, cursor), services.members, services.federation
        )
        return consent_page(page, home, services.clock.now())

    @get(
        "/disclosures",
        operation_id="listMemberDisclosures",
        summary="The accounting of disclosures: who saw what of the member, when, and why",
        description="Every time data about the member was returned to another organization, "
        "with the consents that allowed it. Home organization only. Oldest first.",
        opt=scope_required(Scope.CONSENTS_READ),
        responses=responses.error_responses(403, 410, 422),
    )
    async def disclosures(
        self,
        request: Request[Any, Any, Any],
        member_id: MemberId,
        limit: Limit = DEFAULT_PAGE_SIZE,
        cursor: Cursor = None,
        since: Since = None,
        until: Until = None,
    ) -> DisclosureList:
        services = services_of(request)
        page = await usecases.list_disclosures(
            caller_of(request).organization_with(Scope.CONSENTS_READ),
            member_id,
            page_request(limit, cursor),
            _instant("since", since),
            _instant("until", until),
            services.members,
            services.federation,
        )
        return disclosure_page(page)


class ConsentController(Controller):
    path = "/v1/consents"
    tags = ["consents"]
    middleware = [authenticated]
    security = BEARER

    @get(
        "/{consent_id:uuid}",
        operation_id="getConsent",
        summary="Read a consent (its home organization, or its recipient)",
        opt=scope_required(Scope.CONSENTS_READ),
        responses=responses.READ,
        response_headers=[responses.ETAG_HEADER],
    )
    async def get_consent(
        self, request: Request[Any, Any, Any], consent_id: ConsentId
    ) -> Response[ConsentView]:
        services = services_of(request)
        viewer = caller_of(request).organization_with(Scope.CONSENTS_READ)
        consent = await usecases.get_consent(viewer, consent_id, services.federation)
        return Response(
            ConsentView.of(consent, viewer, services.clock.now()),
            headers={"ETag": etag(consent.version)},
        )

    @post(
        "/{consent_id:uuid}/revoke",
        operation_id="revokeConsent",
        summary="Revoke a consent (its home organization only); effective on the next request",
        opt=scope_required(Scope.CONSENTS_WRITE),
        responses=responses.error_responses(403, 413),
        response_headers=[responses.ETAG_HEADER],
        status_code=200,
    )
    async def revoke(
        self,
        request: Request[Any, Any, Any],
        consent_id: ConsentId,
        data: JSONBody[ConsentRevoke],
    ) -> Response[ConsentView]:
        services = services_of(request)
        organization_id = caller_of(request).organization_with(Scope.CONSENTS_WRITE)
        consent = await usecases.revoke_consent(
            organization_id, consent_id, data.reason, services.uow(), services.clock, services.ids
        )
        return Response(
            ConsentView.of(consent, organization_id, services.clock.now()),
            headers={"ETag": etag(consent.version)},
        )
