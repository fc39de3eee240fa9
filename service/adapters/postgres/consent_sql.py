"""The consent rule in SQL, in one place: every fragment that decides whether data about a
member may reach another organization is built here, from the domain's constants (the scope
each kind of member event needs is `service.domain.consent.MEMBER_EVENT_SCOPES`). The member
read's agreement with the domain is held by tests/integration/test_consent_agreement.py."""

from __future__ import annotations

import msgspec

from service.adapters.postgres.members import MEMBER
from service.adapters.postgres.networks import (
    MEMBERSHIP,
    NETWORK,
    NETWORK_VISIBLE,
    moderates_sql,
    takes_part_sql,
)
from service.domain.consent import MEMBER_EVENT_SCOPES, DataScope
from service.domain.consent_events import MILESTONE_EVENTS
from service.domain.consent_form import RecipientClass
from service.domain.events import EventType
from service.domain.networks import NetworkKind, Role
from service.domain.organizations import OrganizationKind

# An active consent, as SQL: the same rule as Consent.status(), applied where the rows are.
CONSENT_IN_FORCE = (
    "c.revoked_at IS NULL AND c.ended_at IS NULL AND (c.expires_at IS NULL OR c.expires_at > {now})"
)

_TREATING = RecipientClass.TREATING_PROVIDERS.value
_CLINIC = OrganizationKind.CLINIC.value
_CIRCLE = NetworkKind.CIRCLE.value


def _of_class(recipient_class: str, viewer: str) -> str:
    """`viewer` is of the class of recipients in column `recipient_class` for consent c's
    member (consent.Reader.is_of): it takes part in an active circle around the member that
    the member's home organization (the consent's) created, the member still active in it;
    for `treating_providers` it is a clinic too."""
    return f"""(EXISTS (
            SELECT 1 FROM network_memberships ms
            JOIN networks n ON n.id = ms.network_id AND n.status = 'active'
                 AND n.kind = '{_CIRCLE}' AND n.focus_member_id = ms.member_id
                 AND n.created_by_organization_id = c.organization_id
            JOIN network_organizations p ON p.network_id = ms.network_id
                 AND p.organization_id = {viewer} AND p.status = 'active'
            WHERE ms.member_id = c.member_id AND ms.status = 'active')
        AND ({recipient_class} <> '{_TREATING}' OR EXISTS (
            SELECT 1 FROM organizations o WHERE o.id = {viewer} AND o.kind = '{_CLINIC}')))"""  # noqa: S608


def consent_reaches(viewer: str) -> str:
    """Consent c names `viewer` as a recipient of its member's data (Consent.reaches, for the
    database): by name; as one of the class it names; or as a participant, taking part now, of
    the intermediary it names, by name or of the class of participants it describes."""
    return f"""(c.recipient_organization_id = {viewer}
        OR (c.recipient_class IS NOT NULL AND {_of_class("c.recipient_class", viewer)})
        OR ((cardinality(c.participant_organization_ids) > 0 OR c.participant_class IS NOT NULL)
            AND EXISTS (
                SELECT 1 FROM intermediary_participants ip
                WHERE ip.participant_organization_id = {viewer}
                  AND ip.intermediary_organization_id = c.recipient_organization_id
                  AND ip.ended_at IS NULL)
            AND ({viewer} = ANY(c.participant_organization_ids)
                 OR (c.participant_class IS NOT NULL
                     AND {_of_class("c.participant_class", viewer)}))))"""  # noqa: S608


# The kinds of event whose data names a milestone's period (consent_events.MILESTONE_EVENTS),
# and the scope that covers the period, as SQL literals.
MILESTONE_TYPES = ", ".join(f"'{t.value}'" for t in sorted(MILESTONE_EVENTS))
RECOVERY = f"'{DataScope.RECOVERY.value}'"

# The member an event `e` is about (events of MEMBER_EVENT_SCOPES' types carry one).
_EVENT_MEMBER = "(e.data->>'member_id')::uuid"


