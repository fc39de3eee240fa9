"""Noticing when someone drifts away (issue #14). Once a day, in the member's local calendar,
the member's recent activity is looked at; a signal is raised when one of these holds, with
every one that holds as its reasons:
- no check-in on any active pledge for longer than the member's own usual gap: the median gap
  between their check-in days over the last 30 days, times a factor, never less than a floor;
- several pledge periods in a row without a check-in;
- two meetings in a row missed (an excused absence is passed over);
- no activity since a reach-out closed as no longer needed, for some days.
One signal per episode: nothing more while it lasts; when none of the reasons holds any more
(the member checked in, attended, did something), the episode ends and that is announced.

The words are chosen never to shame: nothing here says "failed", "relapsed" or
"non-compliant"; a signal says what was noticed, for someone to reach out."""

from __future__ import annotations

import enum
import itertools
import statistics
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from uuid import UUID

import msgspec

from service.domain.errors import InvalidField
from service.domain.local_time import local_midnight, local_today

USUAL_GAP_WINDOW = timedelta(days=30)


class Thresholds(msgspec.Struct, frozen=True, kw_only=True):
    """An organization's thresholds; the defaults are the documented ones."""

    gap_factor: float = 2.0  # quiet for longer than twice the usual gap ...
    gap_floor_days: int = 3  # ... and never sooner than after 3 days
    missed_periods: int = 3  # pledge periods in a row without a check-in
    missed_meetings: int = 2  # meetings in a row missed
    quiet_days_after_reach_out: int = 3  # days without activity after `no_longer_needed`
    version: int = 0  # 0: never set, the defaults


def validate_thresholds(thresholds: Thresholds) -> Thresholds:
    if not 1.0 <= thresholds.gap_factor <= 10.0:
        raise InvalidField("gap_factor", "Between 1 and 10.")
    for field, value, top in (
        ("gap_floor_days", thresholds.gap_floor_days, 60),
        ("missed_periods", thresholds.missed_periods, 30),
        ("missed_meetings", thresholds.missed_meetings, 10),
        ("quiet_days_after_reach_out", thresholds.quiet_days_after_reach_out, 30),
    ):
        if not 1 <= value <= top:
            raise InvalidField(field, f"Between 1 and {top}.")
    return thresholds


class Reason(enum.StrEnum):
    QUIET_LONGER_THAN_USUAL = "quiet_longer_than_usual"
    PLEDGE_PERIODS_WITHOUT_CHECK_IN = "pledge_periods_without_check_in"
    MEETINGS_MISSED = "meetings_missed"
    QUIET_SINCE_REACH_OUT = "quiet_since_reach_out"

    @property
    def description(self) -> str:
        return _DESCRIPTIONS[self]


_DESCRIPTIONS = {
    Reason.QUIET_LONGER_THAN_USUAL: "Has not checked in for longer than they usually go.",
    Reason.PLEDGE_PERIODS_WITHOUT_CHECK_IN: "Several pledge periods in a row have no check-in.",
    Reason.MEETINGS_MISSED: "The last meetings went by without them.",
    Reason.QUIET_SINCE_REACH_OUT: "Quiet since a reach-out closed as no longer needed.",
}


class Activity(msgspec.Struct, frozen=True, kw_only=True):
    """What is known of a member on a local day: enough to evaluate every rule."""

    check_in_days: Sequence[date]  # local days with a check-in on an active pledge, any order
    active_pledge_since: date | None  # the earliest start of a pledge active now; None: none
    missed_periods_in_a_row: int  # the most, over the active pledges, up to today
    meetings_missed_in_a_row: int  # meetings.missed_in_a_row
    reach_out_no_longer_needed_on: date | None  # the last reach-out so closed, if any
    last_activity_on: date | None  # check-in, attendance, reach-out or post: the latest


def usual_gap_days(check_in_days: Sequence[date], today: date) -> float | None:
    """The median gap, in days, between consecutive distinct check-in days in the 30 days up
    to today; None with fewer than two of them."""
    since = today - USUAL_GAP_WINDOW
    days = sorted({d for d in check_in_days if since <= d <= today})
    if len(days) < 2:
        return None
    return float(statistics.median((b - a).days for a, b in itertools.pairwise(days)))


