"""Member use cases. Every one is scoped to the caller's organization: a member of another
organization is reported as not found, never as forbidden."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import msgspec

from service.domain import consent_terms as consent_rules
from service.domain import members as rules
from service.domain.errors import MemberErased, Precondition, found
from service.domain.event_payloads import consent_event, member_event
from service.domain.events import EventType
from service.domain.members import Member, MemberChanges, NewMember
from service.domain.paging import Page, PageRequest
from service.domain.ports import MemberQueries, Receipt, UnitOfWork, no_receipt
from service.domain.recovery import check_start_after_history


class CreateMember(msgspec.Struct, frozen=True, kw_only=True):
    organization_id: UUID
    member: NewMember


class UpdateMember(msgspec.Struct, frozen=True, kw_only=True):
    organization_id: UUID
    member_id: UUID
    changes: MemberChanges
    expected_version: Precondition | None = None


class EraseMember(msgspec.Struct, frozen=True, kw_only=True):
    organization_id: UUID
    member_id: UUID
    expected_version: Precondition | None = None


async def create_member(
    command: CreateMember, uow: UnitOfWork, receipt: Receipt[Member] = no_receipt
) -> Member:
    """Register a member in the caller's organization and announce `member.created`."""
    async with uow:
        member = await add_member(command, uow, uow.clock.now())
        await receipt(uow, member)  # the stored response, if any, commits with it
        await uow.commit()
    return member


async def add_member(command: CreateMember, uow: UnitOfWork, now: datetime) -> Member:
    """The writes of a new member and its `member.created`, inside the caller's unit of work
    (also used when a referral brings a new person)."""
    member = rules.register_member(
        command.member, member_id=uow.ids.new_id(), organization_id=command.organization_id, now=now
    )
    await uow.members.add(member)
    await uow.outbox.append(
        member_event(EventType.MEMBER_CREATED, member, event_id=uow.ids.new_id(), now=now)
    )
    return member


async def get_member(organization_id: UUID, member_id: UUID, queries: MemberQueries) -> Member:
    """One member of the caller's organization; an erased one is reported as gone."""
    member = found(await queries.get(organization_id, member_id), "member", member_id)
    if member.erased_at is not None:
        raise MemberErased(member.id, member.erased_at)
    return member


async def list_members(
    organization_id: UUID, page: PageRequest, external_ref: str | None, queries: MemberQueries
) -> Page[Member]:
    """The caller's members (erased ones left out), optionally only the one with `external_ref`."""
    return await queries.list(organization_id, page, external_ref)


async def update_member(command: UpdateMember, uow: UnitOfWork) -> Member:
    """Apply a partial update guarded by If-Match; announce `member.updated` if anything changed."""
    now = uow.clock.now()
    async with uow:
        current = await locked_member(uow, command.organization_id, command.member_id)
        updated, changed = rules.apply_changes(
            current, command.changes, expected_version=command.expected_version, now=now
        )
        if "recovery_started_on" in changed:
            check_start_after_history(
                updated.recovery_started_on, await uow.recovery.closed_periods(updated.id)
            )
        if changed:
            await uow.members.save(updated)
            await uow.outbox.append(
                member_event(
                    EventType.MEMBER_UPDATED,
                    updated,
                    event_id=uow.ids.new_id(),
                    now=now,
                    changed_fields=changed,
                )
            )
            await uow.commit()
    return updated


async def erase_member(command: EraseMember, uow: UnitOfWork) -> Member:
    """Erase the member's personal fields, keeping a tombstone; erasing twice changes nothing."""
    now = uow.clock.now()
    async with uow:
        current = await locked_member(uow, command.organization_id, command.member_id)
        if current.is_erased:
            return current
        erased = rules.erase(current, expected_version=command.expected_version, now=now)
        await uow.members.save(erased)
        await uow.outbox.append(
            member_event(EventType.MEMBER_ERASED, erased, event_id=uow.ids.new_id(), now=now)
        )
        # Nothing about an erased member crosses any more: its consents end with it, and
        # the organizations they name hear so as from any other expiry (those reached through
        # a class or an intermediary learn it from their next read, which shows nothing).
        for consent in await uow.consents.in_force_of_member_for_update(erased.id, now):
            ended = consent_rules.end_with_member(consent, now)
            await uow.consents.save(ended)
            await uow.consents.mark_expiry_announced(ended.id, now)
            await uow.outbox.append(
                consent_event(
                    EventType.CONSENT_EXPIRED, ended, uow.ids.new_id(), now, reason="member_erased"
                )
            )
        await uow.commit()
    return erased


async def locked_member(uow: UnitOfWork, organization_id: UUID, member_id: UUID) -> Member:
    """One of the organization's members, locked, erased or not; NotFound for another's."""
    return found(await uow.members.get_for_update(organization_id, member_id), "member", member_id)


async def live_member(
    uow: UnitOfWork, organization_id: UUID, member_id: UUID, now: datetime
) -> Member:
    """One of the organization's members, locked, and not erased: NotFound for another's or
    none, MemberErased (410) for a tombstone."""
    member = await locked_member(uow, organization_id, member_id)
    if member.erased_at is not None or member.timezone is None:
        raise MemberErased(member.id, member.erased_at or now)
    return member
