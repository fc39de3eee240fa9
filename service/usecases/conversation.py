"""Use cases of a network's conversation (issue #13): posts and replies, encouragement,
helpful marks, reports and moderation, the reads of all of these under the one consent rule,
and an organization's own crisis phrases, which flag its members' posts for someone to reach
out."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from uuid import UUID

import msgspec

from service.domain import conversation as rules
from service.domain.accounting import Viewing
from service.domain.consent import DataScope
from service.domain.errors import InvalidField, NotFound, Precondition, found
from service.domain.event_payloads import post_event
from service.domain.events import EventType
from service.domain.members import Member
from service.domain.networks import NotAllowed
from service.domain.paging import Page, PageRequest, page_from_rows
from service.domain.ports import (
    ConversationQueries,
    MemberQueries,
    Receipt,
    UnitOfWork,
    no_receipt,
)
from service.usecases.members import get_member


class CrisisPhrases(msgspec.Struct, frozen=True, kw_only=True):
    """The phrases that flag a post of the organization's members, and whether they are the
    documented default list."""

    phrases: tuple[str, ...]
    default: bool


async def crisis_phrases(organization_id: UUID, uow: UnitOfWork) -> CrisisPhrases:
    """The organization's crisis phrases: its own, or the default list."""
    async with uow:
        listed = await uow.conversation.crisis_phrases(organization_id)
    return CrisisPhrases(phrases=listed.in_force, default=listed.phrases is None)


async def replace_crisis_phrases(
    organization_id: UUID, phrases: tuple[str, ...] | None, uow: UnitOfWork
) -> CrisisPhrases:
    """Replace the organization's crisis phrases with its own (None: the default list again).
    They replace the default list, not add to it: an organization that wants both lists both."""
    checked = None if phrases is None else rules.validate_crisis_phrases(phrases)
    async with uow:
        await uow.conversation.set_crisis_phrases(organization_id, checked, uow.clock.now())
        await uow.commit()
    if checked is None:
        return CrisisPhrases(phrases=rules.CRISIS_PHRASES, default=True)
    return CrisisPhrases(phrases=checked, default=False)


_CONVERSATION = frozenset({DataScope.CONVERSATION})


class WritePost(msgspec.Struct, frozen=True, kw_only=True):
    """A post in a network, or (with `parent_id`) a reply to a post, written by the caller
    for one of its members."""

    viewing: Viewing
    network_id: UUID | None  # None for a reply: the network is the post's
    author_member_id: UUID
    kind: rules.PostKind
    body: str
    tags: tuple[rules.Topic, ...] = ()
    content_note: str | None = None
    parent_id: UUID | None = None


class SeenForWrite(msgspec.Struct, frozen=True, kw_only=True):
    post: rules.Post
    standing: rules.Standing
    reader: rules.Reader
    home: bool
    consent_ids: tuple[UUID, ...]


async def _reader(
    uow: UnitOfWork, viewing: Viewing, post: rules.Post, standing: rules.Standing
) -> tuple[rules.Reader, tuple[UUID, ...]]:
    """The caller as a reader of `post`, and the consents in force that let it see the post."""
    organization_id = viewing.organization_id
    consent_ids: tuple[UUID, ...] = ()
    if post.organization_id != organization_id and standing.takes_part:
        in_force = await uow.consents.in_force(post.author_member_id, organization_id, viewing.now)
        consent_ids = tuple(sorted(cid for cid, scopes in in_force if scopes & _CONVERSATION))
    reader = rules.Reader(
        organization_id=organization_id,
        moderates=standing.moderates,
        consented=standing.takes_part and bool(consent_ids),
    )
    return reader, consent_ids


async def _seen_for_write(uow: UnitOfWork, viewing: Viewing, post_id: UUID) -> SeenForWrite:
    """The post, unlocked, if the caller sees it: by itself, and a reply with the post it
    answers (domain.conversation.sees, sees_reply); NotFound otherwise, the same whether it
    does not exist or may not be seen (and as fast: no lock is taken on it)."""
    post = found(await uow.conversation.get(post_id), "post", post_id)
    standing = await uow.conversation.standing(post.network_id, viewing.organization_id)
    reader, consent_ids = await _reader(uow, viewing, post, standing)
    if not rules.sees(post, reader):
        raise NotFound("post", post_id)
    if post.parent_id is not None:
        parent = await uow.conversation.get(post.parent_id)
        if parent is None:
            raise NotFound("post", post_id)
        parent_reader, _ = await _reader(uow, viewing, parent, standing)
        if not rules.sees_reply(post, parent, reader, parent_reader):
            raise NotFound("post", post_id)
    home = post.organization_id == viewing.organization_id
    return SeenForWrite(
        post=post, standing=standing, reader=reader, home=home, consent_ids=consent_ids
    )


