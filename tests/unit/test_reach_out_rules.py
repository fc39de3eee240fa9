"""Reach-outs' rules (issue #14): which circles are asked, the first answer, escalation once
and only when nobody answered in time, closing and expiring, and the response times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.domain.errors import InvalidField
from service.domain.reach_outs import (
    EXPIRES_AFTER,
    CrisisResource,
    EscalationWindows,
    ReachOut,
    ReachOutConflict,
    ReachOutOutcome,
    ReachOutUrgency,
    Response,
    ResponseKind,
    close,
    due_for_escalation,
    due_to_expire,
    escalate,
    expire,
    open_reach_out,
    percentile,
    respond,
    response_times,
    validate_resources,
)

NOW = datetime(2026, 11, 30, 22, 15, tzinfo=UTC)
HOME, MEMBER = UUID(int=1), UUID(int=2)
CIRCLES = [UUID(int=10), UUID(int=11)]


def _open(urgency: ReachOutUrgency = ReachOutUrgency.NOW, **fields: object) -> ReachOut:
    arguments: dict[str, object] = {
        "reach_out_id": UUID(int=100),
        "member_id": MEMBER,
        "organization_id": HOME,
        "urgency": urgency,
        "message": "Cravings are bad tonight.",
        "circles_asked": None,
        "member_circles": CIRCLES,
        "windows": EscalationWindows(),
        "now": NOW,
    }
    arguments.update(fields)
    return open_reach_out(**arguments)  # type: ignore[arg-type]


def _response(kind: ResponseKind, at: datetime, n: int = 1) -> Response:
    return Response(
        id=UUID(int=500 + n),
        reach_out_id=UUID(int=100),
        supporter_member_id=UUID(int=50),
        organization_id=UUID(int=3),
        kind=kind,
        at=at,
    )


def test_it_asks_every_circle_around_the_member_unless_some_are_named() -> None:
    assert _open().circle_ids == tuple(sorted(CIRCLES))
    assert _open(circles_asked=[CIRCLES[1]]).circle_ids == (CIRCLES[1],)
    assert _open(member_circles=[]).circle_ids == ()  # the home organization is still told
    for asked, why in (
        ([UUID(int=99)], "around this member"),
        ([CIRCLES[0], CIRCLES[0]], "once"),
    ):
        with pytest.raises(InvalidField, match=why):
            _open(circles_asked=asked)


@pytest.mark.parametrize("message", ["   ", "x" * 501, "line\nbreak", "nul\x00"])
def test_a_message_is_short_plain_text(message: str) -> None:
    with pytest.raises(InvalidField) as refused:
        _open(message=message)
    assert refused.value.field == "message"


def test_the_window_depends_on_the_urgency_and_the_organization() -> None:
    assert _open(ReachOutUrgency.NOW).escalates_at == NOW + timedelta(minutes=10)
    assert _open(ReachOutUrgency.TODAY).escalates_at == NOW + timedelta(hours=2)
    quick = EscalationWindows(now=timedelta(minutes=3), today=timedelta(minutes=30))
    assert _open(ReachOutUrgency.NOW, windows=quick).escalates_at == NOW + timedelta(minutes=3)


def test_only_a_real_answer_is_the_first_and_it_is_kept_once() -> None:
    reach_out = _open()
    unchanged, first = respond(reach_out, _response(ResponseKind.CANNOT_NOW, NOW))
    assert (unchanged, first) == (reach_out, False)
    answered, first = respond(reach_out, _response(ResponseKind.CALLING, NOW + timedelta(1)))
    assert first
    assert answered.time_to_first_answer == timedelta(1)
    again, first = respond(answered, _response(ResponseKind.ON_MY_WAY, NOW + timedelta(2), 2))
    assert (again, first) == (answered, False)


_KINDS = st.sampled_from(list(ResponseKind))
_SECONDS = st.integers(min_value=0, max_value=4 * 3600)


@given(
    st.sampled_from(list(ReachOutUrgency)),
    st.lists(st.tuples(_SECONDS, _KINDS), max_size=6),
    st.lists(_SECONDS, max_size=12),
)
def test_escalation_fires_once_and_only_when_nobody_answered_in_time(
    urgency: ReachOutUrgency, responses: list[tuple[int, ResponseKind]], sweeps: list[int]
) -> None:
    reach_out = _open(urgency)
    window = EscalationWindows().of(urgency)
    # Events in time order; at the same second a response comes before a sweep.
    timeline = sorted(
        [(s, 0, kind) for s, kind in responses] + [(s, 1, None) for s in sweeps],
        key=lambda event: (event[0], event[1]),
    )
    escalations = 0
    for n, (second, _order, kind) in enumerate(timeline):
        at = NOW + timedelta(seconds=second)
        if kind is not None:
            reach_out, _ = respond(reach_out, _response(kind, at, n))
        elif due_for_escalation(reach_out, at):
            reach_out = escalate(reach_out, at)
            escalations += 1
    first_answer = min((s for s, k in responses if k.answers), default=None)
    expected = any(
        s >= window.total_seconds() and (first_answer is None or s < first_answer) for s in sweeps
    )
    assert escalations == (1 if expected else 0)
    assert (reach_out.escalated_at is not None) == expected


def test_closing_and_expiring() -> None:
    reach_out = _open()
    closed = close(reach_out, ReachOutOutcome.SUPPORTED, NOW + timedelta(minutes=5))
    assert (closed.outcome, closed.is_open) == (ReachOutOutcome.SUPPORTED, False)
    with pytest.raises(ReachOutConflict):
        close(closed, ReachOutOutcome.REFERRED, NOW + timedelta(minutes=6))
    with pytest.raises(ReachOutConflict):
        respond(closed, _response(ResponseKind.CALLING, NOW + timedelta(minutes=6)))
    with pytest.raises(InvalidField):
        close(reach_out, ReachOutOutcome.EXPIRED, NOW)
    late = NOW + EXPIRES_AFTER + timedelta(hours=3)
    assert not due_to_expire(reach_out, NOW + EXPIRES_AFTER - timedelta(seconds=1))
    expired = expire(reach_out, late)
    # At the instant it was due, not when a sweep got to it.
    assert (expired.outcome, expired.closed_at) == (ReachOutOutcome.EXPIRED, NOW + EXPIRES_AFTER)
    assert not due_for_escalation(expired, late)
    with pytest.raises(ValueError, match="not due"):
        expire(expired, late)


@given(st.lists(st.integers(min_value=0, max_value=10_000), max_size=40))
def test_percentiles_are_nearest_rank(seconds: list[int]) -> None:
    values = sorted(timedelta(seconds=s) for s in seconds)
    for fraction in (0.5, 0.9):
        found = percentile(values, fraction)
        if not values:
            assert found is None
            continue
        assert found is not None
        at_or_below = sum(1 for v in values if v <= found)
        below = sum(1 for v in values if v < found)
        assert at_or_below >= fraction * len(values) > below


def test_response_times_count_what_was_answered_and_escalated() -> None:
    quick, _ = respond(_open(), _response(ResponseKind.CALLING, NOW + timedelta(minutes=2)))
    slow, _ = respond(_open(), _response(ResponseKind.MESSAGED, NOW + timedelta(minutes=30)))
    nobody = escalate(_open(), NOW + timedelta(minutes=10))
    times = response_times([quick, slow, nobody])
    assert (times.opened, times.answered, times.unanswered, times.escalated) == (3, 2, 1, 1)
    assert (times.p50, times.p90) == (timedelta(minutes=2), timedelta(minutes=30))


def test_crisis_resources_have_a_name_and_a_number() -> None:
    line = CrisisResource(name="988 Suicide & Crisis Lifeline", phone="988")
    assert validate_resources([line]) == (line,)
    with pytest.raises(InvalidField):
        validate_resources([CrisisResource(name="Line", phone="call us")])
    with pytest.raises(InvalidField):
        validate_resources([CrisisResource(name=" ", phone="988")])
    with pytest.raises(InvalidField):
        validate_resources([line] * 11)
