"""Milestones, custom milestones, cheers, and the organization's milestone ladder."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID
from zoneinfo import ZoneInfo

from litestar import Response, get, post, put
from litestar.params import JSONBody, PathParameter

from service.adapters.http.disclosure_schemas import DisclosureNoticeView
from service.adapters.http.idempotency import Created, IdempotencyKey, create_idempotently
from service.adapters.http.milestone_schemas import (
    CheerCreate,
    CheerView,
    CustomMilestoneCreate,
    LadderSpec,
    MilestonesView,
    MilestoneView,
    NextMilestoneView,
)
from service.adapters.http.operations import ApiController, HttpRequest, acting, operation
from service.domain.disclosure_notice import notice_for
from service.domain.milestones import CURRENT_PERIOD, Cheer, CustomMilestone, Reached
from service.domain.organizations import Scope
from service.usecases import cheers
from service.usecases import milestones as usecases

MemberId = Annotated[UUID, PathParameter(description="The member's id.")]
MilestoneKey = Annotated[
    str,
    PathParameter(
        description="An automatic milestone's key (`<period start>.<rung>`, e.g. "
        "`2026-01-05.30d`) or a custom milestone's id.",
        min_length=3,
        max_length=60,
        pattern=r"^[0-9A-Za-z.\-]+$",
    ),
]


def _cheer(cheer: Cheer, viewer: UUID, key: str | None = None) -> CheerView:
    """`key`: the milestone's key as the viewer knows it (see MilestonesSeen)."""
    return CheerView(
        id=cheer.id,
        milestone_key=key or cheer.milestone_key,
        author_member_id=(
            cheer.author_member_id if cheer.author_organization_id == viewer else None
        ),
        message=cheer.message,
        created_at=cheer.created_at,
    )


def _view(seen: usecases.MilestonesSeen, viewer: UUID) -> MilestonesView:
    by_key: dict[str, list[CheerView]] = {}
    current = seen.member.recovery_started_on
    for cheer in seen.cheers:
        key = cheer.milestone_key
        if not seen.shows_periods and not _is_custom(key):
            # Only the current period's milestones show; named without its start date.
            period, _, rung = key.partition(".")
            if current is None or period != current.isoformat():
                continue
            key = f"{CURRENT_PERIOD}.{rung}"
        by_key.setdefault(key, []).append(_cheer(cheer, viewer, key))
    zone = ZoneInfo(seen.member.timezone or "UTC")

    def automatic(item: Reached) -> MilestoneView:
        key = seen.key_of(item)
        return MilestoneView(
            key=key,
            label=item.rung.label,
            kind="automatic",
            period_started_on=item.period_started_on if seen.shows_periods else None,
            reached_at=item.due_at if seen.shows_instants else None,
            achieved_on=item.due_at.astimezone(zone).date(),
            cheers=by_key.get(key, []),
        )

    reached = [automatic(item) for item in seen.reached] + [
        MilestoneView(
            key=str(c.id),
            label=c.title,
            kind="custom",
            period_started_on=None,
            reached_at=None,
            achieved_on=c.achieved_on,
            cheers=by_key.get(str(c.id), []),
        )
        for c in seen.custom
    ]
    following = seen.next
    return MilestonesView(
        member_id=seen.member.id,
        reached=reached,
        next=None
        if following is None
        else NextMilestoneView(
            key=seen.key_of(following),
            label=following.rung.label,
            due_at=following.due_at if seen.shows_instants else None,
            due_on=following.due_at.astimezone(zone).date(),
        ),
        disclosure=DisclosureNoticeView.of(notice_for(seen.access)),
    )


def _is_custom(key: str) -> bool:
    try:
        UUID(key)
    except ValueError:
        return False
    return True


