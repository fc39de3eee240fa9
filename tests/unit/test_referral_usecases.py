"""Referral and webhook-endpoint use cases against the in-memory fakes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest

from service.domain.accounting import Viewing
from service.domain.consent import ConsentStatus, DataScope
from service.domain.consent_form import (
    EndEvent,
    SignatureMethod,
)
from service.domain.consent_terms import ConsentTerms
from service.domain.errors import Conflict, InvalidField, NotFound, Precondition
from service.domain.events import EventType
from service.domain.members import NewMember
from service.domain.organizations import ALL_SCOPES, Organization, OrganizationKind
from service.domain.paging import PageRequest
from service.domain.referral_sight import SeenReferral
from service.domain.referrals import DuplicateReferral, NewReferral, ReferralStatus, Urgency
from service.domain.webhooks import NewEndpoint, parse_networks
from service.usecases import consents, referral_transitions, referrals, webhooks
from tests.support.consent_forms import SIGNED_FORM
from tests.unit.fakes import (
    CountingSecrets,
    FakeReferralQueries,
    FakeResolver,
    FakeUnitOfWork,
    FakeWebhookQueries,
    FixedClock,
    SequentialIds,
    Store,
)

ANY_VERSION = Precondition(any_version=True)

CLINIC = UUID(int=1000)
PEER = UUID(int=2000)
KEY = UUID(int=3000)
WITHIN = timedelta(days=14)


@pytest.fixture
def store() -> Store:
    store = Store()
    for org, kind in ((CLINIC, OrganizationKind.CLINIC), (PEER, OrganizationKind.PEER_ORG)):
        store.organizations[org] = Organization(
            id=org, name="o", kind=kind, version=1, created_at=datetime(2026, 1, 1, tzinfo=UTC)
        )
    return store


def _viewing(organization_id: UUID, now: datetime) -> Viewing:
    return Viewing(organization_id=organization_id, now=now, request_id="r", operation="op")


def _terms(end_event: EndEvent | None = EndEvent.REFERRAL_CLOSED) -> ConsentTerms:
    return ConsentTerms(
        scopes=frozenset({DataScope.PROFILE}),
        purpose="Peer support",
        end_event=end_event,
        expires_on=None if end_event else datetime(2030, 1, 1).date(),
        signature_method=SignatureMethod.WRITTEN,
        signed_at=datetime(2026, 11, 20, tzinfo=UTC),
        signed_by="the member",
        recorded_by="nurse",
        **SIGNED_FORM,
    )


def _command(external_ref: str | None = None, **fields: object) -> referrals.CreateReferral:
    base: dict[str, object] = {
        "organization_id": CLINIC,
        "key_id": KEY,
        "referral": NewReferral(
            receiver_organization_id=PEER,
            network_id=None,
            reason="Peer support",
            urgency=Urgency.ROUTINE,
            external_ref=external_ref,
        ),
        "new_member": NewMember(display_name="R.", timezone="Europe/London"),
        "consent_terms": _terms(),
    }
    base.update(fields)
    return referrals.CreateReferral(**base)  # type: ignore[arg-type]


async def test_a_referral_of_a_new_person_records_member_consent_and_referral(
    store: Store,
) -> None:

    ids, clock = SequentialIds(), FixedClock()
    referral = await referrals.create_referral(
        _command(), FakeUnitOfWork(store, clock, ids), WITHIN
    )
    assert referral.status is ReferralStatus.REQUESTED
    assert store.members[referral.member_id].organization_id == CLINIC
    consent = store.consents[referral.consent_id]
    assert consent.recipient_organization_id == PEER
    assert [e.type for e in store.events] == [
        EventType.MEMBER_CREATED,
        EventType.CONSENT_GRANTED,
        EventType.REFERRAL_CREATED,
    ]
    assert store.events[-1].data["receiver_organization_id"] == str(PEER)


async def test_a_duplicate_external_ref_changes_nothing(store: Store) -> None:
    ids, clock = SequentialIds(), FixedClock()
    first = await referrals.create_referral(
        _command("t-1"), FakeUnitOfWork(store, clock, ids), WITHIN
    )
    events = list(store.events)
    with pytest.raises(DuplicateReferral) as duplicate:
        await referrals.create_referral(_command("t-1"), FakeUnitOfWork(store, clock, ids), WITHIN)
    assert duplicate.value.existing_id == first.id
    assert store.events == events
    assert len(store.members) == 1


async def test_the_consent_must_be_to_the_receiver_and_in_force(store: Store) -> None:
    ids, clock = SequentialIds(), FixedClock()
    wrong = _terms()
    with pytest.raises(InvalidField) as error:
        await referrals.create_referral(
            _command(
                consent_terms=ConsentTerms(
                    recipient_organization_id=CLINIC,
                    scopes=wrong.scopes,
                    purpose=wrong.purpose,
                    end_event=wrong.end_event,
                    signature_method=wrong.signature_method,
                    signed_at=wrong.signed_at,
                    signed_by=wrong.signed_by,
                    recorded_by=wrong.recorded_by,
                    **SIGNED_FORM,
                )
            ),
            FakeUnitOfWork(store, clock, ids),
            WITHIN,
        )
    assert error.value.field == "consent.recipient_organization_id"
    with pytest.raises(InvalidField) as neither:
        await referrals.create_referral(
            _command(consent_terms=None), FakeUnitOfWork(store, clock, ids), WITHIN
        )
    assert neither.value.field == "consent_id"
    assert store.referrals == {}
    assert store.members == {}


async def test_closing_the_referral_ends_a_consent_given_until_then(store: Store) -> None:
    ids, clock = SequentialIds(), FixedClock()
    referral = await referrals.create_referral(
        _command(), FakeUnitOfWork(store, clock, ids), WITHIN
    )
    for status in (ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS):
        await referral_transitions.transition_referral(
            referral_transitions.TransitionReferral(
                expected_version=ANY_VERSION,
                organization_id=PEER,
                referral_id=referral.id,
                to=status,
                viewing=_viewing(PEER, clock.now()),
            ),
            FakeUnitOfWork(store, clock, ids),
        )
        assert store.consents[referral.consent_id].status(clock.now()) is ConsentStatus.ACTIVE
    clock.advance(hours=1)
    await referral_transitions.transition_referral(
        referral_transitions.TransitionReferral(
            expected_version=ANY_VERSION,
            organization_id=PEER,
            referral_id=referral.id,
            to=ReferralStatus.COMPLETED,
            viewing=_viewing(PEER, clock.now()),
        ),
        FakeUnitOfWork(store, clock, ids),
    )
    consent = store.consents[referral.consent_id]
    assert consent.ended_at == clock.now()
    assert consent.status(clock.now()) is ConsentStatus.EXPIRED
    assert [e.type for e in store.events][-2:] == [
        EventType.REFERRAL_STATUS_CHANGED,
        EventType.CONSENT_EXPIRED,
    ]
    history = await referrals.referral_history(
        _viewing(CLINIC, clock.now()), referral.id, FakeReferralQueries(store)
    )
    assert [c.to_status for c in history] == [
        ReferralStatus.REQUESTED,
        ReferralStatus.ACCEPTED,
        ReferralStatus.IN_PROGRESS,
        ReferralStatus.COMPLETED,
    ]
    with pytest.raises(NotFound):
        await referrals.referral_history(
            _viewing(UUID(int=9), clock.now()), referral.id, FakeReferralQueries(store)
        )


async def test_a_dated_consent_outlives_the_referral(store: Store) -> None:
    ids, clock = SequentialIds(), FixedClock()
    referral = await referrals.create_referral(
        _command(consent_terms=_terms(end_event=None)), FakeUnitOfWork(store, clock, ids), WITHIN
    )
    await referral_transitions.transition_referral(
        referral_transitions.TransitionReferral(
            expected_version=ANY_VERSION,
            organization_id=CLINIC,
            referral_id=referral.id,
            to=ReferralStatus.CANCELLED,
            viewing=_viewing(CLINIC, clock.now()),
        ),
        FakeUnitOfWork(store, clock, ids),
    )
    assert store.consents[referral.consent_id].ended_at is None


async def test_the_sweep_expires_each_overdue_referral_once(store: Store) -> None:
    ids, clock = SequentialIds(), FixedClock()
    referral = await referrals.create_referral(
        _command(), FakeUnitOfWork(store, clock, ids), WITHIN
    )
    assert (
        await referral_transitions.expire_overdue_referrals(FakeUnitOfWork(store, clock, ids)) == 0
    )
    clock.advance(days=14)
    assert (
        await referral_transitions.expire_overdue_referrals(FakeUnitOfWork(store, clock, ids)) == 1
    )
    assert (
        await referral_transitions.expire_overdue_referrals(FakeUnitOfWork(store, clock, ids)) == 0
    )
    assert store.referrals[referral.id].status is ReferralStatus.EXPIRED
    assert store.referral_changes[-1].actor_organization_id is None
    assert store.consents[referral.consent_id].ended_at == clock.now()


async def test_webhook_urls_must_lead_to_the_public_internet(store: Store) -> None:
    ids, clock, secrets = SequentialIds(), FixedClock(), CountingSecrets()
    resolver = FakeResolver(
        {
            "hooks.example": ["93.184.216.34"],
            "inside.example": ["10.0.0.4"],
            "localhost": ["127.0.0.1"],
        }
    )
    strict = webhooks.UrlPolicy()
    new = NewEndpoint(
        url="https://inside.example/h",
        description=None,
        event_types=frozenset(),
        key_scopes=ALL_SCOPES,
    )
    with pytest.raises(InvalidField):
        await webhooks.register_endpoint(
            CLINIC, new, FakeUnitOfWork(store, clock, ids), secrets, resolver, strict
        )
    local = NewEndpoint(
        url="http://localhost:8080/h",
        description=None,
        event_types=frozenset(),
        key_scopes=ALL_SCOPES,
    )
    with pytest.raises(InvalidField):
        await webhooks.register_endpoint(
            CLINIC, local, FakeUnitOfWork(store, clock, ids), secrets, resolver, strict
        )
    assert store.endpoints == {}
    allowed = webhooks.UrlPolicy(allowed_networks=parse_networks("127.0.0.0/8"))
    registered = await webhooks.register_endpoint(
        CLINIC, local, FakeUnitOfWork(store, clock, ids), secrets, resolver, allowed
    )
    public = await webhooks.register_endpoint(
        CLINIC,
        NewEndpoint(
            url="https://hooks.example/h",
            description=None,
            event_types=frozenset(),
            key_scopes=ALL_SCOPES,
        ),
        FakeUnitOfWork(store, clock, ids),
        secrets,
        resolver,
        strict,
    )
    assert registered.secret != public.secret
    page = await webhooks.list_endpoints(CLINIC, PageRequest(), FakeWebhookQueries(store))
    assert {e.id for e in page.items} == {registered.id, public.id}
    with pytest.raises(NotFound):
        await webhooks.get_endpoint(PEER, public.id, FakeWebhookQueries(store))
    with pytest.raises(NotFound):
        await webhooks.redeliver(CLINIC, public.id, UUID(int=77), FakeUnitOfWork(store, clock, ids))
    # Delivered once, but its consent has ended since: refused, nothing queued.
    store.deliveries.append((public.id, UUID(int=78), UUID(int=79)))
    store.withdrawn_events.add(UUID(int=78))
    with pytest.raises(Conflict) as refused:
        await webhooks.redeliver(CLINIC, public.id, UUID(int=78), FakeUnitOfWork(store, clock, ids))
    assert refused.value.reason == "consent-not-in-force"
    assert len(store.deliveries) == 1


async def test_the_receiver_sees_the_person_only_while_a_consent_is_in_force(store: Store) -> None:
    ids, clock = SequentialIds(), FixedClock()
    made = await referrals.create_referral(
        _command(consent_terms=_terms(end_event=None)), FakeUnitOfWork(store, clock, ids), WITHIN
    )
    queries = FakeReferralQueries(store)

    seen = await referrals.get_referral(_viewing(PEER, clock.now()), made.id, queries)

    assert seen.shows_person
    assert seen.consent_ids == (made.consent_id,)
    assert [(m, v.organization_id, c) for m, v, c, _ in store.disclosures] == [
        (made.member_id, PEER, (made.consent_id,))
    ]
    # The sender is the member's home organization: no disclosure, whatever it reads.
    home = await referrals.get_referral(_viewing(CLINIC, clock.now()), made.id, queries)
    assert home.shows_person
    assert home.consent_ids == ()
    assert len(store.disclosures) == 1

    await consents.revoke_consent(
        CLINIC, made.consent_id, "asked by the member", FakeUnitOfWork(store, clock, ids)
    )
    after = await referrals.get_referral(_viewing(PEER, clock.now()), made.id, queries)

    assert not after.shows_person
    assert after.referral.status is ReferralStatus.REQUESTED  # the referral itself still shows
    assert len(store.disclosures) == 1


async def test_without_consent_the_receiver_reads_only_its_own_reasons(store: Store) -> None:
    ids, clock = SequentialIds(), FixedClock()

    def uow() -> FakeUnitOfWork:
        return FakeUnitOfWork(store, clock, ids)

    async def move(referral_id: UUID, by: UUID, to: ReferralStatus, reason: str) -> SeenReferral:
        return await referral_transitions.transition_referral(
            referral_transitions.TransitionReferral(
                expected_version=ANY_VERSION,
                organization_id=by,
                referral_id=referral_id,
                to=to,
                reason=reason,
                viewing=_viewing(by, clock.now()),
            ),
            uow(),
        )

    dated = _terms(end_event=None)
    answered = await referrals.create_referral(_command(consent_terms=dated), uow(), WITHIN)
    cancelled = await referrals.create_referral(_command(consent_terms=dated), uow(), WITHIN)
    accepted = await move(answered.id, PEER, ReferralStatus.ACCEPTED, "we have room")
    await move(cancelled.id, CLINIC, ReferralStatus.CANCELLED, "Sam moved to Leeds")
    # The receiver's answer showed it the person, under the consent: recorded.
    assert accepted.shows_person
    assert [v.organization_id for _, v, _, _ in store.disclosures] == [PEER]
    for made in (answered, cancelled):
        await consents.revoke_consent(CLINIC, made.consent_id, None, uow())
    queries = FakeReferralQueries(store)
    peer = _viewing(PEER, clock.now())

    own = await referrals.referral_history(peer, answered.id, queries)
    theirs = await referrals.referral_history(peer, cancelled.id, queries)
    at_home = await referrals.referral_history(_viewing(CLINIC, clock.now()), cancelled.id, queries)

    assert [c.reason for c in own] == [None, "we have room"]
    assert [c.reason for c in theirs] == [None, None]  # the sender's words about the person
    assert [c.reason for c in at_home] == [None, "Sam moved to Leeds"]
    assert len(store.disclosures) == 1
