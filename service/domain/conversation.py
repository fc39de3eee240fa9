"""A network's conversation (issue #13): posts and replies written on behalf of a member who
takes part in the network, encouragement, helpful advice, moderation, and the two kinds of
reading the service does of what people write: for a crisis (to let a person reach out at once)
and for stigmatising language (to suggest person-first words). Neither ever blocks, hides or
rewrites anything. Pure rules; time comes in as `now`."""

from __future__ import annotations

import enum
import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta
from uuid import UUID

import msgspec

from service.domain.errors import Conflict, InvalidField, NotFound, Precondition, check_version
from service.domain.records import next_version
from service.domain.text import CONTROL_CHARACTERS, CONTROL_CHARACTERS_BUT_LINE_BREAKS

MAX_BODY_CHARACTERS = 4000
MAX_TAGS = 5
MAX_CONTENT_NOTE_CHARACTERS = 200
MAX_REASON_CHARACTERS = 500


class PostKind(enum.StrEnum):
    SHARE = "share"  # a story or an update
    STRUGGLE = "struggle"  # asking for support
    WIN = "win"
    ADVICE = "advice"  # a practical tip or coping strategy
    QUESTION = "question"


class Topic(enum.StrEnum):
    """The topic tags a post may carry: a fixed list, so that a newcomer can find what others
    said about the same hard thing."""

    CRAVINGS = "cravings"
    SLEEP = "sleep"
    WORK = "work"
    FAMILY = "family"
    MEETINGS = "meetings"
    PAIN = "pain"
    RELATIONSHIPS = "relationships"
    HOUSING = "housing"


class Reaction(enum.StrEnum):
    """Encouragement only: there is no negative reaction and no score of people."""

    HEART = "heart"
    STRENGTH = "strength"
    SAME_HERE = "same_here"
    THANK_YOU = "thank_you"


class ReportReason(enum.StrEnum):
    STIGMATISING = "stigmatising"  # or shaming
    HARASSMENT = "harassment"
    EXPOSING_IDENTITY = "exposing_identity"
    UNSAFE_ADVICE = "unsafe_advice"  # dosing, diversion
    SPAM = "spam"
    CRISIS = "crisis"  # someone in crisis


class PostState(enum.StrEnum):
    VISIBLE = "visible"
    HIDDEN = "hidden"  # by a moderator: seen by its author's organization and moderators only
    DELETED = "deleted"  # by its author's organization: a tombstone keeps the thread readable
    ERASED = "erased"  # its author was erased: a placeholder, nothing of them left


class ModerationAction(enum.StrEnum):
    HIDE = "hide"
    UNHIDE = "unhide"
    DISMISS = "dismiss"  # the reports were reviewed: the post stays as it is


class PostConflict(Conflict):
    """The change does not fit the post's current state."""


def _check_text(field: str, text: str, limit: int, *, line_breaks: bool) -> str:
    """Plain text: not empty, at most `limit` characters, no NUL or other control characters
    (line breaks allowed where a story has paragraphs)."""
    stripped = text.strip()
    if not stripped:
        raise InvalidField(field, "Write something.")
    if len(text) > limit:
        raise InvalidField(field, f"At most {limit} characters.")
    if (CONTROL_CHARACTERS_BUT_LINE_BREAKS if line_breaks else CONTROL_CHARACTERS).search(text):
        raise InvalidField(field, "No control characters (line breaks are fine in a body).")
    return text


class NewPost(msgspec.Struct, frozen=True, kw_only=True):
    """What an organization writes on behalf of its member: a post, or a reply when
    `parent_id` names the post it answers."""

    network_id: UUID
    author_member_id: UUID
    kind: PostKind
    body: str
    tags: tuple[Topic, ...] = ()
    content_note: str | None = None
    parent_id: UUID | None = None


class PostChange(msgspec.Struct, frozen=True, kw_only=True):
    """An edit: the fields given replace the old ones; the old text goes into the history."""

    body: str | None = None
    tags: tuple[Topic, ...] | None = None
    content_note: str | msgspec.UnsetType | None = msgspec.UNSET