class MilestoneController(ApiController):
    path = "/v1/members/{member_id:uuid}"
    tags = ["milestones"]

    @operation(get, "getMilestones", Scope.MEMBERS_READ, errors=(410,), path="/milestones")
    async def get_milestones(self, request: HttpRequest, member_id: MemberId) -> MilestonesView:
        """A member's milestones: reached (every period), custom, and the next one

        The home organization, or another one holding a consent in force that covers
        `milestones` (the read is recorded as a disclosure)."""
        act = acting(request)
        viewer = act.organization_id
        seen = await usecases.view_milestones(act.viewing(), member_id, act.services.federation)
        return _view(seen, viewer)

    @operation(
        post,
        "addCustomMilestone",
        Scope.MEMBERS_WRITE,
        errors=(409, 410, 413, 422),
        path="/custom-milestones",
    )
    async def add_custom(
        self,
        request: HttpRequest,
        member_id: MemberId,
        data: JSONBody[CustomMilestoneCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> Response[MilestoneView]:
        """Record a custom milestone (the member's home organization only)

        A milestone the member chose (a first shift back at work, a court date kept) with the day it
        was achieved; it shows among the member's reached milestones and can be cheered. Only the
        member's home organization may add one.
        """
        act = acting(request)
        organization_id = act.organization_id

        def present(made: CustomMilestone) -> Created[MilestoneView]:
            view = MilestoneView(
                key=str(made.id),
                label=made.title,
                kind="custom",
                period_started_on=None,
                reached_at=None,
                achieved_on=made.achieved_on,
                cheers=[],
            )
            return Created.of(view)

        return await create_idempotently(
            request,
            idempotency_key,
            create=lambda uow, receipt: usecases.add_custom_milestone(
                organization_id, member_id, data.title, data.achieved_on, uow, receipt=receipt
            ),
            present=present,
        )

    @operation(
        post,
        "cheerMilestone",
        Scope.MEMBERS_WRITE,
        errors=(409, 410, 413, 422),
        path="/milestones/{milestone_key:str}/cheers",
    )
    async def cheer(
        self,
        request: HttpRequest,
        member_id: MemberId,
        milestone_key: MilestoneKey,
        data: JSONBody[CheerCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> Response[CheerView]:
        """Cheer a milestone: a short encouragement from one of the caller's members

        The author must share an active network with the member, and the caller must see the
        milestone as its milestones read shows it: home, or a consent in force covering
        `milestones` (then `current.<rung>` for the current period; a key naming a period's
        start needs `recovery` too). Another organization's cheer is recorded as a disclosure."""
        act = acting(request)
        organization_id = act.organization_id
        command = cheers.CheerMilestone(
            viewing=act.viewing(),
            member_id=member_id,
            milestone_key=milestone_key,
            author_member_id=data.author_member_id,
            message=data.message,
        )
        return await create_idempotently(
            request,
            idempotency_key,
            create=lambda uow, receipt: cheers.cheer(command, uow, receipt=receipt),
            present=lambda made: Created.of(_cheer(made, organization_id, milestone_key)),
        )


class LadderController(ApiController):
    path = "/v1/milestone-ladder"
    tags = ["milestones"]

    @operation(get, "getMilestoneLadder", Scope.MEMBERS_READ)
    async def get_ladder(self, request: HttpRequest) -> LadderSpec:
        """The milestone ladder the caller organization's members climb

        The caller organization's ladder of automatic milestones (each rung an amount of hours, days
        or months in recovery), or the default ladder when it has not set one.
        """
        act = acting(request)
        ladder = await usecases.get_ladder(act.organization_id, act.uow())
        return LadderSpec.of(ladder)

    @operation(put, "replaceMilestoneLadder", Scope.MEMBERS_WRITE, errors=(413, 422))
    async def replace_ladder(self, request: HttpRequest, data: JSONBody[LadderSpec]) -> LadderSpec:
        """Replace the organization's milestone ladder

        Applies to every member of the organization from the next computation; milestones
        already announced stay announced."""
        act = acting(request)
        ladder = await usecases.replace_ladder(act.organization_id, data.to_domain(), act.uow())
        return LadderSpec.of(ladder)
