"""A network's conversation in PostgreSQL: posts and replies, the reactions and helpful marks
they gather (counted on the post in the statement that adds or removes one), revisions, and
what an erasure takes from all of these."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import msgspec

from service.adapters.postgres.consent_sql import CONSENT_IN_FORCE, consent_reaches
from service.adapters.postgres.networks import moderates_sql, takes_part_sql
from service.adapters.postgres.records import Executor
from service.adapters.postgres.session import Session, Write
from service.adapters.postgres.sql import Columns, Row, struct_to_columns
from service.domain.consent import DataScope
from service.domain.conversation import (
    CrisisPhraseList,
    ModerationEntry,
    Post,
    PostCounts,
    PostKind,
    PostState,
    Reaction,
    Report,
    Revision,
    Standing,
    Topic,
    WritingContext,
    given_reactions,
    not_stored,
)
from service.domain.errors import InvalidField
from service.domain.ports import AtCommit

POST = Columns(
    "id",
    "network_id",
    "organization_id",
    "author_member_id",
    "parent_id",
    "kind",
    "body",
    "tags",
    "content_note",
    "state",
    "crisis_flagged",
    "hidden_reason",
    "version",
    "created_at",
    "updated_at",
)
_CHANGING: tuple[str, ...] = (
    "body",
    "tags",
    "content_note",
    "state",
    "crisis_flagged",
    "hidden_reason",
    "version",
    "updated_at",
)


_KINDS = {kind.value: kind for kind in PostKind}
_TOPICS = {topic.value: topic for topic in Topic}
_STATES = {state.value: state for state in PostState}


def post_from_row(row: Row) -> Post:
    # By hand, not struct_from_row: a page builds fifty of these, and this is a third of the
    # cost (the text columns are looked up as their enums; the rest are as asyncpg made them).
    return Post(
        id=row["id"],
        network_id=row["network_id"],
        organization_id=row["organization_id"],
        author_member_id=row["author_member_id"],
        parent_id=row["parent_id"],
        kind=_KINDS[row["kind"]],
        body=row["body"],
        tags=tuple([_TOPICS[tag] for tag in row["tags"]]),
        content_note=row["content_note"],
        state=_STATES[row["state"]],
        crisis_flagged=row["crisis_flagged"],
        hidden_reason=row["hidden_reason"],
        version=row["version"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


# asyncpg hands jsonb over as text; a reaction nobody gives any more is kept at 0.
_REACTION_COUNTS = msgspec.json.Decoder(dict[Reaction, int])


def counts_from_row(row: Row) -> PostCounts:
    """A post's counts from its kept columns and the replies the reader sees."""
    return PostCounts(
        replies=row["visible_replies"],
        helpful=row["helpful_count"],
        reactions=given_reactions(_REACTION_COUNTS.decode(row["reaction_counts"])),
    )


_ADD_POST = f"INSERT INTO posts ({POST.list}) VALUES ({POST.values})"  # noqa: S608

# A reply counts on its parent in the statement that stores it.
_ADD_REPLY = f"""
WITH added AS (
    INSERT INTO posts ({POST.list}) VALUES ({POST.values}) RETURNING parent_id
)
UPDATE posts SET reply_count = reply_count + 1
WHERE id = (SELECT parent_id FROM added) AND (SELECT parent_id FROM added) IS NOT NULL
"""  # noqa: S608 (column names are constants)

_POST = f"SELECT {POST.list} FROM posts WHERE id = $1"  # noqa: S608
_POST_FOR_UPDATE = f"{_POST} FOR UPDATE"

_SAVE_POST = (
    "UPDATE posts SET "  # noqa: S608 (column names are constants)
    + ", ".join(f"{column} = ${n}" for n, column in enumerate(_CHANGING, start=2))
    + " WHERE id = $1"
)

