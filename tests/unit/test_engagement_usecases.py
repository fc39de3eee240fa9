"""The daily evaluation against the fakes: a member is looked at once their local day has
ended, for that day; a signal once per episode, however many days it lasts; re-engagement
when nothing holds any more; the next evaluation at the next local midnight; an erased member
never again; an organization's thresholds within their bounds."""

from __future__ import annotations

from datetime import UTC, date, datetime
from uuid import UUID

import pytest

from service.domain.disengagement import Activity, Reason, Thresholds
from service.domain.errors import InvalidField
from service.domain.events import EventType
from service.domain.members import NewMember
from service.domain.organizations import Organization, OrganizationKind
from service.usecases import engagement, members
from tests.unit.fakes import NOTHING_DONE, FakeUnitOfWork, FixedClock, SequentialIds, Store

HOME = UUID(int=1000)


class Day:
    def __init__(self) -> None:
        self.store = Store()
        # 23:30 in Chicago on 24 November (UTC-6): the local day has not ended yet.
        self.clock = FixedClock(datetime(2026, 11, 25, 5, 30, tzinfo=UTC))
        self.ids = SequentialIds()
        self.store.organizations[HOME] = Organization(
            id=HOME, name="o", kind=OrganizationKind.CLINIC, version=1, created_at=self.clock.now()
        )

    def uow(self) -> FakeUnitOfWork:
        return FakeUnitOfWork(self.store, self.clock, self.ids)

    async def member(self) -> UUID:
        made = await members.create_member(
            members.CreateMember(
                organization_id=HOME,
                member=NewMember(display_name="Sam", timezone="America/Chicago"),
            ),
            self.uow(),
        )
        # Due at the next local midnight, as the migration's trigger and the sweep keep it.
        self.store.engagement[made.id] = (datetime(2026, 11, 25, 6, 0, tzinfo=UTC), None)
        return made.id

    def events(self, event_type: EventType) -> list[dict[str, object]]:
        return [dict(e.data) for e in self.store.events if e.type is event_type]


QUIET = Activity(
    check_in_days=(date(2026, 11, 10), date(2026, 11, 11), date(2026, 11, 12)),
    active_pledge_since=date(2026, 11, 1),
    missed_periods_in_a_row=0,
    meetings_missed_in_a_row=0,
    reach_out_no_longer_needed_on=None,
    last_activity_on=date(2026, 11, 12),
)


async def test_one_signal_per_episode_then_reengagement() -> None:
    day = Day()
    sam = await day.member()
    day.store.activity[sam] = QUIET
    assert await engagement.evaluate_due_members(day.uow()) == 0  # its day has not ended
    day.clock.advance(minutes=30)
    assert await engagement.evaluate_due_members(day.uow()) == 1
    [signal] = day.events(EventType.MEMBER_DISENGAGEMENT_SIGNAL)
    assert signal["reasons"] == [Reason.QUIET_LONGER_THAN_USUAL.value]
    assert signal["since"] == "2026-11-24"  # the day that ended, in Chicago
    due_at, episode = day.store.engagement[sam]
    assert due_at == datetime(2026, 11, 26, 6, 0, tzinfo=UTC)
    assert episode is not None
    # Still quiet the next two days: nothing more.
    for _ in range(2):
        day.clock.advance(days=1)
        assert await engagement.evaluate_due_members(day.uow()) == 1
    assert len(day.events(EventType.MEMBER_DISENGAGEMENT_SIGNAL)) == 1
    # Sam checks in: the episode ends, announced once.
    day.store.activity[sam] = NOTHING_DONE
    day.clock.advance(days=1)
    assert await engagement.evaluate_due_members(day.uow()) == 1
    assert [e["since"] for e in day.events(EventType.MEMBER_REENGAGED)] == ["2026-11-24"]
    day.clock.advance(days=1)
    await engagement.evaluate_due_members(day.uow())
    assert len(day.events(EventType.MEMBER_REENGAGED)) == 1


async def test_evaluating_twice_at_the_same_instant_writes_once() -> None:
    day = Day()
    sam = await day.member()
    day.store.activity[sam] = QUIET
    day.clock.advance(hours=1)
    assert await engagement.evaluate_due_members(day.uow()) == 1
    assert await engagement.evaluate_due_members(day.uow()) == 0
    assert len(day.events(EventType.MEMBER_DISENGAGEMENT_SIGNAL)) == 1


async def test_an_erased_member_is_never_evaluated_again() -> None:
    day = Day()
    sam = await day.member()
    await members.erase_member(
        members.EraseMember(organization_id=HOME, member_id=sam, expected_version=None),
        day.uow(),
    )
    day.clock.advance(hours=1)
    assert await engagement.evaluate_due_members(day.uow()) == 1
    day.clock.advance(days=400)
    assert await engagement.evaluate_due_members(day.uow()) == 0
    assert day.events(EventType.MEMBER_DISENGAGEMENT_SIGNAL) == []


async def test_thresholds_are_the_organizations_own_within_bounds() -> None:
    day = Day()
    assert await engagement.disengagement_thresholds(HOME, day.uow()) == Thresholds()
    with pytest.raises(InvalidField):
        await engagement.replace_disengagement_thresholds(
            HOME, Thresholds(missed_meetings=0), day.uow()
        )
    replaced = await engagement.replace_disengagement_thresholds(
        HOME, Thresholds(missed_meetings=3, gap_factor=1.5), day.uow()
    )
    assert (replaced.missed_meetings, replaced.gap_factor, replaced.version) == (3, 1.5, 1)
    sam = await day.member()
    day.store.activity[sam] = Activity(
        check_in_days=(),
        active_pledge_since=None,
        missed_periods_in_a_row=0,
        meetings_missed_in_a_row=2,
        reach_out_no_longer_needed_on=None,
        last_activity_on=None,
    )
    day.clock.advance(hours=1)
    await engagement.evaluate_due_members(day.uow())
    assert day.events(EventType.MEMBER_DISENGAGEMENT_SIGNAL) == []  # three, for this one
