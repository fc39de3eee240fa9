"""Network and consent use cases against the in-memory fakes."""

from __future__ import annotations

from datetime import date, timedelta
from uuid import UUID

import pytest

from service.domain.accounting import Viewing
from service.domain.consent import DataScope
from service.domain.consent_form import SignatureMethod
from service.domain.consent_terms import ConsentTerms
from service.domain.errors import InvalidField, NotFound
from service.domain.events import EventType
from service.domain.members import NewMember
from service.domain.networks import NetworkChanges, NetworkKind, ParticipationStatus, Role
from service.domain.organizations import Organization, OrganizationKind
from service.domain.ports import UnitOfWork
from service.usecases import consents, members, memberships, networks
from tests.support.consent_forms import SIGNED_FORM
from tests.unit.fakes import FakeUnitOfWork, FixedClock, SequentialIds, Store

HOME = UUID(int=1000)
PARTNER = UUID(int=2000)


@pytest.fixture
def store() -> Store:
    store = Store()
    clock = FixedClock()
    for org in (HOME, PARTNER):
        store.organizations[org] = Organization(
            id=org, name="o", kind=OrganizationKind.CLINIC, version=1, created_at=clock.now()
        )
    return store


async def _member(store: Store, org: UUID, ids: SequentialIds) -> UUID:
    uow: UnitOfWork = FakeUnitOfWork(store, FixedClock(), ids)
    member = await members.create_member(
        members.CreateMember(
            organization_id=org, member=NewMember(display_name="M", timezone="Europe/London")
        ),
        uow,
    )
    return member.id


async def test_a_circle_is_built_around_one_of_the_callers_members(store: Store) -> None:
    ids, clock = SequentialIds(), FixedClock()
    theirs = await _member(store, PARTNER, ids)
    with pytest.raises(InvalidField) as error:
        await networks.create_network(
            networks.CreateNetwork(
                organization_id=HOME, kind=NetworkKind.CIRCLE, name="c", focus_member_id=theirs
            ),
            FakeUnitOfWork(store, clock, ids),
        )
    assert error.value.field == "focus_member_id"
    assert store.networks == {}
    mine = await _member(store, HOME, ids)
    network = await networks.create_network(
        networks.CreateNetwork(
            organization_id=HOME, kind=NetworkKind.CIRCLE, name="c", focus_member_id=mine
        ),
        FakeUnitOfWork(store, clock, ids),
    )
    assert [m.role for m in store.memberships.values()] == [Role.FOCUS]
    assert store.participations[(network.id, HOME)].status is ParticipationStatus.ACTIVE
    assert [e.type for e in store.events][-2:] == [
        EventType.NETWORK_CREATED,
        EventType.NETWORK_MEMBERSHIP_ADDED,
    ]


async def test_adding_another_organizations_member_needs_its_consent(store: Store) -> None:
    ids, clock = SequentialIds(), FixedClock()
    network = await networks.create_network(
        networks.CreateNetwork(organization_id=HOME, kind=NetworkKind.GROUP, name="g"),
        FakeUnitOfWork(store, clock, ids),
    )
    await networks.invite_organization(HOME, network.id, PARTNER, FakeUnitOfWork(store, clock, ids))
    await networks.answer_invitation(PARTNER, network.id, True, FakeUnitOfWork(store, clock, ids))
    theirs = await _member(store, PARTNER, ids)
    add = memberships.AddMembership(
        organization_id=HOME, network_id=network.id, member_id=theirs, role=Role.PEER_SUPPORTER
    )
    with pytest.raises(InvalidField):
        await memberships.add_membership(add, FakeUnitOfWork(store, clock, ids))
    await consents.grant_consent(
        consents.GrantConsent(
            organization_id=PARTNER,
            key_id=UUID(int=1),
            member_id=theirs,
            terms=ConsentTerms(
                recipient_organization_id=HOME,
                scopes=frozenset({DataScope.NETWORKS}),
                purpose="support",
                expires_on=date(2030, 1, 1),
                signature_method=SignatureMethod.ELECTRONIC,
                signed_at=clock.now(),
                signed_by="member",
                recorded_by="coordinator",
                **SIGNED_FORM,
            ),
        ),
        FakeUnitOfWork(store, clock, ids),
    )
    membership = await memberships.add_membership(add, FakeUnitOfWork(store, clock, ids))
    assert membership.member_organization_id == PARTNER
    # A stranger to the network learns nothing, not even that it exists.
    with pytest.raises(NotFound):
        await networks.update_network(
            Viewing(
                organization_id=UUID(int=3000),
                now=clock.now(),
                request_id="r",
                operation="updateNetwork",
            ),
            network.id,
            NetworkChanges(name="x"),
            None,
            FakeUnitOfWork(store, clock, ids),
        )


async def test_expired_consents_are_announced_once(store: Store) -> None:
    ids, clock = SequentialIds(), FixedClock()
    member = await _member(store, HOME, ids)
    consent = await consents.grant_consent(
        consents.GrantConsent(
            organization_id=HOME,
            key_id=UUID(int=1),
            member_id=member,
            terms=ConsentTerms(
                recipient_organization_id=PARTNER,
                scopes=frozenset({DataScope.PROFILE}),
                purpose="support",
                expires_on=clock.now().date() + timedelta(days=2),
                signature_method=SignatureMethod.WRITTEN,
                signed_at=clock.now(),
                signed_by="member",
                recorded_by="nurse",
                **SIGNED_FORM,
            ),
        ),
        FakeUnitOfWork(store, clock, ids),
    )
    assert await consents.announce_expired_consents(FakeUnitOfWork(store, clock, ids)) == 0
    clock.advance(days=4)
    assert await consents.announce_expired_consents(FakeUnitOfWork(store, clock, ids)) == 1
    assert await consents.announce_expired_consents(FakeUnitOfWork(store, clock, ids)) == 0
    expired = [e for e in store.events if e.type is EventType.CONSENT_EXPIRED]
    assert [e.subject_id for e in expired] == [consent.id]
