"""Consent and network rules: pure functions, time passed in."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from uuid import UUID

import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.domain import memberships as membership_rules
from service.domain import networks as rules
from service.domain.consent import (
    HOME_ACCESS,
    Consent,
    ConsentStatus,
    DataScope,
    access_for,
    membership_sight,
    seen_by,
    visible_member,
)
from service.domain.consent_form import (
    REQUIRED_STATEMENTS,
    ConsentType,
    EndEvent,
    PurposeCode,
    RevocationChannel,
    SignatureMethod,
    Statement,
)
from service.domain.consent_recipients import RecipientFacts
from service.domain.consent_terms import (
    ConsentTerms,
    RevocationReceived,
    end_on_event,
    expiry_instant,
    grant_consent,
    revoke,
)
from service.domain.errors import InvalidField, Precondition, PreconditionRequired
from service.domain.members import Contact, Member
from service.domain.networks import (
    MembershipStatus,
    NetworkConflict,
    NetworkKind,
    NotAllowed,
    Role,
)
from service.domain.organizations import OrganizationKind
from tests.support.consent_forms import SIGNED_FORM

ANY_VERSION = Precondition(any_version=True)

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
HOME = UUID(int=1)
OTHER = UUID(int=2)

TERMS = ConsentTerms(
    recipient_organization_id=OTHER,
    scopes=frozenset({DataScope.PROFILE}),
    purpose="peer support",
    expires_on=date(2027, 1, 31),
    signature_method=SignatureMethod.WRITTEN,
    signed_at=NOW - timedelta(days=1),
    signed_by="member",
    recorded_by="nurse",
    **SIGNED_FORM,
)


def _grant(terms: ConsentTerms = TERMS, zone: str = "Europe/London") -> Consent:
    return grant_consent(
        terms,
        consent_id=UUID(int=9),
        member_id=UUID(int=7),
        member_timezone=zone,
        home_organization_id=HOME,
        recorded_by_key_id=UUID(int=8),
        now=NOW,
    )


def test_expiry_on_a_date_holds_through_that_local_day() -> None:
    # Kiritimati is UTC+14: its 31 January ends at 10:00 UTC that same day.
    assert expiry_instant(date(2027, 1, 31), "Pacific/Kiritimati") == datetime(
        2027, 1, 31, 10, 0, tzinfo=UTC
    )
    assert expiry_instant(date(2027, 1, 31), "Pacific/Pago_Pago") == datetime(
        2027, 2, 1, 11, 0, tzinfo=UTC
    )


@given(offset=st.integers(min_value=-400, max_value=400))
def test_consent_status_follows_the_clock(offset: int) -> None:
    consent = grant_consent(
        TERMS,
        consent_id=UUID(int=9),
        member_id=UUID(int=7),
        member_timezone="UTC",
        home_organization_id=HOME,
        recorded_by_key_id=UUID(int=8),
        now=NOW,
    )
    at = NOW + timedelta(days=offset)
    expected = (
        ConsentStatus.ACTIVE if at < datetime(2027, 2, 1, tzinfo=UTC) else (ConsentStatus.EXPIRED)
    )
    assert consent.status(at) is expected
    revoked = revoke(consent, reason=None, now=NOW)
    assert revoked.status(at) is ConsentStatus.REVOKED
    assert revoke(revoked, reason="again", now=NOW + timedelta(days=1)) is revoked


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"recipient_organization_id": None}, "recipient_organization_id"),
        ({"recipient_organization_id": HOME}, "recipient_organization_id"),
        ({"scopes": frozenset()}, "scopes"),
        ({"purpose": "  "}, "purpose"),
        ({"expires_on": None}, "expires_on"),
        ({"expires_on": date(2026, 11, 24)}, "expires_on"),
        ({"signature_method": None}, "signature_method"),
        ({"signed_at": None}, "signed_at"),
        ({"signed_at": NOW + timedelta(days=1)}, "signed_at"),
        ({"signed_by": ""}, "signed_by"),
        ({"recorded_by": None}, "recorded_by"),
        # 42 CFR 2.31 asks for a written consent (paper or electronic).
        ({"signature_method": SignatureMethod.VERBAL_WITNESSED}, "signature_method"),
        # An end that could never happen: no referral rests on a consent granted on its own.
        ({"expires_on": None, "end_event": EndEvent.REFERRAL_CLOSED}, "end_event"),
        # The rest of 42 CFR 2.31's elements.
        ({"patient_name": None}, "patient_name"),
        ({"information": "  "}, "information"),
        ({"purpose_code": None}, "purpose_code"),
        ({"form_version": None}, "form_version"),
        ({"statements": frozenset({Statement.RIGHT_TO_REVOKE})}, "statements"),
        ({"signer_authority": None}, "signer_authority"),
        (
            {"data_period_start": date(2026, 2, 1), "data_period_end": date(2026, 1, 1)},
            "data_period",
        ),
        ({"consent_type": ConsentType.TPO, "purpose_code": PurposeCode.RESEARCH}, "purpose_code"),
    ],
)
def test_a_grant_missing_an_element_names_it(change: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidField) as error:
        _grant(msgspec.structs.replace(TERMS, **change))
    assert error.value.field == field


def test_a_consent_made_with_a_referral_may_end_with_it() -> None:
    terms = msgspec.structs.replace(TERMS, expires_on=None, end_event=EndEvent.REFERRAL_CLOSED)
    consent = grant_consent(
        terms,
        consent_id=UUID(int=9),
        member_id=UUID(int=7),
        member_timezone="UTC",
        home_organization_id=HOME,
        recorded_by_key_id=UUID(int=8),
        now=NOW,
        with_referral=True,
    )
    assert consent.end_event is EndEvent.REFERRAL_CLOSED
    assert end_on_event(consent, EndEvent.TREATMENT_ENDED, NOW) is consent
    assert end_on_event(consent, EndEvent.REFERRAL_CLOSED, NOW).status(NOW) is ConsentStatus.EXPIRED


def test_a_consent_to_a_covered_entity_needs_the_hipaa_statement() -> None:
    without = msgspec.structs.replace(TERMS, statements=REQUIRED_STATEMENTS)
    assert _grant(without).statements == REQUIRED_STATEMENTS  # to anyone else: enough
    with pytest.raises(InvalidField) as error:
        grant_consent(
            without,
            consent_id=UUID(int=9),
            member_id=UUID(int=7),
            member_timezone="UTC",
            home_organization_id=HOME,
            recorded_by_key_id=UUID(int=8),
            now=NOW,
            recipient=RecipientFacts(kind=OrganizationKind.CLINIC),
        )
    assert error.value.field == "statements"
    assert "hipaa_redisclosure" in str(error.value)


def test_a_tpo_consent_holds_until_revoked_in_writing() -> None:
    tpo = msgspec.structs.replace(TERMS, consent_type=ConsentType.TPO, expires_on=None)
    consent = _grant(tpo)
    assert consent.expires_at is None
    assert consent.status(NOW + timedelta(days=3653 * 3)) is ConsentStatus.ACTIVE
    with pytest.raises(InvalidField) as error:
        revoke(
            consent, reason=None, now=NOW, received=RevocationReceived(via=RevocationChannel.ORAL)
        )
    assert error.value.field == "received_via"
    written = revoke(
        consent, reason=None, now=NOW, received=RevocationReceived(via=RevocationChannel.WRITTEN)
    )
    assert written.status(NOW) is ConsentStatus.REVOKED
    # A specific consent may be revoked orally.
    oral = RevocationReceived(via=RevocationChannel.ORAL)
    assert revoke(_grant(), reason=None, now=NOW, received=oral).revoked_at == NOW


scope_sets = st.frozensets(st.sampled_from(list(DataScope)))


@given(grants=st.lists(scope_sets, max_size=4))
def test_access_is_the_union_of_the_consents_in_force(grants: list[frozenset[DataScope]]) -> None:
    consents = [(UUID(int=i + 1), scopes) for i, scopes in enumerate(grants)]
    access = access_for(OTHER, HOME, consents)
    union: frozenset[DataScope] = frozenset().union(*grants)
    assert access.scopes == union
    assert access.is_disclosure == bool(union)
    assert not access.home
    assert access_for(HOME, HOME, consents).home


@given(scopes=scope_sets)
def test_a_member_shows_only_what_the_scopes_cover(scopes: frozenset[DataScope]) -> None:
    member = Member(
        id=UUID(int=7),
        organization_id=HOME,
        display_name="Robin",
        timezone="UTC",
        external_ref="chart-1",
        recovery_started_on=date(2026, 1, 1),
        contact=Contact(email="r@example.org"),
        version=1,
        created_at=NOW,
        updated_at=NOW,
    )
    seen = visible_member(member, access_for(OTHER, HOME, [(UUID(int=1), scopes)]))
    assert seen.external_ref is None
    assert (seen.display_name is not None) == (DataScope.PROFILE in scopes)
    assert (seen.contact is not None) == (DataScope.PROFILE in scopes)
    assert (seen.recovery_started_on is not None) == (DataScope.RECOVERY in scopes)
    sight = membership_sight(access_for(OTHER, HOME, [(UUID(int=1), scopes)] if scopes else []))
    assert sight.member == bool(scopes & {DataScope.PROFILE, DataScope.NETWORKS})
    assert sight.name == (DataScope.PROFILE in scopes)
    assert sight.dates == (DataScope.NETWORKS in scopes)
    assert visible_member(member, access_for(HOME, HOME, [])) == member
    # The read model views are built from carries the same redaction, and its access.
    access = access_for(OTHER, HOME, [(UUID(int=1), scopes)])
    read_model = seen_by(member, access)
    assert read_model.member == seen
    assert read_model.access == access
    assert seen_by(member, HOME_ACCESS).member == member


def _circle() -> rules.Network:
    network, _ = rules.create_network(
        network_id=UUID(int=50),
        kind=NetworkKind.CIRCLE,
        name="c",
        description=None,
        focus_member_id=UUID(int=7),
        organization_id=HOME,
        now=NOW,
    )
    return network


# A random walk of membership operations never leaves a circle with two live focus members.
operations = st.lists(
    st.tuples(
        st.sampled_from(["add", "role", "leave"]),
        st.integers(min_value=1, max_value=5),
        st.sampled_from(list(Role)),
    ),
    max_size=30,
)


@given(steps=operations)
def test_a_circle_never_has_two_focus_members(steps: list[tuple[str, int, Role]]) -> None:
    network = _circle()
    memberships: dict[int, rules.Membership] = {}
    for op, who, role in steps:
        live = [m for m in memberships.values() if m.status is not MembershipStatus.LEFT]
        focus = next((m for m in live if m.role is Role.FOCUS), None)
        try:
            if op == "add":
                memberships[who] = membership_rules.add_membership(
                    network,
                    membership_id=UUID(int=100 + who),
                    member_id=UUID(int=who),
                    member_organization_id=HOME,
                    role=role,
                    status=MembershipStatus.ACTIVE,
                    added_by_organization_id=HOME,
                    current_focus=focus,
                    already_member=any(m.member_id == UUID(int=who) for m in live),
                    now=NOW,
                )
            elif who in memberships:
                memberships[who] = membership_rules.change_membership(
                    network,
                    memberships[who],
                    role=role if op == "role" else None,
                    status=MembershipStatus.LEFT if op == "leave" else None,
                    actor_organization_id=HOME,
                    current_focus=focus,
                    expected_version=Precondition.version(memberships[who].version),
                    consent_in_force=False,
                    now=NOW,
                )
        except (NetworkConflict, InvalidField):
            pass
        live = [m for m in memberships.values() if m.status is not MembershipStatus.LEFT]
        assert sum(m.role is Role.FOCUS for m in live) <= 1
        assert len({m.member_id for m in live}) == len(live)


def test_participation_rules() -> None:
    network = _circle()
    with pytest.raises(NotAllowed):
        rules.invite_organization(network, OTHER, UUID(int=3), None, now=NOW)
    invited = rules.invite_organization(network, HOME, OTHER, None, now=NOW)
    with pytest.raises(NetworkConflict):
        rules.invite_organization(network, HOME, OTHER, invited, now=NOW)
    joined = rules.answer_invitation(network, invited, accept=True, now=NOW)
    assert joined.status.value == "active"
    with pytest.raises(NetworkConflict):
        rules.answer_invitation(network, joined, accept=False, now=NOW)
    left = rules.leave_network(network, joined, now=NOW)
    assert left.left_at == NOW
    _, creator = rules.create_network(
        network_id=network.id,
        kind=NetworkKind.GROUP,
        name="g",
        description=None,
        focus_member_id=None,
        organization_id=HOME,
        now=NOW,
    )
    with pytest.raises(NetworkConflict):
        rules.leave_network(network, creator, now=NOW)
    archived = rules.archive_network(
        network, HOME, expected_version=Precondition.version(1), now=NOW
    )
    with pytest.raises(NetworkConflict):
        rules.update_network(
            archived,
            rules.NetworkChanges(name="x"),
            expected_version=Precondition.version(archived.version),
            now=NOW,
        )


def test_changes_to_shared_resources_need_if_match() -> None:
    network = _circle()
    with pytest.raises(PreconditionRequired):
        rules.update_network(
            network, rules.NetworkChanges(name="x"), expected_version=None, now=NOW
        )
    with pytest.raises(PreconditionRequired):
        rules.archive_network(network, HOME, expected_version=None, now=NOW)
    renamed = rules.update_network(
        network, rules.NetworkChanges(name="x"), expected_version=ANY_VERSION, now=NOW
    )
    assert renamed.name == "x"