# The EXISTS of the feed's rule end with OFFSET 0, which keeps PostgreSQL from turning them
# into one hash of the whole subquery (it drops a LIMIT in an EXISTS, not an OFFSET): the
# hash read all of an organization's 200,000 members for a feed page of 100 rows (60 ms of a
# 100 ms read, bench/README.md), where a probe of an index per row reads 100.
def _own_member(viewer: str) -> str:
    return (
        f"EXISTS (SELECT 1 FROM members m "  # noqa: S608 (placeholders only)
        f"WHERE m.id = {_EVENT_MEMBER} AND m.organization_id = {viewer} OFFSET 0)"
    )


def _consent_covers_now(viewer: str, scopes: str, now: str) -> str:
    """A consent to `viewer` in force at `now` covers event e's kind of data (`scopes`: the
    JSON of MEMBER_EVENT_SCOPES), and its member is not erased: a read of it would answer 410."""
    return f"""EXISTS (
        SELECT 1 FROM consents c JOIN members m ON m.id = c.member_id
        WHERE c.member_id = {_EVENT_MEMBER} AND {consent_reaches(viewer)}
          AND {CONSENT_IN_FORCE.format(now=now)} AND m.erased_at IS NULL
          AND (({scopes}::jsonb)->>e.type) = ANY(c.effective_scopes)
        OFFSET 0)"""  # noqa: S608


def consents_in_force(member: str, viewer: str, now: str, covering: str) -> str:
    """The ids of `member`'s consents to `viewer` in force at `now` whose scopes satisfy
    `covering`, as an array: what a disclosure record names. `member` is a column of the outer
    query, qualified by its alias (`r.member_id`): a bare name, or one of `c` (the consents
    read here), would bind to the consents' own member_id and match every member's consents."""
    if "." not in member or member.startswith("c."):
        raise ValueError(f"name the outer query's member column: {member!r}")
    return (
        f"ARRAY(SELECT c.id FROM consents c "  # noqa: S608 (placeholders only)
        f"WHERE c.member_id = {member} AND {consent_reaches(viewer)} "
        f"AND {CONSENT_IN_FORCE.format(now=now)} AND {covering} ORDER BY c.id)"
    )


_MODERATION_EVENTS = ", ".join(
    f"'{t.value}'" for t in sorted((EventType.POST_REPORTED, EventType.POST_HIDDEN))
)


def _network_audience(viewer: str) -> str:
    """An event about a post (subject `post`) or a member's attendance at a meeting (subject
    `attendance`) reaches another organization, beyond its consent, as a read of the post
    would (conversation_queries): only while it takes part in the network; and one about a
    report or a hiding only if it moderates there (the network's creator, or an active
    `coordinator` of its own)."""
    network = "(e.data->>'network_id')::uuid"
    return f"""(e.subject_type NOT IN ('post', 'attendance') OR (
        {takes_part_sql(network, viewer)}
        AND (e.type NOT IN ({_MODERATION_EVENTS}) OR {moderates_sql(network, viewer)})))"""


_FOCUS = Role.FOCUS.value
_REACH_OUT_OPENED = EventType.REACH_OUT_OPENED.value
# The circles a reach-out event asked (reach_out_event carries them).
_EVENT_CIRCLES = "ARRAY(SELECT jsonb_array_elements_text(e.data->'circle_ids')::uuid)"


def reach_out_supporters(circles: str, member: str, viewer: str) -> str:
    """The members of `viewer` asked by a reach-out of `member` to the circles `circles` (a
    uuid[]): active, in any role but the focus, in an active circle around `member` that
    `viewer` takes an active part in."""
    return f"""SELECT ms.member_id FROM network_memberships ms
        JOIN networks n ON n.id = ms.network_id AND n.status = 'active'
             AND n.kind = '{_CIRCLE}' AND n.focus_member_id = {member}
        JOIN network_organizations p ON p.network_id = ms.network_id
             AND p.organization_id = {viewer} AND p.status = 'active'
        WHERE ms.network_id = ANY({circles}) AND ms.member_organization_id = {viewer}
          AND ms.status = 'active' AND ms.role <> '{_FOCUS}'"""  # noqa: S608


def reach_out_audience(circles: str, member: str, viewer: str) -> str:
    """Beyond the consent covering `reach_outs`, a reach-out reaches another organization
    only while it has an active supporter in a circle asked."""
    return f"EXISTS ({reach_out_supporters(circles, member, viewer)})"


