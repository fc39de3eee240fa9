"""The referral status machine, checked against its table by random walks."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.domain.errors import InvalidField
from service.domain.referrals import (
    TERMINAL,
    TRANSITIONS,
    IllegalTransition,
    NewReferral,
    Referral,
    ReferralStatus,
    Side,
    Urgency,
    allowed_for,
    create_referral,
    is_overdue,
    transition,
)

SENDER, RECEIVER = UUID(int=1), UUID(int=2)
NOW = datetime(2026, 11, 25, 12, tzinfo=UTC)


def _referral() -> Referral:
    referral, _ = create_referral(
        NewReferral(
            receiver_organization_id=RECEIVER,
            network_id=None,
            reason=" Peer support ",
            urgency=Urgency.URGENT,
            external_ref=None,
        ),
        referral_id=UUID(int=10),
        change_id=UUID(int=11),
        sender_organization_id=SENDER,
        member_id=UUID(int=12),
        consent_id=UUID(int=13),
        answer_within=timedelta(days=14),
        now=NOW,
    )
    return referral


def test_a_new_referral_is_requested_and_answerable_for_a_while() -> None:
    referral = _referral()
    assert referral.status is ReferralStatus.REQUESTED
    assert referral.reason == "Peer support"
    assert referral.answer_by == NOW + timedelta(days=14)
    assert not is_overdue(referral, NOW + timedelta(days=14) - timedelta(seconds=1))
    assert is_overdue(referral, NOW + timedelta(days=14))


def test_a_referral_goes_to_another_organization_for_a_reason() -> None:
    with pytest.raises(InvalidField) as raised:
        create_referral(
            NewReferral(
                receiver_organization_id=SENDER,
                network_id=None,
                reason="x",
                urgency=Urgency.ROUTINE,
                external_ref=None,
            ),
            referral_id=UUID(int=10),
            change_id=UUID(int=11),
            sender_organization_id=SENDER,
            member_id=UUID(int=12),
            consent_id=UUID(int=13),
            answer_within=timedelta(days=1),
            now=NOW,
        )
    assert raised.value.field == "receiver_organization_id"


def test_the_table_follows_the_fhir_closed_loop() -> None:
    assert allowed_for(ReferralStatus.REQUESTED, Side.RECEIVER) == [
        ReferralStatus.ACCEPTED,
        ReferralStatus.REJECTED,
    ]
    assert allowed_for(ReferralStatus.REQUESTED, Side.SENDER) == [ReferralStatus.CANCELLED]
    assert allowed_for(ReferralStatus.REQUESTED, Side.SYSTEM) == [ReferralStatus.EXPIRED]
    assert allowed_for(ReferralStatus.ACCEPTED, Side.SENDER) == []
    assert {
        ReferralStatus.REJECTED,
        ReferralStatus.CANCELLED,
        ReferralStatus.EXPIRED,
        ReferralStatus.COMPLETED,
        ReferralStatus.FAILED,
    } == TERMINAL


@given(
    st.lists(
        st.tuples(st.sampled_from(list(Side)), st.sampled_from(list(ReferralStatus))),
        max_size=12,
    )
)
def test_random_walks_only_take_the_transitions_of_the_table(
    moves: list[tuple[Side, ReferralStatus]],
) -> None:
    referral = _referral()
    history = [referral.status]
    for step, (side, wanted) in enumerate(moves):
        current = referral.status
        legal = TRANSITIONS.get(current, {}).get(wanted) is side
        if not legal:
            with pytest.raises(IllegalTransition) as refused:
                transition(
                    referral,
                    wanted,
                    side=side,
                    actor_organization_id=SENDER,
                    reason=None,
                    change_id=UUID(int=100 + step),
                    now=NOW,
                )
            assert refused.value.allowed == allowed_for(current, side)
            assert wanted not in refused.value.allowed
            continue
        moved, change = transition(
            referral,
            wanted,
            side=side,
            actor_organization_id=None if side is Side.SYSTEM else SENDER,
            reason=" why ",
            change_id=UUID(int=100 + step),
            now=NOW + timedelta(minutes=step),
        )
        assert (change.from_status, change.to_status) == (current, wanted)
        assert change.reason == "why"
        assert moved.version == referral.version + 1
        referral = moved
        history.append(moved.status)
    # Once closed, a referral never moves again; nothing returns to an earlier status.
    for earlier, later in itertools.pairwise(history):
        assert earlier not in TERMINAL
        assert later not in history[: history.index(earlier) + 1]
