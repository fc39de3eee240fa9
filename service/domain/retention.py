"""How long the records that only grow are kept, and the monthly slices they are kept in.

The logs that grow with traffic (events, their audience, webhook deliveries, the accounting
of disclosures) are kept in one slice per calendar month (UTC) of the time each row was
written. A slice is made a few months before it is needed, and dropped whole once every row
in it is older than its log's retention: nothing inside the retention is ever dropped, and
nothing is deleted row by row.

What each log keeps, at least:
- events (the feed and the webhooks' source): one year. A cursor up to a year old still finds
  every event after it.
- webhook deliveries (the delivery log an endpoint's owner reads): 90 days; retries end after
  about three days.
- disclosures: six years, what HIPAA's accounting of disclosures covers (45 CFR 164.528) and
  more than the three years 42 CFR Part 2 asks for (§ 2.24, § 2.25).
Idempotency-Keys are forgotten 24 hours after their request (Settings.idempotency_ttl_seconds),
row by row: a day's keys are few.
A slice is dropped up to a month after its last row passed its retention."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from enum import Enum

import msgspec


class GrowingLog(Enum):
    EVENTS = "events"
    DELIVERIES = "deliveries"
    DISCLOSURES = "disclosures"


RETENTION: dict[GrowingLog, timedelta] = {
    GrowingLog.EVENTS: timedelta(days=365),
    GrowingLog.DELIVERIES: timedelta(days=90),
    GrowingLog.DISCLOSURES: timedelta(days=6 * 366),
}

# Slices made ahead of the current month: a service that stays down for less than this finds
# its writes' slices waiting when it starts (it also makes them before it serves).
MONTHS_AHEAD = 3


class Month(msgspec.Struct, frozen=True, order=True):
    """A calendar month (UTC): the rows written from its first instant up to the next's."""

    year: int
    month: int

    @classmethod
    def of(cls, day: date) -> Month:
        return cls(day.year, day.month)

    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    def plus(self, months: int) -> Month:
        index = self.year * 12 + (self.month - 1) + months
        return Month(index // 12, index % 12 + 1)

    def end(self) -> date:
        """The first day after the month: the slice holds rows written before it."""
        return self.plus(1).first_day()


def months_wanted(now: datetime) -> list[Month]:
    """The slices that must exist at `now`: this month's and MONTHS_AHEAD after it."""
    current = Month.of(now.astimezone(UTC).date())
    return [current.plus(n) for n in range(MONTHS_AHEAD + 1)]


def may_drop(month: Month, log: GrowingLog, now: datetime) -> bool:
    """Whether the slice of `month` may go: every row in it was written before the start of
    `log`'s retention at `now` (the retention counted back from now, to the day)."""
    kept_from = (now - RETENTION[log]).astimezone(UTC).date()
    return month.end() <= kept_from
