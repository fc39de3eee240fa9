"""Milestones, custom milestones, cheers, and the organization's milestone ladder."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID
from zoneinfo import ZoneInfo

from litestar import Controller, Request, Response, get, post, put
from litestar.params import JSONBody, PathParameter

from service.adapters.http import responses
from service.adapters.http.auth import caller_of, scope_required
from service.adapters.http.milestone_schemas import (
    CheerCreate,
    CheerView,
    CustomMilestoneCreate,
    LadderSpec,
    MilestonesView,
    MilestoneView,
    NextMilestoneView,
)
from service.adapters.http.services import BEARER, authenticated, services_of
from service.domain.milestones import CURRENT_PERIOD, Cheer, Reached
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
    )


def _is_custom(key: str) -> bool:
    try:
        UUID(key)
    except ValueError:
        return False
    return True


class MilestoneController(Controller):
    path = "/v1/members/{member_id:uuid}"
    tags = ["milestones"]
    middleware = [authenticated]
    security = BEARER

    @get(
        "/milestones",
        operation_id="getMilestones",
        summary="A member's milestones: reached (every period), custom, and the next one",
        description="The home organization, or another one holding a consent in force that "
        "covers `milestones` (the read is recorded as a disclosure).",
        opt=scope_required(Scope.MEMBERS_READ),
        responses=responses.error_responses(403, 410),
    )
    async def get_milestones(
        self, request: Request[Any, Any, Any], member_id: MemberId
    ) -> MilestonesView:
        services = services_of(request)
        viewer = caller_of(request).organization_with(Scope.MEMBERS_READ)
        seen = await usecases.view_milestones(
            services.viewing(viewer, "getMilestones"), member_id, services.federation
        )
        return _view(seen, viewer)

    @post(
        "/custom-milestones",
        operation_id="addCustomMilestone",
        summary="Record a custom milestone (the member's home organization only)",
        opt=scope_required(Scope.MEMBERS_WRITE),
        responses=responses.error_responses(403, 410, 413, 422),
    )
    async def add_custom(
        self,
        request: Request[Any, Any, Any],
        member_id: MemberId,
        data: JSONBody[CustomMilestoneCreate],
    ) -> Response[MilestoneView]:
        services = services_of(request)
        made = await usecases.add_custom_milestone(
            caller_of(request).organization_with(Scope.MEMBERS_WRITE),
            member_id,
            data.title,
            data.achieved_on,
            services.uow(),
            services.clock,
            services.ids,
        )
        view = MilestoneView(
            key=str(made.id),
            label=made.title,
            kind="custom",
            period_started_on=None,
            reached_at=None,
            achieved_on=made.achieved_on,
            cheers=[],
        )
        return Response(view, status_code=201)

    @post(
        "/milestones/{milestone_key:str}/cheers",
        operation_id="cheerMilestone",
        summary="Cheer a milestone: a short encouragement from one of the caller's members",
        description="The author must share an active network with the member, and the caller "
        "must see the milestone as its milestones read shows it: home, or a consent in force "
        "covering `milestones` (then `current.<rung>` for the current period; a key naming a "
        "period's start needs `recovery` too). Another organization's cheer is recorded as a "
        "disclosure.",
        opt=scope_required(Scope.MEMBERS_WRITE),
        responses=responses.error_responses(403, 410, 413, 422),
    )
    async def cheer(
        self,
        request: Request[Any, Any, Any],
        member_id: MemberId,
        milestone_key: MilestoneKey,
        data: JSONBody[CheerCreate],
    ) -> Response[CheerView]:
        services = services_of(request)
        organization_id = caller_of(request).organization_with(Scope.MEMBERS_WRITE)
        made = await cheers.cheer(
            cheers.CheerMilestone(
                viewing=services.viewing(organization_id, "cheerMilestone"),
                member_id=member_id,
                milestone_key=milestone_key,
                author_member_id=data.author_member_id,
                message=data.message,
            ),
            services.uow(),
            services.clock,
            services.ids,
        )
        return Response(_cheer(made, organization_id, milestone_key), status_code=201)


class LadderController(Controller):
    path = "/v1/milestone-ladder"
    tags = ["milestones"]
    middleware = [authenticated]
    security = BEARER

    @get(
        operation_id="getMilestoneLadder",
        summary="The milestone ladder the caller organization's members climb",
        opt=scope_required(Scope.MEMBERS_READ),
        responses=responses.READ,
    )
    async def get_ladder(self, request: Request[Any, Any, Any]) -> LadderSpec:
        services = services_of(request)
        ladder = await usecases.get_ladder(
            caller_of(request).organization_with(Scope.MEMBERS_READ), services.uow()
        )
        return LadderSpec.of(ladder)

    @put(
        operation_id="replaceMilestoneLadder",
        summary="Replace the organization's milestone ladder",
        description="Applies to every member of the organization from the next computation; "
        "milestones already announced stay announced.",
        opt=scope_required(Scope.MEMBERS_WRITE),
        responses=responses.error_responses(403, 413, 422),
    )
    async def replace_ladder(
        self, request: Request[Any, Any, Any], data: JSONBody[LadderSpec]
    ) -> LadderSpec:
        services = services_of(request)
        ladder = await usecases.replace_ladder(
            caller_of(request).organization_with(Scope.MEMBERS_WRITE),
            data.to_domain(),
            services.uow(),
        )
        return LadderSpec.of(ladder)
