"""Reach-outs (/v1/members/{id}/reach-outs, /v1/reach-outs): a member asks their circles for
support now; supporters answer through their organizations; the home organization closes it.
The organization's escalation windows and crisis resources, and its figures."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated
from uuid import UUID

import msgspec
from litestar import Response, get, post, put
from litestar.params import JSONBody, PathParameter, QueryParameter
from msgspec import Meta

from service.adapters.http.disclosure_schemas import DisclosureNoticeView
from service.adapters.http.idempotency import Created, IdempotencyKey, create_idempotently, etag
from service.adapters.http.operations import ApiController, HttpRequest, acting, operation
from service.adapters.http.schemas import INSTANT_PATTERN, PRINTABLE, parse_instant
from service.domain.disclosure_notice import notice_for_consents
from service.domain.organizations import Scope
from service.domain.reach_outs import (
    MAX_CIRCLES,
    MAX_MESSAGE_CHARACTERS,
    MAX_RESOURCES,
    MAX_WINDOW,
    MIN_WINDOW,
    CrisisResource,
    EscalationWindows,
    ReachOutOutcome,
    ReachOutSettings,
    ReachOutUrgency,
    ResponseKind,
    SeenReachOut,
    SeenResponse,
    response_seen_by,
)
from service.domain.reach_outs import (
    Response as ReachOutResponse,
)
from service.usecases import reach_outs as usecases

ReachOutId = Annotated[UUID, PathParameter(description="The reach-out's id.")]
MemberId = Annotated[UUID, PathParameter(description="The member's id.")]
# What an organization closes a reach-out with (`expired` is the reach-out's own ending).
ClosingOutcome = Annotated[
    str,
    Meta(
        pattern="^(supported|no_longer_needed|referred|emergency_services)$",
        description="How it ended: `supported`, `no_longer_needed`, `referred` or "
        "`emergency_services`.",
    ),
]
WindowSeconds = Annotated[
    int, Meta(ge=int(MIN_WINDOW.total_seconds()), le=int(MAX_WINDOW.total_seconds()))
]


class CrisisResourceBody(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Somewhere a person can call at once, such as a national crisis line."""

    name: Annotated[str, Meta(min_length=1, max_length=100, pattern=PRINTABLE)]
    phone: Annotated[str, Meta(pattern=r"^\+?[0-9][0-9 ()\-]{1,30}$")]

    @classmethod
    def of(cls, resource: CrisisResource) -> CrisisResourceBody:
        return cls(name=resource.name, phone=resource.phone)


class ReachOutCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A reach-out for one of the caller's members: how urgent, an optional short message,
    and which circles around the member to ask (all of them if left out)."""

    urgency: ReachOutUrgency
    message: (
        Annotated[str, Meta(min_length=1, max_length=MAX_MESSAGE_CHARACTERS, pattern=PRINTABLE)]
        | None
    ) = None
    circle_ids: Annotated[list[UUID], Meta(min_length=1, max_length=MAX_CIRCLES)] | None = None


class ResponseCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A supporter's response, given by their organization: one of its members asked by the
    reach-out (an active supporter in a circle it asked)."""

    supporter_member_id: UUID
    kind: ResponseKind


