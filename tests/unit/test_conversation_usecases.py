"""The conversation's use cases against the in-memory fakes: who may write, what is announced
to whom, and that a post the caller may not see answers as one that does not exist."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import pytest

from service.domain.accounting import Viewing
from service.domain.consent import DataScope
from service.domain.consent_form import SignatureMethod
from service.domain.consent_terms import ConsentTerms
from service.domain.conversation import (
    CrisisPhrasesChanged,
    ModerationAction,
    PostKind,
    PostState,
    Reaction,
    ReportReason,
    ShownPost,
    Standing,
)
from service.domain.errors import InvalidField, NotFound
from service.domain.events import EventType
from service.domain.members import NewMember
from service.domain.networks import NotAllowed
from service.domain.organizations import Organization, OrganizationKind
from service.domain.ports import UnitOfWork
from service.usecases import consents, members
from service.usecases import conversation as usecases
from tests.support.consent_forms import SIGNED_FORM
from tests.unit.fakes import (
    FakeConversationQueries,
    FakeUnitOfWork,
    FixedClock,
    SequentialIds,
    Store,
)

HOME = UUID(int=1000)
PARTNER = UUID(int=2000)
NETWORK = UUID(int=3000)


class World:
    def __init__(self) -> None:
        self.store = Store()
        self.clock = FixedClock()
        self.ids = SequentialIds()
        for org in (HOME, PARTNER):
            self.store.organizations[org] = Organization(
                id=org,
                name="o",
                kind=OrganizationKind.CLINIC,
                version=1,
                created_at=self.clock.now(),
            )
        # HOME created the network; PARTNER takes part in it.
        self.store.standings[(NETWORK, HOME)] = Standing(takes_part=True, moderates=True)
        self.store.standings[(NETWORK, PARTNER)] = Standing(takes_part=True)
        self.queries = FakeConversationQueries(self.store)  # one worker's, kept across posts

    def uow(self) -> UnitOfWork:
        return FakeUnitOfWork(self.store, self.clock, self.ids)

    def viewing(self, org: UUID) -> Viewing:
        return Viewing(organization_id=org, now=self.clock.now(), request_id="r", operation="op")

    async def member(self, org: UUID, *, taking_part: bool = True) -> UUID:
        made = await members.create_member(
            members.CreateMember(
                organization_id=org, member=NewMember(display_name="M", timezone="UTC")
            ),
            self.uow(),
        )
        if taking_part:
            self.store.taking_part.add((NETWORK, made.id))
        return made.id

    async def consent(self, member: UUID, to: UUID, scope: DataScope) -> None:
        await consents.grant_consent(
            consents.GrantConsent(
                organization_id=HOME,
                key_id=UUID(int=1),
                member_id=member,
                terms=ConsentTerms(
                    recipient_organization_id=to,
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

    async def post(self, org: UUID, author: UUID, body: str = "Day 3.") -> ShownPost:
        return await usecases.write_post(
            usecases.WritePost(
                viewing=self.viewing(org),
                network_id=NETWORK,
                author_member_id=author,
                kind=PostKind.ADVICE,
                body=body,
            ),
            self.uow(),
            self.queries,
        )


@pytest.fixture
def world() -> World:
    return World()


async def test_only_a_member_taking_part_writes_and_only_where_the_caller_takes_part(
    world: World,
) -> None:
    sam = await world.member(HOME)
    lee = await world.member(HOME, taking_part=False)
    with pytest.raises(InvalidField):
        await world.post(HOME, lee)
    with pytest.raises(InvalidField):
        await world.post(PARTNER, sam)  # not the partner's member
    world.store.standings[(NETWORK, PARTNER)] = Standing()
    with pytest.raises(NotFound):
        await world.post(PARTNER, await world.member(PARTNER))
    assert world.store.posts == {}
    written = await world.post(HOME, sam)
    assert written.post.organization_id == HOME
    assert [e.type for e in world.store.events][-1:] == [EventType.POST_CREATED]


async def test_a_crisis_is_announced_to_the_home_organization_only(world: World) -> None:
    sam = await world.member(HOME)
    written = await world.post(HOME, sam, body="I can't go on like this")
    assert written.post.crisis_flagged
    assert written.post.state is PostState.VISIBLE
    flagged = [e for e in world.store.events if e.type is EventType.POST_CRISIS_FLAGGED]
    assert [(e.organization_id, e.data["matched_phrases"]) for e in flagged] == [
        (HOME, ["can't go on"])
    ]


async def test_a_post_flagged_with_a_list_replaced_since_is_stored_only_with_the_new_one(
    world: World,
) -> None:
    sam = await world.member(HOME)
    await world.post(HOME, sam)  # the default list is read, and kept for the next posts
    await usecases.replace_crisis_phrases(HOME, ("bridge tonight",), world.uow())
    with pytest.raises(CrisisPhrasesChanged):
        await world.post(HOME, sam, body="Walking to the bridge tonight.")
    assert len(world.store.posts) == 1
    assert not [e for e in world.store.events if e.type is EventType.POST_CRISIS_FLAGGED]
    again = await world.post(HOME, sam, body="Walking to the bridge tonight.")
    assert again.post.crisis_flagged
    assert again.author_display_name == "M"
    await usecases.replace_crisis_phrases(HOME, None, world.uow())  # the default again
    with pytest.raises(CrisisPhrasesChanged):
        await world.post(HOME, sam, body="I can't go on.")
    assert (await world.post(HOME, sam, body="I can't go on.")).post.crisis_flagged
    assert not (await world.post(HOME, sam, body="The bridge tonight.")).post.crisis_flagged


async def test_a_post_the_caller_may_not_see_answers_as_none(world: World) -> None:
    sam = await world.member(HOME)
    jo = await world.member(PARTNER)
    post = (await world.post(HOME, sam)).post
    viewing = world.viewing(PARTNER)
    attempts = [
        usecases.mark(
            usecases.Mark(viewing=viewing, post_id=post.id, member_id=jo, reaction=Reaction.HEART),
            world.uow(),
            give=True,
        ),
        usecases.report_post(
            usecases.ReportPost(viewing=viewing, post_id=post.id, reason=ReportReason.SPAM),
            world.uow(),
        ),
        usecases.write_post(
            usecases.WritePost(
                viewing=viewing,
                network_id=None,
                parent_id=post.id,
                author_member_id=jo,
                kind=PostKind.SHARE,
                body="Hi",
            ),
            world.uow(),
            FakeConversationQueries(world.store),
        ),
    ]
    for attempt in attempts:
        with pytest.raises(NotFound):
            await attempt
    assert world.store.reactions == set()
    assert world.store.reports == []
    # A consent covering other data is not enough; one covering the conversation is.
    await world.consent(sam, PARTNER, DataScope.PROFILE)
    with pytest.raises(NotFound):
        await usecases.mark(
            usecases.Mark(viewing=viewing, post_id=post.id, member_id=jo), world.uow(), give=True
        )
    await world.consent(sam, PARTNER, DataScope.CONVERSATION)
    counts = await usecases.mark(
        usecases.Mark(viewing=viewing, post_id=post.id, member_id=jo), world.uow(), give=True
    )
    assert counts.helpful == 1
    # The mark tells that the post exists: accounted under the conversation consent.
    assert [(m, scopes) for m, _v, _c, scopes in world.store.disclosures] == [
        (sam, frozenset({DataScope.CONVERSATION}))
    ]


async def test_only_moderators_moderate_and_every_action_closes_the_reports(
    world: World,
) -> None:
    sam = await world.member(HOME)
    post = (await world.post(HOME, sam)).post
    await world.consent(sam, PARTNER, DataScope.CONVERSATION)
    await usecases.report_post(
        usecases.ReportPost(
            viewing=world.viewing(PARTNER), post_id=post.id, reason=ReportReason.UNSAFE_ADVICE
        ),
        world.uow(),
    )
    with pytest.raises(NotAllowed):
        await usecases.moderate_post(
            usecases.ModeratePost(
                viewing=world.viewing(PARTNER),
                post_id=post.id,
                action=ModerationAction.HIDE,
                reason="x",
            ),
            world.uow(),
        )
    dismissed = await usecases.moderate_post(
        usecases.ModeratePost(
            viewing=world.viewing(HOME),
            post_id=post.id,
            action=ModerationAction.DISMISS,
            reason="Reviewed: a coping strategy, not dosing",
        ),
        world.uow(),
    )
    assert dismissed.post == post
    assert [r.resolved_at is not None for r in world.store.reports] == [True]
    assert [e.action for e in world.store.moderation_log] == [ModerationAction.DISMISS]
    assert EventType.POST_HIDDEN not in {e.type for e in world.store.events}
