"""Ports: a network's conversation (issue #13)."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol, TypeVar
from uuid import UUID

from service.domain.accounting import Viewing
from service.domain.conversation import (
    CrisisPhraseList,
    HelpfulKey,
    ModerationEntry,
    Post,
    PostCounts,
    PostFilters,
    PostsSeen,
    Reaction,
    Report,
    Revision,
    ShownPost,
    Standing,
    WritingContext,
)

ValueT_co = TypeVar("ValueT_co", covariant=True)


class AtCommit(Protocol[ValueT_co]):
    """A value the database gives back with a write held until the unit of work commits (in
    the statement that sends it, so no round trip of its own): known once the write is
    sent, at the latest after commit()."""

    @property
    def value(self) -> ValueT_co: ...


class ConversationRepository(Protocol):
    """Posts and replies, and what they gather, inside a unit of work. Counts are kept on the
    post as marks come and go, never recounted on a read."""

    async def add(self, post: Post) -> None:
        """Store a new post (a reply also counts on its parent)."""
        ...

    async def add_checked(self, post: Post, phrases_version: int) -> AtCommit[str | None]:
        """Store a new post (not a reply) with the rest of the unit of work, only if, as it is
        stored, conversation.refusal finds nothing against it and the organization's crisis
        phrases are still `phrases_version` (the list the post was flagged with); otherwise
        nothing of the unit of work is kept and the refusal, or CrisisPhrasesChanged, is
        raised. Gives back the author's display name as the post was stored."""
        ...

    async def get(self, post_id: UUID) -> Post | None:
        """The post, without a lock."""
        ...

    async def get_for_update(self, post_id: UUID) -> Post | None:
        """The post, locked until the unit of work ends; who may act on it is the use case's
        to decide (domain.conversation.sees)."""
        ...

    async def save(self, post: Post) -> None:
        """Store a post's changed words, state, flag and version. A deleted post's words go
        from the answers stored for the Idempotency-Keys that wrote it too."""
        ...

    async def add_revision(self, revision: Revision) -> None:
        """Keep what a post said before an edit."""
        ...

    async def react(
        self,
        post_id: UUID,
        member_id: UUID,
        organization_id: UUID,
        reaction: Reaction,
        now: datetime,
    ) -> bool:
        """The member's reaction of this kind on the post: True if new (counted), False if the
        member had already given it (one per person per kind per post)."""
        ...

    async def unreact(self, post_id: UUID, member_id: UUID, reaction: Reaction) -> bool:
        """Take the reaction back: True if there was one (uncounted)."""
        ...

    async def mark_helpful(
        self, post_id: UUID, member_id: UUID, organization_id: UUID, now: datetime
    ) -> bool:
        """The member marks the advice helpful: True if new (counted), once per member."""
        ...

    async def unmark_helpful(self, post_id: UUID, member_id: UUID) -> bool:
        """Take the mark back: True if there was one."""
        ...

    async def counts(self, post_id: UUID, viewer: UUID, now: datetime) -> PostCounts:
        """What the post gathered, as counted so far: its replies as `viewer` sees them at
        `now` (a count must not tell of a reply it may not see)."""
        ...

    async def standing(self, network_id: UUID, organization_id: UUID) -> Standing:
        """How the organization stands in the network (for a write: read in the unit of work)."""
        ...

    async def writing_context(
        self, network_id: UUID, organization_id: UUID, author_member_id: UUID
    ) -> WritingContext:
        """All a post's writing checks, in one read; the author's row is held for share
        until the unit of work ends (an erasure waits for the post)."""
        ...

    async def member_active_in(self, network_id: UUID, member_id: UUID) -> bool:
        """Whether the member holds an active membership in the network, and it is active."""
        ...

    async def add_report(self, report: Report) -> None:
        """Store a report; it stays open until a moderator acts on its post."""
        ...

    async def log_moderation(self, entry: ModerationEntry) -> None:
        """Keep a moderator's action, and close the post's open reports."""
        ...

    async def crisis_phrases(self, organization_id: UUID) -> CrisisPhraseList:
        """The organization's crisis phrases, as its current version."""
        ...

    async def set_crisis_phrases(
        self, organization_id: UUID, phrases: tuple[str, ...] | None, now: datetime
    ) -> None:
        """Replace the organization's crisis phrases (None: the default list again)."""
        ...


class ConversationQueries(Protocol):
    """What a reader sees of a network's conversation, each page in one statement that checks
    the consents in force and records the disclosures it makes (`viewing`), so that a read and
    its accounting never part."""

    async def network_posts(
        self,
        viewing: Viewing,
        network_id: UUID,
        filters: PostFilters,
        after: UUID | None,
        limit: int,
    ) -> PostsSeen:
        """A network's posts (not replies) newest first, those the reader sees, after the
        cursor; one more than `limit` when there is a next page."""
        ...

    async def post(self, viewing: Viewing, post_id: UUID) -> PostsSeen:
        """One post or reply, if the reader sees it (an empty list otherwise)."""
        ...

    async def replies(
        self, viewing: Viewing, post_id: UUID, after: UUID | None, limit: int
    ) -> PostsSeen | None:
        """A post's replies oldest first, those the reader sees; None if it does not see the
        post itself."""
        ...

    async def advice(
        self, viewing: Viewing, network_id: UUID, after: HelpfulKey | None, limit: int
    ) -> PostsSeen:
        """A network's advice (posts and replies) by helpfulness, those the reader sees."""
        ...

    async def member_posts(
        self, viewing: Viewing, member_id: UUID, after: UUID | None, limit: int
    ) -> list[ShownPost]:
        """A member's own posts and replies, newest first, for the home organization."""
        ...

    async def moderation_queue(
        self, viewing: Viewing, network_id: UUID, after: UUID | None, limit: int
    ) -> PostsSeen:
        """A network's posts and replies with open reports, newest first, for a moderator
        (nothing for anyone else: the standing says why)."""
        ...

    async def standing(self, network_id: UUID, organization_id: UUID) -> Standing:
        """How the organization stands in the network."""
        ...

    async def writing_context(
        self, network_id: UUID, organization_id: UUID, author_member_id: UUID
    ) -> WritingContext:
        """All a post's writing checks, in one read outside any transaction (nothing is held:
        the write checks again as it stores)."""
        ...

    async def crisis_phrase_list(self, organization_id: UUID) -> CrisisPhraseList:
        """The organization's crisis phrases as a version of them read earlier, perhaps by
        another request: a post stored with it checks that it is still the current one."""
        ...

    def forget_crisis_phrases(self, organization_id: UUID) -> None:
        """A version given by crisis_phrase_list() turned out replaced: read it anew."""
        ...

    async def moderation_log(
        self, viewing: Viewing, network_id: UUID, after: UUID | None, limit: int
    ) -> list[ModerationEntry]:
        """A network's moderation log, newest first, for a moderator: the entries about the
        posts it sees (an entry names its post), accounted like a page of posts."""
        ...

    async def revisions(self, post_id: UUID) -> list[Revision]:
        """What a post said before each edit, newest first."""
        ...
