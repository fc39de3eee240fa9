"""A network's conversation (issue #13): posts and replies, encouragement, helpful marks,
reports and moderation, and the organization's own crisis phrases."""

from __future__ import annotations

import base64
import binascii
import struct
from datetime import UTC, datetime
from typing import Annotated
from uuid import UUID

import msgspec
from litestar import Response, delete, get, patch, post, put
from litestar.params import JSONBody, PathParameter, QueryParameter
from msgspec import Meta

from service.adapters.http.idempotency import (
    Created,
    IdempotencyKey,
    IfMatch,
    create_idempotently,
    etag,
    expected_version,
)
from service.adapters.http.operations import ApiController, HttpRequest, acting, operation
from service.adapters.http.paging import PAGING, Limit, Paging, not_a_cursor
from service.adapters.http.schemas import PRINTABLE, encode_cursor
from service.domain import conversation as rules
from service.domain.conversation import (
    MAX_BODY_CHARACTERS,
    MAX_CONTENT_NOTE_CHARACTERS,
    MAX_CRISIS_PHRASE_CHARACTERS,
    MAX_CRISIS_PHRASES,
    MAX_REASON_CHARACTERS,
    MAX_TAGS,
    ModerationAction,
    PostKind,
    PostState,
    Reaction,
    ReportReason,
    Topic,
)
from service.domain.organizations import Scope
from service.domain.paging import DEFAULT_PAGE_SIZE, Page, PageRequest
from service.usecases import conversation as usecases

Phrase = Annotated[
    str, Meta(min_length=2, max_length=MAX_CRISIS_PHRASE_CHARACTERS, pattern=PRINTABLE)
]


class CrisisPhrasesUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """The organization's own crisis phrases. They replace the default list (each phrase
    once, as matching sees it: case and spacing do not count)."""

    phrases: Annotated[list[Phrase], Meta(min_length=1, max_length=MAX_CRISIS_PHRASES)]


class CrisisPhrasesView(msgspec.Struct, kw_only=True):
    """The phrases that flag a post or reply by one of the organization's members
    (`post.crisis_flagged`, to the organization, so that a person can reach out at once).
    A flag never hides or blocks what someone wrote. Matching takes whole words, and ignores
    case, curly apostrophes and runs of spaces."""

    phrases: list[str]
    default: bool

    @classmethod
    def of(cls, found: usecases.CrisisPhrases) -> CrisisPhrasesView:
        return cls(phrases=list(found.phrases), default=found.default)


class CrisisPhraseController(ApiController):
    path = "/v1/crisis-phrases"
    tags = ["conversation"]

    @operation(get, "getCrisisPhrases", Scope.NETWORKS_READ)
    async def get_phrases(self, request: HttpRequest) -> CrisisPhrasesView:
        """The crisis phrases that flag the organization's members' posts

        The organization's own list, or the documented default list (`default: true`) while
        it has not set one.
        """
        act = acting(request)
        return CrisisPhrasesView.of(await usecases.crisis_phrases(act.organization_id, act.uow()))

    @operation(put, "replaceCrisisPhrases", Scope.NETWORKS_WRITE, errors=(413, 422))
    async def replace_phrases(
        self, request: HttpRequest, data: JSONBody[CrisisPhrasesUpdate]
    ) -> CrisisPhrasesView:
        """Replace the organization's crisis phrases

        The list replaces the default one rather than adding to it: include the default
        phrases you want to keep. It applies to posts written from now on.
        """
        act = acting(request)
        found = await usecases.replace_crisis_phrases(
            act.organization_id, tuple(data.phrases), act.uow()
        )
        return CrisisPhrasesView.of(found)

    @operation(delete, "restoreDefaultCrisisPhrases", Scope.NETWORKS_WRITE, status_code=200)
    async def restore_default(self, request: HttpRequest) -> CrisisPhrasesView:
        """Go back to the default crisis phrases

        The organization's own list is dropped; the documented default list applies to posts
        written from now on. Doing it twice changes nothing.
        """
        act = acting(request)
        return CrisisPhrasesView.of(
            await usecases.replace_crisis_phrases(act.organization_id, None, act.uow())
        )


