"""A network's conversation (issue #13): posts and one level of replies, each written for a
member of the writing organization; the encouragement and helpful marks on them, counted on
the post as they come (never recounted on a read); the revisions an edit replaces, for the
moderators; reports, the moderation log, and an organization's own crisis phrases.

Revision ID: 0025
Revises: 0024
Create Date: 2026-11-29
"""

from alembic import op

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        """
        CREATE TABLE posts (
            id                  uuid PRIMARY KEY,
            network_id          uuid NOT NULL REFERENCES networks (id),
            organization_id     uuid NOT NULL REFERENCES organizations (id),
            author_member_id    uuid NOT NULL REFERENCES members (id),
            parent_id           uuid REFERENCES posts (id),
            kind                text NOT NULL
                                CHECK (kind IN ('share', 'struggle', 'win', 'advice', 'question')),
            body                text NOT NULL,
            tags                text[] NOT NULL DEFAULT '{}',
            content_note        text,
            state               text NOT NULL
                                CHECK (state IN ('visible', 'hidden', 'deleted', 'erased')),
            crisis_flagged      boolean NOT NULL DEFAULT false,
            hidden_reason       text,
            reply_count         integer NOT NULL DEFAULT 0 CHECK (reply_count >= 0),
            helpful_count       integer NOT NULL DEFAULT 0 CHECK (helpful_count >= 0),
            reaction_counts     jsonb NOT NULL DEFAULT '{}',
            version             integer NOT NULL,
            created_at          timestamptz NOT NULL,
            updated_at          timestamptz NOT NULL
        )
        """
    )
    # A network's posts newest first; a post's replies oldest first; a member's own posts;
    # a network's advice by helpfulness (most marks, then newest, then id: a total order).
    op.execute(
        "CREATE INDEX posts_of_network ON posts (network_id, id DESC) WHERE parent_id IS NULL"
    )
    op.execute("CREATE INDEX posts_replies ON posts (parent_id, id) WHERE parent_id IS NOT NULL")
    op.execute("CREATE INDEX posts_of_author ON posts (author_member_id, id DESC)")
    op.execute(
        "CREATE INDEX posts_advice_by_helpfulness ON posts "
        "(network_id, helpful_count DESC, created_at DESC, id DESC) WHERE kind = 'advice'"
    )
    op.execute(
        """
        CREATE TABLE post_reactions (
            post_id          uuid NOT NULL REFERENCES posts (id),
            member_id        uuid NOT NULL REFERENCES members (id),
            reaction         text NOT NULL
                             CHECK (reaction IN ('heart', 'strength', 'same_here', 'thank_you')),
            organization_id  uuid NOT NULL REFERENCES organizations (id),
            created_at       timestamptz NOT NULL,
            PRIMARY KEY (post_id, member_id, reaction)
        )
        """
    )
    op.execute("CREATE INDEX post_reactions_of_member ON post_reactions (member_id)")
    op.execute(
        """
        CREATE TABLE post_helpful_marks (
            post_id          uuid NOT NULL REFERENCES posts (id),
            member_id        uuid NOT NULL REFERENCES members (id),
            organization_id  uuid NOT NULL REFERENCES organizations (id),
            created_at       timestamptz NOT NULL,
            PRIMARY KEY (post_id, member_id)
        )
        """
    )
    op.execute("CREATE INDEX post_helpful_marks_of_member ON post_helpful_marks (member_id)")
    op.execute(
        """
        CREATE TABLE post_revisions (
            post_id       uuid NOT NULL REFERENCES posts (id),
            version       integer NOT NULL,
            body          text NOT NULL,
            tags          text[] NOT NULL,
            content_note  text,
            replaced_at   timestamptz NOT NULL,
            PRIMARY KEY (post_id, version)
        )
        """
    )
    op.execute(
        """
        CREATE TABLE post_reports (
            id               uuid PRIMARY KEY,
            post_id          uuid NOT NULL REFERENCES posts (id),
            network_id       uuid NOT NULL REFERENCES networks (id),
            organization_id  uuid NOT NULL REFERENCES organizations (id),
            reason           text NOT NULL CHECK (reason IN ('stigmatising', 'harassment',
                                 'exposing_identity', 'unsafe_advice', 'spam', 'crisis')),
            note             text,
            created_at       timestamptz NOT NULL
        )
        """
    )
    op.execute("CREATE INDEX post_reports_of_network ON post_reports (network_id, id)")
    op.execute(
        """
        CREATE TABLE moderation_log (
            id               uuid PRIMARY KEY,
            post_id          uuid NOT NULL REFERENCES posts (id),
            network_id       uuid NOT NULL REFERENCES networks (id),
            organization_id  uuid NOT NULL REFERENCES organizations (id),
            action           text NOT NULL CHECK (action IN ('hide', 'unhide')),
            reason           text NOT NULL,
            at               timestamptz NOT NULL
        )
        """
    )
    op.execute("CREATE INDEX moderation_log_of_network ON moderation_log (network_id, id)")
    op.execute(
        """
        CREATE TABLE crisis_phrase_lists (
            organization_id  uuid PRIMARY KEY REFERENCES organizations (id),
            phrases          text[] NOT NULL,
            version          integer NOT NULL,
            updated_at       timestamptz NOT NULL
        )
        """
    )


def downgrade() -> None:
    op.execute(
        "DROP TABLE crisis_phrase_lists, moderation_log, post_reports, post_revisions, "
        "post_helpful_marks, post_reactions, posts"
    )
