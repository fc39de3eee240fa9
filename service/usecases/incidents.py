"""Incidents (42 CFR 2.16): open one, close it, and find every disclosure it touched."""

from __future__ import annotations

from uuid import UUID

from service.domain import incidents as rules
from service.domain.accounting import Disclosure
from service.domain.errors import InvalidField, found
from service.domain.event_payloads import incident_event
from service.domain.events import EventType
from service.domain.incidents import Incident, NewIncident
from service.domain.paging import Page, PageRequest
from service.domain.ports import IncidentQueries, Receipt, UnitOfWork, no_receipt
from service.usecases.records import locked


async def open_incident(
    organization_id: UUID,
    new: NewIncident,
    uow: UnitOfWork,
    receipt: Receipt[Incident] = no_receipt,
) -> Incident:
    """Record a suspected breach or a compromised key of the organization's (incident.opened):
    the key named is one of its own, the recipient named an existing organization (422)."""
    now = uow.clock.now()
    incident = rules.open_incident(
        new, incident_id=uow.ids.new_id(), organization_id=organization_id, now=now
    )
    async with uow:
        if new.key_id is not None and await uow.api_keys.get(organization_id, new.key_id) is None:
            raise InvalidField("key_id", "Name one of your organization's API keys.")
        recipient = new.recipient_organization_id
        if recipient is not None and await uow.organizations.get(recipient) is None:
            raise InvalidField("recipient_organization_id", "Name an existing organization.")
        await uow.incidents.add(incident)
        await uow.outbox.append(
            incident_event(EventType.INCIDENT_OPENED, incident, uow.ids.new_id(), now)
        )
        await receipt(uow, incident)  # the stored response, if any, commits with it
        await uow.commit()
    return incident


async def close_incident(
    organization_id: UUID, incident_id: UUID, note: str, uow: UnitOfWork
) -> Incident:
    """Close an incident with what was done (incident.closed); a closed one is a 409."""
    now = uow.clock.now()
    async with uow:
        incident = await locked(uow.incidents, organization_id, incident_id, "incident")
        closed = rules.close_incident(incident, note, now)
        await uow.incidents.save(closed)
        await uow.outbox.append(
            incident_event(EventType.INCIDENT_CLOSED, closed, uow.ids.new_id(), now)
        )
        await uow.commit()
    return closed


async def get_incident(
    organization_id: UUID, incident_id: UUID, queries: IncidentQueries
) -> Incident:
    """One of the organization's incidents."""
    return found(await queries.get(organization_id, incident_id), "incident", incident_id)


async def touched_disclosures(
    organization_id: UUID, incident_id: UUID, page: PageRequest, queries: IncidentQueries
) -> Page[Disclosure]:
    """Every disclosure the incident touched, a page at a time (for notification duties)."""
    incident = await get_incident(organization_id, incident_id, queries)
    return await queries.disclosures(incident, page)
