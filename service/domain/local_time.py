"""A member's local calendar: every date rule is in the member's IANA time zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo


def local_today(now: datetime, timezone: str) -> date:
    """The member's local date at the instant `now`."""
    return now.astimezone(ZoneInfo(timezone)).date()


def local_midnight(day: date, timezone: str) -> datetime:
    """The instant a local date begins, in UTC."""
    return datetime.combine(day, time(0), ZoneInfo(timezone)).astimezone(UTC)