async def _locked(uow: UnitOfWork, seen: SeenForWrite) -> SeenForWrite:
    """The post seen, now locked until the unit of work ends, and still seen as it is now (a
    moderator may have hidden it meanwhile). A write locks its own member (for share) before
    this: an erasure locks the member first and then its posts, and the two must not wait on
    each other in opposite orders."""
    post = await uow.conversation.get_for_update(seen.post.id)
    if post is None or not rules.sees(post, seen.reader):
        raise NotFound("post", seen.post.id)
    return msgspec.structs.replace(seen, post=post)


async def _account(uow: UnitOfWork, viewing: Viewing, seen: SeenForWrite) -> None:
    """A write on another organization's member's post tells that the post exists: accounted
    like a read of it."""
    if seen.home:
        return
    author = await uow.members.get_any(seen.post.author_member_id)
    if author is not None and author.erased_at is None:
        await uow.consents.record_disclosure(author, viewing, list(seen.consent_ids), _CONVERSATION)


async def _acting_member(
    uow: UnitOfWork, organization_id: UUID, member_id: UUID, network_id: UUID, field: str
) -> Member:
    """One of the caller's members, not erased, taking part in the network now (locked for
    share: an erasure waits for the write)."""
    member = await uow.members.get_any_for_share(member_id)
    if member is None or member.organization_id != organization_id or member.erased_at is not None:
        raise InvalidField(field, "Name one of your members.")
    if not await uow.conversation.member_active_in(network_id, member_id):
        raise InvalidField(field, "The member takes no active part in this network.")
    return member


async def write_post(
    command: WritePost,
    uow: UnitOfWork,
    queries: ConversationQueries,
    receipt: Receipt[rules.ShownPost] = no_receipt,
) -> rules.ShownPost:
    """Write a post, or a reply to a post the caller sees. The author is one of the caller's
    members with an active membership in the network, which the caller takes part in. A text
    matching one of the caller's crisis phrases is flagged and announced to the caller at once
    (`post.crisis_flagged`); nothing is hidden or blocked. A reply to another organization's
    member's post is accounted as a disclosure of that post.

    A post is stored with its event in one statement at commit, which checks everything as it
    stores (adapters hold that to the same rule, `rules.refusal`), the crisis phrases' version
    too, and gives back the author's name for the answer: one round trip, with the phrases as
    last read (a list replaced since raises CrisisPhrasesChanged, and the post is to be
    written again). An answer kept by a receipt is stored before the commit, so it needs the
    name first: then one read of every check comes before. A reply locks the post it
    answers."""
    viewing = command.viewing
    organization_id = viewing.organization_id
    now = viewing.now
    context: rules.WritingContext | None = None
    if command.parent_id is None:
        assert command.network_id is not None
        if receipt is no_receipt:
            phrases = await queries.crisis_phrase_list(organization_id)
        else:
            context = await queries.writing_context(
                command.network_id, organization_id, command.author_member_id
            )
            refused = rules.refusal(context, command.network_id, organization_id)
            if refused is not None:
                raise refused
            phrases = context.crisis_phrases
    try:
        async with uow:
            parent: SeenForWrite | None = None
            if command.parent_id is not None:
                looked = await _seen_for_write(uow, viewing, command.parent_id)
                context = await uow.conversation.writing_context(
                    looked.post.network_id, organization_id, command.author_member_id
                )
                parent = await _locked(uow, looked)
                refused = rules.refusal(context, parent.post.network_id, organization_id)
                if refused is not None:
                    raise refused
                phrases = context.crisis_phrases
            network_id = command.network_id if parent is None else parent.post.network_id
            assert network_id is not None
            post = rules.write_post(
                rules.NewPost(
                    network_id=network_id,
                    author_member_id=command.author_member_id,
                    kind=command.kind,
                    body=command.body,
                    tags=command.tags,
                    content_note=command.content_note,
                    parent_id=command.parent_id,
                ),
                post_id=uow.ids.new_id(),
                organization_id=organization_id,
                parent=None if parent is None else parent.post,
                crisis_phrases=phrases.in_force,
                now=now,
            )
            author_name = None
            if parent is None:
                author_name = await uow.conversation.add_checked(post, phrases.version)
            else:
                await uow.conversation.add(post)
            kind = EventType.POST_CREATED if parent is None else EventType.POST_REPLIED
            await uow.outbox.append(post_event(kind, post, organization_id, uow.ids.new_id(), now))
            if post.crisis_flagged:
                await _announce_crisis(uow, post, phrases.in_force, now)
            if parent is not None:
                await _account(uow, viewing, parent)
            if context is not None:
                written = _written(post, context.author_display_name)
                await receipt(uow, written)
            await uow.commit()
    except rules.CrisisPhrasesChanged:
        queries.forget_crisis_phrases(organization_id)
        raise
    if context is None:
        assert author_name is not None
        written = _written(post, author_name.value)
    return written