def _reach_out_event_audience(viewer: str) -> str:
    """An event about a reach-out reaches another organization, beyond its consent, as a read
    of the reach-out would: only while it has an active supporter in a circle asked."""
    return f"""(e.subject_type <> 'reach_out'
        OR {reach_out_audience(_EVENT_CIRCLES, _EVENT_MEMBER, viewer)})"""


def still_allowed(viewer: str, types: str, scopes: str, now: str) -> str:
    """Whether event e may still go to `viewer` at `now`: an event about another
    organization's member needs a consent covering it now (`types`: those of
    MEMBER_EVENT_SCOPES)."""
    return (
        f"(e.type <> ALL({types}::text[]) OR e.organization_id = {viewer} "
        f"OR {_own_member(viewer)} "
        f"OR ({_consent_covers_now(viewer, scopes, now)} AND {_network_audience(viewer)} "
        f"AND {_reach_out_event_audience(viewer)}))"
    )


def notice_consents(viewer: str, now: str, types: str, scopes: str) -> str:
    """The consents in force at `now` that let event e's data about another organization's
    member reach `viewer`: those covering its kind (`types`/`scopes`: visibility_arguments()),
    or any, for a referral's person. Empty for anything else: what its notice names."""
    return f"""CASE
        WHEN (e.type = ANY({types}::text[])
              OR (e.subject_type = 'referral' AND e.data ? 'member_id'))
         AND NOT {_own_member(viewer)}
        THEN ARRAY(
            SELECT c.id FROM consents c
            WHERE c.member_id = {_EVENT_MEMBER} AND {consent_reaches(viewer)}
              AND {CONSENT_IN_FORCE.format(now=now)}
              AND (e.subject_type = 'referral'
                   OR (({scopes}::jsonb)->>e.type) = ANY(c.effective_scopes))
            ORDER BY c.id)
        ELSE '{{}}'::uuid[]
    END"""  # noqa: S608 (placeholders only)


def shown_data(viewer: str, now: str) -> str:
    """Event e's data as `viewer` may see it. A milestone's key names the start of its recovery
    period (`2026-01-05.30d`): restart history, the `recovery` scope's. Another organization
    without a consent in force covering `recovery` gets the event without that key (its label
    and dates stay: those are the `milestones` scope's). A referral's person is the member's:
    the receiver gets the event without `member_id` unless a consent from the member to it is
    in force (domain.referral_sight). A reach-out's events name only the circles asked that
    the viewer takes part in, and its opening the viewer's own members it asks (`asked`), for
    the viewer to reach them."""
    return f"""CASE
        WHEN e.subject_type = 'reach_out'
        THEN e.data || jsonb_build_object('circle_ids', ARRAY(
                SELECT c FROM unnest({_EVENT_CIRCLES}) AS c
                WHERE {takes_part_sql("c", viewer)} ORDER BY c))
             || CASE WHEN e.type = '{_REACH_OUT_OPENED}'
                THEN jsonb_build_object('asked', ARRAY(
                    {reach_out_supporters(_EVENT_CIRCLES, _EVENT_MEMBER, viewer)}
                    ORDER BY ms.member_id))
                ELSE '{{}}'::jsonb END
        WHEN e.subject_type = 'referral'
         AND e.data ? 'member_id'
         AND NOT {_own_member(viewer)}
         AND NOT EXISTS (
            SELECT 1 FROM consents c
            WHERE c.member_id = {_EVENT_MEMBER} AND {consent_reaches(viewer)}
              AND {CONSENT_IN_FORCE.format(now=now)})
        THEN e.data - 'member_id'
        WHEN e.type IN ({MILESTONE_TYPES})
         AND e.data ? 'milestone_key'
         AND NOT {_own_member(viewer)}
         AND NOT EXISTS (
            SELECT 1 FROM consents c
            WHERE c.member_id = {_EVENT_MEMBER} AND {consent_reaches(viewer)}
              AND {CONSENT_IN_FORCE.format(now=now)} AND {RECOVERY} = ANY(c.effective_scopes))
        THEN e.data - 'milestone_key'
        ELSE e.data
    END"""  # noqa: S608 (placeholders only)