# A delete's tombstone: the words go from the post, its revisions, the notes of reports about
# it (which may quote it; the reports close: nothing is left to review), and the answers
# stored for the Idempotency-Keys that wrote it (a replay answers 410, as for an erased member).
_UPDATED_AT = f"${_CHANGING.index('updated_at') + 2}"
_DELETE_POST = f"""
WITH tombstone AS ({_SAVE_POST} RETURNING id),
revisions AS (DELETE FROM post_revisions WHERE post_id = $1),
reports AS (
    UPDATE post_reports SET note = NULL, resolved_at = coalesce(resolved_at, {_UPDATED_AT})
    WHERE post_id = $1
)
UPDATE idempotency_keys SET response_status = 410, response_headers = '{{}}'::jsonb,
    response_body = NULL
WHERE resource_id IN (SELECT id FROM tombstone)
"""  # noqa: S608 (column names and placeholders only)

_ADD_REVISION = """
INSERT INTO post_revisions (post_id, version, body, tags, content_note, replaced_at)
VALUES ($1, $2, $3, $4, $5, $6)
"""

# Each mark counts (or stops counting) on the post in the statement that adds (or removes) it:
# a mark given twice, or taken back twice, changes nothing.
_REACT = """
WITH added AS (
    INSERT INTO post_reactions (post_id, member_id, reaction, organization_id, created_at)
    VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING post_id
)
UPDATE posts SET reaction_counts = jsonb_set(
    reaction_counts, ARRAY[$3::text], to_jsonb(coalesce((reaction_counts ->> $3)::int, 0) + 1))
WHERE id = (SELECT post_id FROM added)
RETURNING id
"""

_UNREACT = """
WITH gone AS (
    DELETE FROM post_reactions WHERE post_id = $1 AND member_id = $2 AND reaction = $3
    RETURNING post_id
)
UPDATE posts SET reaction_counts = jsonb_set(
    reaction_counts, ARRAY[$3::text], to_jsonb((reaction_counts ->> $3)::int - 1))
WHERE id = (SELECT post_id FROM gone)
RETURNING id
"""

_MARK_HELPFUL = """
WITH added AS (
    INSERT INTO post_helpful_marks (post_id, member_id, organization_id, created_at)
    VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING post_id
)
UPDATE posts SET helpful_count = helpful_count + 1 WHERE id = (SELECT post_id FROM added)
RETURNING id
"""

_UNMARK_HELPFUL = """
WITH gone AS (
    DELETE FROM post_helpful_marks WHERE post_id = $1 AND member_id = $2 RETURNING post_id
)
UPDATE posts SET helpful_count = helpful_count - 1 WHERE id = (SELECT post_id FROM gone)
RETURNING id
"""


def standing_sql(network: str, viewer: str) -> str:
    """The reader's standing in `network` (an expression), as one row: it moderates only
    while it takes part."""
    return f"""SELECT takes_part, takes_part AND {moderates_sql(network, viewer)} AS moderates
        FROM (SELECT {takes_part_sql(network, viewer)} AS takes_part) t"""  # noqa: S608


STANDING = standing_sql("$1", "$2")

_CONVERSATION = f"'{DataScope.CONVERSATION.value}'"


def hidden_rule_sql(post: str) -> str:
    """A hidden post shows only to its author's organization (reader $1) and the moderators
    (standing `s`)."""
    return f"({post}.state <> 'hidden' OR {post}.organization_id = $1 OR s.moderates)"


def sees_alone_sql(post: str) -> str:
    """Whether reader $1, standing `s`, sees post `post` by itself (domain.conversation.sees):
    its own member's always; another's while taking part, under a consent in force covering
    the conversation; a hidden one only as its author's organization or a moderator."""
    return f"""(({post}.organization_id = $1 OR (s.takes_part AND EXISTS (
            SELECT 1 FROM consents c
            WHERE c.member_id = {post}.author_member_id AND {consent_reaches("$1")}
              AND {CONSENT_IN_FORCE.format(now="$2")}
              AND {_CONVERSATION} = ANY(c.effective_scopes))))
        AND {hidden_rule_sql(post)})"""  # noqa: S608


