"""Who takes part in an intermediary (42 CFR 2.11): recorded by the platform's operator, as
the participants' agreements with the intermediary say; read by any organization, so that a
home organization can name participants in a consent form."""

from __future__ import annotations

from uuid import UUID

from service.domain import intermediaries as rules
from service.domain.errors import InvalidField, NotFound, found
from service.domain.intermediaries import NamedParticipant
from service.domain.organizations import Caller, OrganizationKind
from service.domain.paging import Page, PageRequest
from service.domain.ports import UnitOfWork


async def add_participant(
    caller: Caller, intermediary_id: UUID, participant_id: UUID, uow: UnitOfWork
) -> NamedParticipant:
    """The operator records that an organization takes part in an intermediary from now (the
    same record again, if it already does). Consents to the intermediary may then reach it."""
    caller.require_operator()
    now = uow.clock.now()
    async with uow:
        intermediary = found(
            await uow.organizations.get(intermediary_id), "organization", intermediary_id
        )
        participant = await uow.organizations.get(participant_id)
        if participant is None:
            raise InvalidField("participant_id", "No such organization.")
        existing = await uow.intermediaries.participant_for_update(intermediary_id, participant_id)
        joined = rules.take_part(intermediary, participant, existing, now)
        if joined is not existing:
            await uow.intermediaries.save(joined)
            await uow.commit()
    return NamedParticipant(record=joined, participant=participant)


async def end_participation(
    caller: Caller, intermediary_id: UUID, participant_id: UUID, uow: UnitOfWork
) -> NamedParticipant:
    """The operator records that an organization no longer takes part: from the next read,
    consents to the intermediary no longer reach it. Ending it again changes nothing."""
    caller.require_operator()
    now = uow.clock.now()
    async with uow:
        existing = found(
            await uow.intermediaries.participant_for_update(intermediary_id, participant_id),
            "participant",
            participant_id,
        )
        ended = rules.stop_taking_part(existing, now)
        participant = found(
            await uow.organizations.get(participant_id), "organization", participant_id
        )
        if ended is not existing:
            await uow.intermediaries.save(ended)
            await uow.commit()
    return NamedParticipant(record=ended, participant=participant)


async def list_participants(
    caller: Caller, organization_id: UUID, page: PageRequest, uow: UnitOfWork
) -> Page[NamedParticipant]:
    """The organizations that take or took part in an intermediary, a page at a time. Every
    intermediary's are public (a home organization names them on a consent form); of any other
    organization (which has none) only the operator and the organization itself learn that it
    exists: to anyone else it is a 404, as if there were no such id."""
    async with uow:
        organization = await uow.organizations.get(organization_id)
        if organization is None or not (
            organization.kind is OrganizationKind.INTERMEDIARY
            or caller.is_operator
            or caller.organization_id == organization_id
        ):
            raise NotFound("organization", organization_id)
        return await uow.intermediaries.participants(organization_id, page)
