"""The accounting of disclosures in words a member can read."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

import pytest

from service.domain.accounting import Channel, Disclosure, channel_of, disclosed_in_words
from service.domain.consent import DataScope


def _entry(scopes: frozenset[DataScope], operation: str = "getMember") -> Disclosure:
    return Disclosure(
        id=UUID(int=1),
        position=1,
        member_id=UUID(int=2),
        recipient_organization_id=UUID(int=3),
        consent_ids=(UUID(int=4),),
        scopes=scopes,
        operation=operation,
        request_id="r",
        disclosed_at=datetime(2026, 11, 29, tzinfo=UTC),
    )


@pytest.mark.parametrize(
    ("operation", "channel"),
    [
        ("getMember", Channel.API),
        ("listMemberPledges", Channel.API),
        ("listEvents", Channel.EVENT_FEED),
        ("webhookDelivery", Channel.WEBHOOK),
    ],
)
def test_the_channel_follows_the_operation(operation: str, channel: Channel) -> None:
    assert channel_of(operation) is channel


def test_each_scope_is_said_in_words_in_a_stable_order() -> None:
    words = disclosed_in_words(_entry(frozenset({DataScope.RECOVERY, DataScope.PROFILE})))
    assert words == "name, time zone and contact details; recovery start date and journey"
    every = disclosed_in_words(_entry(frozenset(DataScope)))
    assert every.count(";") == len(DataScope) - 1


def test_a_disclosure_with_no_scope_is_a_referral() -> None:
    assert disclosed_in_words(_entry(frozenset(), "getReferral")) == (
        "a referral: who was referred, and why"
    )