def parent_seen_sql(post: str) -> str:
    """A reply shows only with the post it answers (its `parent_id` would tell that post
    exists: domain.conversation.sees_reply); a top-level post has none to check."""
    parent = f"{post}_parent"
    return f"""({post}.parent_id IS NULL OR EXISTS (
        SELECT 1 FROM posts {parent}
        WHERE {parent}.id = {post}.parent_id AND {sees_alone_sql(parent)}))"""  # noqa: S608


def sees_sql(post: str) -> str:
    """Whether the reader sees `post`: by itself, and a reply only with the post it answers."""
    return f"({sees_alone_sql(post)} AND {parent_seen_sql(post)})"


def visible_replies_sql(post: str) -> str:
    """How many replies to `post`, which the reader sees, the reader sees too (their parent
    is seen already: each is checked by itself)."""
    return f"""CASE WHEN {post}.reply_count = 0 THEN 0 ELSE (
        SELECT count(*) FROM posts r WHERE r.parent_id = {post}.id AND {sees_alone_sql("r")}) END"""  # noqa: S608


# $1 reader, $2 now, $3 post: what a write answers, with the replies this reader sees (as a
# page counts them).
_COUNTS = f"""
WITH s AS ({standing_sql("(SELECT network_id FROM posts WHERE id = $3)", "$1")})
SELECT p.helpful_count, p.reaction_counts, {visible_replies_sql("p")} AS visible_replies
FROM s CROSS JOIN posts p WHERE p.id = $3
"""  # noqa: S608 (placeholders and constants only)


def _active_in(network: str, member: str) -> str:
    """The member holds an active membership in the network, and the network is active."""
    return f"""EXISTS (SELECT 1 FROM network_memberships ms
               JOIN networks n ON n.id = ms.network_id AND n.status = 'active'
               WHERE ms.network_id = {network} AND ms.member_id = {member}
                 AND ms.status = 'active')"""  # noqa: S608 (placeholders only)


_MEMBER_ACTIVE_IN = f"SELECT {_active_in('$1', '$2')}"

# $1 network, $2 the writing organization, $3 the author: one round trip for every check.
_WRITING_CONTEXT = f"""
WITH author AS (
    SELECT organization_id, erased_at, display_name FROM members WHERE id = $3 {{lock}}
)
SELECT EXISTS (SELECT 1 FROM network_organizations p
               WHERE p.network_id = $1 AND p.organization_id = $2 AND p.status = 'active')
           AS takes_part,
       a.organization_id AS author_organization_id,
       a.erased_at IS NOT NULL AS author_erased, a.display_name AS author_display_name,
       {_active_in("$1", "$3")} AS author_active, l.version AS crisis_phrases_version,
       l.phrases AS crisis_phrases
FROM (SELECT 1) one LEFT JOIN author a ON true
     LEFT JOIN crisis_phrase_lists l ON l.organization_id = $2
"""  # noqa: S608 (placeholders and constants only)
# In a unit of work the author is held for share (an erasure waits for the write). Read
# alone, before one, it is not: a row lock outside a transaction would still make the read
# a write, with a commit of its own to flush, for a lock that ends with the statement.
_WRITING_CONTEXT_HELD = _WRITING_CONTEXT.replace("{lock}", "FOR SHARE")
_WRITING_CONTEXT_READ = _WRITING_CONTEXT.replace("{lock}", "")

# A post written in one statement with the rest of its unit of work (held back, sent at
# commit): stored only if, as the statement runs, the author is still the writer's member, not
# erased (held for share, so that an erasure waits for it), an active member of the active
# network, the writer takes part in it, and its crisis phrases are still the version the post
# was flagged with. Columns as POST: $2 network, $3 writer, $4 author; then the version.
_PHRASES_VERSION = f"${len(POST.names) + 1}"
_ADD_CHECKED_POST = f"""
INSERT INTO posts ({POST.list}) SELECT {POST.values}
WHERE EXISTS (SELECT 1 FROM members m
              WHERE m.id = $4 AND m.organization_id = $3 AND m.erased_at IS NULL FOR SHARE)
  AND {_active_in("$2", "$4")}
  AND EXISTS (SELECT 1 FROM network_organizations p
              WHERE p.network_id = $2 AND p.organization_id = $3 AND p.status = 'active')
  AND coalesce((SELECT version FROM crisis_phrase_lists WHERE organization_id = $3), 0)
      = {_PHRASES_VERSION}
"""  # noqa: S608 (placeholders and constants only)
# What the post's answer shows of its author, read as the post is stored.
_AUTHOR_NAME = "(SELECT display_name FROM members WHERE id = $4)"