def visible_to(now: str) -> str:
    """Visible to organization $1: what it did itself; what happened in networks it takes part
    in (their meetings too); consents granted to it (granted, revoked, expired); referrals it
    sent or received; events about its own members (whoever acted); and events about another
    organization's member under a consent covering their kind of data both when the event
    happened and at `now` (revocation, expiry and erasure act at once, on every read). $5/$6
    are visibility_arguments().

    The rule is applied to the reader's audience rows only (event_audience, migration 0031:
    the organizations that could see each event when it was written), which every branch here
    lies within; a new branch needs the audience function to cover it.

    Order is (txid, position): every transaction below the snapshot's xmin has ended, and any
    transaction still to commit has a txid at or above it, so once a row is handed out nothing
    can appear before it (see migration 0008)."""
    return f"""
    e.organization_id = $1
    OR (e.subject_type = 'network' AND EXISTS (
        SELECT 1 FROM network_organizations p
        WHERE p.network_id = e.subject_id AND p.organization_id = $1 AND p.status = 'active'))
    OR (e.subject_type = 'meeting'
        AND {takes_part_sql("(e.data->>'network_id')::uuid", "$1")})
    OR (e.subject_type = 'consent'
        AND e.data->>'recipient_organization_id' = $1::text)
    OR (e.subject_type = 'referral'
        AND (e.data->>'receiver_organization_id' = $1::text
             OR e.data->>'sender_organization_id' = $1::text))
    OR (e.type = ANY($5::text[]) AND {_own_member("$1")})
    OR (e.type = ANY($5::text[]) AND EXISTS (
        SELECT 1 FROM consents c
        WHERE c.member_id = {_EVENT_MEMBER}
          AND {consent_reaches("$1")}
          AND c.created_at <= e.occurred_at
          AND (c.revoked_at IS NULL OR c.revoked_at > e.occurred_at)
          AND (c.ended_at IS NULL OR c.ended_at > e.occurred_at)
          AND (c.expires_at IS NULL OR c.expires_at > e.occurred_at)
          AND (($6::jsonb)->>e.type) = ANY(c.effective_scopes)
        OFFSET 0)
      AND {_consent_covers_now("$1", "$6", now)} AND {_network_audience("$1")}
      AND {_reach_out_event_audience("$1")})
"""  # noqa: S608


# Which consent scope lets another organization see each kind of member event, as the SQL
# takes it: the types, and a JSON object from type to scope.
_VISIBILITY_ARGUMENTS = (
    [t.value for t in MEMBER_EVENT_SCOPES],
    msgspec.json.encode({t.value: s.value for t, s in MEMBER_EVENT_SCOPES.items()}).decode(),
)


def visibility_arguments() -> tuple[list[str], str]:
    return _VISIBILITY_ARGUMENTS


