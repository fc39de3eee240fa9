"""What a reader sees of a network's conversation, in PostgreSQL: each page is one statement
that finds the reader's standing in the network, the posts it may see (its own members', and
another organization's member's under a consent in force covering `conversation`; a hidden
one only as author or moderator), their kept counts, and records a disclosure for each other
organization's member the page shows, all at once."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

import msgspec

from service.adapters.postgres.consent_sql import (
    consents_in_force,
)
from service.adapters.postgres.conversation import (
    POST,
    counts_from_row,
    crisis_phrase_list,
    hidden_rule_sql,
    parent_seen_sql,
    post_from_row,
    sees_sql,
    standing,
    standing_sql,
    visible_replies_sql,
    writing_context,
)
from service.adapters.postgres.pool import FairPool
from service.adapters.postgres.sql import AFTER_ALL, BEFORE_ALL, Row
from service.domain.accounting import Viewing
from service.domain.consent import DataScope
from service.domain.conversation import (
    CrisisPhraseList,
    HelpfulKey,
    ModerationAction,
    ModerationEntry,
    PostFilters,
    PostsSeen,
    ReportReason,
    Revision,
    ShownPost,
    Standing,
    Topic,
    WritingContext,
)

_CONVERSATION = f"'{DataScope.CONVERSATION.value}'"

# Every read below takes $1 the reader, $2 now, $3 operation, $4 request id, $5 the caller's
# request id, $6 key, $7 the limit (one more than the page shows: the extra row only tells
# that a next page exists, and is not recorded as disclosed); its own from $8.


_SHOWN_CONSENTS = consents_in_force(
    "p.author_member_id", "$1", "$2", f"{_CONVERSATION} = ANY(c.effective_scopes)"
)


def _shown(
    network: str,
    where: str,
    order: str,
    extra: str = "",
    standing: str = "",
    parents_seen: bool = False,
) -> str:
    """The statement: standing, the page, its disclosures; one row per post shown, and one
    row with the standing alone when none is. `extra`: more columns of each post;
    `standing`: more columns beside the standing (of `s`), on every row, which `where` may
    use; `parents_seen`: every post `where` admits is top-level or answers a post the
    statement has found the reader sees, so no reply's parent is looked at again.

    The consents that let the reader see another organization's member's post are read once
    a post, by the lateral `k`: they both admit the post and are what its disclosure names."""
    parent_rule = "" if parents_seen else f"AND {parent_seen_sql('p')}"
    return f"""
