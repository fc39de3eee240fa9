"""Ports: a network's conversation (issue #13)."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol
from uuid import UUID

from service.domain.conversation import Post, PostCounts, Reaction, Revision


class ConversationRepository(Protocol):
    """Posts and replies, and what they gather, inside a unit of work. Counts are kept on the
    post as marks come and go, never recounted on a read."""

    async def add(self, post: Post) -> None:
        """Store a new post (a reply also counts on its parent)."""
        ...

    async def get_for_update(self, post_id: UUID) -> Post | None:
        """The post, locked until the unit of work ends; who may act on it is the use case's
        to decide (domain.conversation.sees)."""
        ...

    async def save(self, post: Post) -> None:
        """Store a post's changed words, state, flag and version."""
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

    async def counts(self, post_id: UUID) -> PostCounts:
        """What the post gathered, as counted so far."""
        ...

    async def crisis_phrases(self, organization_id: UUID) -> tuple[str, ...] | None:
        """The organization's own crisis phrases; None while it uses the default list."""
        ...

    async def set_crisis_phrases(
        self, organization_id: UUID, phrases: tuple[str, ...] | None, now: datetime
    ) -> None:
        """Replace the organization's crisis phrases (None: the default list again)."""
        ...