class Post(msgspec.Struct, frozen=True, kw_only=True):
    id: UUID
    network_id: UUID
    organization_id: UUID  # the author's home organization
    author_member_id: UUID
    parent_id: UUID | None
    kind: PostKind
    body: str
    tags: tuple[Topic, ...]
    content_note: str | None
    state: PostState
    crisis_flagged: bool
    version: int
    created_at: datetime
    updated_at: datetime
    hidden_reason: str | None = None

    @property
    def is_reply(self) -> bool:
        return self.parent_id is not None

    @property
    def words(self) -> str:
        """What the post says, as its phrases and terms are looked for in it."""
        return words(self.body, self.content_note)

    @property
    def readable(self) -> bool:
        """Whether its words are still there (a tombstone's and a placeholder's are not)."""
        return self.state in (PostState.VISIBLE, PostState.HIDDEN)


class PostCounts(msgspec.Struct, frozen=True, kw_only=True):
    """What a post gathered, counted as it came: replies, helpful marks, and each kind of
    reaction given (`given_reactions`: none at 0, in the order of their names)."""

    replies: int = 0
    helpful: int = 0
    reactions: dict[Reaction, int] = msgspec.field(default_factory=dict)


def given_reactions(counted: dict[Reaction, int]) -> dict[Reaction, int]:
    """The kinds of reaction given (a count kept at 0 is one nobody gives any more), in the
    order of their names, so that every answer lists them alike."""
    if len(counted) == 1 and 0 not in counted.values():
        return counted  # the usual case on a busy page: one kind, nothing to order
    return {kind: n for kind, n in sorted(counted.items()) if n > 0}


class Revision(msgspec.Struct, frozen=True, kw_only=True):
    """What a post said before an edit, kept for the moderators."""

    post_id: UUID
    version: int
    body: str
    tags: tuple[Topic, ...]
    content_note: str | None
    replaced_at: datetime


def _checked_tags(tags: Iterable[Topic]) -> tuple[Topic, ...]:
    listed = tuple(tags)
    if len(listed) > MAX_TAGS:
        raise InvalidField("tags", f"At most {MAX_TAGS} tags.")
    if len(set(listed)) != len(listed):
        raise InvalidField("tags", "Each tag once.")
    return listed


def _checked_note(note: str | None) -> str | None:
    if note is None:
        return None
    return _check_text("content_note", note, MAX_CONTENT_NOTE_CHARACTERS, line_breaks=False)


def write_post(
    new: NewPost,
    *,
    post_id: UUID,
    organization_id: UUID,
    parent: Post | None,
    crisis_phrases: Iterable[str],
    now: datetime,
) -> Post:
    """A post, or a reply to `parent` (one level of threading: a reply answers a post, in the
    same network, that still has its words). Flagged when its text matches a crisis phrase."""
    body = _check_text("body", new.body, MAX_BODY_CHARACTERS, line_breaks=True)
    tags = _checked_tags(new.tags)
    note = _checked_note(new.content_note)
    if new.parent_id is not None:
        if parent is None or parent.id != new.parent_id or parent.network_id != new.network_id:
            raise InvalidField("parent_id", "A reply answers a post of the same network.")
        if parent.is_reply:
            raise InvalidField("parent_id", "Reply to the post: replies are one level deep.")
        if not parent.readable:
            raise PostConflict("post-deleted", "The post was deleted: it takes no more replies.")
    return Post(
        id=post_id,
        network_id=new.network_id,
        organization_id=organization_id,
        author_member_id=new.author_member_id,
        parent_id=new.parent_id,
        kind=new.kind,
        body=body,
        tags=tags,
        content_note=note,
        state=PostState.VISIBLE,
        crisis_flagged=bool(crisis_matches(words(body, note), crisis_phrases)),
        version=1,
        created_at=now,
        updated_at=now,
    )


