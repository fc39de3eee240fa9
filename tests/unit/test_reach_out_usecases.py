"""Reach-out use cases against the in-memory fakes: who is asked, who may respond, the first
answer announced once, escalation and expiry by the sweeps (each once, whatever the number of
runs), closing by the home organization only, the settings."""

from __future__ import annotations

from datetime import date, timedelta
from uuid import UUID

import pytest

from service.domain.consent import DataScope
from service.domain.consent_form import SignatureMethod
from service.domain.consent_terms import ConsentTerms
from service.domain.errors import InvalidField, NotFound
from service.domain.events import EventType
from service.domain.members import NewMember
from service.domain.networks import NetworkKind, Role
from service.domain.organizations import Organization, OrganizationKind
from service.domain.reach_outs import (
    CrisisResource,
    EscalationWindows,
    ReachOutConflict,
    ReachOutOutcome,
    ReachOutUrgency,
    ResponseKind,
)
from service.usecases import consents, members, memberships, networks, reach_outs
from tests.support.consent_forms import SIGNED_FORM
from tests.unit.fakes import FakeUnitOfWork, FixedClock, SequentialIds, Store

HOME = UUID(int=1000)
PEER = UUID(int=2000)
STRANGER = UUID(int=3000)


class Circle:
    """HOME's member Sam, in a circle HOME made, which PEER takes part in with its member Jo as
    a peer supporter; HOME's Ana supports Sam too."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.clock = FixedClock()
        self.ids = SequentialIds()

    def uow(self) -> FakeUnitOfWork:
        return FakeUnitOfWork(self.store, self.clock, self.ids)

    async def build(self) -> Circle:
        for org in (HOME, PEER, STRANGER):
            self.store.organizations[org] = Organization(
                id=org,
                name="o",
                kind=OrganizationKind.CLINIC,
                version=1,
                created_at=self.clock.now(),
            )
        self.sam = await self.member(HOME)
        self.ana = await self.member(HOME)
        self.jo = await self.member(PEER)
        network = await networks.create_network(
            networks.CreateNetwork(
                organization_id=HOME, kind=NetworkKind.CIRCLE, name="c", focus_member_id=self.sam
            ),
            self.uow(),
        )
        self.circle = network.id
        await networks.invite_organization(HOME, network.id, PEER, self.uow())
        await networks.answer_invitation(PEER, network.id, True, self.uow())
        for org, member in ((HOME, self.ana), (PEER, self.jo)):
            await memberships.add_membership(
                memberships.AddMembership(
                    organization_id=org,
                    network_id=network.id,
                    member_id=member,
                    role=Role.PEER_SUPPORTER,
                ),
                self.uow(),
            )
        return self

    async def member(self, org: UUID) -> UUID:
        member = await members.create_member(
            members.CreateMember(
                organization_id=org, member=NewMember(display_name="M", timezone="Europe/London")
            ),
            self.uow(),
        )
        return member.id

    async def consent(self, scope: DataScope) -> None:
        await consents.grant_consent(
            consents.GrantConsent(
                organization_id=HOME,
                key_id=UUID(int=1),
                member_id=self.sam,
                terms=ConsentTerms(
                    recipient_organization_id=PEER,
                    scopes=frozenset({scope}),
                    purpose="support",
                    expires_on=date(2030, 1, 1),
                    signature_method=SignatureMethod.ELECTRONIC,
                    signed_at=self.clock.now(),
                    signed_by="member",
                    recorded_by="coordinator",
                    **SIGNED_FORM,
                ),
            ),
            self.uow(),
        )

    async def open(self, urgency: ReachOutUrgency = ReachOutUrgency.NOW) -> UUID:
        seen = await reach_outs.open_reach_out(
            reach_outs.OpenReachOut(organization_id=HOME, member_id=self.sam, urgency=urgency),
            self.uow(),
        )
        return seen.reach_out.id

    async def respond(self, org: UUID, reach_out_id: UUID, who: UUID, kind: ResponseKind) -> None:
        await reach_outs.respond(
            reach_outs.Respond(
                organization_id=org,
                reach_out_id=reach_out_id,
                supporter_member_id=who,
                kind=kind,
            ),
            self.uow(),
        )

    def events(self, event_type: EventType) -> list[UUID]:
        return [e.subject_id for e in self.store.events if e.type is event_type]


@pytest.fixture
async def circle() -> Circle:
    return await Circle(Store()).build()


async def test_it_asks_every_circle_around_the_member_and_tells_home_who(circle: Circle) -> None:
    seen = await reach_outs.open_reach_out(
        reach_outs.OpenReachOut(
            organization_id=HOME, member_id=circle.sam, urgency=ReachOutUrgency.TODAY
        ),
        circle.uow(),
    )
    assert seen.reach_out.circle_ids == (circle.circle,)
    assert seen.asked == (circle.ana,)
    assert seen.reach_out.escalates_at == circle.clock.now() + timedelta(hours=2)
    assert circle.events(EventType.REACH_OUT_OPENED) == [seen.reach_out.id]


async def test_only_the_home_organization_opens_one_for_its_member(circle: Circle) -> None:
    with pytest.raises(NotFound):
        await reach_outs.open_reach_out(
            reach_outs.OpenReachOut(
                organization_id=PEER, member_id=circle.sam, urgency=ReachOutUrgency.NOW
            ),
            circle.uow(),
        )
    assert circle.store.reach_outs == {}


async def test_another_organization_responds_only_under_a_consent_covering_reach_outs(
    circle: Circle,
) -> None:
    reach_out = await circle.open()
    await circle.consent(DataScope.PROFILE)
    with pytest.raises(NotFound):
        await circle.respond(PEER, reach_out, circle.jo, ResponseKind.CALLING)
    await circle.consent(DataScope.REACH_OUTS)
    # HOME's Ana is not PEER's to name; PEER's own member outside the circle is a field to
    # correct.
    with pytest.raises(NotFound):
        await circle.respond(PEER, reach_out, circle.ana, ResponseKind.CALLING)
    outsider = await circle.member(PEER)
    with pytest.raises(InvalidField) as error:
        await circle.respond(PEER, reach_out, outsider, ResponseKind.CALLING)
    assert error.value.field == "supporter_member_id"
    assert circle.store.reach_out_responses == []
    await circle.respond(PEER, reach_out, circle.jo, ResponseKind.CANNOT_NOW)
    assert circle.store.reach_outs[reach_out].first_answered_at is None
    circle.clock.advance(minutes=3)
    await circle.respond(PEER, reach_out, circle.jo, ResponseKind.ON_MY_WAY)
    await circle.respond(HOME, reach_out, circle.ana, ResponseKind.MESSAGED)
    assert circle.store.reach_outs[reach_out].first_answered_at == circle.clock.now()
    answered = [e for e in circle.store.events if e.type is EventType.REACH_OUT_ANSWERED]
    # Told by the home organization: who answered is not the event's to say.
    assert [(e.organization_id, e.data["seconds_to_answer"]) for e in answered] == [(HOME, 180)]
    assert len(circle.store.reach_out_responses) == 3


async def test_escalation_happens_once_and_only_without_an_answer(circle: Circle) -> None:
    unanswered = await circle.open()
    answered = await circle.open()
    await circle.respond(HOME, answered, circle.ana, ResponseKind.CALLING)
    assert await reach_outs.escalate_due_reach_outs(circle.uow()) == 0
    circle.clock.advance(minutes=10)
    assert await reach_outs.escalate_due_reach_outs(circle.uow()) == 1
    assert await reach_outs.escalate_due_reach_outs(circle.uow()) == 0
    assert circle.events(EventType.REACH_OUT_ESCALATED) == [unanswered]
    assert circle.store.reach_outs[unanswered].escalated_at == circle.clock.now()


async def test_it_expires_a_day_after_it_opened_dated_when_due(circle: Circle) -> None:
    reach_out = await circle.open()
    opened_at = circle.clock.now()
    circle.clock.advance(hours=23, minutes=59)
    assert await reach_outs.expire_reach_outs(circle.uow()) == 0
    circle.clock.advance(hours=5)
    assert await reach_outs.expire_reach_outs(circle.uow()) == 1
    assert await reach_outs.expire_reach_outs(circle.uow()) == 0
    expired = circle.store.reach_outs[reach_out]
    assert expired.outcome is ReachOutOutcome.EXPIRED
    assert expired.closed_at == opened_at + timedelta(hours=24)
    assert circle.events(EventType.REACH_OUT_CLOSED) == [reach_out]


async def test_only_home_closes_and_a_closed_one_takes_no_response(circle: Circle) -> None:
    reach_out = await circle.open()
    await circle.consent(DataScope.REACH_OUTS)
    close = reach_outs.CloseReachOut(
        organization_id=PEER, reach_out_id=reach_out, outcome=ReachOutOutcome.SUPPORTED
    )
    with pytest.raises(NotFound):
        await reach_outs.close_reach_out(close, circle.uow())
    closed = await reach_outs.close_reach_out(
        reach_outs.CloseReachOut(
            organization_id=HOME, reach_out_id=reach_out, outcome=ReachOutOutcome.SUPPORTED
        ),
        circle.uow(),
    )
    assert closed.outcome is ReachOutOutcome.SUPPORTED
    with pytest.raises(ReachOutConflict):
        await circle.respond(PEER, reach_out, circle.jo, ResponseKind.CALLING)
    circle.clock.advance(hours=2)
    assert await reach_outs.escalate_due_reach_outs(circle.uow()) == 0


async def test_settings_set_the_window_and_resources_of_later_reach_outs(circle: Circle) -> None:
    earlier = await circle.open()
    line = CrisisResource(name="Crisis line", phone="988")
    with pytest.raises(InvalidField):
        await reach_outs.replace_reach_out_settings(
            HOME,
            EscalationWindows(now=timedelta(hours=3), today=timedelta(hours=1)),
            [line],
            circle.uow(),
        )
    settings = await reach_outs.replace_reach_out_settings(
        HOME,
        EscalationWindows(now=timedelta(minutes=5), today=timedelta(hours=1)),
        [line],
        circle.uow(),
    )
    assert settings.version == 1
    later = await circle.open()
    assert circle.store.reach_outs[later].crisis_resources == (line,)
    assert circle.store.reach_outs[earlier].crisis_resources == ()
    assert circle.store.reach_outs[later].escalates_at == circle.clock.now() + timedelta(minutes=5)