def quiet_threshold_days(check_in_days: Sequence[date], today: date, rules: Thresholds) -> float:
    usual = usual_gap_days(check_in_days, today)
    if usual is None:
        return float(rules.gap_floor_days)
    return max(float(rules.gap_floor_days), usual * rules.gap_factor)


def reasons(activity: Activity, today: date, rules: Thresholds) -> list[Reason]:
    """Every rule that holds today, in the order of Reason."""
    found: list[Reason] = []
    if activity.active_pledge_since is not None:
        past = [d for d in activity.check_in_days if d <= today]
        quiet_since = max(past) if past else activity.active_pledge_since
        if (today - quiet_since).days > quiet_threshold_days(past, today, rules):
            found.append(Reason.QUIET_LONGER_THAN_USUAL)
        if activity.missed_periods_in_a_row >= rules.missed_periods:
            found.append(Reason.PLEDGE_PERIODS_WITHOUT_CHECK_IN)
    if activity.meetings_missed_in_a_row >= rules.missed_meetings:
        found.append(Reason.MEETINGS_MISSED)
    closed = activity.reach_out_no_longer_needed_on
    if closed is not None and (today - closed).days >= rules.quiet_days_after_reach_out:
        last = activity.last_activity_on
        if last is None or last <= closed:
            found.append(Reason.QUIET_SINCE_REACH_OUT)
    return found


class Episode(msgspec.Struct, frozen=True, kw_only=True):
    """A stretch of days on which a signal held: raised once when it began, and ended (then
    announced as re-engagement) on the first day none of its rules held."""

    started_on: date
    reasons: tuple[Reason, ...]
    ended_on: date | None = None


class Step(enum.StrEnum):
    SIGNAL = "signal"  # member.disengagement_signal
    REENGAGED = "reengaged"  # member.reengaged


def evaluate(
    open_episode: Episode | None, activity: Activity, today: date, rules: Thresholds
) -> tuple[Episode | None, Step | None]:
    """The member's day: the episode open after it, and what to announce (at most one thing):
    a signal when reasons hold and no episode is open; re-engagement when an episode is open
    and none holds; nothing otherwise (no repeat while an episode lasts)."""
    holding = reasons(activity, today, rules)
    if open_episode is None:
        if holding:
            return Episode(started_on=today, reasons=tuple(holding)), Step.SIGNAL
        return None, None
    if holding:
        return open_episode, None
    return None, Step.REENGAGED


# The most recent pledge periods and meetings looked at for a run: more than any threshold.
LONGEST_RUN_LOOKED_AT = 30


class Engagement(msgspec.Struct, frozen=True, kw_only=True):
    """A member's daily evaluation, as the sweep claims it: whose, in which zone (None once
    erased), and the episode open, if any."""

    member_id: UUID
    organization_id: UUID
    timezone: str | None
    episode: Episode | None


class Evaluated(msgspec.Struct, frozen=True, kw_only=True):
    """A member's evaluation as written back: when it is due next (None: never, the member is
    erased), the day evaluated and the episode open after it."""

    member_id: UUID
    due_at: datetime | None
    evaluated_on: date | None
    episode: Episode | None


def evaluation_day(now: datetime, timezone: str) -> date:
    """The member's day an evaluation at `now` looks at: the last whole local day (the one that
    ended at the local midnight the evaluation was due at)."""
    return local_today(now, timezone) - timedelta(days=1)


def next_evaluation(now: datetime, timezone: str) -> datetime:
    """When the member's next evaluation is due: the next local midnight (a skipped midnight
    is the instant the clocks jumped to)."""
    return local_midnight(local_today(now, timezone) + timedelta(days=1), timezone)


def run_of(outcomes_newest_first: Sequence[str], value: str) -> int:
    """How many of the latest outcomes in a row are `value`."""
    return sum(1 for _ in itertools.takewhile(lambda o: o == value, outcomes_newest_first))


def replace_thresholds(current: Thresholds, proposed: Thresholds) -> Thresholds:
    return msgspec.structs.replace(validate_thresholds(proposed), version=current.version + 1)
