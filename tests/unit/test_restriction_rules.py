"""Restrictions: what an agreed one takes from a consent, and its life."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.domain.consent import Consent, DataScope
from service.domain.consent_form import PurposeCode, RecipientClass, SignatureMethod
from service.domain.consent_terms import ConsentTerms, grant_consent
from service.domain.errors import Conflict, InvalidField
from service.domain.restrictions import (
    NewRestriction,
    Restriction,
    RestrictionStatus,
    decide,
    end,
    request_restriction,
    restricted_scopes,
)
from tests.support.consent_forms import SIGNED_FORM

NOW = datetime(2026, 11, 29, 12, tzinfo=UTC)
TODAY = NOW.date()
PARTNER, OTHER = UUID(int=20), UUID(int=21)
scope_sets = st.frozensets(st.sampled_from(list(DataScope)), min_size=1)


def _consent(scopes: frozenset[DataScope], purpose: PurposeCode = PurposeCode.TREATMENT) -> Consent:
    return grant_consent(
        ConsentTerms(
            recipient_organization_id=PARTNER,
            scopes=scopes,
            purpose="support",
            expires_on=date(2027, 1, 1),
            signature_method=SignatureMethod.WRITTEN,
            signed_at=NOW,
            signed_by="member",
            recorded_by="nurse",
            **{**SIGNED_FORM, "purpose_code": purpose},
        ),
        consent_id=UUID(int=9),
        member_id=UUID(int=7),
        member_timezone="UTC",
        home_organization_id=UUID(int=1),
        recorded_by_key_id=UUID(int=8),
        now=NOW,
    )


def _agreed(scopes: frozenset[DataScope], **fields: Any) -> Restriction:
    requested = request_restriction(
        NewRestriction(scopes=scopes, requested_on=TODAY, **fields),
        restriction_id=UUID(int=3),
        member_id=UUID(int=7),
        organization_id=UUID(int=1),
        today=TODAY,
        now=NOW,
    )
    return decide(requested, agree=True, now=NOW)


@given(granted=scope_sets, kept_back=scope_sets)
def test_an_agreed_restriction_takes_its_scopes_from_every_matching_consent(
    granted: frozenset[DataScope], kept_back: frozenset[DataScope]
) -> None:
    consent = _consent(granted)
    taken = restricted_scopes(consent, [_agreed(kept_back)])
    assert taken == granted & kept_back
    limited = Consent(**{**_fields(consent), "restricted_scopes": taken})
    assert limited.granted_scopes == granted - kept_back


@given(kept_back=scope_sets)
def test_a_restriction_for_other_recipients_or_purposes_takes_nothing(
    kept_back: frozenset[DataScope],
) -> None:
    consent = _consent(frozenset(DataScope))
    elsewhere = _agreed(kept_back, recipient_organization_ids=frozenset({OTHER}))
    other_purpose = _agreed(kept_back, purpose_codes=frozenset({PurposeCode.PAYMENT}))
    assert restricted_scopes(consent, [elsewhere, other_purpose]) == frozenset()
    assert (
        restricted_scopes(
            consent, [_agreed(kept_back, recipient_organization_ids=frozenset({PARTNER}))]
        )
        == kept_back
    )


@given(
    kept_back=scope_sets,
    reach=st.sampled_from(["class", "described_participants", "named_participant"]),
)
def test_a_restriction_naming_a_recipient_holds_for_a_consent_that_may_reach_it(
    kept_back: frozenset[DataScope], reach: str
) -> None:
    """A consent to a class of organizations, or through an intermediary to participants, may
    reach a recipient it does not name: a restriction naming that recipient limits it whole."""
    base = _fields(_consent(frozenset(DataScope)))
    reachings: dict[str, dict[str, Any]] = {
        "class": {
            "recipient_organization_id": None,
            "recipient_class": RecipientClass.TREATING_PROVIDERS,
        },
        "described_participants": {"participant_class": RecipientClass.TREATING_PROVIDERS},
        "named_participant": {"participant_organization_ids": frozenset({OTHER})},
    }
    consent = Consent(**{**base, **reachings[reach]})
    restricted = _agreed(kept_back, recipient_organization_ids=frozenset({OTHER}))
    assert restricted_scopes(consent, [restricted]) == kept_back
    # A consent to PARTNER alone, or through it to named participants other than OTHER,
    # cannot reach OTHER: the restriction leaves it be.
    assert restricted_scopes(Consent(**base), [restricted]) == frozenset()
    elsewhere = Consent(**{**base, "participant_organization_ids": frozenset({UUID(int=22)})})
    assert restricted_scopes(elsewhere, [restricted]) == frozenset()


@given(kept_back=scope_sets)
def test_a_restriction_for_some_purposes_holds_for_a_consent_that_codes_none(
    kept_back: frozenset[DataScope],
) -> None:
    """A consent recorded before purposes were coded may serve any purpose: a restriction
    limited to some purposes must not pass it by."""
    uncoded = Consent(**{**_fields(_consent(frozenset(DataScope))), "purpose_code": None})
    for_payment = _agreed(kept_back, purpose_codes=frozenset({PurposeCode.PAYMENT}))
    assert restricted_scopes(uncoded, [for_payment]) == kept_back


def test_only_an_agreed_restriction_counts_and_it_is_decided_once() -> None:
    requested = request_restriction(
        NewRestriction(scopes=frozenset({DataScope.PROFILE}), requested_on=TODAY),
        restriction_id=UUID(int=3),
        member_id=UUID(int=7),
        organization_id=UUID(int=1),
        today=TODAY,
        now=NOW,
    )
    consent = _consent(frozenset({DataScope.PROFILE}))
    assert restricted_scopes(consent, [requested]) == frozenset()
    denied = decide(requested, agree=False, now=NOW)
    assert denied.status is RestrictionStatus.DENIED
    with pytest.raises(Conflict):
        decide(denied, agree=True, now=NOW)
    with pytest.raises(Conflict):
        end(denied, NOW)
    ended = end(decide(requested, agree=True, now=NOW), NOW)
    assert restricted_scopes(consent, [ended]) == frozenset()


def test_a_request_names_its_data_and_is_not_from_the_future() -> None:
    for new, field in (
        (NewRestriction(scopes=frozenset(), requested_on=TODAY), "scopes"),
        (
            NewRestriction(scopes=frozenset({DataScope.PROFILE}), requested_on=date(2099, 1, 1)),
            "requested_on",
        ),
    ):
        with pytest.raises(InvalidField) as error:
            request_restriction(
                new,
                restriction_id=UUID(int=3),
                member_id=UUID(int=7),
                organization_id=UUID(int=1),
                today=TODAY,
                now=NOW,
            )
        assert error.value.field == field


def _fields(consent: Consent) -> dict[str, Any]:
    return {name: getattr(consent, name) for name in consent.__struct_fields__}