WITH s AS (SELECT s.*{standing} FROM ({standing_sql(network, "$1")}) s),
page AS (
    SELECT {POST.of("p")}, p.helpful_count, p.reaction_counts,
           {visible_replies_sql("p")} AS visible_replies,
           CASE WHEN p.state IN ('visible', 'hidden') AND a.erased_at IS NULL
                THEN a.display_name END AS author_display_name,
           a.erased_at AS author_erased_at, k.consent_ids,
           row_number() OVER (ORDER BY {order}) AS place{extra}
    FROM s CROSS JOIN posts p JOIN members a ON a.id = p.author_member_id
         CROSS JOIN LATERAL (
             SELECT CASE WHEN p.organization_id = $1 THEN '{{}}'::uuid[]
                         WHEN s.takes_part THEN {_SHOWN_CONSENTS} END AS consent_ids
             OFFSET 0  -- kept a subquery: its consents are read once, not once per use
         ) k
    WHERE {where} AND (p.organization_id = $1 OR cardinality(k.consent_ids) > 0)
          AND {hidden_rule_sql("p")} {parent_rule}
    ORDER BY {order}
    LIMIT $7
), logged AS (
    INSERT INTO disclosures (member_id, organization_id, recipient_organization_id,
                             consent_ids, scopes, operation, request_id, disclosed_at,
                             client_request_id, key_id)
    SELECT DISTINCT ON (author_member_id)  -- once per member, however many posts it shows
           author_member_id, organization_id, $1, consent_ids, ARRAY[{_CONVERSATION}],
           $3, $4, $2, $5, $6::uuid
    FROM page
    WHERE organization_id <> $1 AND author_erased_at IS NULL AND place < $7
    ORDER BY author_member_id
)
SELECT s.*, page.* FROM s LEFT JOIN page ON true
ORDER BY page.place
"""  # noqa: S608 (placeholders and constants only)


# $8 network, $9 after (AFTER_ALL from the top: a plain `p.id < $9` stays an index condition
# in the generic plan PostgreSQL keeps for a prepared statement, so a busy network's page
# reads 50 rows, not all of them), $10 kind, $11 tag, $12 since.
NETWORK_POSTS = _shown(
    "$8",
    """p.network_id = $8 AND p.parent_id IS NULL AND p.id < $9
       AND ($10::text IS NULL OR p.kind = $10) AND ($11::text IS NULL OR $11 = ANY(p.tags))
       AND ($12::timestamptz IS NULL OR p.created_at >= $12)""",
    "p.id DESC",
    parents_seen=True,
)

# $8 post.
ONE_POST = _shown("(SELECT network_id FROM posts WHERE id = $8)", "p.id = $8", "p.id")

# $8 the post replied to, $9 after. The reader must see the post itself: `parent_seen`
# (nothing of its replies is shown or recorded otherwise).
REPLIES = _shown(
    "(SELECT network_id FROM posts WHERE id = $8)",
    "s.parent_seen AND p.parent_id = $8 AND p.id > $9",
    "p.id",
    standing=f""",
    EXISTS (SELECT 1 FROM posts pp WHERE pp.id = $8 AND {sees_sql("pp")}) AS parent_seen""",  # noqa: S608
    parents_seen=True,
)

# $8 network, $9 helpful count, $10 created at, $11 id: the cursor (from the top: past any
# post, so that the row comparison stays an index condition in the generic plan).
ADVICE = _shown(
    "$8",
    """p.network_id = $8 AND p.kind = 'advice' AND p.state IN ('visible', 'hidden')
       AND (p.helpful_count, p.created_at, p.id) < ($9, $10, $11)""",
    "p.helpful_count DESC, p.created_at DESC, p.id DESC",
)

# $8 network, $9 after: the posts and replies with open reports, for a moderator only (found
# from the open reports, few, not by walking a busy network's posts).
MODERATION_QUEUE = _shown(
    "$8",
    """s.moderates AND p.network_id = $8 AND p.id < $9 AND p.state IN ('visible', 'hidden')
       AND p.id IN (SELECT r.post_id FROM post_reports r
                    WHERE r.network_id = $8 AND r.resolved_at IS NULL)""",
    "p.id DESC",
    """, (SELECT jsonb_object_agg(reason, n) FROM (
            SELECT reason, count(*) AS n FROM post_reports r
            WHERE r.post_id = p.id AND r.resolved_at IS NULL GROUP BY reason) o) AS open_reports""",
)

# $8 member, $9 after: the member's own posts and replies, for the home organization.
MEMBER_POSTS = _shown(
    "NULL::uuid",
    "p.author_member_id = $8 AND p.organization_id = $1 AND p.id < $9",
    "p.id DESC",
)

# The read's parameters ($1-$7), $8 network, $9 after: a moderator's log entries about the
# posts it sees now (an entry names its post, and its reason may quote it), each other
# organization's member recorded once per page as a disclosure, like a page of posts.
MODERATION_LOG = f"""
WITH s AS ({standing_sql("$8", "$1")}),
page AS (
    SELECT l.id, l.post_id, l.network_id, l.organization_id, l.action, l.reason, l.at,
           p.author_member_id, p.organization_id AS author_organization_id,
           a.erased_at AS author_erased_at,
           CASE WHEN p.organization_id = $1 THEN '{{}}'::uuid[] ELSE {_SHOWN_CONSENTS} END
               AS consent_ids,
           row_number() OVER (ORDER BY l.id DESC) AS place
    FROM s CROSS JOIN moderation_log l JOIN posts p ON p.id = l.post_id
         JOIN members a ON a.id = p.author_member_id
    WHERE s.moderates AND l.network_id = $8 AND l.id < $9 AND {sees_sql("p")}
    ORDER BY l.id DESC
    LIMIT $7
), logged AS (
    INSERT INTO disclosures (member_id, organization_id, recipient_organization_id,
                             consent_ids, scopes, operation, request_id, disclosed_at,
                             client_request_id, key_id)
    SELECT DISTINCT ON (author_member_id)
           author_member_id, author_organization_id, $1, consent_ids, ARRAY[{_CONVERSATION}],
           $3, $4, $2, $5, $6::uuid
    FROM page
    WHERE author_organization_id <> $1 AND author_erased_at IS NULL AND place < $7
    ORDER BY author_member_id
)
SELECT * FROM page ORDER BY place
"""  # noqa: S608 (placeholders and constants only)

REVISIONS = """
SELECT post_id, version, body, tags, content_note, replaced_at FROM post_revisions
WHERE post_id = $1 ORDER BY version DESC LIMIT 100
"""


# asyncpg hands jsonb over as text.
_REPORT_COUNTS = msgspec.json.Decoder(dict[ReportReason, int])


_MOST_MARKS = 2**31 - 1
_LAST_INSTANT = datetime.max.replace(tzinfo=UTC)


def _shown_post(row: Row, with_reports: bool) -> ShownPost:
    reports = row["open_reports"] if with_reports else None
    return ShownPost(
        post=post_from_row(row),
        author_display_name=row["author_display_name"],
        counts=counts_from_row(row),
        open_reports={} if reports is None else _REPORT_COUNTS.decode(reports),
    )


def _seen(rows: list[Row], with_reports: bool = False) -> PostsSeen:
    standing = (
        Standing(takes_part=rows[0]["takes_part"], moderates=rows[0]["moderates"])
        if rows
        else Standing()
    )
    return PostsSeen(
        standing=standing, posts=[_shown_post(r, with_reports) for r in rows if r["id"] is not None]
    )


def _viewing(viewing: Viewing) -> tuple[object, ...]:
    return (
        viewing.organization_id,
        viewing.now,
        viewing.operation,
        viewing.request_id,
        viewing.client_request_id,
        viewing.key_id,
    )


class PostgresConversationQueries:
    def __init__(self, pool: FairPool, *, phrase_lists_kept: int = 10_000) -> None:
        self._pool = pool
        # Each organization's crisis phrases as last read. Never stale for long enough to
        # matter: a post is stored only with the version current as it is stored, and a
        # replaced one is read anew (forget_crisis_phrases). Bounded: the oldest goes first.
        self._phrase_lists: dict[UUID, CrisisPhraseList] = {}
        self._phrase_lists_kept = phrase_lists_kept

    async def _fetch(self, statement: str, *arguments: object) -> list[Row]:
        async with self._pool.connection() as connection:
            return list(await connection.fetch(statement, *arguments))

    async def network_posts(
        self,
        viewing: Viewing,
        network_id: UUID,
        filters: PostFilters,
        after: UUID | None,
        limit: int,
    ) -> PostsSeen:
        rows = await self._fetch(
            NETWORK_POSTS,
            *_viewing(viewing),
            limit,
            network_id,
            after or AFTER_ALL,
            None if filters.kind is None else filters.kind.value,
            None if filters.tag is None else filters.tag.value,
            filters.since,
        )
        return _seen(rows)

    async def post(self, viewing: Viewing, post_id: UUID) -> PostsSeen:
        # Limit 2: the page's rule records rows before the limit's last (at most one matches).
        return _seen(await self._fetch(ONE_POST, *_viewing(viewing), 2, post_id))

    async def replies(
        self, viewing: Viewing, post_id: UUID, after: UUID | None, limit: int
    ) -> PostsSeen | None:
        rows = await self._fetch(REPLIES, *_viewing(viewing), limit, post_id, after or BEFORE_ALL)
        return _seen(rows) if rows[0]["parent_seen"] else None

    async def advice(
        self, viewing: Viewing, network_id: UUID, after: HelpfulKey | None, limit: int
    ) -> PostsSeen:
        # From the top: past any count, instant and id a post can have.
        cursor: tuple[int, datetime, UUID] = (
            _MOST_MARKS,
            _LAST_INSTANT,
            AFTER_ALL,
        )
        if after is not None:
            cursor = (after.helpful, after.created_at, after.id)
        rows = await self._fetch(ADVICE, *_viewing(viewing), limit, network_id, *cursor)
        return _seen(rows)

    async def member_posts(
        self, viewing: Viewing, member_id: UUID, after: UUID | None, limit: int
    ) -> list[ShownPost]:
        rows = await self._fetch(
            MEMBER_POSTS, *_viewing(viewing), limit, member_id, after or AFTER_ALL
        )
        return _seen(rows).posts

    async def moderation_queue(
        self, viewing: Viewing, network_id: UUID, after: UUID | None, limit: int
    ) -> PostsSeen:
        rows = await self._fetch(
            MODERATION_QUEUE, *_viewing(viewing), limit, network_id, after or AFTER_ALL
        )
        return _seen(rows, with_reports=True)

    async def writing_context(
        self, network_id: UUID, organization_id: UUID, author_member_id: UUID
    ) -> WritingContext:
        async with self._pool.connection() as connection:
            return await writing_context(
                connection, network_id, organization_id, author_member_id, hold_author=False
            )

    async def standing(self, network_id: UUID, organization_id: UUID) -> Standing:
        async with self._pool.connection() as connection:
            return await standing(connection, network_id, organization_id)

    async def crisis_phrase_list(self, organization_id: UUID) -> CrisisPhraseList:
        kept = self._phrase_lists.get(organization_id)
        if kept is not None:
            return kept
        async with self._pool.connection() as connection:
            listed = await crisis_phrase_list(connection, organization_id)
        if len(self._phrase_lists) >= self._phrase_lists_kept:
            del self._phrase_lists[next(iter(self._phrase_lists))]
        self._phrase_lists[organization_id] = listed
        return listed

    def forget_crisis_phrases(self, organization_id: UUID) -> None:
        self._phrase_lists.pop(organization_id, None)

    async def moderation_log(
        self, viewing: Viewing, network_id: UUID, after: UUID | None, limit: int
    ) -> list[ModerationEntry]:
        rows = await self._fetch(
            MODERATION_LOG, *_viewing(viewing), limit, network_id, after or AFTER_ALL
        )
        return [
            ModerationEntry(
                id=r["id"],
                post_id=r["post_id"],
                network_id=r["network_id"],
                organization_id=r["organization_id"],
                action=ModerationAction(r["action"]),
                reason=r["reason"],
                at=r["at"],
            )
            for r in rows
        ]

    async def revisions(self, post_id: UUID) -> list[Revision]:
        rows = await self._fetch(REVISIONS, post_id)
        return [
            Revision(
                post_id=r["post_id"],
                version=r["version"],
                body=r["body"],
                tags=tuple(Topic(t) for t in r["tags"]),
                content_note=r["content_note"],
                replaced_at=r["replaced_at"],
            )
            for r in rows
        ]