def edit_post(
    post: Post,
    change: PostChange,
    expected: Precondition | None,
    *,
    crisis_phrases: Iterable[str],
    now: datetime,
) -> tuple[Post, Revision]:
    """The post as edited (If-Match required: moderators and repliers read it too) and what it
    said before. A deleted or erased post cannot be edited; a hidden one can (its author may
    mend what was reported). An edit may raise the crisis flag, never lower it."""
    check_version(post.version, expected, required=True)
    if not post.readable:
        raise PostConflict("post-deleted", "A deleted post cannot be edited.")
    body = (
        post.body
        if change.body is None
        else _check_text("body", change.body, MAX_BODY_CHARACTERS, line_breaks=True)
    )
    tags = post.tags if change.tags is None else _checked_tags(change.tags)
    note = (
        post.content_note
        if isinstance(change.content_note, msgspec.UnsetType)
        else _checked_note(change.content_note)
    )
    revision = Revision(
        post_id=post.id,
        version=post.version,
        body=post.body,
        tags=post.tags,
        content_note=post.content_note,
        replaced_at=now,
    )
    flagged = post.crisis_flagged or bool(crisis_matches(words(body, note), crisis_phrases))
    edited = next_version(
        post, body=body, tags=tags, content_note=note, crisis_flagged=flagged, updated_at=now
    )
    return edited, revision


def delete_post(post: Post, expected: Precondition | None, now: datetime) -> Post:
    """A tombstone: the thread stays readable around it, its words are gone."""
    check_version(post.version, expected, required=True)
    if not post.readable:
        raise PostConflict("post-deleted", "The post is already deleted.")
    return next_version(
        post,
        state=PostState.DELETED,
        body="",
        tags=(),
        content_note=None,
        hidden_reason=None,
        updated_at=now,
    )


def moderate(post: Post, action: ModerationAction, reason: str, now: datetime) -> Post:
    """Hide a visible post or unhide a hidden one, or dismiss its reports as reviewed
    (nothing changes), with a reason (kept in the moderation log). Anything else is a
    conflict: a deleted post has nothing left to hide."""
    reason = _check_text("reason", reason, MAX_REASON_CHARACTERS, line_breaks=False)
    if action is ModerationAction.DISMISS and post.readable:
        return post
    if action is ModerationAction.HIDE and post.state is PostState.VISIBLE:
        return next_version(post, state=PostState.HIDDEN, hidden_reason=reason, updated_at=now)
    if action is ModerationAction.UNHIDE and post.state is PostState.HIDDEN:
        return next_version(post, state=PostState.VISIBLE, hidden_reason=None, updated_at=now)
    done = {
        ModerationAction.HIDE: "hidden",
        ModerationAction.UNHIDE: "unhidden",
        ModerationAction.DISMISS: "reviewed",
    }[action]
    raise PostConflict("moderation-not-applicable", f"A {post.state.value} post cannot be {done}.")


def check_helpful(post: Post) -> None:
    """Only advice is marked helpful, and only while its words are there."""
    if post.kind is not PostKind.ADVICE:
        raise InvalidField("post_id", "Only advice (kind `advice`) is marked helpful.")
    if not post.readable:
        raise PostConflict("post-deleted", "The post was deleted.")


class Report(msgspec.Struct, frozen=True, kw_only=True):
    """A participant's report of a post or reply, open until a moderator acts on the post."""

    id: UUID
    post_id: UUID
    network_id: UUID
    organization_id: UUID  # who reported
    reason: ReportReason
    note: str | None
    created_at: datetime
    resolved_at: datetime | None = None


def report(
    post: Post,
    reason: ReportReason,
    note: str | None,
    *,
    report_id: UUID,
    organization_id: UUID,
    now: datetime,
) -> Report:
    """A report of a post that still has its words (a deleted one has nothing to review)."""
    if not post.readable:
        raise PostConflict("post-deleted", "The post was deleted: there is nothing to review.")
    checked = (
        None
        if note is None
        else _check_text("note", note, MAX_REASON_CHARACTERS, line_breaks=False)
    )
    return Report(
        id=report_id,
        post_id=post.id,
        network_id=post.network_id,
        organization_id=organization_id,
        reason=reason,
        note=checked,
        created_at=now,
    )


