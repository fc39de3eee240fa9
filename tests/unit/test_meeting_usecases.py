"""Meeting use cases against the in-memory fakes: scheduling in a network the caller takes
part in, cancelling by the scheduling organization only, attendance recorded by the member's
organization or the network's moderator, corrections kept, the same status twice changing
nothing, and a member's attendance read under the consent rule."""

from __future__ import annotations

from datetime import date, time, timedelta
from uuid import UUID

import pytest

from service.domain.accounting import Viewing
from service.domain.consent import DataScope
from service.domain.errors import InvalidField, NotFound
from service.domain.events import EventType
from service.domain.meetings import AttendanceStatus, Repeat, Weekday
from service.usecases import meetings
from tests.unit.fakes import FakeMeetingQueries, Store
from tests.unit.test_reach_out_usecases import HOME, PEER, STRANGER, Circle


@pytest.fixture
async def circle() -> Circle:
    return await Circle(Store()).build()


async def _weekly(circle: Circle, by: UUID = HOME) -> UUID:
    meeting = await meetings.schedule_meeting(
        meetings.ScheduleMeeting(
            organization_id=by,
            network_id=circle.circle,
            title="Evening circle",
            timezone="UTC",
            local_time=time(0, 0),
            duration_minutes=60,
            repeat=Repeat.WEEKLY,
            starts_on=circle.clock.now().date() - timedelta(days=14),
            weekdays=tuple(Weekday),
        ),
        circle.uow(),
    )
    return meeting.id


def _record(
    circle: Circle, by: UUID, meeting: UUID, day: date, member: UUID, status: AttendanceStatus
) -> meetings.RecordAttendance:
    return meetings.RecordAttendance(
        organization_id=by, meeting_id=meeting, local_date=day, member_id=member, status=status
    )


async def test_only_organizations_taking_part_schedule_and_hear_of_it(circle: Circle) -> None:
    with pytest.raises(NotFound):
        await _weekly(circle, by=STRANGER)
    meeting = await _weekly(circle, by=PEER)
    assert circle.events(EventType.MEETING_SCHEDULED) == [meeting]
    with pytest.raises(NotFound):
        await meetings.cancel_occurrence(HOME, meeting, circle.clock.now().date(), circle.uow())
    cancelled = await meetings.cancel_occurrence(
        PEER, meeting, circle.clock.now().date(), circle.uow()
    )
    assert cancelled.cancelled_dates == {circle.clock.now().date()}


async def test_attendance_by_the_members_organization_or_the_moderator(circle: Circle) -> None:
    meeting = await _weekly(circle)
    yesterday = circle.clock.now().date() - timedelta(days=1)
    with pytest.raises(NotFound):  # PEER neither moderates nor is Sam's organization
        await meetings.record_attendance(
            _record(circle, PEER, meeting, yesterday, circle.sam, AttendanceStatus.ABSENT),
            circle.uow(),
        )
    assert circle.store.attendance == {}
    await meetings.record_attendance(
        _record(circle, PEER, meeting, yesterday, circle.jo, AttendanceStatus.ATTENDED),
        circle.uow(),
    )
    # HOME created the circle: it moderates, and corrects Jo's record, which is kept; the
    # answer shows HOME only what it recorded.
    corrected = await meetings.record_attendance(
        _record(circle, HOME, meeting, yesterday, circle.jo, AttendanceStatus.EXCUSED),
        circle.uow(),
    )
    assert corrected.attendance.version == 2
    assert corrected.corrections == ()
    assert [c.replaced.status for c in circle.store.attendance_corrections] == [
        AttendanceStatus.ATTENDED
    ]
    # The moderator's same status again is recorded again (an "unchanged" would tell it the
    # member's record); the member's own organization's changes nothing.
    again = await meetings.record_attendance(
        _record(circle, HOME, meeting, yesterday, circle.jo, AttendanceStatus.EXCUSED),
        circle.uow(),
    )
    assert again.attendance.version == 3
    events = len(circle.store.events)
    own = await meetings.record_attendance(
        _record(circle, PEER, meeting, yesterday, circle.jo, AttendanceStatus.EXCUSED),
        circle.uow(),
    )
    assert own.attendance.version == 3
    assert [c.replaced.version for c in own.corrections] == [1, 2]
    assert len(circle.store.events) == events
    with pytest.raises(InvalidField):
        await meetings.record_attendance(
            _record(
                circle,
                HOME,
                meeting,
                yesterday + timedelta(days=3),
                circle.sam,
                AttendanceStatus.ATTENDED,
            ),
            circle.uow(),
        )


async def test_a_members_attendance_crosses_only_under_the_meetings_scope(circle: Circle) -> None:
    meeting = await _weekly(circle)
    today = circle.clock.now().date()
    for back, status in ((3, AttendanceStatus.ATTENDED), (2, AttendanceStatus.ABSENT)):
        await meetings.record_attendance(
            _record(circle, HOME, meeting, today - timedelta(days=back), circle.sam, status),
            circle.uow(),
        )
    await meetings.record_attendance(
        _record(
            circle, HOME, meeting, today - timedelta(days=1), circle.sam, AttendanceStatus.ATTENDED
        ),
        circle.uow(),
    )
    queries = FakeMeetingQueries(circle.store)

    def viewing(org: UUID) -> Viewing:
        return Viewing(organization_id=org, now=circle.clock.now(), request_id="r", operation="op")

    home = await meetings.member_attendance(viewing(HOME), circle.sam, 10, queries)
    assert (home.summary.attended, home.summary.absent, home.summary.current_run) == (2, 1, 1)
    await circle.consent(DataScope.RECOVERY)
    with pytest.raises(NotFound):
        await meetings.member_attendance(viewing(PEER), circle.sam, 10, queries)
    await circle.consent(DataScope.MEETINGS)
    seen = await meetings.member_attendance(viewing(PEER), circle.sam, 10, queries)
    assert seen.consent_ids
    [(member, reader, _, scopes)] = circle.store.disclosures
    assert (member, reader.organization_id, scopes) == (
        circle.sam,
        PEER,
        frozenset({DataScope.MEETINGS}),
    )
