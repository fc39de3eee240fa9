"""Recovery journeys: restarts and the derived streaks."""

from __future__ import annotations

from datetime import date, time
from uuid import UUID

import msgspec

from service.domain import recovery as rules
from service.domain.accounting import Viewing
from service.domain.consent import HOME_ACCESS, Access
from service.domain.errors import MemberErased, found
from service.domain.event_payloads import member_event
from service.domain.events import EventType
from service.domain.local_time import local_today
from service.domain.meetings import AttendanceSummary
from service.domain.members import Member
from service.domain.ports import (
    FederationQueries,
    MeetingQueries,
    Receipt,
    UnitOfWork,
    no_receipt,
)
from service.domain.recovery import ClosedPeriod, Journey
from service.usecases.members import live_member


class RestartRecovery(msgspec.Struct, frozen=True, kw_only=True):
    organization_id: UUID
    member_id: UUID
    restarted_on: date
    restarted_time: time | None = None
    note: str | None = None


# How many of the member's latest recorded meetings the recovery summary's attendance counts.
ATTENDANCE_CONSIDERED = 10


class JourneySeen(msgspec.Struct, frozen=True, kw_only=True):
    member: Member
    access: Access
    journey: Journey
    periods: list[ClosedPeriod]
    # Accountability next to pledges: the member's latest meetings, for the home organization
    # (another reads attendance under a consent covering `meetings`).
    attendance: AttendanceSummary | None = None


async def restart_recovery(
    command: RestartRecovery, uow: UnitOfWork, receipt: Receipt[JourneySeen] = no_receipt
) -> JourneySeen:
    """Close the current period and open a new one (home organization only). Announces
    `recovery.restarted`; the note stays with the home organization."""
    now = uow.clock.now()
    async with uow:
        member = await live_member(uow, command.organization_id, command.member_id, now)
        assert member.timezone is not None  # a live member has one
        today = local_today(now, member.timezone)
        closed, renewed = rules.restart(
            member,
            restarted_on=command.restarted_on,
            restarted_time=command.restarted_time,
            note=command.note,
            period_id=uow.ids.new_id(),
            today=today,
            now=now,
        )
        await uow.recovery.add_closed_period(closed, member.organization_id)
        await uow.members.save(renewed)
        await uow.outbox.append(
            member_event(EventType.RECOVERY_RESTARTED, renewed, event_id=uow.ids.new_id(), now=now)
        )
        periods = [*await uow.recovery.closed_periods(member.id)]
        seen = JourneySeen(
            member=renewed,
            access=HOME_ACCESS,
            journey=rules.journey(renewed.recovery_started_on, periods, today),
            periods=periods,
        )
        await receipt(uow, seen)  # the stored response, if any, commits with it
        await uow.commit()
    return seen


async def view_journey(
    viewing: Viewing, member_id: UUID, queries: FederationQueries, meetings: MeetingQueries
) -> JourneySeen:
    """The journey as the viewer may see it: home, or a consent covering `recovery` (the read
    is then recorded as a disclosure); nothing otherwise. The home organization sees the
    member's attendance at their latest meetings with it."""
    seen = found(await queries.recovery_for(viewing, member_id), "member", member_id)
    member, access, periods = seen
    if member.erased_at is not None or member.timezone is None:
        raise MemberErased(member.id, member.erased_at or viewing.now)
    today = local_today(viewing.now, member.timezone)
    attendance = None
    if access.home:
        seen_attendance = await meetings.attendance(viewing, member_id, ATTENDANCE_CONSIDERED)
        attendance = None if seen_attendance is None else seen_attendance.summary
    return JourneySeen(
        member=member,
        access=access,
        journey=rules.journey(member.recovery_started_on, periods, today),
        periods=periods,
        attendance=attendance,
    )