# The cross-organization reads of members: each statement checks the consents in force,
# records the disclosure and reads, at once, for one read or for several sent together (each
# read's rows are joined on its own place, and matched to its own viewer and time).
# For each read asked: the member, the viewer organization, now, the operation, the request
# id, the caller's request id and the key; then $8 the scopes a read needs (one of them at
# least), $9 the scopes it shows (including $8) when they are in force. Without a consent in
# force covering one of $8 nothing shows; with one, every consent in force covering a scope of
# $9 counts, and those scopes are recorded: the record says what was shown. The home
# organization reads its member whole, and nothing is recorded. A read that shows nothing has
# no row; the others' rows carry their `place` (from 1).
# Each read probes its own member's consents (a LATERAL subquery, kept apart by OFFSET 0): as
# a join, the generic plan of several reads hashed every consent in the platform, 5-6 ms a
# statement at 10,000 consents, because consent_reaches' subplans priced each probe high.
def _members_for_viewers(asked: str) -> str:
    return f"""
WITH asked AS ({asked}
), target AS (
    SELECT a.place, a.viewer, a.read_at, a.operation, a.request_id, a.client_request_id,
           a.key_id, {MEMBER.of("m")}
    FROM asked a JOIN members m ON m.id = a.member_id
), granted AS (
    SELECT t.place, c.id, s
    FROM target t
    CROSS JOIN LATERAL (
        SELECT c.id, c.effective_scopes
        FROM consents c
        WHERE c.member_id = t.id AND {consent_reaches("t.viewer")}
          AND c.effective_scopes && $9::text[]
          AND {CONSENT_IN_FORCE.format(now="t.read_at")}
        OFFSET 0
    ) c
    CROSS JOIN LATERAL unnest(c.effective_scopes) AS s
    WHERE t.organization_id <> t.viewer AND s = ANY($9::text[])
), grants AS (
    SELECT place, array_agg(DISTINCT id) AS consent_ids, array_agg(DISTINCT s) AS scopes
    FROM granted
    GROUP BY place
    HAVING bool_or(s = ANY($8::text[]))
), logged AS (
    INSERT INTO disclosures (member_id, organization_id, recipient_organization_id, consent_ids,
                             scopes, operation, request_id, disclosed_at,
                             client_request_id, key_id)
    SELECT t.id, t.organization_id, t.viewer, g.consent_ids, g.scopes, t.operation,
           t.request_id, t.read_at, t.client_request_id, t.key_id
    FROM target t JOIN grants g ON g.place = t.place
    WHERE t.organization_id <> t.viewer AND t.erased_at IS NULL
)
SELECT t.place, {MEMBER.of("t")}, coalesce(g.consent_ids, '{{}}') AS consent_ids,
       coalesce(g.scopes, '{{}}') AS scopes
FROM target t LEFT JOIN grants g ON g.place = t.place
WHERE t.organization_id = t.viewer OR g.place IS NOT NULL
"""  # noqa: S608


# One read, $1 to $7 each one value: PostgreSQL keeps one plan for every read.
MEMBER_FOR_VIEWER = _members_for_viewers(
    """
    SELECT $1::uuid AS member_id, $2::uuid AS viewer, $3::timestamptz AS read_at,
           $4::text AS operation, $5::text AS request_id, $6::text AS client_request_id,
           $7::uuid AS key_id, 1::bigint AS place"""
)

# Several reads, $1 to $7 arrays, one place a read. PostgreSQL plans it afresh for each count
# of reads unless told to keep one plan (the pool of these statements does: open_pool's
# `generic_plans`).
MEMBERS_FOR_VIEWERS = _members_for_viewers(
    """
    SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::text[], $5::text[],
                         $6::text[], $7::uuid[])
        WITH ORDINALITY AS a(member_id, viewer, read_at, operation, request_id,
                             client_request_id, key_id, place)"""
)


# $1 network, $2 after, $3 viewer, $4 limit (one more than the page shows), $5 now,
# $6 operation, $7 request id, $8 the scopes whose data a membership shows. A record is written
# for exactly the members the page shows (the extra row only tells that a next page exists),
# naming only the scopes shown.
MEMBERSHIPS_FOR_VIEWER = f"""
WITH page AS (
    SELECT {MEMBERSHIP.of("ms")},
           mb.display_name AS member_display_name, mb.erased_at AS member_erased_at,
           row_number() OVER (ORDER BY ms.id) AS place
    FROM network_memberships ms JOIN members mb ON mb.id = ms.member_id
    WHERE ms.network_id = $1 AND ms.id > $2
    ORDER BY ms.id LIMIT $4
), seen AS (
    SELECT page.*, coalesce(g.consent_ids, '{{}}') AS consent_ids,
           coalesce(g.scopes, '{{}}') AS scopes
    FROM page LEFT JOIN LATERAL (
        SELECT array_agg(DISTINCT c.id) AS consent_ids, array_agg(DISTINCT s) AS scopes
        FROM consents c CROSS JOIN LATERAL unnest(c.effective_scopes) AS s
        WHERE c.member_id = page.member_id AND {consent_reaches("$3")}
          AND page.member_organization_id <> $3 AND c.effective_scopes && $8::text[]
          AND s = ANY($8::text[]) AND {CONSENT_IN_FORCE.format(now="$5")}
    ) g ON true
), logged AS (
    INSERT INTO disclosures (member_id, organization_id, recipient_organization_id, consent_ids,
                             scopes, operation, request_id, disclosed_at,
                             client_request_id, key_id)
    SELECT DISTINCT ON (member_id)  -- once per member, whatever memberships it shows
           member_id, member_organization_id, $3, consent_ids, scopes, $6, $7, $5, $9,
           $10::uuid
    FROM seen
    WHERE member_organization_id <> $3 AND cardinality(consent_ids) > 0
      AND member_erased_at IS NULL AND place < $4
    ORDER BY member_id
)
SELECT * FROM seen ORDER BY id
"""  # noqa: S608


