"""The consent core without a database: the cross-organization read use cases over the fake
federation queries, which decide with the domain's rule (read_access). What shows, what is
refused, and what each read records in the member's accounting."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from uuid import UUID

import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.domain.accounting import Viewing
from service.domain.consent import (
    ALL_DATA_SCOPES,
    MEMBER_READ_SCOPES,
    Consent,
    DataScope,
    Reader,
    access_for,
)
from service.domain.consent_events import sees_member_event
from service.domain.consent_form import SignatureMethod
from service.domain.errors import MemberErased, NotFound
from service.domain.events import EventType
from service.domain.members import Contact, Member
from service.domain.paging import PageRequest
from service.domain.recovery import ClosedPeriod
from service.usecases.consents import list_disclosures, view_member
from service.usecases.milestones import view_milestones
from service.usecases.recovery import view_journey
from tests.unit.fakes import (
    FakeFederationQueries,
    FakeMeetingQueries,
    FakeMemberQueries,
    Store,
)

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
HOME, PARTNER, STRANGER = UUID(int=1), UUID(int=2), UUID(int=3)
MEMBER = UUID(int=10)


def _member(*, erased: bool = False) -> Member:
    return Member(
        id=MEMBER,
        organization_id=HOME,
        display_name=None if erased else "Sam",
        timezone=None if erased else "Europe/Lisbon",
        external_ref=None if erased else "chart-7",
        recovery_started_on=None if erased else date(2026, 9, 1),
        contact=None if erased else Contact(email="sam@example.org", phone=None),
        version=1,
        created_at=NOW - timedelta(days=100),
        updated_at=NOW - timedelta(days=100),
        erased_at=NOW - timedelta(days=1) if erased else None,
    )


def _consent(
    number: int,
    scopes: set[DataScope],
    *,
    recipient: UUID = PARTNER,
    expires_at: datetime | None = None,
    revoked_at: datetime | None = None,
) -> Consent:
    return Consent(
        id=UUID(int=100 + number),
        member_id=MEMBER,
        organization_id=HOME,
        recipient_organization_id=recipient,
        scopes=frozenset(scopes),
        purpose="care coordination",
        expires_on=None,
        expires_at=expires_at,
        end_event=None,
        signature_method=SignatureMethod.WRITTEN,
        signed_at=NOW - timedelta(days=30),
        signed_by="Sam",
        recorded_by="intake",
        recorded_by_key_id=UUID(int=99),
        version=1,
        created_at=NOW - timedelta(days=30),
        updated_at=NOW - timedelta(days=30),
        revoked_at=revoked_at,
    )


def _store(*consents: Consent, erased: bool = False) -> Store:
    store = Store()
    store.members[MEMBER] = _member(erased=erased)
    for consent in consents:
        store.consents[consent.id] = consent
    store.periods.append(
        ClosedPeriod(
            id=UUID(int=50),
            member_id=MEMBER,
            started_on=date(2026, 3, 1),
            ended_on=date(2026, 8, 31),
            note=None,
            recorded_at=NOW - timedelta(days=90),
        )
    )
    return store


def _viewing(viewer: UUID, operation: str = "getMember") -> Viewing:
    return Viewing(organization_id=viewer, now=NOW, request_id="req-1", operation=operation)


async def test_the_home_organization_sees_everything_and_nothing_is_recorded() -> None:
    store = _store()
    seen = await view_member(_viewing(HOME), MEMBER, FakeFederationQueries(store))
    assert seen.member.external_ref == "chart-7"
    assert seen.member.contact is not None
    assert store.disclosures == []


async def test_without_a_consent_another_organization_finds_no_member_and_nothing_is_recorded() -> (
    None
):
    store = _store(_consent(1, {DataScope.PROFILE}, recipient=PARTNER))
    with pytest.raises(NotFound):
        await view_member(_viewing(STRANGER), MEMBER, FakeFederationQueries(store))
    assert store.disclosures == []


async def test_a_profile_consent_shows_the_profile_only_and_records_it() -> None:
    store = _store(_consent(1, {DataScope.PROFILE, DataScope.PLEDGES}))
    seen = await view_member(_viewing(PARTNER), MEMBER, FakeFederationQueries(store))
    assert seen.member.display_name == "Sam"
    assert seen.member.contact is not None
    assert seen.member.recovery_started_on is None  # recovery is not granted
    assert seen.member.external_ref is None  # the home organization's own id never leaves it
    # Recorded with the scopes shown (pledges is granted but a member read does not show it).
    [(member_id, viewing, consent_ids, scopes)] = store.disclosures
    assert (member_id, viewing.organization_id, viewing.operation) == (MEMBER, PARTNER, "getMember")
    assert consent_ids == (UUID(int=101),)
    assert scopes == {DataScope.PROFILE}


async def test_a_consent_for_other_data_does_not_open_the_member_read() -> None:
    store = _store(_consent(1, {DataScope.PLEDGES, DataScope.MILESTONES}))
    with pytest.raises(NotFound):
        await view_member(_viewing(PARTNER), MEMBER, FakeFederationQueries(store))
    assert store.disclosures == []


@pytest.mark.parametrize(
    "ended",
    [
        (NOW - timedelta(minutes=1), None),
        (None, NOW),  # the first instant it no longer holds
    ],
    ids=["revoked", "expired"],
)
async def test_a_consent_that_ended_shows_nothing(
    ended: tuple[datetime | None, datetime | None],
) -> None:
    revoked_at, expires_at = ended
    store = _store(_consent(1, {DataScope.PROFILE}, revoked_at=revoked_at, expires_at=expires_at))
    with pytest.raises(NotFound):
        await view_member(_viewing(PARTNER), MEMBER, FakeFederationQueries(store))
    assert store.disclosures == []


async def test_an_erased_member_is_gone_for_everyone_and_its_read_is_not_a_disclosure() -> None:
    store = _store(_consent(1, {DataScope.PROFILE}), erased=True)
    for viewer in (HOME, PARTNER):
        with pytest.raises(MemberErased):
            await view_member(_viewing(viewer), MEMBER, FakeFederationQueries(store))
    assert store.disclosures == []


async def test_two_consents_add_up_and_both_are_named() -> None:
    store = _store(_consent(1, {DataScope.PROFILE}), _consent(2, {DataScope.RECOVERY}))
    seen = await view_member(_viewing(PARTNER), MEMBER, FakeFederationQueries(store))
    assert seen.member.display_name == "Sam"
    assert seen.member.recovery_started_on == date(2026, 9, 1)
    [(_, _, consent_ids, scopes)] = store.disclosures
    assert consent_ids == (UUID(int=101), UUID(int=102))
    assert scopes == {DataScope.PROFILE, DataScope.RECOVERY}


async def test_the_journey_needs_recovery() -> None:
    store = _store(_consent(1, {DataScope.PROFILE}))
    with pytest.raises(NotFound):
        await view_journey(
            _viewing(PARTNER, "getJourney"),
            MEMBER,
            FakeFederationQueries(store),
            FakeMeetingQueries(store),
        )
    store.consents[UUID(int=102)] = _consent(2, {DataScope.RECOVERY})
    seen = await view_journey(
        _viewing(PARTNER, "getJourney"),
        MEMBER,
        FakeFederationQueries(store),
        FakeMeetingQueries(store),
    )
    assert seen.attendance is None  # the home organization's, next to pledges
    assert [p.started_on for p in seen.periods] == [date(2026, 3, 1)]
    [(_, viewing, consent_ids, scopes)] = store.disclosures
    assert (viewing.operation, consent_ids, scopes) == (
        "getJourney",
        (UUID(int=102),),
        frozenset({DataScope.RECOVERY}),
    )


async def test_milestones_show_the_restart_history_and_instants_only_with_their_scopes() -> None:
    store = _store(_consent(1, {DataScope.MILESTONES}))
    queries = FakeFederationQueries(store)
    alone = await view_milestones(_viewing(PARTNER, "getMilestones"), MEMBER, queries)
    assert {r.period_started_on for r in alone.reached} == {date(2026, 9, 1)}
    assert not alone.shows_periods
    assert not alone.shows_instants
    store.consents[UUID(int=102)] = _consent(2, {DataScope.RECOVERY, DataScope.PROFILE})
    full = await view_milestones(_viewing(PARTNER, "getMilestones"), MEMBER, queries)
    assert {r.period_started_on for r in full.reached} == {date(2026, 3, 1), date(2026, 9, 1)}
    assert full.shows_periods
    assert full.shows_instants
    assert [scopes for *_, scopes in store.disclosures] == [
        {DataScope.MILESTONES},
        {DataScope.MILESTONES, DataScope.RECOVERY, DataScope.PROFILE},
    ]


async def test_the_accounting_answers_the_home_organization_only() -> None:
    store = _store(_consent(1, {DataScope.PROFILE}))
    queries = FakeFederationQueries(store)
    await view_member(_viewing(PARTNER), MEMBER, queries)
    page = PageRequest(limit=10, after=None)
    accounting = await list_disclosures(
        HOME, MEMBER, page, None, None, FakeMemberQueries(store), queries
    )
    assert [(d.recipient_organization_id, d.scopes) for d in accounting.items] == [
        (PARTNER, frozenset({DataScope.PROFILE}))
    ]
    with pytest.raises(NotFound):
        await list_disclosures(PARTNER, MEMBER, page, None, None, FakeMemberQueries(store), queries)


_scopes = st.frozensets(st.sampled_from(sorted(ALL_DATA_SCOPES)))
_consents = st.lists(
    st.tuples(
        _scopes,
        st.sampled_from([PARTNER, STRANGER]),
        st.sampled_from(["in force", "revoked", "expired"]),
    ),
    max_size=5,
)


@given(_consents)
async def test_a_member_read_never_shows_more_than_the_consents_in_force_grant(
    drawn: list[tuple[frozenset[DataScope], UUID, str]],
) -> None:
    consents = [
        _consent(
            number,
            set(scopes),
            recipient=recipient,
            revoked_at=NOW - timedelta(hours=1) if how == "revoked" else None,
            expires_at=NOW - timedelta(hours=1) if how == "expired" else None,
        )
        for number, (scopes, recipient, how) in enumerate(drawn)
    ]
    store = _store(*consents)
    in_force = [
        (c.id, c.scopes)
        for c in consents
        if c.recipient_organization_id == PARTNER and c.is_active(NOW)
    ]
    granted = access_for(PARTNER, HOME, in_force).scopes & MEMBER_READ_SCOPES
    try:
        seen = await view_member(_viewing(PARTNER), MEMBER, FakeFederationQueries(store))
    except NotFound:
        assert not granted
        assert store.disclosures == []
        return
    assert seen.access.scopes == granted
    shown = {name for name in ("display_name", "recovery_started_on") if getattr(seen.member, name)}
    assert shown == {
        name
        for name, scope in (
            ("display_name", DataScope.PROFILE),
            ("recovery_started_on", DataScope.RECOVERY),
        )
        if scope in granted
    }
    [(_, _, consent_ids, scopes)] = store.disclosures
    assert scopes == granted
    assert set(consent_ids) == {i for i, s in in_force if s & MEMBER_READ_SCOPES}


HAPPENED = NOW - timedelta(days=1)


@pytest.mark.parametrize(
    ("consent", "event_type", "seen"),
    [
        (_consent(1, {DataScope.PROFILE}), EventType.MEMBER_UPDATED, True),
        (_consent(1, {DataScope.PLEDGES}), EventType.MEMBER_UPDATED, False),  # another kind
        (_consent(1, {DataScope.PROFILE}), EventType.MEMBER_CREATED, False),  # never crosses
        (  # revoked since: acts on events already read too
            _consent(1, {DataScope.PROFILE}, revoked_at=NOW - timedelta(hours=1)),
            EventType.MEMBER_UPDATED,
            False,
        ),
        (  # recorded after the event: it did not cover the event when it happened
            msgspec.structs.replace(
                _consent(1, {DataScope.PROFILE}), created_at=HAPPENED + timedelta(hours=1)
            ),
            EventType.MEMBER_UPDATED,
            False,
        ),
        (_consent(1, {DataScope.PROFILE}, recipient=STRANGER), EventType.MEMBER_UPDATED, False),
    ],
    ids=["covered", "other-scope", "no-scope-event", "revoked", "later-consent", "to-another"],
)
def test_an_event_about_a_member_reaches_a_partner_only_under_a_consent_then_and_now(
    consent: Consent, event_type: EventType, seen: bool
) -> None:
    member = _member()
    assert (
        sees_member_event(
            Reader(organization_id=PARTNER), member, event_type, HAPPENED, [consent], NOW
        )
        is seen
    )
    assert sees_member_event(
        Reader(organization_id=HOME), member, event_type, HAPPENED, [], NOW
    )  # home: always
    erased = _member(erased=True)
    assert not sees_member_event(
        Reader(organization_id=PARTNER), erased, event_type, HAPPENED, [consent], NOW
    )