def _written(post: rules.Post, author_display_name: str | None) -> rules.ShownPost:
    return rules.ShownPost(
        post=post, author_display_name=author_display_name, counts=rules.PostCounts()
    )


async def _announce_crisis(
    uow: UnitOfWork, post: rules.Post, phrases: Iterable[str], now: datetime
) -> None:
    """To the author's home organization only (not one of the member event kinds that cross
    under consent): someone there can reach out at once."""
    matched = rules.crisis_matches(post.words, phrases)
    flagged = post_event(
        EventType.POST_CRISIS_FLAGGED,
        post,
        post.organization_id,
        uow.ids.new_id(),
        now,
        matched_phrases=matched,
    )
    await uow.outbox.append(flagged)


class EditPost(msgspec.Struct, frozen=True, kw_only=True):
    viewing: Viewing
    post_id: UUID
    change: rules.PostChange
    expected: Precondition | None


async def _own_post(uow: UnitOfWork, viewing: Viewing, post_id: UUID) -> rules.Post:
    """The caller's own member's post, locked: another organization that sees it may not
    change it (403); one that does not see it learns nothing (404)."""
    seen = await _locked(uow, await _seen_for_write(uow, viewing, post_id))
    if not seen.home:
        raise NotAllowed("Only the author's organization changes or deletes a post.")
    return seen.post


async def edit_post(command: EditPost, uow: UnitOfWork) -> rules.ShownPost:
    """Edit a post or reply (the author's organization, If-Match required). What it said
    before is kept for the moderators; an edit can raise the crisis flag (and announce it),
    never lower it."""
    now = command.viewing.now
    async with uow:
        post = await _own_post(uow, command.viewing, command.post_id)
        phrases = (await uow.conversation.crisis_phrases(post.organization_id)).in_force
        edited, revision = rules.edit_post(
            post, command.change, command.expected, crisis_phrases=phrases, now=now
        )
        await uow.conversation.add_revision(revision)
        await uow.conversation.save(edited)
        if edited.crisis_flagged and not post.crisis_flagged:
            await _announce_crisis(uow, edited, phrases, now)
        author = await uow.members.get_any(post.author_member_id)
        counts = await uow.conversation.counts(post.id, post.organization_id, now)
        await uow.commit()
    return rules.ShownPost(
        post=edited,
        author_display_name=None if author is None else author.display_name,
        counts=counts,
    )


async def delete_post(
    viewing: Viewing, post_id: UUID, expected: Precondition | None, uow: UnitOfWork
) -> rules.ShownPost:
    """Delete a post or reply (the author's organization, If-Match required): a tombstone
    keeps its place in the thread, its words are gone."""
    async with uow:
        post = await _own_post(uow, viewing, post_id)
        deleted = rules.delete_post(post, expected, viewing.now)
        await uow.conversation.save(deleted)
        counts = await uow.conversation.counts(post.id, viewing.organization_id, viewing.now)
        await uow.commit()
    return rules.ShownPost(post=deleted, author_display_name=None, counts=counts)


class Mark(msgspec.Struct, frozen=True, kw_only=True):
    """A member's encouragement (a reaction) or helpful mark on a post, given or taken back."""

    viewing: Viewing
    post_id: UUID
    member_id: UUID
    reaction: rules.Reaction | None = None  # None: the helpful mark