# A network read across organizations, with the consents in force from a circle's focus
# member to `viewer` covering `networks`: under them the viewer reads the circle's name
# (networks.network_seen_by), a disclosure of the member, recorded in the same statement (only
# for circles it did not create, whose focus member is not erased).
def _network_shown(viewer: str, now: str) -> str:
    focus_consents = consents_in_force(
        "n.focus_member_id", viewer, now, f"'{DataScope.NETWORKS.value}' = ANY(c.effective_scopes)"
    )
    return f"""{NETWORK.of("n")}, {focus_consents} AS focus_consent_ids,
        f.organization_id AS focus_organization_id, f.erased_at AS focus_erased_at"""


_NETWORKS_AND_FOCUS = "networks n LEFT JOIN members f ON f.id = n.focus_member_id"


def _circle_name_logged(viewer: str, now: str, viewing: str, shown_only: str = "true") -> str:
    """Record the disclosure of each circle name `shown` reveals. `viewing`: the placeholders
    of the operation, request id, caller's request id and key; `shown_only`: which rows the
    answer shows (a page's extra row only tells that a next page exists)."""
    return f"""INSERT INTO disclosures (member_id, organization_id, recipient_organization_id,
                             consent_ids, scopes, operation, request_id, disclosed_at,
                             client_request_id, key_id)
    SELECT focus_member_id, focus_organization_id, {viewer}, focus_consent_ids,
           ARRAY['{DataScope.NETWORKS.value}'], {viewing.format(now=now)}
    FROM shown
    WHERE kind = '{NetworkKind.CIRCLE.value}' AND created_by_organization_id <> {viewer}
      AND cardinality(focus_consent_ids) > 0 AND focus_erased_at IS NULL AND {shown_only}"""  # noqa: S608


# $1 network, $2 viewer, $3 now, $4 operation, $5 request id, $6 caller's request id, $7 key.
NETWORK_FOR_VIEWER = f"""
WITH shown AS (
    SELECT {_network_shown("$2", "$3")}
    FROM {_NETWORKS_AND_FOCUS}
    WHERE n.id = $1 AND {NETWORK_VISIBLE.format(viewer="$2")}
), logged AS (
    {_circle_name_logged("$2", "$3", "$4, $5, {now}, $6, $7::uuid")}
)
SELECT * FROM shown
"""  # noqa: S608


# $1 viewer, $2 after, $3 limit (one more than the page shows), $4 member, $5 now,
# $6 operation, $7 request id, $8 caller's request id, $9 key.
NETWORKS_FOR_VIEWER = f"""
WITH shown AS (
    SELECT {_network_shown("$1", "$5")}, row_number() OVER (ORDER BY n.id) AS place
    FROM {_NETWORKS_AND_FOCUS}
    WHERE {NETWORK_VISIBLE.format(viewer="$1")} AND n.id > $2
      AND ($4::uuid IS NULL OR EXISTS (
          SELECT 1 FROM network_memberships ms
          WHERE ms.network_id = n.id AND ms.member_id = $4 AND ms.status <> 'left'
            AND ms.member_organization_id = $1))
    ORDER BY n.id LIMIT $3
), logged AS (
    {_circle_name_logged("$1", "$5", "$6, $7, {now}, $8, $9::uuid", "place < $3")}
)
SELECT * FROM shown ORDER BY id
"""  # noqa: S608


# Whether the viewer is invited into or takes part in the network.
NETWORK_VISIBLE_TO = f"""
SELECT EXISTS (SELECT 1 FROM networks n WHERE n.id = $1 AND {NETWORK_VISIBLE.format(viewer="$2")})
"""  # noqa: S608
