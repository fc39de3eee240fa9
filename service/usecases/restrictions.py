"""A member's restrictions (42 CFR 2.26): requested through their home organization, agreed or
denied by it, ended. Agreeing or ending one re-applies the member's agreed restrictions to every
consent of theirs in force, in the same transaction: the next read honours it."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from service.domain import restrictions as rules
from service.domain.local_time import local_today
from service.domain.paging import Page, PageRequest
from service.domain.ports import Receipt, UnitOfWork, no_receipt
from service.domain.records import next_version
from service.domain.restrictions import NewRestriction, Restriction
from service.usecases.members import live_member, locked_member
from service.usecases.records import locked, member_records


async def request_restriction(
    organization_id: UUID,
    member_id: UUID,
    new: NewRestriction,
    uow: UnitOfWork,
    receipt: Receipt[Restriction] = no_receipt,
) -> Restriction:
    """Record the member's request; it takes effect only once agreed."""
    now = uow.clock.now()
    async with uow:
        member = await live_member(uow, organization_id, member_id, now)
        restriction = rules.request_restriction(
            new,
            restriction_id=uow.ids.new_id(),
            member_id=member.id,
            organization_id=organization_id,
            today=local_today(now, member.timezone or "UTC"),
            now=now,
        )
        await uow.restrictions.add(restriction)
        await receipt(uow, restriction)  # the stored response, if any, commits with it
        await uow.commit()
    return restriction


async def decide_restriction(
    organization_id: UUID, restriction_id: UUID, agree: bool, uow: UnitOfWork
) -> Restriction:
    """Agree (it holds from the next read) or deny a requested restriction, once."""
    now = uow.clock.now()
    async with uow:
        restriction = await locked(uow.restrictions, organization_id, restriction_id, "restriction")
        # Held like a consent's grant holds it: the member's restrictions and consents change
        # one writer at a time, so none applies a list of agreed restrictions another changed.
        await locked_member(uow, organization_id, restriction.member_id)
        decided = rules.decide(restriction, agree=agree, now=now)
        await uow.restrictions.save(decided)
        if agree:
            await _apply(uow, decided.member_id, now)
        await uow.commit()
    return decided


async def end_restriction(
    organization_id: UUID, restriction_id: UUID, uow: UnitOfWork
) -> Restriction:
    """End an agreed restriction: the consents it limited grant their scopes again."""
    now = uow.clock.now()
    async with uow:
        restriction = await locked(uow.restrictions, organization_id, restriction_id, "restriction")
        # Held like a consent's grant holds it: the member's restrictions and consents change
        # one writer at a time, so none applies a list of agreed restrictions another changed.
        await locked_member(uow, organization_id, restriction.member_id)
        ended = rules.end(restriction, now)
        await uow.restrictions.save(ended)
        await _apply(uow, ended.member_id, now)
        await uow.commit()
    return ended


async def list_restrictions(
    organization_id: UUID, member_id: UUID, page: PageRequest, uow: UnitOfWork
) -> Page[Restriction]:
    """The member's restrictions, oldest first (home organization only)."""
    return await member_records(uow, lambda u: u.restrictions, organization_id, member_id, page)


async def _apply(uow: UnitOfWork, member_id: UUID, now: datetime) -> None:
    agreed = await uow.restrictions.agreed_for(member_id)
    for consent in await uow.consents.in_force_of_member_for_update(member_id, now):
        taken = rules.restricted_scopes(consent, agreed)
        if taken != consent.restricted_scopes:
            await uow.consents.save(next_version(consent, restricted_scopes=taken, updated_at=now))