# A body keeps its paragraphs: line breaks are its only control characters.
BODY_TEXT = r"^[^\x00-\x09\x0b-\x1f\x7f]*$"
Body = Annotated[str, Meta(min_length=1, max_length=MAX_BODY_CHARACTERS, pattern=BODY_TEXT)]
ContentNote = Annotated[
    str, Meta(min_length=1, max_length=MAX_CONTENT_NOTE_CHARACTERS, pattern=PRINTABLE)
]
Reason = Annotated[str, Meta(min_length=1, max_length=MAX_REASON_CHARACTERS, pattern=PRINTABLE)]
Tags = Annotated[list[Topic], Meta(max_length=MAX_TAGS)]

PostId = Annotated[UUID, PathParameter(description="The post's (or reply's) id.")]
NetworkId = Annotated[UUID, PathParameter(description="The network's id.")]
MemberId = Annotated[UUID, PathParameter(description="The member's id.")]
ReactionName = Annotated[Reaction, PathParameter(description="The kind of encouragement.")]


class PostCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A post in the network, written for one of the caller's members who takes an active
    part in it."""

    author_member_id: UUID
    kind: PostKind
    body: Body
    tags: Tags = msgspec.field(default_factory=list)
    content_note: ContentNote | None = None


class ReplyCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A reply to a post (one level deep), written for one of the caller's members who takes
    an active part in the post's network."""

    author_member_id: UUID
    body: Body
    kind: PostKind = PostKind.SHARE
    tags: Tags = msgspec.field(default_factory=list)
    content_note: ContentNote | None = None


class PostUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """The fields given replace the post's; `content_note: null` removes the note. What the
    post said before is kept for the moderators."""

    body: Body | msgspec.UnsetType = msgspec.UNSET
    tags: Tags | msgspec.UnsetType = msgspec.UNSET
    content_note: ContentNote | msgspec.UnsetType | None = msgspec.UNSET

    def to_domain(self) -> rules.PostChange:
        return rules.PostChange(
            body=None if isinstance(self.body, msgspec.UnsetType) else self.body,
            tags=None if isinstance(self.tags, msgspec.UnsetType) else tuple(self.tags),
            content_note=self.content_note,
        )


class ReportCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Why the post should be looked at by the network's moderators."""

    reason: ReportReason
    note: Reason | None = None


class ModerationCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A moderator's action on a post, with the reason the moderation log keeps."""

    action: ModerationAction
    reason: Reason


class PostCountsView(msgspec.Struct, kw_only=True):
    """What a post gathered: the replies this reader sees, helpful marks, and each kind of
    encouragement (kinds nobody gave are left out)."""

    replies: int
    helpful: int
    reactions: dict[Reaction, int]

    @classmethod
    def of(cls, counts: rules.PostCounts) -> PostCountsView:
        # The kinds given are kept in the order of their names (rules.given_reactions), and a
        # Reaction is its own name (a StrEnum): the counts go out as they are.
        return cls(replies=counts.replies, helpful=counts.helpful, reactions=counts.reactions)


class LanguageNoteView(msgspec.Struct, kw_only=True):
    """A stigmatising term the text uses, and person-first words to consider instead. A
    suggestion only: nothing is blocked or rewritten."""

    term: str
    suggestion: str


