"""A member's request for an accounting of disclosures (42 CFR 2.24, 2.25): recorded with the
date it was received and the period it asks about (at most the three years before it), and
answered within 30 days."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from uuid import UUID

import msgspec

from service.domain.consent_form import RevocationChannel
from service.domain.errors import Conflict, InvalidField
from service.domain.records import new_record, next_version

ANSWER_WITHIN = timedelta(days=30)
LOOK_BACK = timedelta(days=3 * 365 + 1)


class NewAccountingRequest(msgspec.Struct, frozen=True, kw_only=True):
    received_on: date
    received_via: RevocationChannel  # written, electronic or oral: how requests arrive too
    period_start: date | None = None
    period_end: date | None = None


class AccountingRequest(msgspec.Struct, frozen=True, kw_only=True):
    id: UUID
    member_id: UUID
    organization_id: UUID
    received_on: date
    received_via: RevocationChannel
    period_start: date
    period_end: date
    answer_by: date
    created_at: datetime
    version: int
    answered_at: datetime | None = None


def look_back_from(end: datetime) -> datetime:
    """The start of the default period of an accounting that ends at `end` (an aware instant):
    three years before it, or the calendar's first instant (in UTC) for an end in its first
    three years."""
    end = end.astimezone(UTC)  # arithmetic on a local clock could leave the calendar
    return end - min(LOOK_BACK, end - datetime.min.replace(tzinfo=UTC))


def record_request(
    new: NewAccountingRequest,
    *,
    request_id: UUID,
    member_id: UUID,
    organization_id: UUID,
    today: date,
    now: datetime,
) -> AccountingRequest:
    """The request as received: not received in the future; its period (default: the three
    years before it) within those three years and in order; due 30 days after receipt."""
    if new.received_on > today:
        raise InvalidField("received_on", "A request cannot be received in the future.")
    # Three years before a request received in the first three years of the calendar is
    # before its start: the calendar's first day is then as far back as one may ask.
    earliest = new.received_on - min(LOOK_BACK, new.received_on - date.min)
    start = new.period_start or earliest
    end = new.period_end or new.received_on
    if start < earliest:
        raise InvalidField("period_start", "An accounting covers at most the last three years.")
    if end < start:
        raise InvalidField("period_end", "The period ends before it starts.")
    if end > new.received_on:
        raise InvalidField("period_end", "An accounting covers the time before the request.")
    return new_record(
        AccountingRequest,
        new,
        id=request_id,
        member_id=member_id,
        organization_id=organization_id,
        period_start=start,
        period_end=end,
        answer_by=new.received_on + ANSWER_WITHIN,
        created_at=now,
    )


def answer(request: AccountingRequest, now: datetime) -> AccountingRequest:
    """Record that the accounting went to the member; a request is answered once."""
    if request.answered_at is not None:
        raise Conflict("accounting-request-answered", "This request was already answered.")
    return next_version(request, answered_at=now)