async def mark(command: Mark, uow: UnitOfWork, *, give: bool) -> rules.PostCounts:
    """Give (or take back) a reaction or a helpful mark for one of the caller's members taking
    part in the post's network. Once per member per kind per post: giving twice, or taking
    back what was not given, changes nothing. Only advice is marked helpful. On another
    organization's member's post it is accounted as a disclosure of the post."""
    viewing = command.viewing
    async with uow:
        looked = await _seen_for_write(uow, viewing, command.post_id)
        member = await _acting_member(
            uow, viewing.organization_id, command.member_id, looked.post.network_id, "member_id"
        )
        seen = await _locked(uow, looked)
        post = seen.post
        if command.reaction is None:
            if give:
                rules.check_helpful(post)
                await uow.conversation.mark_helpful(
                    post.id, member.id, viewing.organization_id, viewing.now
                )
            else:
                await uow.conversation.unmark_helpful(post.id, member.id)
        elif give:
            if not post.readable:
                raise rules.PostConflict("post-deleted", "The post was deleted.")
            await uow.conversation.react(
                post.id, member.id, viewing.organization_id, command.reaction, viewing.now
            )
        else:
            await uow.conversation.unreact(post.id, member.id, command.reaction)
        counts = await uow.conversation.counts(post.id, viewing.organization_id, viewing.now)
        await _account(uow, viewing, seen)
        await uow.commit()
    return counts


class ReportPost(msgspec.Struct, frozen=True, kw_only=True):
    viewing: Viewing
    post_id: UUID
    reason: rules.ReportReason
    note: str | None = None


async def report_post(
    command: ReportPost, uow: UnitOfWork, receipt: Receipt[rules.Report] = no_receipt
) -> rules.Report:
    """Report a post or reply the caller sees, as an organization taking part in its network
    (or the author's own). It waits in the moderators' queue until one acts on the post;
    `post.reported` goes out under the same consent rule as the post."""
    viewing = command.viewing
    async with uow:
        seen = await _locked(uow, await _seen_for_write(uow, viewing, command.post_id))
        if not (seen.home or seen.standing.takes_part):
            raise NotFound("post", command.post_id)
        made = rules.report(
            seen.post,
            command.reason,
            command.note,
            report_id=uow.ids.new_id(),
            organization_id=viewing.organization_id,
            now=viewing.now,
        )
        await uow.conversation.add_report(made)
        reported = post_event(
            EventType.POST_REPORTED,
            seen.post,
            viewing.organization_id,
            uow.ids.new_id(),
            viewing.now,
            report_id=str(made.id),
            reason=made.reason.value,
        )
        await uow.outbox.append(reported)
        await _account(uow, viewing, seen)
        await receipt(uow, made)
        await uow.commit()
    return made


class ModeratePost(msgspec.Struct, frozen=True, kw_only=True):
    viewing: Viewing
    post_id: UUID
    action: rules.ModerationAction
    reason: str


async def moderate_post(command: ModeratePost, uow: UnitOfWork) -> rules.ShownPost:
    """A moderator of the post's network (its creator, or an organization with a member in
    the `coordinator` role) hides, unhides, or dismisses the reports on a post it sees, with a
    reason kept in the moderation log; the post's open reports are closed. Hiding or
    unhiding announces `post.hidden` (with `action`)."""
    viewing = command.viewing
    async with uow:
        seen = await _locked(uow, await _seen_for_write(uow, viewing, command.post_id))
        if not seen.standing.moderates:
            raise NotAllowed("Only the network's moderators moderate its conversation.")
        moderated = rules.moderate(seen.post, command.action, command.reason, viewing.now)
        if moderated is not seen.post:
            await uow.conversation.save(moderated)
        entry = rules.ModerationEntry(
            id=uow.ids.new_id(),
            post_id=moderated.id,
            network_id=moderated.network_id,
            organization_id=viewing.organization_id,
            action=command.action,
            reason=command.reason,
            at=viewing.now,
        )
        await uow.conversation.log_moderation(entry)
        if command.action is not rules.ModerationAction.DISMISS:
            hidden = post_event(
                EventType.POST_HIDDEN,
                moderated,
                viewing.organization_id,
                uow.ids.new_id(),
                viewing.now,
                action=command.action.value,
            )
            await uow.outbox.append(hidden)
        await _account(uow, viewing, seen)
        author = await uow.members.get_any(moderated.author_member_id)
        counts = await uow.conversation.counts(moderated.id, viewing.organization_id, viewing.now)
        await uow.commit()
    name = None if author is None or author.erased_at is not None else author.display_name
    return rules.ShownPost(post=moderated, author_display_name=name, counts=counts)


# Reads: each is one statement of the conversation queries, its disclosures recorded in it.