_ADD_REPORT = """
INSERT INTO post_reports (id, post_id, network_id, organization_id, reason, note, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7)
"""

# A moderator's action closes the post's open reports, in the statement that logs it.
_LOG_MODERATION = """
WITH logged AS (
    INSERT INTO moderation_log (id, post_id, network_id, organization_id, action, reason, at)
    VALUES ($1, $2, $3, $4, $5, $6, $7)
)
UPDATE post_reports SET resolved_at = $7, resolved_by_organization_id = $4
WHERE post_id = $2 AND resolved_at IS NULL
"""

_CRISIS_PHRASES = "SELECT version, phrases FROM crisis_phrase_lists WHERE organization_id = $1"
# A return to the default list keeps the row, its phrases NULL: its version goes on counting,
# so no later list can take a version an earlier one had (a post checks the version only).
_SET_CRISIS_PHRASES = """
INSERT INTO crisis_phrase_lists (organization_id, phrases, version, updated_at)
VALUES ($1, $2, 1, $3)
ON CONFLICT (organization_id) DO UPDATE SET phrases = excluded.phrases,
    version = crisis_phrase_lists.version + 1, updated_at = excluded.updated_at
"""


async def standing(executor: Executor, network_id: UUID, organization_id: UUID) -> Standing:
    """How the organization stands in the network (a unit of work's session, or the pool)."""
    row = await executor.fetchrow(STANDING, network_id, organization_id)
    assert row is not None
    return Standing(takes_part=row["takes_part"], moderates=row["moderates"])


async def writing_context(
    executor: Executor,
    network_id: UUID,
    organization_id: UUID,
    author_member_id: UUID,
    *,
    hold_author: bool,
) -> WritingContext:
    """A post's writing checks in one read; `hold_author`: in a transaction, the author is
    held for share until it ends."""
    statement = _WRITING_CONTEXT_HELD if hold_author else _WRITING_CONTEXT_READ
    row = await executor.fetchrow(statement, network_id, organization_id, author_member_id)
    assert row is not None
    return WritingContext(
        takes_part=row["takes_part"],
        author_organization_id=row["author_organization_id"],
        author_erased=bool(row["author_erased"]),
        author_active=row["author_active"],
        author_display_name=row["author_display_name"],
        crisis_phrases=_phrase_list(row["crisis_phrases_version"], row["crisis_phrases"]),
    )


def _phrase_list(version: int | None, phrases: list[str] | None) -> CrisisPhraseList:
    return CrisisPhraseList(
        version=version or 0, phrases=None if phrases is None else tuple(phrases)
    )


async def crisis_phrase_list(executor: Executor, organization_id: UUID) -> CrisisPhraseList:
    row = await executor.fetchrow(_CRISIS_PHRASES, organization_id)
    return CrisisPhraseList() if row is None else _phrase_list(row["version"], row["phrases"])


