"""The rules of a network's conversation (issue #13): what a post may say, replies one level
deep, edits and tombstones, moderation's states, who sees what, advice by helpfulness, and the
crisis and language readings (which never block or change a word)."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime, timedelta
from uuid import UUID

import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.domain.conversation import (
    CRISIS_PHRASES,
    MAX_BODY_CHARACTERS,
    STIGMATISING_TERMS,
    HelpfulKey,
    ModerationAction,
    NewPost,
    Post,
    PostChange,
    PostConflict,
    PostKind,
    PostState,
    Reaction,
    Reader,
    ReportReason,
    Topic,
    check_helpful,
    crisis_matches,
    delete_post,
    edit_post,
    given_reactions,
    helpful_page,
    language_notes,
    moderate,
    report,
    sees,
    validate_crisis_phrases,
    write_post,
)
from service.domain.errors import InvalidField, Precondition, PreconditionRequired

NOW = datetime(2026, 11, 29, 12, tzinfo=UTC)
NETWORK, HOME, OTHER = UUID(int=1), UUID(int=2), UUID(int=3)


def _new(**fields: object) -> NewPost:
    base: dict[str, object] = {
        "network_id": NETWORK,
        "author_member_id": UUID(int=10),
        "kind": PostKind.SHARE,
        "body": "Ninety days today.",
    }
    base.update(fields)
    return NewPost(**base)  # type: ignore[arg-type]


def _post(parent: Post | None = None, post_id: int = 100, **fields: object) -> Post:
    return write_post(
        _new(**fields),
        post_id=UUID(int=post_id),
        organization_id=HOME,
        parent=parent,
        crisis_phrases=CRISIS_PHRASES,
        now=NOW,
    )


def _v(post: Post) -> Precondition:
    return Precondition.version(post.version)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"body": "   "}, "body"),
        ({"body": "x" * (MAX_BODY_CHARACTERS + 1)}, "body"),
        ({"body": "a\x00b"}, "body"),
        ({"body": "tab\there"}, "body"),
        ({"tags": (Topic.SLEEP, Topic.SLEEP)}, "tags"),
        ({"tags": tuple(Topic)[:6]}, "tags"),
        ({"content_note": "line\nbreak"}, "content_note"),
        ({"content_note": ""}, "content_note"),
    ],
)
def test_what_a_post_may_not_say_is_refused_by_name(fields: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidField) as refused:
        _post(None, 100, **fields)
    assert refused.value.field == field


def test_a_story_may_have_paragraphs_tags_and_a_content_note() -> None:
    post = _post(
        body="Day one was hard.\n\nDay ninety is here.",
        tags=(Topic.CRAVINGS, Topic.SLEEP),
        content_note="mentions withdrawal",
    )
    assert post.state is PostState.VISIBLE
    assert (post.version, post.tags) == (1, (Topic.CRAVINGS, Topic.SLEEP))
    assert not post.crisis_flagged


def test_replies_are_one_level_deep_in_the_same_network() -> None:
    post = _post()
    reply = _post(parent=post, post_id=101, parent_id=post.id, kind=PostKind.ADVICE)
    assert reply.is_reply
    assert reply.parent_id == post.id
    with pytest.raises(InvalidField, match="one level"):
        _post(parent=reply, post_id=102, parent_id=reply.id)
    elsewhere = _post(post_id=103, network_id=UUID(int=9))
    with pytest.raises(InvalidField, match="same network"):
        _post(parent=elsewhere, post_id=104, parent_id=elsewhere.id)
    with pytest.raises(InvalidField):
        _post(parent=None, post_id=105, parent_id=UUID(int=999))
    gone = delete_post(post, _v(post), NOW)
    with pytest.raises(PostConflict):
        _post(parent=gone, post_id=106, parent_id=gone.id)


def test_an_edit_keeps_what_was_said_and_needs_if_match() -> None:
    post = _post(tags=(Topic.WORK,))
    with pytest.raises(PreconditionRequired):
        edit_post(post, PostChange(body="New"), None, crisis_phrases=(), now=NOW)
    later = NOW + timedelta(minutes=5)
    edited, revision = edit_post(
        post, PostChange(body="Ninety-one days."), _v(post), crisis_phrases=(), now=later
    )
    assert (edited.body, edited.tags, edited.version) == ("Ninety-one days.", (Topic.WORK,), 2)
    assert (revision.body, revision.version, revision.replaced_at) == (post.body, 1, later)
    # An edit may raise the crisis flag, never lower it.
    worse, _ = edit_post(
        edited,
        PostChange(body="I want to die"),
        _v(edited),
        crisis_phrases=CRISIS_PHRASES,
        now=later,
    )
    better, _ = edit_post(
        worse, PostChange(body="Better now"), _v(worse), crisis_phrases=CRISIS_PHRASES, now=later
    )
    assert worse.crisis_flagged
    assert better.crisis_flagged


def test_a_deleted_post_is_a_tombstone() -> None:
    post = _post(body="Something personal", tags=(Topic.FAMILY,), content_note="family")
    gone = delete_post(post, _v(post), NOW)
    assert (gone.state, gone.body, gone.tags, gone.content_note) == (
        PostState.DELETED,
        "",
        (),
        None,
    )
    assert not gone.readable
    for act in (
        lambda: delete_post(gone, _v(gone), NOW),
        lambda: edit_post(gone, PostChange(body="x"), _v(gone), crisis_phrases=(), now=NOW),
        lambda: moderate(gone, ModerationAction.HIDE, "spam", NOW),
    ):
        with pytest.raises(PostConflict):
            act()


ACTIONS = st.sampled_from(["hide", "unhide", "dismiss", "edit", "delete"])


@given(st.lists(ACTIONS, max_size=12))
def test_moderation_states_follow_their_rules(actions: list[str]) -> None:
    post = _post()
    for action in actions:
        before = post
        try:
            if action == "hide":
                post = moderate(post, ModerationAction.HIDE, "Stigmatising words", NOW)
            elif action == "unhide":
                post = moderate(post, ModerationAction.UNHIDE, "Reviewed: fine", NOW)
            elif action == "dismiss":
                post = moderate(post, ModerationAction.DISMISS, "Reviewed: fine", NOW)
                assert post is before  # the reports close, the post stays as it is
                continue
            elif action == "edit":
                post, _ = edit_post(
                    post, PostChange(body="Edited"), _v(post), crisis_phrases=(), now=NOW
                )
            else:
                post = delete_post(post, _v(post), NOW)
        except PostConflict:
            assert post is before
            allowed = {
                "hide": before.state is PostState.VISIBLE,
                "unhide": before.state is PostState.HIDDEN,
                "dismiss": before.readable,
                "edit": before.readable,
                "delete": before.readable,
            }
            assert not allowed[action]
            continue
        assert post.version == before.version + 1
        assert before.state is not PostState.DELETED  # deleted is the end
        assert (post.hidden_reason is not None) == (post.state is PostState.HIDDEN)


def test_who_sees_a_post() -> None:
    post = _post()
    hidden = moderate(post, ModerationAction.HIDE, "Exposes someone", NOW)
    gone = delete_post(post, _v(post), NOW)
    home = Reader(organization_id=HOME)
    stranger = Reader(organization_id=OTHER)
    consented = Reader(organization_id=OTHER, consented=True)
    moderator = Reader(organization_id=OTHER, consented=True, moderates=True)
    unconsented_moderator = Reader(organization_id=OTHER, moderates=True)
    assert [sees(post, r) for r in (home, stranger, consented, moderator)] == [
        True,
        False,
        True,
        True,
    ]
    assert [sees(hidden, r) for r in (home, stranger, consented, moderator)] == [
        True,
        False,
        False,
        True,
    ]
    # Without the author's consent nothing shows, not even to a moderator, not even a tombstone.
    assert not sees(post, unconsented_moderator)
    assert [sees(gone, r) for r in (home, stranger, consented)] == [True, False, True]


def test_only_advice_is_marked_helpful() -> None:
    check_helpful(_post(kind=PostKind.ADVICE))
    with pytest.raises(InvalidField):
        check_helpful(_post(kind=PostKind.WIN))
    advice = _post(kind=PostKind.ADVICE)
    with pytest.raises(PostConflict):
        check_helpful(delete_post(advice, _v(advice), NOW))


@given(
    st.lists(
        st.tuples(st.sampled_from(list(PostKind)), st.integers(0, 5), st.integers(0, 3)),
        max_size=25,
    ),
    st.integers(1, 6),
)
def test_advice_by_helpfulness_pages_each_once_most_helpful_first(
    drafts: list[tuple[PostKind, int, int]], limit: int
) -> None:
    posts = {}
    for number, (kind, helpful, minutes) in enumerate(drafts):
        post = write_post(
            _new(kind=kind),
            post_id=UUID(int=1000 + number),
            organization_id=HOME,
            parent=None,
            crisis_phrases=(),
            now=NOW + timedelta(minutes=minutes),
        )
        posts[post.id] = (post, helpful)
    seen: list[tuple[Post, int]] = []
    after = None
    while True:
        page = helpful_page(posts, after, limit)
        seen += page
        if len(page) < limit:
            break
        after = HelpfulKey.of(*page[-1])
    advice = [p for p, _ in posts.values() if p.kind is PostKind.ADVICE]
    assert sorted(p.id for p, _ in seen) == sorted(p.id for p in advice)
    counts = [count for _, count in seen]
    assert counts == sorted(counts, reverse=True)


@pytest.mark.parametrize(
    "text",
    [
        "Some nights I want to die.",
        "I've thought about suicide again",
        "I CAN\u2019T GO ON like this",
        "Thinking   about ending it... I might kill myself",
        "everyone would be better off dead without me",
    ],
)
def test_crisis_phrases_are_found(text: str) -> None:
    assert crisis_matches(text, CRISIS_PHRASES)


@pytest.mark.parametrize(
    "text",
    [
        "I killed it at work today",
        "My skill myself? Cooking.",
        "I can go on now, thanks to you all",
        "Died laughing at the meeting",
    ],
)
def test_words_that_only_look_like_a_crisis_are_not(text: str) -> None:
    assert crisis_matches(text, CRISIS_PHRASES) == []


def test_an_organization_s_own_phrases_replace_the_list() -> None:
    mine = ("need a ride to detox",)
    assert crisis_matches("I need a ride to detox tonight", mine) == ["need a ride to detox"]
    assert crisis_matches("I want to die", mine) == []


def test_crisis_flags_a_post_and_changes_nothing_else() -> None:
    post = _post(body="I want to die tonight", kind=PostKind.STRUGGLE)
    assert post.crisis_flagged
    assert (post.state, post.body) == (PostState.VISIBLE, "I want to die tonight")


def test_language_notes_suggest_person_first_words_without_changing_any() -> None:
    text = "My brother the junkie called me an addict. Tested clean for the 3rd time!"
    notes = language_notes(text)
    assert [n.term for n in notes] == ["junkie", "addict", "tested clean"]
    assert notes[1].suggestion.startswith("a person with a substance use disorder")
    # People in recovery call themselves clean with pride; addiction is a disease's name.
    assert language_notes("60 days clean and living my addiction recovery") == []
    assert [n.term for n in language_notes("addicts, addicts, ADDICTS")] == ["addicts"]


@pytest.mark.parametrize(
    "phrases",
    [
        [],
        ["x"],
        ["  "],
        ["want to die", "Want  to die"],  # the same phrase as matching sees it
        ["a\tb"],
        ["y" * 101],
        [f"phrase {n}" for n in range(201)],
    ],
)
def test_an_organization_s_crisis_phrases_are_checked(phrases: list[str]) -> None:
    with pytest.raises(InvalidField) as refused:
        validate_crisis_phrases(phrases)
    assert refused.value.field == "phrases"


def test_an_organization_s_crisis_phrases_are_kept_as_given() -> None:
    mine = ["need a ride to detox", "Want to die"]
    assert validate_crisis_phrases(mine) == tuple(mine)


def test_a_report_is_of_a_post_that_still_has_its_words() -> None:
    post = _post(body="Take double tonight")
    made = report(
        post,
        ReportReason.UNSAFE_ADVICE,
        "dosing",
        report_id=UUID(int=7),
        organization_id=UUID(int=8),
        now=NOW,
    )
    assert (made.post_id, made.network_id, made.reason, made.note, made.resolved_at) == (
        post.id,
        post.network_id,
        ReportReason.UNSAFE_ADVICE,
        "dosing",
        None,
    )
    with pytest.raises(InvalidField):
        report(
            post,
            ReportReason.SPAM,
            "a\x00b",
            report_id=UUID(int=9),
            organization_id=UUID(int=8),
            now=NOW,
        )
    gone = delete_post(post, _v(post), NOW)
    with pytest.raises(PostConflict):
        report(
            gone,
            ReportReason.SPAM,
            None,
            report_id=UUID(int=9),
            organization_id=UUID(int=8),
            now=NOW,
        )


@given(st.datetimes(timezones=st.just(UTC)), st.integers(0, 10**6))
def test_the_helpful_key_keeps_the_instant_exactly(instant: datetime, helpful: int) -> None:
    post = msgspec.structs.replace(_post(), created_at=instant)
    key = HelpfulKey.of(post, helpful)
    assert (key.helpful, key.created_at) == (helpful, instant)


_WORDS = st.sampled_from(
    [
        "I",
        "want",
        "to",
        "die",
        "can't",
        "go",
        "on",
        "addict",
        "addicts",
        "tested",
        "clean",
        "junkie",
        "end",
        "it",
        "all",
        "suicidal",
        "today",
        "walk",
        ",",
        ".",
    ]
)


def _says(text: str, phrase: str) -> bool:
    """The reference: the phrase's words, as whole words, one pattern per phrase (the words
    below are ASCII, so lower case is all the normalising there is)."""
    words = r"\s+".join(re.escape(w) for w in phrase.lower().split())
    return re.search(r"(?<![\w'])" + words + r"(?![\w'])", text.lower()) is not None


@given(st.lists(_WORDS, max_size=12).map(" ".join))
def test_the_one_pass_search_finds_what_each_phrase_finds(text: str) -> None:
    slow = [p for p in CRISIS_PHRASES if _says(text, p)]
    assert crisis_matches(text, CRISIS_PHRASES) == slow
    # Each list of terms that matches on its own is noted once.
    expected = [s for terms, s in STIGMATISING_TERMS if any(_says(text, t) for t in terms)]
    assert sorted(n.suggestion for n in language_notes(text)) == sorted(expected)


@given(st.text(max_size=40), st.booleans())
def test_control_characters_are_those_unicode_names(text: str, line_breaks: bool) -> None:
    # The one search for control characters refuses exactly what Unicode calls Cc.
    allowed = {"\n"} if line_breaks else set()
    expected = any(unicodedata.category(c) == "Cc" and c not in allowed for c in text)
    field = "body" if line_breaks else "content_note"  # a body may have paragraphs
    if expected:
        with pytest.raises(InvalidField) as refused:
            _post(None, 100, **{field: f"x{text}"})  # never empty once stripped
        assert refused.value.field == field
    else:
        assert _post(None, 100, **{field: f"x{text}"}).id == UUID(int=100)


@given(st.dictionaries(st.sampled_from(list(Reaction)), st.integers(min_value=0, max_value=9)))
def test_the_reactions_given_are_those_counted_above_zero_in_name_order(
    counted: dict[Reaction, int],
) -> None:
    given_ = given_reactions(counted)
    assert given_ == {k: n for k, n in counted.items() if n > 0}
    assert list(given_) == sorted(given_)


def test_advice_ties_go_greatest_id_first_as_the_sql_orders_them() -> None:
    older_id = msgspec.structs.replace(_post(kind=PostKind.ADVICE), id=UUID(int=5))
    newer_id = msgspec.structs.replace(older_id, id=UUID(int=9))
    page = helpful_page({p.id: (p, 2) for p in (older_id, newer_id)}, None, 10)
    assert [p.id for p, _ in page] == [UUID(int=9), UUID(int=5)]
    assert HelpfulKey.of(newer_id, 2).id == UUID(int=9)