async def network_posts(
    viewing: Viewing,
    network_id: UUID,
    filters: rules.PostFilters,
    page: PageRequest,
    queries: ConversationQueries,
) -> Page[rules.ShownPost]:
    """A network's posts newest first, as the caller sees them (NotFound unless it takes
    part)."""
    seen = await queries.network_posts(viewing, network_id, filters, page.after, page.limit + 1)
    if not seen.standing.takes_part:
        raise NotFound("network", network_id)
    return page_from_rows(seen.posts, page, lambda shown: shown.post.id)


async def get_post(
    viewing: Viewing, post_id: UUID, queries: ConversationQueries
) -> rules.ShownPost:
    """One post or reply the caller sees; NotFound otherwise, whatever the reason."""
    seen = await queries.post(viewing, post_id)
    if not seen.posts:
        raise NotFound("post", post_id)
    return seen.posts[0]


async def replies(
    viewing: Viewing, post_id: UUID, page: PageRequest, queries: ConversationQueries
) -> Page[rules.ShownPost]:
    """A post's replies oldest first, those the caller sees; NotFound if it does not see the
    post."""
    seen = await queries.replies(viewing, post_id, page.after, page.limit + 1)
    if seen is None:
        raise NotFound("post", post_id)
    return page_from_rows(seen.posts, page, lambda shown: shown.post.id)


class AdvicePage(msgspec.Struct, frozen=True, kw_only=True):
    items: list[rules.ShownPost]
    next_after: rules.HelpfulKey | None


async def advice(
    viewing: Viewing,
    network_id: UUID,
    after: rules.HelpfulKey | None,
    limit: int,
    queries: ConversationQueries,
) -> AdvicePage:
    """A network's advice by helpfulness (most marks, then newest), those the caller sees."""
    seen = await queries.advice(viewing, network_id, after, limit + 1)
    if not seen.standing.takes_part:
        raise NotFound("network", network_id)
    shown = seen.posts[:limit]
    following = (
        rules.HelpfulKey.of(shown[-1].post, shown[-1].counts.helpful)
        if len(seen.posts) > limit
        else None
    )
    return AdvicePage(items=shown, next_after=following)


async def member_posts(
    viewing: Viewing,
    member_id: UUID,
    page: PageRequest,
    members: MemberQueries,
    queries: ConversationQueries,
) -> Page[rules.ShownPost]:
    """A member's own posts and replies, newest first, for the home organization."""
    await get_member(viewing.organization_id, member_id, members)
    shown = await queries.member_posts(viewing, member_id, page.after, page.limit + 1)
    return page_from_rows(shown, page, lambda item: item.post.id)


def _moderator(network_id: UUID, standing: rules.Standing) -> None:
    if not standing.takes_part:
        raise NotFound("network", network_id)
    if not standing.moderates:
        raise NotAllowed("Only the network's moderators see its moderation queue and log.")


async def moderation_queue(
    viewing: Viewing, network_id: UUID, page: PageRequest, queries: ConversationQueries
) -> Page[rules.ShownPost]:
    """The posts and replies of a network with open reports, newest first, for its
    moderators (those it sees under the same consent rule as any read)."""
    seen = await queries.moderation_queue(viewing, network_id, page.after, page.limit + 1)
    _moderator(network_id, seen.standing)
    return page_from_rows(seen.posts, page, lambda shown: shown.post.id)


async def moderation_log(
    viewing: Viewing, network_id: UUID, page: PageRequest, queries: ConversationQueries
) -> Page[rules.ModerationEntry]:
    """What the network's moderators did, newest first, for its moderators: about the posts
    the caller sees now, under the same consent rule as any read."""
    _moderator(network_id, await queries.standing(network_id, viewing.organization_id))
    entries = await queries.moderation_log(viewing, network_id, page.after, page.limit + 1)
    return page_from_rows(entries, page, lambda entry: entry.id)


async def revisions(
    viewing: Viewing, post_id: UUID, queries: ConversationQueries
) -> tuple[rules.ShownPost, list[rules.Revision]]:
    """What a post said before each edit, for the author's organization and the network's
    moderators who see the post (the read of the post is accounted)."""
    shown = await get_post(viewing, post_id, queries)
    if shown.post.organization_id != viewing.organization_id:
        standing = await queries.standing(shown.post.network_id, viewing.organization_id)
        if not standing.moderates:
            raise NotAllowed("Only the author's organization and moderators see the history.")
    return shown, await queries.revisions(post_id)
