"""Milestones: computed on read, announced once by a sweep, cheered by the network."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from uuid import UUID

import msgspec

from service.domain import milestones as rules
from service.domain.accounting import Viewing
from service.domain.consent import Access, DataScope
from service.domain.errors import InvalidField, MemberErased, found
from service.domain.event_payloads import milestone_event
from service.domain.events import EventType
from service.domain.local_time import local_midnight
from service.domain.members import Member
from service.domain.milestones import Cheer, CustomMilestone, Ladder, Reached
from service.domain.ports import FederationQueries, Receipt, UnitOfWork, no_receipt
from service.domain.recovery import ClosedPeriod
from service.usecases.members import live_member

# Milestones reached long before the journey was recorded are kept as announced, quietly:
# a member registered with five years behind them does not set off five years of events.
QUIET_BEFORE_RECORDING = timedelta(days=1)


class MilestonesSeen(msgspec.Struct, frozen=True, kw_only=True):
    """`shows_periods`: the viewer may see which recovery period a milestone belongs to (its
    start date: the `recovery` scope); otherwise milestones of the current period only, keyed
    `current.<rung>`. `shows_instants`: the viewer may see the instant a milestone was or will
    be reached (it tells the member's UTC offset: the `profile` scope); otherwise the local
    date only."""

    member: Member
    access: Access
    reached: list[Reached]
    next: Reached | None
    custom: list[CustomMilestone]
    cheers: list[Cheer]

    @property
    def shows_periods(self) -> bool:
        return self.access.covers(DataScope.RECOVERY)

    @property
    def shows_instants(self) -> bool:
        return self.access.covers(DataScope.PROFILE)

    def key_of(self, item: Reached) -> str:
        """The milestone's key as this viewer knows it."""
        if self.shows_periods:
            return rules.milestone_key(item.period_started_on, item.rung)
        return rules.current_key(item.rung)


def compute_reached(
    ladder: Ladder,
    member: Member,
    periods: list[ClosedPeriod],
    announced: list[tuple[date, str, datetime]],
    now: datetime,
) -> list[Reached]:
    """Every milestone of every period: a closed period's up to its restart, the current one's
    up to now, plus any already announced (so that a move to a later time zone never takes
    back a milestone that was celebrated)."""
    assert member.timezone is not None
    zone = member.timezone
    by_key: dict[tuple[date, str], Reached] = {}
    for period in periods:
        # Reached within the period: strictly before the local midnight that began the restart day.
        end = local_midnight(period.ended_on, zone) - timedelta(microseconds=1)
        for item in rules.reached(ladder, period.started_on, zone, end):
            by_key[(item.period_started_on, item.rung.key)] = item
    if member.recovery_started_on is not None:
        for item in rules.reached(
            ladder, member.recovery_started_on, zone, now, member.recovery_started_time
        ):
            by_key[(item.period_started_on, item.rung.key)] = item
        current_keys = {rung.key: rung for rung in ladder.rungs}
        for started_on, key, due in announced:
            if started_on == member.recovery_started_on and (started_on, key) not in by_key:
                rung = current_keys.get(key) or _rung_from_key(key)
                if rung is not None:
                    by_key[(started_on, key)] = Reached(
                        rung=rung, period_started_on=started_on, due_at=due
                    )
    return sorted(by_key.values(), key=lambda r: (r.due_at, r.rung.key))


def upcoming(
    ladder: Ladder, member: Member, reached: list[Reached], now: datetime
) -> Reached | None:
    """The current period's next milestone: never one already reached (a milestone announced
    before a move west is due again by the new zone's clock, and stays reached), and always
    later than every milestone reached in the period."""
    if member.recovery_started_on is None or member.timezone is None:
        return None
    current = [r for r in reached if r.period_started_on == member.recovery_started_on]
    after = max([now, *(r.due_at for r in current)])
    skipped = frozenset(r.rung.key for r in current)
    return rules.next_milestone(
        ladder,
        member.recovery_started_on,
        member.timezone,
        after,
        member.recovery_started_time,
        skipping=skipped,
    )


def _rung_from_key(key: str) -> rules.Rung | None:
    units = {"h": rules.Unit.HOURS, "d": rules.Unit.DAYS, "m": rules.Unit.MONTHS}
    if len(key) < 2 or key[-1] not in units or not key[:-1].isdigit():
        return None
    return rules.Rung(unit=units[key[-1]], amount=int(key[:-1]))


async def announce_due_milestones(uow: UnitOfWork, batch: int = 25) -> int:
    """Write `milestone.reached` once per milestone, soon after it is reached; returns how many
    members it looked at. Several workers
    share the work (claimed rows are skipped by the others); a restart loses nothing, since
    what was announced is stored and what is due is found again."""
    now = uow.clock.now()
    async with uow:
        due = await uow.milestones.due_members(now, batch)
        for member, ladder in due:
            assert member.recovery_started_on is not None
            assert member.timezone is not None
            reached_now = rules.reached(
                ladder,
                member.recovery_started_on,
                member.timezone,
                now,
                member.recovery_started_time,
            )
            new = await uow.milestones.announce(
                member.id,
                member.recovery_started_on,
                [(item.rung.key, item.due_at) for item in reached_now],
                now,
            )
            for item in reached_now:
                if (
                    item.rung.key in new
                    and item.due_at >= member.created_at - QUIET_BEFORE_RECORDING
                ):
                    key = rules.milestone_key(item.period_started_on, item.rung)
                    reached = milestone_event(
                        EventType.MILESTONE_REACHED,
                        member.id,
                        member.organization_id,
                        uow.ids.new_id(),
                        now,
                        milestone_key=key,
                        label=item.rung.label,
                    )
                    await uow.outbox.append(reached)
            following = rules.next_milestone(
                ladder,
                member.recovery_started_on,
                member.timezone,
                now,
                member.recovery_started_time,
            )
            await uow.milestones.schedule(member, following.due_at if following else None)
        await uow.commit()
    return len(due)


async def view_milestones(
    viewing: Viewing, member_id: UUID, queries: FederationQueries
) -> MilestonesSeen:
    """Reached milestones (with their period), the next one, custom ones and cheers. The home
    organization, or a consent in force covering `milestones` (recorded as a disclosure);
    what else shows follows the other scopes in force (see MilestonesSeen)."""
    facts = found(await queries.milestones_for(viewing, member_id), "member", member_id)
    member, access = facts.member, facts.access
    if member.erased_at is not None or member.timezone is None:
        raise MemberErased(member.id, member.erased_at or viewing.now)
    reached = compute_reached(facts.ladder, member, facts.periods, facts.announced, viewing.now)
    if not access.covers(DataScope.RECOVERY):
        # Without `recovery`, the current period only (a closed period is restart history).
        reached = [r for r in reached if r.period_started_on == member.recovery_started_on]
    return MilestonesSeen(
        member=member,
        access=access,
        reached=reached,
        next=upcoming(facts.ladder, member, reached, viewing.now),
        custom=facts.custom,
        cheers=facts.cheers,
    )


async def replace_ladder(organization_id: UUID, ladder: Ladder | None, uow: UnitOfWork) -> Ladder:
    """Replace the organization's ladder for all its members (None: the default again)."""
    if ladder is not None:
        rules.validate_ladder(ladder)
    async with uow:
        await uow.milestones.set_ladder(organization_id, ladder)
        await uow.commit()
    return ladder or rules.DEFAULT_LADDER


async def get_ladder(organization_id: UUID, uow: UnitOfWork) -> Ladder:
    """The ladder the organization's members climb."""
    async with uow:
        return await uow.milestones.ladder(organization_id)


async def add_custom_milestone(
    organization_id: UUID,
    member_id: UUID,
    title: str,
    achieved_on: date,
    uow: UnitOfWork,
    receipt: Receipt[CustomMilestone] = no_receipt,
) -> CustomMilestone:
    """Record a milestone of the member's own ("first meeting chaired"); home only."""
    now = uow.clock.now()
    async with uow:
        member = await live_member(uow, organization_id, member_id, now)
        if (achieved_on - now.date()).days > 1:
            raise InvalidField("achieved_on", "A milestone cannot be in the future.")
        milestone = CustomMilestone(
            id=uow.ids.new_id(),
            member_id=member.id,
            title=title,
            achieved_on=achieved_on,
            created_at=now,
        )
        await uow.milestones.add_custom(milestone, organization_id)
        reached = milestone_event(
            EventType.MILESTONE_REACHED,
            member.id,
            organization_id,
            uow.ids.new_id(),
            now,
            milestone_key=str(milestone.id),
        )
        await uow.outbox.append(reached)
        await receipt(uow, milestone)  # the stored response, if any, commits with it
        await uow.commit()
    return milestone
