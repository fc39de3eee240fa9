"""Cheers: a peer's encouragement on a milestone another member reached, from within a shared
network and under consent."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import msgspec

from service.domain import milestones as rules
from service.domain.accounting import Viewing
from service.domain.consent import DataScope, access_for
from service.domain.errors import InvalidField, MemberErased, NotFound, found
from service.domain.event_payloads import milestone_event
from service.domain.events import EventType
from service.domain.members import Member
from service.domain.milestones import Cheer
from service.domain.ports import Receipt, UnitOfWork, no_receipt
from service.usecases.milestones import compute_reached


class CheerMilestone(msgspec.Struct, frozen=True, kw_only=True):
    """`viewing`: the caller, as a cross-organization read names it (a cheer tells that the
    milestone exists, so another organization's cheer is accounted like a read)."""

    viewing: Viewing
    member_id: UUID
    milestone_key: str
    author_member_id: UUID
    message: str

    @property
    def organization_id(self) -> UUID:
        return self.viewing.organization_id


async def cheer(
    command: CheerMilestone, uow: UnitOfWork, receipt: Receipt[Cheer] = no_receipt
) -> Cheer:
    """A network member (one of the caller's) cheers a milestone of someone in one of their
    networks. The caller must see the milestone as its milestones read shows it: home, or a
    consent in force covering `milestones`, and a key of a past period (or one naming the
    period's start) only with `recovery` too. Another organization's cheer is accounted."""
    now = uow.clock.now()
    async with uow:
        member = found(
            await uow.members.get_any_for_share(command.member_id), "member", command.member_id
        )
        home = member.organization_id == command.organization_id
        in_force = (
            [] if home else await uow.consents.in_force(member.id, command.organization_id, now)
        )
        access = access_for(command.organization_id, member.organization_id, in_force)
        if not access.covers(DataScope.MILESTONES):
            raise NotFound("member", command.member_id)
        if member.erased_at is not None or member.timezone is None:
            raise MemberErased(member.id, member.erased_at or now)
        shows_periods = access.covers(DataScope.RECOVERY)
        key = await _require_milestone(uow, member, command.milestone_key, now, shows_periods)
        # For share, like the member: two cheers at once (the same author, or two members
        # cheering each other) must not each wait for the other's lock.
        author = await uow.members.get_any_for_share(command.author_member_id)
        if (
            author is None
            or author.organization_id != command.organization_id
            or author.erased_at is not None
        ):
            raise InvalidField("author_member_id", "The author must be one of your members.")
        if author.id != member.id and not await uow.networks.share_active_network(
            member.id, author.id
        ):
            raise InvalidField("author_member_id", "The author shares no network with the member.")
        made = Cheer(
            id=uow.ids.new_id(),
            member_id=member.id,
            milestone_key=key,
            author_member_id=author.id,
            author_organization_id=command.organization_id,
            message=command.message,
            created_at=now,
        )
        await uow.milestones.add_cheer(made)
        # The key as the cheering organization knows it: its feed must not name a period's
        # start it may not see.
        told_key = key if shows_periods else command.milestone_key
        cheered = milestone_event(
            EventType.MILESTONE_CHEERED,
            member.id,
            command.organization_id,
            uow.ids.new_id(),
            now,
            milestone_key=told_key,
            cheer_id=str(made.id),
        )
        await uow.outbox.append(cheered)
        if not home:
            shown = {DataScope.MILESTONES} | (
                {DataScope.RECOVERY} if key == command.milestone_key and "." in key else set()
            )
            await uow.consents.record_disclosure(
                member,
                command.viewing,
                sorted(cid for cid, granted in in_force if granted & shown),
                frozenset(shown),
            )
        await receipt(uow, made)  # the stored response, if any, commits with it
        await uow.commit()
    return made


async def _require_milestone(
    uow: UnitOfWork, member: Member, key: str, now: datetime, shows_periods: bool
) -> str:
    """The stable key of the milestone `key` names, if the caller's milestones read shows it:
    a custom milestone's id, `current.<rung>`, or (with `shows_periods`) `<period>.<rung>` of
    any period; NotFound otherwise, the same whatever the reason."""
    try:
        custom_id = UUID(key)
    except ValueError:
        custom_id = None
    if custom_id is not None:
        if await uow.milestones.custom(member.id, custom_id) is None:
            raise NotFound("milestone", key)
        return key
    stable = rules.resolve_key(key, member.recovery_started_on)
    if stable == key and not shows_periods:
        # A key naming a period's start: only a viewer of the restart history may use one.
        raise NotFound("milestone", key)
    ladder = await uow.milestones.ladder(member.organization_id)
    periods = await uow.recovery.closed_periods(member.id) if shows_periods else []
    announced = await uow.milestones.announced_keys(member.id)
    keys = {
        rules.milestone_key(r.period_started_on, r.rung)
        for r in compute_reached(ladder, member, periods, announced, now)
        if shows_periods or r.period_started_on == member.recovery_started_on
    }
    if stable not in keys:
        raise NotFound("milestone", key)
    return stable