class ReachOutClose(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    outcome: ClosingOutcome


class ResponseView(msgspec.Struct, kw_only=True):
    """A response to a reach-out. `supporter_member_id` shows only to the supporter's own
    organization, `organization_id` to it and to the member's home organization (null to
    others)."""

    id: UUID
    reach_out_id: UUID
    organization_id: UUID | None
    supporter_member_id: UUID | None
    kind: ResponseKind
    responded_at: datetime

    @classmethod
    def of(cls, reach_out_id: UUID, seen: SeenResponse) -> ResponseView:
        return cls(
            id=seen.id,
            reach_out_id=reach_out_id,
            organization_id=seen.organization_id,
            supporter_member_id=seen.supporter_member_id,
            kind=seen.kind,
            responded_at=seen.at,
        )

    @classmethod
    def given(cls, response: ReachOutResponse) -> ResponseView:
        """A response as the organization that gave it sees it."""
        own = response.organization_id
        return cls.of(response.reach_out_id, response_seen_by(response, own, home=own))


class ReachOutView(msgspec.Struct, kw_only=True):
    """A reach-out as the caller sees it: its home organization, or one with an active
    supporter in a circle asked under the member's consent covering `reach_outs` (each such
    read is in the member's accounting of disclosures). `asked`: the caller's own members it
    asks to respond. `crisis_resources`: the home organization's, given with every reach-out
    it opens. A reach-out is not an emergency service."""

    id: UUID
    member_id: UUID
    organization_id: UUID
    urgency: ReachOutUrgency
    message: str | None
    circle_ids: list[UUID]
    asked: list[UUID]
    crisis_resources: list[CrisisResourceBody]
    status: Annotated[str, Meta(description="`open` or `closed`.")]
    opened_at: datetime
    escalates_at: datetime
    expires_at: datetime
    first_answered_at: datetime | None
    escalated_at: datetime | None
    closed_at: datetime | None
    outcome: ReachOutOutcome | None
    responses: list[ResponseView]
    version: int
    disclosure: DisclosureNoticeView | None = None

    @classmethod
    def of(cls, seen: SeenReachOut) -> ReachOutView:
        r = seen.reach_out
        return cls(
            id=r.id,
            member_id=r.member_id,
            organization_id=r.organization_id,
            urgency=r.urgency,
            message=r.message,
            circle_ids=list(r.circle_ids),
            asked=list(seen.asked),
            crisis_resources=[CrisisResourceBody.of(c) for c in r.crisis_resources],
            status="open" if r.is_open else "closed",
            opened_at=r.opened_at,
            escalates_at=r.escalates_at,
            expires_at=r.expires_at,
            first_answered_at=r.first_answered_at,
            escalated_at=r.escalated_at,
            closed_at=r.closed_at,
            outcome=r.outcome,
            responses=[ResponseView.of(r.id, x) for x in seen.responses],
            version=r.version,
            disclosure=DisclosureNoticeView.of(notice_for_consents(seen.consent_ids)),
        )


class ReachOutSettingsUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """How long the organization's reach-outs wait for a first answer before they escalate
    to it (a `now` one no later than a `today` one), and the crisis resources that go out with
    every reach-out it opens."""

    escalate_now_after_seconds: WindowSeconds
    escalate_today_after_seconds: WindowSeconds
    crisis_resources: Annotated[list[CrisisResourceBody], Meta(max_length=MAX_RESOURCES)]


class ReachOutSettingsView(msgspec.Struct, kw_only=True):
    """The organization's escalation windows (defaults 600 s for `now`, 7200 s for `today`)
    and crisis resources (none until it sets them). `version` 0: never set."""

    escalate_now_after_seconds: int
    escalate_today_after_seconds: int
    crisis_resources: list[CrisisResourceBody]
    version: int

    @classmethod
    def of(cls, settings: ReachOutSettings) -> ReachOutSettingsView:
        return cls(
            escalate_now_after_seconds=int(settings.windows.now.total_seconds()),
            escalate_today_after_seconds=int(settings.windows.today.total_seconds()),
            crisis_resources=[CrisisResourceBody.of(c) for c in settings.resources],
            version=settings.version,
        )


class ReachOutFiguresView(msgspec.Struct, kw_only=True):
    """The caller's reach-outs opened in the period (those that asked `network_id`, if
    given): how many, how many were answered, never answered, escalated; the time to a first
    answer at the 50th and 90th percentile (nearest rank; null with none answered)."""

    since: datetime
    until: datetime
    network_id: UUID | None
    opened: int
    answered: int
    unanswered: int
    escalated: int
    p50_seconds_to_answer: float | None
    p90_seconds_to_answer: float | None

    @classmethod
    def of(cls, figures: usecases.Figures, network_id: UUID | None) -> ReachOutFiguresView:
        def seconds(value: timedelta | None) -> float | None:
            return None if value is None else value.total_seconds()

        times = figures.times
        return cls(
            since=figures.since,
            until=figures.until,
            network_id=network_id,
            opened=times.opened,
            answered=times.answered,
            unanswered=times.unanswered,
            escalated=times.escalated,
            p50_seconds_to_answer=seconds(times.p50),
            p90_seconds_to_answer=seconds(times.p90),
        )


class MemberReachOutController(ApiController):
    path = "/v1/members/{member_id:uuid}/reach-outs"
    tags = ["reach-outs"]

    @operation(
        post,
        "openReachOut",
        Scope.MEMBERS_WRITE,
        errors=(409, 410, 413, 422),
        etag=True,
        created=True,
        never_limited=True,
    )
    async def open(
        self,
        request: HttpRequest,
        member_id: MemberId,
        data: JSONBody[ReachOutCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> Response[ReachOutView]:
        """Reach out for support now, on behalf of one of the caller's members

        Asks the circles around the member (all of them, or those named in `circle_ids`).
        `reach_out.opened` goes out at once to the caller and to every organization with an
        active supporter in those circles and a consent from the member covering
        `reach_outs`; each sees which of its own members are asked (`asked`). Nobody
        answering within the caller's escalation window (600 s for `now`, 7200 s for `today`
        by default) sends `reach_out.escalated` to the caller, once. It closes by itself a day
        after it opened (`expired`). The caller's crisis resources come back with it. Never
        refused by the per-key rate limit. A reach-out is not an emergency service."""
        act = acting(request)
        command = usecases.OpenReachOut(
            organization_id=act.organization_id,
            member_id=member_id,
            urgency=data.urgency,
            message=data.message,
            circle_ids=None if data.circle_ids is None else tuple(data.circle_ids),
        )
        return await create_idempotently(
            request,
            idempotency_key,
            create=lambda uow, receipt: usecases.open_reach_out(command, uow, receipt),
            present=lambda seen: Created.of(
                ReachOutView.of(seen),
                version=seen.reach_out.version,
                location=f"/v1/reach-outs/{seen.reach_out.id}",
                resource_id=seen.reach_out.id,
            ),
        )


class ReachOutController(ApiController):
    path = "/v1/reach-outs"
    tags = ["reach-outs"]

    @operation(get, "getReachOut", Scope.MEMBERS_READ, path="/{reach_out_id:uuid}", etag=True)
    async def get_reach_out(
        self, request: HttpRequest, reach_out_id: ReachOutId
    ) -> Response[ReachOutView]:
        """Read a reach-out (its home organization, or one asked to respond)

        Another organization than the member's home one reads it only while it has an active
        supporter in a circle asked and a consent from the member in force covering
        `reach_outs` (404 otherwise); that read is in the member's accounting of disclosures.
        Responses show which supporter answered only to the supporter's own organization."""
        act = acting(request)
        seen = await usecases.get_reach_out(act.viewing(), reach_out_id, act.services.reach_outs)
        return Response(ReachOutView.of(seen), headers={"ETag": etag(seen.reach_out.version)})

    @operation(
        post,
        "respondToReachOut",
        Scope.MEMBERS_WRITE,
        errors=(409, 413, 422),
        path="/{reach_out_id:uuid}/responses",
        created=True,
        never_limited=True,
    )
    async def respond(
        self,
        request: HttpRequest,
        reach_out_id: ReachOutId,
        data: JSONBody[ResponseCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> Response[ResponseView]:
        """Respond to a reach-out for one of the caller's members asked by it

        `on_my_way`, `calling` or `messaged` answer it: the first answer is announced
        (`reach_out.answered`, with its delay) and stops its escalation. `cannot_now` is kept
        but is not an answer. A closed reach-out is a 409 (`reach-out-closed`); one the caller
        may not see is a 404, and nothing changes."""
        act = acting(request)
        command = usecases.Respond(
            organization_id=act.organization_id,
            reach_out_id=reach_out_id,
            supporter_member_id=data.supporter_member_id,
            kind=data.kind,
        )
        return await create_idempotently(
            request,
            idempotency_key,
            create=lambda uow, receipt: usecases.respond(command, uow, receipt),
            present=lambda response: Created.of(
                ResponseView.given(response),
                location=f"/v1/reach-outs/{reach_out_id}",
                resource_id=reach_out_id,
            ),
        )

    @operation(
        post,
        "closeReachOut",
        Scope.MEMBERS_WRITE,
        errors=(409, 413, 422),
        path="/{reach_out_id:uuid}/close",
        etag=True,
        status_code=200,
    )
    async def close(
        self, request: HttpRequest, reach_out_id: ReachOutId, data: JSONBody[ReachOutClose]
    ) -> Response[ReachOutView]:
        """Close a reach-out of one of the caller's members, with how it ended

        Only the member's home organization closes it (404 for anyone else, nothing changed);
        a closed one is a 409 (`reach-out-closed`). `reach_out.closed` goes out to everyone
        who may still see it."""
        act = acting(request)
        await usecases.close_reach_out(
            usecases.CloseReachOut(
                organization_id=act.organization_id,
                reach_out_id=reach_out_id,
                outcome=ReachOutOutcome(data.outcome),
            ),
            act.uow(),
        )
        seen = await usecases.get_reach_out(act.viewing(), reach_out_id, act.services.reach_outs)
        return Response(ReachOutView.of(seen), headers={"ETag": etag(seen.reach_out.version)})


_NETWORK_FILTER = Annotated[
    UUID | None,
    QueryParameter(required=False, description="Only reach-outs that asked this circle."),
]
_SINCE = Annotated[
    str | None,
    QueryParameter(
        required=False,
        pattern=INSTANT_PATTERN,
        max_length=40,
        schema_extra={"format": "date-time"},
        description="The period's start (RFC 3339; default: 30 days before its end).",
    ),
]
_UNTIL = Annotated[
    str | None,
    QueryParameter(
        required=False,
        pattern=INSTANT_PATTERN,
        max_length=40,
        schema_extra={"format": "date-time"},
        description="The period's end, excluded (RFC 3339; default: now).",
    ),
]


class ReachOutSettingsController(ApiController):
    path = "/v1/reach-out-settings"
    tags = ["reach-outs"]

    @operation(get, "getReachOutSettings", Scope.MEMBERS_READ)
    async def get_settings(self, request: HttpRequest) -> ReachOutSettingsView:
        """The organization's escalation windows and crisis resources

        The defaults until it sets them: 600 s for `now`, 7200 s for `today`, no crisis
        resources (`version` 0)."""
        act = acting(request)
        return ReachOutSettingsView.of(
            await usecases.reach_out_settings(act.organization_id, act.uow())
        )

    @operation(put, "replaceReachOutSettings", Scope.MEMBERS_WRITE, errors=(413, 422))
    async def replace_settings(
        self, request: HttpRequest, data: JSONBody[ReachOutSettingsUpdate]
    ) -> ReachOutSettingsView:
        """Replace the organization's escalation windows and crisis resources

        Each window between 60 s and 12 h, `now` no later than `today`; at most ten crisis
        resources. Reach-outs opened from now on wait and carry these; open ones keep theirs."""
        act = acting(request)
        replaced = await usecases.replace_reach_out_settings(
            act.organization_id,
            EscalationWindows(
                now=timedelta(seconds=data.escalate_now_after_seconds),
                today=timedelta(seconds=data.escalate_today_after_seconds),
            ),
            [CrisisResource(name=c.name, phone=c.phone) for c in data.crisis_resources],
            act.uow(),
        )
        return ReachOutSettingsView.of(replaced)


class ReachOutFiguresController(ApiController):
    path = "/v1/reach-out-figures"
    tags = ["reach-outs"]

    @operation(get, "getReachOutFigures", Scope.MEMBERS_READ, errors=(422,))
    async def figures(
        self,
        request: HttpRequest,
        network_id: _NETWORK_FILTER = None,
        since: _SINCE = None,
        until: _UNTIL = None,
    ) -> ReachOutFiguresView:
        """How fast the organization's reach-outs were answered, over a period

        Over the caller's reach-outs opened in [`since`, `until`) (default: the last 30 days;
        at most 366 days), optionally those that asked one circle: opened, answered,
        unanswered and escalated counts, and the 50th and 90th percentile of the time to a
        first answer."""
        act = acting(request)
        figures = await usecases.response_times(
            act.organization_id,
            parse_instant("since", since),
            parse_instant("until", until),
            network_id,
            act.clock.now(),
            act.services.reach_outs,
        )
        return ReachOutFiguresView.of(figures, network_id)
