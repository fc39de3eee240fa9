"""Pledges, check-ins, and the sweep that records missed periods."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from uuid import UUID

import msgspec

from service.domain import pledges as rules
from service.domain.accounting import Viewing
from service.domain.consent import HOME_ACCESS, Access, DataScope
from service.domain.errors import (
    InvalidField,
    MemberErased,
    NotFound,
    Precondition,
    check_version,
    found,
)
from service.domain.event_payloads import pledge_event
from service.domain.events import EventType
from service.domain.local_time import local_today
from service.domain.members import Member
from service.domain.networks import MembershipStatus, ParticipationStatus
from service.domain.paging import Page, PageRequest
from service.domain.pledges import Cadence, CheckIn, Outcome, Pledge, PledgeStatus
from service.domain.ports import FederationQueries, Receipt, UnitOfWork, no_receipt
from service.domain.records import next_version
from service.usecases.consents import covered
from service.usecases.records import locked

MAX_BACKDATE = timedelta(days=7)
MAX_LEAD = timedelta(days=366)
MAX_SPAN = timedelta(days=3660)


class CreatePledge(msgspec.Struct, frozen=True, kw_only=True):
    organization_id: UUID
    member_id: UUID
    text: str
    cadence: Cadence
    starts_on: date
    ends_on: date | None = None
    network_id: UUID | None = None
    supporter_member_id: UUID | None = None


class RecordCheckIn(msgspec.Struct, frozen=True, kw_only=True):
    organization_id: UUID
    pledge_id: UUID
    period: str
    outcome: Outcome
    note: str | None = None
    correction: bool = False


class PledgeSeen(msgspec.Struct, frozen=True, kw_only=True):
    pledge: Pledge
    check_ins: list[CheckIn]
    stats: rules.PledgeStats
    access: Access


async def _home_member(
    uow: UnitOfWork, organization_id: UUID, member_id: UUID, now: datetime
) -> Member:
    # Held against erasure: a pledge or check-in stores text about the member (see
    # get_any_for_share; it may wait a moment behind the milestone sweep).
    member = await uow.members.get_any_for_share(member_id)
    if member is None or member.organization_id != organization_id:
        raise NotFound("member", member_id)
    if member.erased_at is not None or member.timezone is None:
        raise MemberErased(member.id, member.erased_at or now)
    return member


async def create_pledge(
    command: CreatePledge,
    uow: UnitOfWork,
    grace: timedelta,
    receipt: Receipt[PledgeSeen] = no_receipt,
) -> PledgeSeen:
    """A member pledges to self, to a network, or to one supporter in a network (home only)."""
    now = uow.clock.now()
    async with uow:
        member = await _home_member(uow, command.organization_id, command.member_id, now)
        assert member.timezone is not None
        today = local_today(now, member.timezone)
        # A pledge is made for what comes: it may start a few days back (to record a week
        # already begun), not years; an unbounded past would also be an unbounded sweep.
        if not today - MAX_BACKDATE <= command.starts_on <= today + MAX_LEAD:
            raise InvalidField("starts_on", "A pledge starts within a week back or a year ahead.")
        if command.ends_on is not None and command.ends_on < command.starts_on:
            raise InvalidField("ends_on", "A pledge cannot end before it starts.")
        if command.ends_on is not None and command.ends_on > command.starts_on + MAX_SPAN:
            raise InvalidField("ends_on", "A pledge spans ten years at most.")
        if command.supporter_member_id is not None and command.network_id is None:
            raise InvalidField("network_id", "A pledge to a supporter names their shared network.")
        if command.network_id is not None:
            taking_part = await uow.networks.participation(
                command.network_id, command.organization_id
            )
            if taking_part is None or taking_part.status is not ParticipationStatus.ACTIVE:
                raise InvalidField("network_id", "Name a network your organization takes part in.")
            if command.supporter_member_id is not None:
                supporter = await uow.members.get_any(command.supporter_member_id)
                # Naming a supporter tells whether they are active in the network: that is
                # the networks scope's data, so only a consent covering it will do.
                known = supporter is not None and await covered(
                    uow,
                    supporter.id,
                    supporter.organization_id,
                    command.organization_id,
                    DataScope.NETWORKS,
                    now,
                )
                if not known:
                    raise InvalidField(
                        "supporter_member_id",
                        "Name one of your members, or one you hold a consent for.",
                    )
            memberships = await uow.networks.memberships_for_update(command.network_id)
            live = {m.member_id for m in memberships if m.status is MembershipStatus.ACTIVE}
            if member.id not in live:
                raise InvalidField("network_id", "The member is not active in that network.")
            if command.supporter_member_id is not None and command.supporter_member_id not in live:
                raise InvalidField(
                    "supporter_member_id", "The supporter is not active in that network."
                )
        pledge = Pledge(
            id=uow.ids.new_id(),
            member_id=member.id,
            organization_id=member.organization_id,
            text=command.text,
            cadence=command.cadence,
            network_id=command.network_id,
            supporter_member_id=command.supporter_member_id,
            starts_on=command.starts_on,
            ends_on=command.ends_on,
            status=PledgeStatus.ACTIVE,
            version=1,
            created_at=now,
            updated_at=now,
        )
        await uow.pledges.add(pledge)
        await uow.outbox.append(
            pledge_event(EventType.PLEDGE_CREATED, pledge, uow.ids.new_id(), now)
        )
        seen = _seen_at_home(pledge, [], member.timezone, grace, now)
        await receipt(uow, seen)  # the stored response, if any, commits with it
        await uow.commit()
    return seen


async def record_check_in(
    command: RecordCheckIn,
    uow: UnitOfWork,
    grace: timedelta,
    receipt: Receipt[PledgeSeen] = no_receipt,
) -> PledgeSeen:
    """One check-in per period; late ones within the grace window; a second one only as an
    explicit correction, which keeps the replaced one in the history."""
    now = uow.clock.now()
    async with uow:
        # The member first, then the pledge: an erasure locks them in that order.
        unlocked = found(
            await uow.pledges.get(command.organization_id, command.pledge_id),
            "pledge",
            command.pledge_id,
        )
        member = await _home_member(uow, command.organization_id, unlocked.member_id, now)
        assert member.timezone is not None
        pledge = await uow.pledges.get_for_update(command.organization_id, command.pledge_id)
        assert pledge is not None  # a pledge is never deleted
        existing = await uow.pledges.check_ins(pledge.id)
        made, superseded = rules.record_check_in(
            pledge,
            existing,
            period_key=command.period,
            outcome=command.outcome,
            note=command.note,
            correction=command.correction,
            check_in_id=uow.ids.new_id(),
            timezone=member.timezone,
            grace=grace,
            now=now,
        )
        if superseded is not None:
            await uow.pledges.supersede(superseded)
        await uow.pledges.add_check_in(made)
        await uow.outbox.append(
            pledge_event(
                EventType.PLEDGE_CHECKED_IN,
                pledge,
                uow.ids.new_id(),
                now,
                period_start=made.period_start.isoformat(),
                outcome=made.outcome.value,
            )
        )
        check_ins = [
            superseded if superseded is not None and c.id == superseded.id else c for c in existing
        ]
        seen = _seen_at_home(pledge, [*check_ins, made], member.timezone, grace, now)
        await receipt(uow, seen)  # the stored response, if any, commits with it
        await uow.commit()
    return seen


async def change_status(
    organization_id: UUID,
    pledge_id: UUID,
    status: PledgeStatus,
    expected_version: Precondition | None,
    uow: UnitOfWork,
) -> Pledge:
    """Complete or withdraw a pledge (home only), guarded by If-Match."""
    now = uow.clock.now()
    async with uow:
        pledge = await locked(uow.pledges, organization_id, pledge_id, "pledge")
        check_version(pledge.version, expected_version)
        if pledge.status is not PledgeStatus.ACTIVE:
            raise rules.PledgeConflict("pledge-not-active", f"The pledge is {pledge.status.value}.")
        if status is PledgeStatus.ACTIVE:
            raise InvalidField("status", "A pledge is completed or withdrawn.")
        changed = next_version(pledge, status=status, updated_at=now)
        await uow.pledges.save(changed)
        await uow.commit()
    return changed


async def view_pledges(
    viewing: Viewing,
    member_id: UUID,
    page: PageRequest,
    queries: FederationQueries,
    grace: timedelta,
) -> Page[PledgeSeen]:
    """One page of the member's pledges with derived streaks: home, or a consent covering
    `pledges`."""
    seen = found(await queries.pledges_for(viewing, member_id, page), "member", member_id)
    member, access, pledges = seen
    if member.erased_at is not None or member.timezone is None:
        raise MemberErased(member.id, member.erased_at or viewing.now)
    zone = member.timezone
    return Page(
        items=[
            PledgeSeen(
                pledge=pledge,
                check_ins=check_ins,
                stats=rules.stats(
                    rules.outcomes(pledge, check_ins, timezone=zone, grace=grace, now=viewing.now)
                ),
                access=access,
            )
            for pledge, check_ins in pledges.items
        ],
        next_after=pledges.next_after,
    )


def _seen_at_home(
    pledge: Pledge, check_ins: list[CheckIn], timezone: str, grace: timedelta, now: datetime
) -> PledgeSeen:
    return PledgeSeen(
        pledge=pledge,
        check_ins=sorted(check_ins, key=lambda c: (c.period_start, c.recorded_at)),
        stats=rules.stats(
            rules.outcomes(pledge, check_ins, timezone=timezone, grace=grace, now=now)
        ),
        access=HOME_ACCESS,
    )
