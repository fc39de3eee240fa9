"""Incidents (/v1/incidents): a suspected breach or a compromised key, and every disclosure it
touched (42 CFR 2.16)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

import msgspec
from litestar import Response, get, post
from litestar.params import JSONBody, PathParameter
from msgspec import Meta

from service.adapters.http.consent_schemas import DisclosureList, disclosure_page
from service.adapters.http.idempotency import Created, IdempotencyKey, create_idempotently
from service.adapters.http.operations import ApiController, HttpRequest, acting, operation
from service.adapters.http.paging import Paging
from service.adapters.http.schemas import PRINTABLE, Instant, parse_instant
from service.adapters.http.views import CopiedView
from service.domain.incidents import IncidentKind, IncidentStatus, NewIncident
from service.domain.organizations import Scope
from service.domain.records import copied
from service.usecases import incidents as usecases

IncidentId = Annotated[UUID, PathParameter(description="The incident's id.")]
Text = Annotated[str, Meta(min_length=1, max_length=2000, pattern=PRINTABLE)]


class IncidentCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """`compromised_key` names the key (`key_id`): the incident then touches what that key
    read. `recipient_organization_id` narrows it to what the caller disclosed to one
    organization. The period is `since` (required) to `until` (default: open)."""

    kind: IncidentKind
    description: Text
    since: Instant
    until: Instant | None = None
    key_id: UUID | None = None
    recipient_organization_id: UUID | None = None

    def to_domain(self) -> NewIncident:
        since = parse_instant("since", self.since)
        assert since is not None
        return copied(NewIncident, self, since=since, until=parse_instant("until", self.until))


class IncidentClose(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    note: Annotated[Text, Meta(description="What was done: notifications made, key revoked.")]


class IncidentView(CopiedView, kw_only=True):
    id: UUID
    kind: IncidentKind
    description: str
    key_id: UUID | None
    recipient_organization_id: UUID | None
    since: datetime
    until: datetime | None
    status: IncidentStatus
    opened_at: datetime
    closed_at: datetime | None
    closing_note: str | None
    version: int


class IncidentController(ApiController):
    path = "/v1/incidents"
    tags = ["incidents"]

    @operation(post, "openIncident", Scope.KEYS_MANAGE, errors=(409, 413, 422), created=True)
    async def open(
        self,
        request: HttpRequest,
        data: JSONBody[IncidentCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> Response[IncidentView]:
        """Open an incident: a suspected breach or a compromised API key (42 CFR 2.16)

        Announced as `incident.opened` to the organization's own `keys:manage` readers. Then
        `GET /v1/incidents/{id}/disclosures` lists every disclosure it touched."""
        act = acting(request)
        organization_id, new = act.organization_id, data.to_domain()
        return await create_idempotently(
            request,
            idempotency_key,
            create=lambda uow, receipt: usecases.open_incident(
                organization_id, new, uow, receipt=receipt
            ),
            present=lambda incident: Created.of(
                IncidentView.of(incident), location=f"/v1/incidents/{incident.id}"
            ),
        )

    @operation(get, "getIncident", Scope.KEYS_MANAGE, path="/{incident_id:uuid}")
    async def get_incident(self, request: HttpRequest, incident_id: IncidentId) -> IncidentView:
        """Read one of the organization's incidents

        An incident as recorded: what happened (a compromised key, or a suspected breach), the
        period it covers, the key or recipient it concerns if it names one, and whether it is
        closed. Its disclosures are at `/v1/incidents/{incident_id}/disclosures`.
        """
        act = acting(request)
        found = await usecases.get_incident(
            act.organization_id, incident_id, act.services.incidents
        )
        return IncidentView.of(found)

    @operation(
        post,
        "closeIncident",
        Scope.KEYS_MANAGE,
        errors=(409, 413, 422),
        path="/{incident_id:uuid}/close",
        status_code=200,
    )
    async def close(
        self, request: HttpRequest, incident_id: IncidentId, data: JSONBody[IncidentClose]
    ) -> IncidentView:
        """Close an incident with what was done (`incident.closed`); closing twice is a 409

        Closes an open incident with a note saying what was done (the notifications sent, the key
        revoked). `incident.closed` follows; closing a closed one is a 409.
        """
        act = acting(request)
        closed = await usecases.close_incident(
            act.organization_id, incident_id, data.note, act.uow()
        )
        return IncidentView.of(closed)

    @operation(
        get, "listIncidentDisclosures", Scope.KEYS_MANAGE, path="/{incident_id:uuid}/disclosures"
    )
    async def disclosures(
        self,
        request: HttpRequest,
        incident_id: IncidentId,
        page: Paging,
    ) -> DisclosureList:
        """Every disclosure the incident touched, oldest first

        In the incident's period: those of the caller's members it disclosed (to the incident's
        recipient, if it names one), and those it received (read with the incident's key, if it
        names one), each as the accounting of disclosures shows it."""
        act = acting(request)
        found = await usecases.touched_disclosures(
            act.organization_id, incident_id, page, act.services.incidents
        )
        return disclosure_page(found)
