"""The conversation's storage (issue #13) against the real PostgreSQL: posts and replies as
written, counts kept on the post as marks come and go (never recounted), one mark per person
per kind, and what a member's erasure takes from the conversation."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

import msgspec
import pytest

from service.adapters.postgres.pool import FairPool, open_pool
from service.adapters.postgres.unit_of_work import PostgresUnitOfWork
from service.adapters.system import SystemClock, UuidV7Source
from service.domain.conversation import (
    CRISIS_PHRASES,
    NewPost,
    Post,
    PostChange,
    PostCounts,
    PostKind,
    PostState,
    Reaction,
    Topic,
    edit_post,
    write_post,
)
from service.domain.errors import InvalidField, NotFound, Precondition
from service.domain.members import erase
from service.domain.networks import NetworkKind, create_network
from tests.support.builders import new_member, stored_organization

NOW = datetime(2026, 11, 29, 12, tzinfo=UTC)


@pytest.fixture
async def pool(dsn: str) -> AsyncIterator[FairPool]:
    pool = await open_pool(dsn, min_size=1, max_size=2)
    yield pool
    await pool.close()


def _uow(pool: FairPool) -> PostgresUnitOfWork:
    return PostgresUnitOfWork(pool, SystemClock(), UuidV7Source())


async def _world(pool: FairPool) -> tuple[UUID, UUID, list[UUID]]:
    """An organization, a group it made, and three of its members."""
    org = await stored_organization(pool, NOW)
    network, _ = create_network(
        network_id=uuid4(),
        kind=NetworkKind.GROUP,
        name="Tuesdays",
        description=None,
        focus_member_id=None,
        organization_id=org,
        now=NOW,
    )
    members = [new_member(org, now=NOW, display_name=name) for name in ("Sam", "Jo", "Ana")]
    async with _uow(pool) as uow:
        await uow.networks.add(network)
        for member in members:
            await uow.members.add(member)
        await uow.commit()
    return org, network.id, [m.id for m in members]


def _post(
    org: UUID, network: UUID, author: UUID, parent: Post | None = None, **fields: object
) -> Post:
    new = NewPost(
        network_id=network,
        author_member_id=author,
        kind=fields.pop("kind", PostKind.ADVICE),  # type: ignore[arg-type]
        body=str(fields.pop("body", "Call someone before the craving peaks.")),
        tags=fields.pop("tags", (Topic.CRAVINGS,)),  # type: ignore[arg-type]
        content_note=fields.pop("content_note", None),  # type: ignore[arg-type]
        parent_id=None if parent is None else parent.id,
    )
    return write_post(
        new,
        post_id=uuid4(),
        organization_id=org,
        parent=parent,
        crisis_phrases=CRISIS_PHRASES,
        now=NOW,
    )


async def test_a_post_and_its_replies_are_stored_as_written_and_counted(pool: FairPool) -> None:
    org, network, (sam, jo, _ana) = await _world(pool)
    # Every column read back as written (a post is built from its row by hand).
    post = _post(org, network, sam, tags=(Topic.SLEEP, Topic.CRAVINGS), content_note="Relapse")
    replies = [_post(org, network, jo, parent=post, kind=PostKind.SHARE) for _ in range(2)]
    async with _uow(pool) as uow:
        await uow.conversation.add(post)
        for reply in replies:
            await uow.conversation.add(reply)
        await uow.commit()
    async with _uow(pool) as uow:
        assert await uow.conversation.get_for_update(post.id) == post
        assert await uow.conversation.get_for_update(replies[0].id) == replies[0]
        assert await uow.conversation.counts(post.id, org, NOW) == PostCounts(replies=2)
        assert await uow.conversation.counts(replies[0].id, org, NOW) == PostCounts()


async def test_one_mark_per_person_per_kind_counted_as_it_comes_and_goes(pool: FairPool) -> None:
    org, network, (sam, jo, ana) = await _world(pool)
    post = _post(org, network, sam)
    async with _uow(pool) as uow:
        await uow.conversation.add(post)
        await uow.commit()
    async with _uow(pool) as uow:
        c = uow.conversation
        assert await c.react(post.id, jo, org, Reaction.HEART, NOW)
        assert not await c.react(post.id, jo, org, Reaction.HEART, NOW)  # once per kind
        assert await c.react(post.id, jo, org, Reaction.STRENGTH, NOW)
        assert await c.react(post.id, ana, org, Reaction.HEART, NOW)
        assert await c.mark_helpful(post.id, jo, org, NOW)
        assert not await c.mark_helpful(post.id, jo, org, NOW)
        assert await c.mark_helpful(post.id, ana, org, NOW)
        await uow.commit()
    async with _uow(pool) as uow:
        c = uow.conversation
        assert await c.counts(post.id, org, NOW) == PostCounts(
            helpful=2, reactions={Reaction.HEART: 2, Reaction.STRENGTH: 1}
        )
        assert await c.unreact(post.id, ana, Reaction.HEART)
        assert not await c.unreact(post.id, ana, Reaction.HEART)  # nothing to take back twice
        assert await c.unmark_helpful(post.id, ana)
        assert not await c.unmark_helpful(post.id, ana)
        await uow.commit()
    async with _uow(pool) as uow:
        assert await uow.conversation.counts(post.id, org, NOW) == PostCounts(
            helpful=1, reactions={Reaction.HEART: 1, Reaction.STRENGTH: 1}
        )
    # The counts are the marks', as they stand.
    marks = await pool.fetchval("SELECT count(*) FROM post_reactions WHERE post_id = $1", post.id)
    assert marks == 2


async def test_an_edit_saves_the_post_and_keeps_what_it_said(pool: FairPool) -> None:
    org, network, (sam, _jo, _ana) = await _world(pool)
    post = _post(org, network, sam)
    later = NOW + timedelta(minutes=3)
    edited, revision = edit_post(
        post,
        PostChange(body="Text someone first."),
        Precondition.version(1),
        crisis_phrases=CRISIS_PHRASES,
        now=later,
    )
    async with _uow(pool) as uow:
        await uow.conversation.add(post)
        await uow.conversation.save(edited)
        await uow.conversation.add_revision(revision)
        await uow.commit()
    async with _uow(pool) as uow:
        assert await uow.conversation.get_for_update(post.id) == edited
    kept = await pool.fetchrow(
        "SELECT version, body, tags FROM post_revisions WHERE post_id = $1", post.id
    )
    assert kept is not None
    assert dict(kept) == {"version": 1, "body": post.body, "tags": ["cravings"]}


async def test_an_erasure_takes_the_member_s_words_and_marks_out_of_the_conversation(
    pool: FairPool,
) -> None:
    org, network, (sam, jo, ana) = await _world(pool)
    sams = _post(org, network, sam, body="My story, with my sister's name in it.")
    jos = _post(org, network, jo)
    reply = _post(org, network, sam, parent=jos, kind=PostKind.SHARE, body="Thank you, Jo.")
    edited, revision = edit_post(
        sams,
        PostChange(body="My story."),
        Precondition.version(1),
        crisis_phrases=CRISIS_PHRASES,
        now=NOW,
    )
    async with _uow(pool) as uow:
        c = uow.conversation
        for post in (sams, jos, reply):
            await c.add(post)
        await c.save(edited)
        await c.add_revision(revision)
        await c.react(jos.id, sam, org, Reaction.THANK_YOU, NOW)
        await c.react(jos.id, ana, org, Reaction.THANK_YOU, NOW)
        await c.react(sams.id, sam, org, Reaction.HEART, NOW)  # their own, on their own post
        await c.mark_helpful(jos.id, sam, org, NOW)
        await c.mark_helpful(jos.id, ana, org, NOW)
        await uow.commit()
    async with _uow(pool) as uow:
        member = await uow.members.get_for_update(org, sam)
        assert member is not None
        await uow.members.save(erase(member, expected_version=None, now=NOW + timedelta(hours=1)))
        await uow.commit()

    async with _uow(pool) as uow:
        c = uow.conversation
        for post_id in (sams.id, reply.id):
            gone = await c.get_for_update(post_id)
            assert gone is not None
            assert (gone.state, gone.body, gone.tags, gone.content_note) == (
                PostState.ERASED,
                "",
                (),
                None,
            )
        # The thread keeps its shape; Jo's post keeps Ana's marks, not Sam's.
        assert await c.counts(jos.id, org, NOW) == PostCounts(
            replies=1, helpful=1, reactions={Reaction.THANK_YOU: 1}
        )
        assert await c.counts(sams.id, org, NOW) == PostCounts()
    revisions = await pool.fetchval(
        "SELECT count(*) FROM post_revisions WHERE post_id = $1", sams.id
    )
    assert revisions == 0
    words = await pool.fetchval(
        "SELECT count(*) FROM posts WHERE author_member_id = $1 AND body <> ''", sam
    )
    assert words == 0


async def test_a_checked_post_is_refused_as_it_is_stored_and_nothing_is_kept(
    pool: FairPool,
) -> None:
    """The held-back insert checks again in the statement that stores it: a member who takes
    no active part in the network writes nothing, and the refusal names why."""
    org, network_id, (sam, _jo, _ana) = await _world(pool)
    post = write_post(
        NewPost(network_id=network_id, author_member_id=sam, kind=PostKind.SHARE, body="Hi"),
        post_id=uuid4(),
        organization_id=org,
        parent=None,
        crisis_phrases=CRISIS_PHRASES,
        now=NOW,
    )
    # The organization does not take part (its participation was never stored here).
    async with _uow(pool) as uow:
        await uow.conversation.add_checked(post, 0)
        with pytest.raises(NotFound):
            await uow.commit()
    async with _uow(pool) as uow:
        network = await uow.networks.get_for_update(network_id)
        assert network is not None
        _, taking_part = create_network(
            network_id=network_id,
            kind=NetworkKind.GROUP,
            name="Tuesdays",
            description=None,
            focus_member_id=None,
            organization_id=org,
            now=NOW,
        )
        await uow.networks.save_participation(taking_part)
        await uow.commit()
    # It takes part now; Sam holds no membership in the network.
    async with _uow(pool) as uow:
        await uow.conversation.add_checked(post, 0)
        with pytest.raises(InvalidField) as refused:
            await uow.commit()
    assert refused.value.field == "author_member_id"
    async with _uow(pool) as uow:
        assert await uow.conversation.get_for_update(post.id) is None
    stranger = await stored_organization(pool, NOW)
    theirs = msgspec.structs.replace(post, organization_id=stranger)
    async with _uow(pool) as uow:
        await uow.conversation.add_checked(theirs, 0)
        with pytest.raises(NotFound):
            await uow.commit()
