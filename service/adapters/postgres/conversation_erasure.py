"""What a member's erasure takes from a network's conversation, in PostgreSQL (apart from
conversation.py, which the member adapter would otherwise import with the consent rule's SQL,
itself built on the member adapter's columns)."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from service.adapters.postgres.records import Executor

# An erased member's words leave the conversation: their posts and replies keep their place as
# placeholders (the threads stay readable), the revisions of them go, reports about them lose
# their notes and moderators' log entries their reasons (either may quote them; the reports
# close: there is nothing left to review), and their reactions and helpful marks stop counting.
# Four statements, in the erasure's transaction: one post may be touched by more than one.
ERASE_CONVERSATION = (
    """
    WITH gone AS (DELETE FROM post_reactions WHERE member_id = $1 RETURNING post_id, reaction),
    minus AS (SELECT post_id, array_agg(reaction) AS reactions FROM gone GROUP BY post_id)
    UPDATE posts p SET reaction_counts = (
        SELECT coalesce(jsonb_object_agg(
            e.key, (e.value)::int - CASE WHEN e.key = ANY(minus.reactions) THEN 1 ELSE 0 END
        ), '{}')
        FROM jsonb_each_text(p.reaction_counts) AS e
    )
    FROM minus WHERE p.id = minus.post_id
    """,
    """
    WITH gone AS (DELETE FROM post_helpful_marks WHERE member_id = $1 RETURNING post_id)
    UPDATE posts SET helpful_count = helpful_count - 1 FROM gone WHERE posts.id = gone.post_id
    """,
    """
    WITH theirs AS (SELECT id FROM posts WHERE author_member_id = $1),
    revisions AS (DELETE FROM post_revisions WHERE post_id IN (SELECT id FROM theirs)),
    reasons AS (
        UPDATE moderation_log SET reason = '' WHERE post_id IN (SELECT id FROM theirs)
    )
    UPDATE post_reports SET note = NULL, resolved_at = coalesce(resolved_at, $2)
    WHERE post_id IN (SELECT id FROM theirs)
    """,
    """
    UPDATE posts SET body = '', tags = '{}', content_note = NULL, hidden_reason = NULL,
                     state = 'erased', version = version + 1, updated_at = $2
    WHERE author_member_id = $1 AND state <> 'erased'
    """,
)


async def erase_conversation(executor: Executor, member_id: UUID, now: datetime) -> None:
    """What an erasure takes from the conversation (see ERASE_CONVERSATION)."""
    await executor.execute(ERASE_CONVERSATION[0], member_id)
    await executor.execute(ERASE_CONVERSATION[1], member_id)
    await executor.execute(ERASE_CONVERSATION[2], member_id, now)
    await executor.execute(ERASE_CONVERSATION[3], member_id, now)
