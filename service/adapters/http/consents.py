"""Consents (/v1/members/{id}/consents, /v1/consents) and the accounting of disclosures."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from litestar import Response, get, post
from litestar.params import JSONBody, PathParameter, QueryParameter

from service.adapters.http.consent_schemas import (
    ConsentCreate,
    ConsentList,
    ConsentRevoke,
    ConsentView,
    DisclosureList,
    TreatmentEnded,
    consent_page,
    disclosure_page,
)
from service.adapters.http.idempotency import Created, IdempotencyKey, create_idempotently, etag
from service.adapters.http.operations import ApiController, HttpRequest, acting, operation
from service.adapters.http.paging import Paging
from service.adapters.http.schemas import INSTANT_PATTERN, parse_instant
from service.domain.consent import Consent
from service.domain.organizations import Scope
from service.usecases import consents as usecases

MemberId = Annotated[UUID, PathParameter(description="The member's id.")]
ConsentId = Annotated[UUID, PathParameter(description="The consent's id.")]
# RFC 3339 with an offset; a bare number is not an instant here. ASCII digits spelled out:
# Python's `\d` takes any Unicode digit, ECMA-262's (the contract's readers') only 0-9.
Since = Annotated[
    str | None,
    QueryParameter(
        required=False,
        pattern=INSTANT_PATTERN,
        max_length=40,
        schema_extra={"format": "date-time"},
        description="Only disclosures at or after this instant (RFC 3339).",
    ),
]
Until = Annotated[
    str | None,
    QueryParameter(
        required=False,
        pattern=INSTANT_PATTERN,
        max_length=40,
        schema_extra={"format": "date-time"},
        description="Only disclosures before this instant (RFC 3339).",
    ),
]


class MemberConsentController(ApiController):
    path = "/v1/members/{member_id:uuid}"
    tags = ["consents"]

    @operation(
        post,
        "grantConsent",
        Scope.CONSENTS_WRITE,
        errors=(409, 410, 413, 422),
        path="/consents",
        etag=True,
        created=True,
    )
    async def grant(
        self,
        request: HttpRequest,
        member_id: MemberId,
        data: JSONBody[ConsentCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> Response[ConsentView]:
        """Record a consent the member signed (the member's home organization only)

        Modelled on 42 CFR Part 2 section 2.31: recipient, scopes of data, purpose, expiry (a
        date, or an end event), how and when it was signed and by whom, and who recorded it. A
        missing element is a 422 naming it."""
        act = acting(request)
        caller = act.caller
        organization_id = act.organization_id
        command = usecases.GrantConsent(
            organization_id=organization_id,
            key_id=caller.key_id,
            member_id=member_id,
            terms=data.to_domain(),
        )

        def present(consent: Consent) -> Created[ConsentView]:
            view = ConsentView.of(consent, organization_id, act.clock.now())
            return Created.of(view, version=consent.version, location=f"/v1/consents/{consent.id}")

        return await create_idempotently(
            request,
            idempotency_key,
            create=lambda uow, receipt: usecases.grant_consent(command, uow, receipt=receipt),
            present=present,
        )

    @operation(get, "listMemberConsents", Scope.CONSENTS_READ, errors=(410,), path="/consents")
    async def list_consents(
        self,
        request: HttpRequest,
        member_id: MemberId,
        page: Paging,
    ) -> ConsentList:
        """Every consent recorded for the member, whatever its status (home only)

        Every consent the member gave, active or ended, oldest first. The member's home organization
        only; a recipient reads a consent that names it with `GET /v1/consents/{consent_id}`.
        """
        act = acting(request)
        home = act.organization_id
        found = await usecases.list_consents(
            home,
            member_id,
            page,
            act.services.members,
            act.services.federation,
        )
        return consent_page(found, home, act.clock.now())

    @operation(
        get, "listMemberDisclosures", Scope.CONSENTS_READ, errors=(410, 422), path="/disclosures"
    )
    async def disclosures(
        self,
        request: HttpRequest,
        member_id: MemberId,
        page: Paging,
        since: Since = None,
        until: Until = None,
    ) -> DisclosureList:
        """The accounting of disclosures: who saw what of the member, when, and why

        Every time data about the member was returned to another organization, with the consents
        that allowed it. Home organization only. Oldest first."""
        act = acting(request)
        found = await usecases.list_disclosures(
            act.organization_id,
            member_id,
            page,
            parse_instant("since", since),
            parse_instant("until", until),
            act.services.members,
            act.services.federation,
        )
        return disclosure_page(found)

    @operation(
        post,
        "endMemberTreatment",
        Scope.CONSENTS_WRITE,
        errors=(410,),
        path="/treatment-end",
        status_code=200,
    )
    async def end_treatment(self, request: HttpRequest, member_id: MemberId) -> TreatmentEnded:
        """Record that the member's treatment ended (home organization only)

        Every consent of the member in force that was given until the end of treatment
        (`end_event: treatment_ended`) ends now: its recipient sees the member no more from the
        next request, and hears `consent.expired` with `reason: treatment_ended`. Consents with an
        expiry date stand. Calling it again ends nothing more."""
        act = acting(request)
        organization_id = act.organization_id
        ended = await usecases.end_treatment(organization_id, member_id, act.uow())
        now = act.clock.now()
        return TreatmentEnded(
            member_id=member_id,
            ended_consents=[ConsentView.of(c, organization_id, now) for c in ended],
        )


class ConsentController(ApiController):
    path = "/v1/consents"
    tags = ["consents"]

    @operation(get, "getConsent", Scope.CONSENTS_READ, path="/{consent_id:uuid}", etag=True)
    async def get_consent(
        self, request: HttpRequest, consent_id: ConsentId
    ) -> Response[ConsentView]:
        """Read a consent (its home organization, or its recipient)

        A consent as it stands now: `status` (`active`, `revoked`, `expired`) is decided at read
        time, so an expiry shows at once. The member's home organization sees every field; the
        recipient sees it while it is named by it, without `patient_name`, who signed or recorded
        it, or the revocation's reason and who received it.
        """
        act = acting(request)
        viewer = act.organization_id
        consent = await usecases.get_consent(viewer, consent_id, act.services.federation)
        return Response(
            ConsentView.of(consent, viewer, act.clock.now()),
            headers={"ETag": etag(consent.version)},
        )

    @operation(
        post,
        "revokeConsent",
        Scope.CONSENTS_WRITE,
        errors=(413, 422),
        path="/{consent_id:uuid}/revoke",
        etag=True,
        status_code=200,
    )
    async def revoke(
        self, request: HttpRequest, consent_id: ConsentId, data: JSONBody[ConsentRevoke]
    ) -> Response[ConsentView]:
        """Revoke a consent (its home organization only); effective on the next request

        Revokes the consent at once: from the next request the recipient sees nothing the consent
        allowed. Records how, when and by whom the revocation was received (42 CFR 2.31(a)(6)).
        `consent.revoked` goes to the home organization and to the recipient organization the
        consent names, if it names one. Only the member's home organization may; revoking a revoked
        consent changes nothing.
        """
        act = acting(request)
        organization_id = act.organization_id
        consent = await usecases.revoke_consent(
            organization_id,
            consent_id,
            data.reason,
            act.uow(),
            received=data.to_domain(act.caller.key_id),
        )
        return Response(
            ConsentView.of(consent, organization_id, act.clock.now()),
            headers={"ETag": etag(consent.version)},
        )
