"""Recovery journeys: the current period lives on the member (recovery_started_on); a restart
closes it into the history and opens a new one. Nothing is deleted, and a restart is never
worded as a failure. Time comes in as an argument: `today` is the member's local date."""

from __future__ import annotations

from datetime import date, datetime, time
from uuid import UUID

import msgspec

from service.domain.errors import DomainError, InvalidField
from service.domain.members import Member
from service.domain.records import next_version


class NoJourney(DomainError):
    """The member has no recovery start yet, so there is nothing to restart."""


class ClosedPeriod(msgspec.Struct, frozen=True, kw_only=True):
    """A finished period of recovery: from started_on up to (not including) ended_on, the day
    of the restart. `note` is private to the home organization."""

    id: UUID
    member_id: UUID
    started_on: date
    ended_on: date
    note: str | None
    recorded_at: datetime

    @property
    def days(self) -> int:
        return (self.ended_on - self.started_on).days


class Journey(msgspec.Struct, frozen=True, kw_only=True):
    """Derived, never stored: streaks in whole days completed."""

    current_period_started_on: date | None
    current_streak_days: int
    longest_streak_days: int
    total_days_in_recovery: int
    restarts: int


def journey(current_start: date | None, closed: list[ClosedPeriod], today: date) -> Journey:
    current = 0 if current_start is None else max(0, (today - current_start).days)
    lengths = [p.days for p in closed]
    return Journey(
        current_period_started_on=current_start,
        current_streak_days=current,
        longest_streak_days=max([current, *lengths]),
        total_days_in_recovery=current + sum(lengths),
        restarts=len(closed),
    )


def restart(
    member: Member,
    *,
    restarted_on: date,
    note: str | None,
    period_id: UUID,
    restarted_time: time | None = None,
    today: date,
    now: datetime,
) -> tuple[ClosedPeriod, Member]:
    """Close the current period on `restarted_on` and open a new one that starts that day."""
    if member.recovery_started_on is None:
        raise NoJourney("The member has no recovery start yet; set recovery_started_on first.")
    if restarted_on < member.recovery_started_on:
        raise InvalidField(
            "restarted_on", "A restart cannot come before the current period started."
        )
    # One day of slack: the member's local date may already be tomorrow somewhere.
    if (restarted_on - today).days > 1:
        raise InvalidField("restarted_on", "A restart cannot be in the future.")
    closed = ClosedPeriod(
        id=period_id,
        member_id=member.id,
        started_on=member.recovery_started_on,
        ended_on=restarted_on,
        note=note,
        recorded_at=now,
    )
    renewed = next_version(
        member,
        recovery_started_on=restarted_on,
        recovery_started_time=restarted_time,
        updated_at=now,
    )
    return closed, renewed


def check_start_after_history(started_on: date | None, closed: list[ClosedPeriod]) -> None:
    """A correction of the current start cannot reach back into a closed period."""
    if started_on is None and closed:
        raise InvalidField("recovery_started_on", "A journey with restarts keeps a current start.")
    if started_on is not None and closed and started_on < max(p.ended_on for p in closed):
        raise InvalidField(
            "recovery_started_on", "The current period cannot start before the last restart."
        )