class PostView(msgspec.Struct, kw_only=True):
    """A post or reply as the caller sees it. A deleted one is a tombstone (`state:
    deleted`), an erased author's a placeholder (`state: erased`): both keep their place in
    the thread, with no words and no name."""

    id: UUID
    network_id: UUID
    parent_id: UUID | None
    organization_id: UUID
    author_member_id: UUID | None
    author_display_name: str | None
    kind: PostKind
    state: PostState
    body: str | None
    tags: list[Topic]
    content_note: str | None
    hidden_reason: str | None
    crisis_flagged: bool | None
    counts: PostCountsView
    language_notes: list[LanguageNoteView]
    version: int
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(
        cls,
        post: rules.Post,
        author_display_name: str | None,
        counts: rules.PostCounts,
        viewer: UUID,
    ) -> PostView:
        home = post.organization_id == viewer
        readable = post.readable
        notes = rules.language_notes(post.words) if readable else []
        return cls(
            id=post.id,
            network_id=post.network_id,
            parent_id=post.parent_id,
            organization_id=post.organization_id,
            author_member_id=None if post.state is PostState.ERASED else post.author_member_id,
            author_display_name=author_display_name if readable else None,
            kind=post.kind,
            state=post.state,
            body=post.body if readable else None,
            tags=list(post.tags),
            content_note=post.content_note if readable else None,
            hidden_reason=post.hidden_reason,
            # The flag is for the author's home organization, which can reach out.
            crisis_flagged=post.crisis_flagged if home else None,
            counts=PostCountsView.of(counts),
            language_notes=[LanguageNoteView(term=n.term, suggestion=n.suggestion) for n in notes],
            version=post.version,
            created_at=post.created_at,
            updated_at=post.updated_at,
        )

    @classmethod
    def shown(cls, item: rules.ShownPost, viewer: UUID) -> PostView:
        return cls.of(item.post, item.author_display_name, item.counts, viewer)


class PostList(msgspec.Struct, kw_only=True):
    data: list[PostView]
    next_cursor: str | None


class ThreadView(msgspec.Struct, kw_only=True):
    """A post with the first page of its replies (oldest first); `next_replies_cursor` pages
    on through GET /v1/posts/{post_id}/replies."""

    post: PostView
    replies: list[PostView]
    next_replies_cursor: str | None


class ReportView(msgspec.Struct, kw_only=True):
    id: UUID
    post_id: UUID
    reason: ReportReason
    note: str | None
    created_at: datetime


class QueuedPostView(msgspec.Struct, kw_only=True):
    """A post or reply waiting for a moderator, with its open reports counted by reason."""

    post: PostView
    open_reports: dict[str, int]


class ModerationQueue(msgspec.Struct, kw_only=True):
    data: list[QueuedPostView]
    next_cursor: str | None


class ModerationEntryView(msgspec.Struct, kw_only=True):
    id: UUID
    post_id: UUID
    organization_id: UUID
    action: ModerationAction
    reason: str
    at: datetime


class ModerationLog(msgspec.Struct, kw_only=True):
    data: list[ModerationEntryView]
    next_cursor: str | None


class RevisionView(msgspec.Struct, kw_only=True):
    version: int
    body: str
    tags: list[Topic]
    content_note: str | None
    replaced_at: datetime


class RevisionList(msgspec.Struct, kw_only=True):
    """What a post said before each edit, newest first (the latest 100)."""

    post_id: UUID
    data: list[RevisionView]


# The advice list's cursor: the last item's helpful count, creation instant and id, so that
# the next page continues in the same total order.
_ADVICE_CURSOR = struct.Struct(">iq16s")
ADVICE_CURSOR_LENGTH = 38

AdviceCursor = Annotated[
    str | None,
    QueryParameter(
        required=False,
        min_length=ADVICE_CURSOR_LENGTH,
        max_length=ADVICE_CURSOR_LENGTH,
        pattern=rf"^[A-Za-z0-9_\-]{{{ADVICE_CURSOR_LENGTH}}}$",
        description="`next_cursor` of the previous page.",
    ),
]


_FIRST_MICROS = rules.epoch_microseconds(datetime(1, 1, 2, tzinfo=UTC))
_LAST_MICROS = rules.epoch_microseconds(datetime(9999, 12, 30, tzinfo=UTC))


def encode_advice_cursor(key: rules.HelpfulKey | None) -> str | None:
    if key is None:
        return None
    raw = _ADVICE_CURSOR.pack(key.helpful, -key.minus_created, key.id.bytes)
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def decode_advice_cursor(cursor: str) -> rules.HelpfulKey:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        helpful, micros, id_bytes = _ADVICE_CURSOR.unpack(raw)
    except (binascii.Error, ValueError, struct.error):
        raise not_a_cursor() from None
    # Any cursor of the right shape is a place in the order; one beyond the instants a
    # database holds stands at the nearest it does.
    within = min(max(micros, _FIRST_MICROS), _LAST_MICROS)
    return rules.HelpfulKey(-helpful, -within, -UUID(bytes=id_bytes).int)