class ModerationEntry(msgspec.Struct, frozen=True, kw_only=True):
    """One moderator's action, as the moderation log keeps it."""

    id: UUID
    post_id: UUID
    network_id: UUID
    organization_id: UUID  # the moderating organization
    action: ModerationAction
    reason: str
    at: datetime


class Reader(msgspec.Struct, frozen=True, kw_only=True):
    """Who reads a post: their organization, whether it moderates the network (its creator,
    or one of its members holds the `coordinator` role there), and whether a consent from the
    author to it covering the conversation is in force now."""

    organization_id: UUID
    moderates: bool = False
    consented: bool = False


def sees(post: Post, reader: Reader) -> bool:
    """Whether the reader learns the post exists at all. The author's home organization always
    does; another organization only under the author's consent (not even a tombstone without
    it). A hidden post shows only to its author's organization and the moderators."""
    home = reader.organization_id == post.organization_id
    if not home and not reader.consented:
        return False
    if post.state is PostState.HIDDEN:
        return home or reader.moderates
    return True


class PostFilters(msgspec.Struct, frozen=True, kw_only=True):
    """What a network's page of posts may be narrowed to."""

    kind: PostKind | None = None
    tag: Topic | None = None
    since: datetime | None = None


class Standing(msgspec.Struct, frozen=True, kw_only=True):
    """How an organization stands in a network: whether it takes part now, and whether it
    moderates the conversation (it created the network, or one of its members holds the
    `coordinator` role there: moderating needs taking part too)."""

    takes_part: bool = False
    moderates: bool = False


class CrisisPhraseList(msgspec.Struct, frozen=True, kw_only=True):
    """One version of an organization's crisis phrases: `phrases` None while it uses the
    default list, `version` 0 until it first set its own. Every replacement, a return to the
    default too, takes a new version: a post stored with the version it was flagged with
    was flagged with the list in force as it was stored."""

    version: int = 0
    phrases: tuple[str, ...] | None = None

    @property
    def in_force(self) -> tuple[str, ...]:
        return self.phrases or CRISIS_PHRASES


class CrisisPhrasesChanged(Exception):
    """The organization replaced its crisis phrases after the post was flagged and before it
    was stored: nothing was stored, and the post is to be written again with the list read
    anew (never a client's error)."""


class WritingContext(msgspec.Struct, frozen=True, kw_only=True):
    """What writing in a network needs to know, read at once: whether the writing
    organization takes part, whether the author takes an active part (and is not erased),
    the author's name, and the organization's crisis phrases."""

    takes_part: bool
    author_organization_id: UUID | None  # None: no such member
    author_erased: bool
    author_active: bool
    author_display_name: str | None
    crisis_phrases: CrisisPhraseList


def words(body: str, content_note: str | None) -> str:
    """A post's body and its content note, as one text to look in."""
    return body if content_note is None else f"{body}\n{content_note}"


def refusal(context: WritingContext, network_id: UUID, writer: UUID) -> Exception | None:
    """Why `writer` may not write a post in the network as the context stands (None: it
    may): it takes part, and the author is its own member, not erased, taking an active part."""
    if not context.takes_part:
        return NotFound("network", network_id)
    if context.author_organization_id != writer or context.author_erased:
        return InvalidField("author_member_id", "Name one of your members.")
    if not context.author_active:
        return InvalidField("author_member_id", "The member takes no active part in this network.")
    return None


def not_stored(context: WritingContext, post: Post, phrases_version: int) -> Exception | None:
    """Why a post checked as it is stored (`ConversationRepository.add_checked`) may not be,
    as the context stands: a refusal, or crisis phrases no longer the version it was flagged
    with (None: it may be stored)."""
    refused = refusal(context, post.network_id, post.organization_id)
    if refused is not None:
        return refused
    if context.crisis_phrases.version != phrases_version:
        return CrisisPhrasesChanged()
    return None


class ShownPost(msgspec.Struct, frozen=True, kw_only=True):
    """A post as one reader sees it: the author's name only while the post has its words and
    the author is not erased; the replies it counts are those this reader sees; the reactions
    and helpful marks as kept on the post; the open reports by reason, for a moderator."""

    post: Post
    author_display_name: str | None
    counts: PostCounts
    open_reports: dict[ReportReason, int] = msgspec.field(default_factory=dict)