class PostgresConversationRepository:
    def __init__(self, connection: Session) -> None:
        self._connection = connection

    async def add(self, post: Post) -> None:
        statement = _ADD_POST if post.parent_id is None else _ADD_REPLY
        await self._connection.execute(statement, *POST.params(struct_to_columns(post)))

    async def add_checked(self, post: Post, phrases_version: int) -> AtCommit[str | None]:
        async def refused() -> Exception:
            context = await self.writing_context(
                post.network_id, post.organization_id, post.author_member_id
            )
            # None: changed back between the statement and this read; tell what it found.
            return not_stored(context, post, phrases_version) or InvalidField(
                "author_member_id", "The member takes no active part in this network."
            )

        write = Write(
            _ADD_CHECKED_POST,
            *POST.params(struct_to_columns(post)),
            phrases_version,
            expected_rows=1,
            explain=refused,
            read_back=_AUTHOR_NAME,
        )
        await self._connection.write(write)
        return write

    async def get(self, post_id: UUID) -> Post | None:
        row = await self._connection.fetchrow(_POST, post_id)
        return None if row is None else post_from_row(row)

    async def get_for_update(self, post_id: UUID) -> Post | None:
        row = await self._connection.fetchrow(_POST_FOR_UPDATE, post_id)
        return None if row is None else post_from_row(row)

    async def save(self, post: Post) -> None:
        row = struct_to_columns(post)
        statement = _DELETE_POST if post.state is PostState.DELETED else _SAVE_POST
        await self._connection.execute(statement, post.id, *(row[c] for c in _CHANGING))

    async def add_revision(self, revision: Revision) -> None:
        row = struct_to_columns(revision)
        await self._connection.execute(
            _ADD_REVISION,
            revision.post_id,
            revision.version,
            row["body"],
            row["tags"],
            row["content_note"],
            revision.replaced_at,
        )

    async def react(
        self,
        post_id: UUID,
        member_id: UUID,
        organization_id: UUID,
        reaction: Reaction,
        now: datetime,
    ) -> bool:
        counted = await self._connection.fetchval(
            _REACT, post_id, member_id, reaction.value, organization_id, now
        )
        return counted is not None

    async def unreact(self, post_id: UUID, member_id: UUID, reaction: Reaction) -> bool:
        return (
            await self._connection.fetchval(_UNREACT, post_id, member_id, reaction.value)
            is not None
        )

    async def mark_helpful(
        self, post_id: UUID, member_id: UUID, organization_id: UUID, now: datetime
    ) -> bool:
        counted = await self._connection.fetchval(
            _MARK_HELPFUL, post_id, member_id, organization_id, now
        )
        return counted is not None

    async def unmark_helpful(self, post_id: UUID, member_id: UUID) -> bool:
        return await self._connection.fetchval(_UNMARK_HELPFUL, post_id, member_id) is not None

    async def counts(self, post_id: UUID, viewer: UUID, now: datetime) -> PostCounts:
        row = await self._connection.fetchrow(_COUNTS, viewer, now, post_id)
        if row is None:
            return PostCounts()
        return counts_from_row(row)

    async def standing(self, network_id: UUID, organization_id: UUID) -> Standing:
        return await standing(self._connection, network_id, organization_id)

    async def writing_context(
        self, network_id: UUID, organization_id: UUID, author_member_id: UUID
    ) -> WritingContext:
        return await writing_context(
            self._connection, network_id, organization_id, author_member_id, hold_author=True
        )

    async def member_active_in(self, network_id: UUID, member_id: UUID) -> bool:
        return bool(await self._connection.fetchval(_MEMBER_ACTIVE_IN, network_id, member_id))

    async def add_report(self, report: Report) -> None:
        await self._connection.execute(
            _ADD_REPORT,
            report.id,
            report.post_id,
            report.network_id,
            report.organization_id,
            report.reason.value,
            report.note,
            report.created_at,
        )

    async def log_moderation(self, entry: ModerationEntry) -> None:
        await self._connection.execute(
            _LOG_MODERATION,
            entry.id,
            entry.post_id,
            entry.network_id,
            entry.organization_id,
            entry.action.value,
            entry.reason,
            entry.at,
        )

    async def crisis_phrases(self, organization_id: UUID) -> CrisisPhraseList:
        return await crisis_phrase_list(self._connection, organization_id)

    async def set_crisis_phrases(
        self, organization_id: UUID, phrases: tuple[str, ...] | None, now: datetime
    ) -> None:
        listed = None if phrases is None else list(phrases)
        await self._connection.execute(_SET_CRISIS_PHRASES, organization_id, listed, now)