class AdviceList(msgspec.Struct, kw_only=True):
    """A network's advice, most marked helpful first, then newest."""

    data: list[PostView]
    next_cursor: str | None


def _post_list(page: Page[rules.ShownPost], viewer: UUID) -> PostList:
    return PostList(
        data=[PostView.shown(item, viewer) for item in page.items],
        next_cursor=encode_cursor(page.next_after),
    )


def _with_etag(view: PostView) -> Response[PostView]:
    return Response(view, headers={"ETag": etag(view.version)})


class NetworkConversationController(ApiController):
    path = "/v1/networks/{network_id:uuid}"
    tags = ["conversation"]
    dependencies = PAGING

    @operation(
        post,
        "createPost",
        Scope.NETWORKS_WRITE,
        errors=(409, 413, 422),
        path="/posts",
        etag=True,
        created=True,
    )
    async def create_post(
        self,
        request: HttpRequest,
        network_id: NetworkId,
        data: JSONBody[PostCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> Response[PostView]:
        """Write a post in a network's conversation

        For one of the caller's members with an active membership in the network. Another
        organization sees it only under a consent from the member covering `conversation`.
        A body matching one of the caller's crisis phrases is flagged (`crisis_flagged`,
        `post.crisis_flagged` to the caller at once); `language_notes` suggests person-first
        words for stigmatising terms. Neither ever blocks or changes what was written.
        """
        return await _write(request, idempotency_key, data, network_id=network_id)

    @operation(get, "listPosts", Scope.NETWORKS_READ, path="/posts")
    async def list_posts(
        self,
        request: HttpRequest,
        network_id: NetworkId,
        page: Paging,
        kind: Annotated[
            PostKind | None, QueryParameter(required=False, description="Only this kind.")
        ] = None,
        tag: Annotated[
            Topic | None, QueryParameter(required=False, description="Only posts with this tag.")
        ] = None,
        since: Annotated[
            datetime | None,
            QueryParameter(required=False, description="Only posts written at or after this."),
        ] = None,
    ) -> PostList:
        """A network's posts, newest first

        The posts (not replies) the caller sees: its own members', and another
        organization's member's under a consent in force from them covering
        `conversation` (each such member recorded once per page as a disclosure). A hidden
        post shows only to its author's organization and the moderators. Counts are kept
        as marks come; `replies` counts the replies the caller sees.
        """
        act = acting(request)
        filters = rules.PostFilters(kind=kind, tag=tag, since=since)
        found = await usecases.network_posts(
            act.viewing(), network_id, filters, page, act.services.conversation
        )
        return _post_list(found, act.organization_id)

    @operation(get, "listAdvice", Scope.NETWORKS_READ, path="/advice")
    async def list_advice(
        self,
        request: HttpRequest,
        network_id: NetworkId,
        limit: Limit = DEFAULT_PAGE_SIZE,
        cursor: AdviceCursor = None,
    ) -> AdviceList:
        """A network's advice, most helpful first

        Posts and replies of kind `advice` the caller sees, by the number of helpful marks,
        then newest first (a total order: a cursor never skips or repeats one while the
        marks stay as they are). Read like the posts: under the same consent rule, accounted.
        """
        act = acting(request)
        after = None if cursor is None else decode_advice_cursor(cursor)
        found = await usecases.advice(
            act.viewing(), network_id, after, limit, act.services.conversation
        )
        viewer = act.organization_id
        return AdviceList(
            data=[PostView.shown(item, viewer) for item in found.items],
            next_cursor=encode_advice_cursor(found.next_after),
        )

    @operation(get, "getModerationQueue", Scope.NETWORKS_READ, path="/moderation-queue")
    async def moderation_queue(
        self, request: HttpRequest, network_id: NetworkId, page: Paging
    ) -> ModerationQueue:
        """The posts and replies waiting for a moderator

        For the network's moderators (its creator, or an organization with a member in the
        `coordinator` role): posts and replies with open reports, newest first, with the
        open reports counted by reason. A moderator sees a post here under the same consent
        rule as anywhere else. A report stays open until a moderator acts on its post.
        """
        act = acting(request)
        found = await usecases.moderation_queue(
            act.viewing(), network_id, page, act.services.conversation
        )
        viewer = act.organization_id
        return ModerationQueue(
            data=[
                QueuedPostView(
                    post=PostView.shown(item, viewer),
                    open_reports={r.value: n for r, n in sorted(item.open_reports.items())},
                )
                for item in found.items
            ],
            next_cursor=encode_cursor(found.next_after),
        )

    @operation(get, "getModerationLog", Scope.NETWORKS_READ, path="/moderation-log")
    async def moderation_log(
        self, request: HttpRequest, network_id: NetworkId, page: Paging
    ) -> ModerationLog:
        """What the network's moderators did, newest first

        For the network's moderators: each hide, unhide and dismissal with its reason, the
        post it was about and the organization that acted, for the posts the caller sees
        now (an entry names its post, and its reason may quote it: the same consent rule,
        accounted like a page of posts). No words of any post.
        """
        act = acting(request)
        found = await usecases.moderation_log(
            act.viewing(), network_id, page, act.services.conversation
        )
        return ModerationLog(
            data=[
                ModerationEntryView(
                    id=e.id,
                    post_id=e.post_id,
                    organization_id=e.organization_id,
                    action=e.action,
                    reason=e.reason,
                    at=e.at,
                )
                for e in found.items
            ],
            next_cursor=encode_cursor(found.next_after),
        )


class PostController(ApiController):
    path = "/v1/posts/{post_id:uuid}"
    tags = ["conversation"]
    dependencies = PAGING

    @operation(get, "getPost", Scope.NETWORKS_READ, etag=True)
    async def get_post(self, request: HttpRequest, post_id: PostId) -> Response[ThreadView]:
        """A post with its first replies

        The post or reply if the caller sees it (the same rule as the network's page; 404
        otherwise, whether it does not exist or may not be seen), with the first page of
        its replies the caller sees, oldest first. Both reads are accounted.
        """
        act = acting(request)
        viewing = act.viewing()
        queries = act.services.conversation
        shown = await usecases.get_post(viewing, post_id, queries)
        replies = await usecases.replies(
            viewing, post_id, PageRequest(limit=DEFAULT_PAGE_SIZE), queries
        )
        viewer = act.organization_id
        thread = ThreadView(
            post=PostView.shown(shown, viewer),
            replies=[PostView.shown(item, viewer) for item in replies.items],
            next_replies_cursor=encode_cursor(replies.next_after),
        )
        return Response(thread, headers={"ETag": etag(shown.post.version)})

    @operation(get, "listReplies", Scope.NETWORKS_READ, path="/replies")
    async def list_replies(self, request: HttpRequest, post_id: PostId, page: Paging) -> PostList:
        """A post's replies, oldest first

        The replies the caller sees, under the same rule as the posts.
        """
        act = acting(request)
        found = await usecases.replies(act.viewing(), post_id, page, act.services.conversation)
        return _post_list(found, act.organization_id)

    @operation(
        post,
        "replyToPost",
        Scope.NETWORKS_WRITE,
        errors=(409, 413, 422),
        path="/replies",
        etag=True,
        created=True,
    )
    async def reply(
        self,
        request: HttpRequest,
        post_id: PostId,
        data: JSONBody[ReplyCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> Response[PostView]:
        """Reply to a post

        To a post (not a reply: one level deep) the caller sees, for one of its members
        taking an active part in the network. The same rules as a post: crisis phrases,
        language notes. A reply to another organization's member's post is accounted as a
        disclosure of that post. `post.replied` goes out.
        """
        return await _write(request, idempotency_key, data, parent_id=post_id)

    @operation(
        patch, "updatePost", Scope.NETWORKS_WRITE, errors=(409, 412, 413, 422, 428), etag=True
    )
    async def update_post(
        self,
        request: HttpRequest,
        post_id: PostId,
        data: JSONBody[PostUpdate],
        if_match: IfMatch = None,
    ) -> Response[PostView]:
        """Edit a post or reply (the author's organization)

        `If-Match` is required: repliers and moderators read it too. What it said before is
        kept in its history for the moderators. An edit can raise the crisis flag, never
        lower it.
        """
        act = acting(request)
        command = usecases.EditPost(
            viewing=act.viewing(),
            post_id=post_id,
            change=data.to_domain(),
            expected=expected_version(if_match),
        )
        edited = await usecases.edit_post(command, act.uow())
        return _with_etag(PostView.shown(edited, act.organization_id))

    @operation(
        delete,
        "deletePost",
        Scope.NETWORKS_WRITE,
        errors=(409, 412, 428),
        etag=True,
        status_code=200,
    )
    async def delete_post(
        self, request: HttpRequest, post_id: PostId, if_match: IfMatch = None
    ) -> Response[PostView]:
        """Delete a post or reply (the author's organization), leaving a tombstone

        `If-Match` is required. Its words go; a tombstone keeps its place, so the thread
        stays readable. Its replies stay.
        """
        act = acting(request)
        deleted = await usecases.delete_post(
            act.viewing(), post_id, expected_version(if_match), act.uow()
        )
        return _with_etag(PostView.shown(deleted, act.organization_id))

    @operation(
        put,
        "addReaction",
        Scope.NETWORKS_WRITE,
        errors=(409, 422),
        path="/reactions/{reaction:str}/members/{member_id:uuid}",
    )
    async def add_reaction(
        self, request: HttpRequest, post_id: PostId, reaction: ReactionName, member_id: MemberId
    ) -> PostCountsView:
        """Encourage: one of the caller's members reacts to a post

        One reaction of each kind per member per post: doing it again changes nothing.
        Counted on the post, not announced. The member takes an active part in the network.
        """
        return await _mark(request, post_id, member_id, reaction, give=True)

    @operation(
        delete,
        "removeReaction",
        Scope.NETWORKS_WRITE,
        errors=(422,),
        path="/reactions/{reaction:str}/members/{member_id:uuid}",
        status_code=200,
    )
    async def remove_reaction(
        self, request: HttpRequest, post_id: PostId, reaction: ReactionName, member_id: MemberId
    ) -> PostCountsView:
        """Take a reaction back

        Taking back one that was not given changes nothing.
        """
        return await _mark(request, post_id, member_id, reaction, give=False)

    @operation(
        put,
        "markHelpful",
        Scope.NETWORKS_WRITE,
        errors=(409, 422),
        path="/helpful-marks/{member_id:uuid}",
    )
    async def mark_helpful(
        self, request: HttpRequest, post_id: PostId, member_id: MemberId
    ) -> PostCountsView:
        """Mark advice helpful, for one of the caller's members

        Only a post or reply of kind `advice`; once per member. It moves the advice up the
        network's list by helpfulness.
        """
        return await _mark(request, post_id, member_id, None, give=True)

    @operation(
        delete,
        "unmarkHelpful",
        Scope.NETWORKS_WRITE,
        errors=(422,),
        path="/helpful-marks/{member_id:uuid}",
        status_code=200,
    )
    async def unmark_helpful(
        self, request: HttpRequest, post_id: PostId, member_id: MemberId
    ) -> PostCountsView:
        """Take a helpful mark back

        Taking back one that was not given changes nothing.
        """
        return await _mark(request, post_id, member_id, None, give=False)

    @operation(post, "reportPost", Scope.NETWORKS_WRITE, errors=(409, 413, 422), path="/reports")
    async def report(
        self,
        request: HttpRequest,
        post_id: PostId,
        data: JSONBody[ReportCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> Response[ReportView]:
        """Report a post or reply to the network's moderators

        Any organization taking part that sees it. The report waits in the moderation queue
        until a moderator acts on the post; `post.reported` goes out under the post's
        consent rule.
        """
        act = acting(request)
        command = usecases.ReportPost(
            viewing=act.viewing(), post_id=post_id, reason=data.reason, note=data.note
        )
        return await create_idempotently(
            request,
            idempotency_key,
            create=lambda uow, receipt: usecases.report_post(command, uow, receipt=receipt),
            present=lambda made: Created.of(
                ReportView(
                    id=made.id,
                    post_id=made.post_id,
                    reason=made.reason,
                    note=made.note,
                    created_at=made.created_at,
                )
            ),
        )

    @operation(
        post,
        "moderatePost",
        Scope.NETWORKS_WRITE,
        errors=(409, 413, 422),
        path="/moderation",
        etag=True,
        status_code=200,
    )
    async def moderate(
        self, request: HttpRequest, post_id: PostId, data: JSONBody[ModerationCreate]
    ) -> Response[PostView]:
        """Hide, unhide, or dismiss the reports on a post (the network's moderators)

        A hidden post shows only to its author's organization and the moderators. Every
        action closes the post's open reports and is kept, with its reason, in the
        moderation log; hiding and unhiding announce `post.hidden` (with `action`).
        """
        act = acting(request)
        command = usecases.ModeratePost(
            viewing=act.viewing(), post_id=post_id, action=data.action, reason=data.reason
        )
        moderated = await usecases.moderate_post(command, act.uow())
        return _with_etag(PostView.shown(moderated, act.organization_id))

    @operation(get, "listPostRevisions", Scope.NETWORKS_READ, path="/revisions")
    async def revisions(self, request: HttpRequest, post_id: PostId) -> RevisionList:
        """What a post said before each edit

        For the author's organization and the network's moderators who see the post.
        """
        act = acting(request)
        _, found = await usecases.revisions(act.viewing(), post_id, act.services.conversation)
        return RevisionList(
            post_id=post_id,
            data=[
                RevisionView(
                    version=r.version,
                    body=r.body,
                    tags=list(r.tags),
                    content_note=r.content_note,
                    replaced_at=r.replaced_at,
                )
                for r in found
            ],
        )


_WRITE_ATTEMPTS = 3


async def _write(
    request: HttpRequest,
    idempotency_key: str | None,
    data: PostCreate | ReplyCreate,
    *,
    network_id: UUID | None = None,
    parent_id: UUID | None = None,
) -> Response[PostView]:
    """A post in a network, or a reply to a post: 201 with its ETag and Location."""
    act = acting(request)
    viewer = act.organization_id
    queries = act.services.conversation
    command = usecases.WritePost(
        viewing=act.viewing(),
        network_id=network_id,
        parent_id=parent_id,
        author_member_id=data.author_member_id,
        kind=data.kind,
        body=data.body,
        tags=tuple(data.tags),
        content_note=data.content_note,
    )
    attempt = 1
    while True:
        try:
            return await create_idempotently(
                request,
                idempotency_key,
                create=lambda uow, receipt: usecases.write_post(
                    command, uow, queries, receipt=receipt
                ),
                present=lambda made: Created.of(
                    PostView.shown(made, viewer),
                    version=made.post.version,
                    location=f"/v1/posts/{made.post.id}",
                    resource_id=made.post.id,
                ),
            )
        except rules.CrisisPhrasesChanged:
            # Flagged with a list replaced meanwhile: nothing was stored, and the next
            # attempt reads the list anew. Only replacements in a row exhaust the attempts.
            if attempt == _WRITE_ATTEMPTS:
                raise
            attempt += 1


async def _mark(
    request: HttpRequest,
    post_id: UUID,
    member_id: UUID,
    reaction: Reaction | None,
    *,
    give: bool,
) -> PostCountsView:
    act = acting(request)
    command = usecases.Mark(
        viewing=act.viewing(), post_id=post_id, member_id=member_id, reaction=reaction
    )
    return PostCountsView.of(await usecases.mark(command, act.uow(), give=give))


class MemberPostsController(ApiController):
    path = "/v1/members/{member_id:uuid}/posts"
    tags = ["conversation"]
    dependencies = PAGING

    @operation(get, "listMemberPosts", Scope.NETWORKS_READ, errors=(410,))
    async def list_member_posts(
        self, request: HttpRequest, member_id: MemberId, page: Paging
    ) -> PostList:
        """A member's own posts and replies, newest first (the home organization)

        Across the networks the member wrote in, hidden ones included.
        """
        act = acting(request)
        found = await usecases.member_posts(
            act.viewing(), member_id, page, act.services.members, act.services.conversation
        )
        return _post_list(found, act.organization_id)