class PostsSeen(msgspec.Struct, frozen=True, kw_only=True):
    """A page of posts, with the reader's standing in the network (None for the member's own
    posts, read across networks by the home organization)."""

    standing: Standing
    posts: list[ShownPost]


def sees_reply(reply: Post, parent: Post, reader: Reader, parent_reader: Reader) -> bool:
    """A reply shows only with the post it answers: its `parent_id` would tell that post
    exists. `parent_reader` is the reader as the parent's author's consents make it."""
    return sees(reply, reader) and sees(parent, parent_reader)


class HelpfulKey(msgspec.Struct, frozen=True, order=True):
    """A network's advice by helpfulness: most marks first, then newest first, then the
    greatest id; the id keeps the order total, so a cursor (the last key of a page) never
    skips or repeats one. The SQL's order (helpful_count, created_at, id, all descending)."""

    minus_helpful: int
    minus_created: int  # microseconds since the epoch, negated: exact, unlike a float
    minus_id: int  # the id as a number, negated: ties go newest id first, as the index

    @classmethod
    def of(cls, post: Post, helpful: int) -> HelpfulKey:
        return cls(-helpful, -epoch_microseconds(post.created_at), -post.id.int)

    @property
    def id(self) -> UUID:
        return UUID(int=-self.minus_id)

    @property
    def helpful(self) -> int:
        return -self.minus_helpful

    @property
    def created_at(self) -> datetime:
        return EPOCH + timedelta(microseconds=-self.minus_created)


EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def epoch_microseconds(instant: datetime) -> int:
    return (instant - EPOCH) // timedelta(microseconds=1)


def helpful_page(
    posts: Mapping[UUID, tuple[Post, int]], after: HelpfulKey | None, limit: int
) -> list[tuple[Post, int]]:
    """One page of advice by helpfulness, after the cursor `after` (the rule the SQL follows,
    stated once for the tests)."""
    keyed = sorted(
        (HelpfulKey.of(post, count), post, count)
        for post, count in posts.values()
        if post.kind is PostKind.ADVICE and post.readable
    )
    return [(post, count) for key, post, count in keyed if after is None or key > after][:limit]


def _normalised(text: str) -> str:
    """Case, accents' composition and curly apostrophes do not matter (nor do runs of
    spaces: the patterns take any run of white space between words)."""
    if text.isascii():
        return text.lower()  # the same as below, for most texts, at a fraction of the cost
    text = unicodedata.normalize("NFKC", text).casefold()
    return text.replace("\u2019", "'").replace("\u2018", "'")


@functools.lru_cache(maxsize=1024)
def _pattern(phrase: str) -> re.Pattern[str]:
    words = [re.escape(word) for word in _normalised(phrase).split()]
    return re.compile(r"(?<![\w'])" + r"\s+".join(words) + r"(?![\w'])")


# The default crisis phrases: what people write when they may be about to hurt themselves or
# are in immediate danger. An organization may replace the list with its own. A match flags
# the post for the author's home organization to reach out; it never hides or blocks it.
CRISIS_PHRASES: tuple[str, ...] = (
    "kill myself",
    "killing myself",
    "end my life",
    "end it all",
    "take my own life",
    "want to die",
    "wanna die",
    "better off dead",
    "no reason to live",
    "suicide",
    "suicidal",
    "overdose on purpose",
    "hurt myself",
    "can't go on",
    "cannot go on",
    "can't keep going",
    "saying goodbye",
)


MAX_CRISIS_PHRASES = 200
MAX_CRISIS_PHRASE_CHARACTERS = 100


