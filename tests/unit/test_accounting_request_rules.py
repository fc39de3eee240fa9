"""A member's request for an accounting: due 30 days after receipt, for at most three years."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from uuid import UUID

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.domain.accounting_requests import (
    NewAccountingRequest,
    answer,
    look_back_from,
    record_request,
)
from service.domain.consent_form import RevocationChannel
from service.domain.errors import Conflict, InvalidField

TODAY = date(2026, 11, 29)
NOW = datetime(2026, 11, 29, 12, tzinfo=UTC)


def _record(**fields: object) -> object:
    base: dict[str, object] = {"received_on": TODAY, "received_via": RevocationChannel.WRITTEN}
    base.update(fields)
    return record_request(
        NewAccountingRequest(**base),  # type: ignore[arg-type]
        request_id=UUID(int=1),
        member_id=UUID(int=2),
        organization_id=UUID(int=3),
        today=TODAY,
        now=NOW,
    )


@given(days_ago=st.integers(min_value=0, max_value=2000))
def test_the_answer_is_due_thirty_days_after_receipt(days_ago: int) -> None:
    received = TODAY - timedelta(days=days_ago)
    request = record_request(
        NewAccountingRequest(received_on=received, received_via=RevocationChannel.ORAL),
        request_id=UUID(int=1),
        member_id=UUID(int=2),
        organization_id=UUID(int=3),
        today=TODAY,
        now=NOW,
    )
    assert request.answer_by - request.received_on == timedelta(days=30)
    assert request.period_end == received
    assert timedelta(days=3 * 365) <= received - request.period_start <= timedelta(days=1096)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"received_on": TODAY + timedelta(days=1)}, "received_on"),
        ({"period_start": TODAY - timedelta(days=1200)}, "period_start"),
        ({"period_start": TODAY, "period_end": TODAY - timedelta(days=1)}, "period_end"),
        # Received two days ago, asking about tomorrow: an accounting looks back, not ahead.
        (
            {"received_on": TODAY - timedelta(days=2), "period_end": TODAY + timedelta(days=1)},
            "period_end",
        ),
    ],
)
def test_an_impossible_request_names_the_field(fields: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidField) as error:
        _record(**fields)
    assert error.value.field == field


def test_a_request_is_answered_once() -> None:
    request = record_request(
        NewAccountingRequest(received_on=TODAY, received_via=RevocationChannel.ELECTRONIC),
        request_id=UUID(int=1),
        member_id=UUID(int=2),
        organization_id=UUID(int=3),
        today=TODAY,
        now=NOW,
    )
    answered = answer(request, NOW)
    assert answered.answered_at == NOW
    with pytest.raises(Conflict):
        answer(answered, NOW)


@given(
    received_on=st.dates(max_value=TODAY),
    period_start=st.none() | st.dates(),
    period_end=st.none() | st.dates(),
)
def test_any_dates_are_recorded_or_refused_by_name(
    received_on: date, period_start: date | None, period_end: date | None
) -> None:
    # Schemathesis' stateful phase sent a request received in the year 3: looking three
    # years back from it left the calendar (OverflowError, a 500).
    refused: InvalidField | None = None
    try:
        request = _record(received_on=received_on, period_start=period_start, period_end=period_end)
    except InvalidField as error:
        refused = error
    if refused is not None:
        assert refused.field in {"period_start", "period_end"}
    else:
        assert request.period_start <= request.period_end <= received_on  # type: ignore[attr-defined]


@given(
    end=st.datetimes(
        timezones=st.sampled_from(
            [UTC, timezone(timedelta(hours=5)), timezone(timedelta(hours=-5, minutes=-30))]
        )
    )
)
def test_the_default_period_of_an_accounting_stays_in_the_calendar(end: datetime) -> None:
    # Schemathesis asked for the printable accounting until 0001-01-01T09:12:06Z: three years
    # before that is before the calendar (a 500 before this rule); a review found the same at
    # other offsets.
    try:
        in_utc = end.astimezone(UTC)
    except OverflowError:
        return  # not an instant of the calendar at all: the HTTP adapter refuses it (422)
    start = look_back_from(end)
    assert start <= in_utc
    first = datetime.min.replace(tzinfo=UTC)
    assert in_utc - start == min(timedelta(days=3 * 365 + 1), in_utc - first)