def validate_crisis_phrases(phrases: Iterable[str]) -> tuple[str, ...]:
    """An organization's own crisis phrases, replacing the default list: one to
    MAX_CRISIS_PHRASES of them, each two words' worth of plain text at most a line long, each
    once (as matching sees them: case and spacing do not count)."""
    listed = tuple(phrases)
    if not 1 <= len(listed) <= MAX_CRISIS_PHRASES:
        raise InvalidField("phrases", f"1 to {MAX_CRISIS_PHRASES} phrases.")
    seen: set[str] = set()
    for phrase in listed:
        _check_text("phrases", phrase, MAX_CRISIS_PHRASE_CHARACTERS, line_breaks=False)
        if len(phrase.strip()) < 2:
            raise InvalidField("phrases", "Each phrase is at least two characters long.")
        normalised = " ".join(_normalised(phrase).split())
        if normalised in seen:
            raise InvalidField("phrases", f"{phrase!r} is listed twice.")
        seen.add(normalised)
    return listed


def crisis_matches(text: str, phrases: Iterable[str]) -> list[str]:
    """The phrases the text contains, as whole words, in the list's order."""
    listed = tuple(phrases)
    normalised = _normalised(text)
    if not _any_of(listed).search(normalised):
        return []  # the usual case, without a pass of the pattern over the text
    return [p for p in listed if _pattern(p).search(normalised)]


class _AnyOf:
    """One search for any of the phrases, made once per list. Each phrase can only match
    where its longest word stands as plain text, so those words are looked for first (a
    substring test, far cheaper than the pattern, which tries every position of the text):
    a text holding none of them, most texts, never runs the pattern."""

    def __init__(self, phrases: tuple[str, ...]) -> None:
        split = [_normalised(p).split() for p in phrases]
        words = {max(w, key=len) for w in split if w}
        # A word holding another is found wherever that one is: only the shorter is looked for.
        self._words = tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))
        alternatives = sorted(
            (r"\s+".join(re.escape(w) for w in ws) for ws in split if ws), key=len, reverse=True
        )
        self._pattern = re.compile(r"(?<![\w'])(?:" + "|".join(alternatives) + r")(?![\w'])")

    def search(self, normalised: str) -> bool:
        """Whether the (normalised) text holds any of the phrases as whole words."""
        for word in self._words:
            if word in normalised:
                return self._pattern.search(normalised) is not None
        return False


@functools.lru_cache(maxsize=256)
def _any_of(phrases: tuple[str, ...]) -> _AnyOf:
    return _AnyOf(phrases)


class LanguageNote(msgspec.Struct, frozen=True, kw_only=True):
    """A stigmatising term found, and person-first words to consider instead."""

    term: str
    suggestion: str


# From person-first language guides (NIDA's "Words Matter", the Recovery Research Institute's
# addictionary): each entry, the words matched and the suggestion. Test results are matched in
# context ("tested clean"), since people in recovery call themselves clean with pride.
STIGMATISING_TERMS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("addict", "addicts"), "a person with a substance use disorder, or a person in recovery"),
    (("junkie", "junkies"), "a person who uses drugs"),
    (("substance abuser", "drug abuser", "abuser", "abusers"), "a person who uses substances"),
    (("drug abuse", "substance abuse"), "substance use, or a substance use disorder"),
    (("alcoholic", "alcoholics"), "a person with an alcohol use disorder"),
    (("crackhead", "crackheads"), "a person who uses drugs"),
    (
        ("tested clean", "clean test", "clean drug test", "clean urine", "clean screen"),
        "tested negative, or a negative test",
    ),
    (
        ("tested dirty", "dirty test", "dirty drug test", "dirty urine", "dirty screen"),
        "tested positive, or a positive test",
    ),
)


_ANY_STIGMATISING_TERM = _any_of(tuple(t for terms, _ in STIGMATISING_TERMS for t in terms))


def language_notes(text: str) -> list[LanguageNote]:
    """Each stigmatising term the text uses, once, in the order it first appears."""
    normalised = _normalised(text)
    if not _ANY_STIGMATISING_TERM.search(normalised):
        return []  # the usual case: every post of every page carries its notes
    found: list[tuple[int, LanguageNote]] = []
    for terms, suggestion in STIGMATISING_TERMS:
        for term in terms:
            match = _pattern(term).search(normalised)
            if match is not None:
                found.append((match.start(), LanguageNote(term=term, suggestion=suggestion)))
                break
    return [note for _, note in sorted(found, key=lambda item: item[0])]
