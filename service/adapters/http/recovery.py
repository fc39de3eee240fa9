"""/v1/members/{id}/recovery and /recovery-restarts."""

from __future__ import annotations

from datetime import date
from typing import Annotated
from uuid import UUID

import msgspec
from litestar import Response, get, post
from litestar.params import JSONBody, PathParameter
from msgspec import Meta

from service.adapters.http.disclosure_schemas import DisclosureNoticeView
from service.adapters.http.idempotency import Created, IdempotencyKey, create_idempotently
from service.adapters.http.operations import ApiController, HttpRequest, acting, operation
from service.adapters.http.schemas import PRINTABLE, StartTime, format_time, parse_time
from service.domain.disclosure_notice import notice_for
from service.domain.meetings import AttendanceSummary
from service.domain.organizations import Scope
from service.usecases import recovery as usecases

MemberId = Annotated[UUID, PathParameter(description="The member's id.")]


class RestartCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    restarted_on: date
    restarted_time: StartTime | None = None
    note: Annotated[str, Meta(max_length=2000, pattern=PRINTABLE)] | None = None


class PeriodView(msgspec.Struct, kw_only=True):
    """A finished period; `note` shows to the home organization only."""

    started_on: date
    ended_on: date
    days: int
    note: str | None


class AttendanceSummaryView(msgspec.Struct, kw_only=True):
    """Accountability next to pledges: the member's attendance at their latest recorded
    meetings (at most 10): how many attended, missed or excused, the share attended of those
    attended or missed, and the current run of meetings attended."""

    considered: int
    attended: int
    absent: int
    excused: int
    rate: float | None
    current_run: int

    @classmethod
    def of(cls, summary: AttendanceSummary | None) -> AttendanceSummaryView | None:
        if summary is None:
            return None
        return cls(
            considered=summary.considered,
            attended=summary.attended,
            absent=summary.absent,
            excused=summary.excused,
            rate=summary.rate,
            current_run=summary.current_run,
        )


class RecoveryView(msgspec.Struct, kw_only=True):
    """A member's recovery journey. Streaks count whole days completed in the member's own
    time zone; a restart opens a new period and keeps the earlier ones."""

    member_id: UUID
    current_period_started_on: date | None
    current_period_started_time: StartTime | None
    current_streak_days: int
    longest_streak_days: int
    total_days_in_recovery: int
    restarts: int
    periods: list[PeriodView]
    version: int
    disclosure: DisclosureNoticeView | None = None
    attendance: AttendanceSummaryView | None = None

    @classmethod
    def of(cls, seen: usecases.JourneySeen) -> RecoveryView:
        journey = seen.journey
        return cls(
            member_id=seen.member.id,
            current_period_started_on=journey.current_period_started_on,
            current_period_started_time=format_time(seen.member.recovery_started_time),
            current_streak_days=journey.current_streak_days,
            longest_streak_days=journey.longest_streak_days,
            total_days_in_recovery=journey.total_days_in_recovery,
            restarts=journey.restarts,
            periods=[
                PeriodView(
                    started_on=p.started_on,
                    ended_on=p.ended_on,
                    days=p.days,
                    note=p.note if seen.access.home else None,
                )
                for p in seen.periods
            ],
            version=seen.member.version,
            disclosure=DisclosureNoticeView.of(notice_for(seen.access)),
            attendance=AttendanceSummaryView.of(seen.attendance),
        )


class RecoveryController(ApiController):
    path = "/v1/members/{member_id:uuid}"
    tags = ["recovery"]

    @operation(get, "getRecovery", Scope.MEMBERS_READ, errors=(410,), path="/recovery")
    async def get_recovery(self, request: HttpRequest, member_id: MemberId) -> RecoveryView:
        """A member's recovery journey: current period, streaks, history

        The home organization sees everything. Another organization needs a consent in force
        covering `recovery` (the read is recorded as a disclosure) and never sees the notes."""
        act = acting(request)
        viewing = act.viewing()
        return RecoveryView.of(
            await usecases.view_journey(
                viewing, member_id, act.services.federation, act.services.meetings
            )
        )

    @operation(
        post,
        "restartRecovery",
        Scope.MEMBERS_WRITE,
        errors=(409, 410, 413, 422),
        path="/recovery-restarts",
        etag=True,
    )
    async def restart(
        self,
        request: HttpRequest,
        member_id: MemberId,
        data: JSONBody[RestartCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> Response[RecoveryView]:
        """Record a restart: the current period closes and a new one opens that day

        Home organization only. Nothing is deleted; the optional note stays with the home
        organization."""
        act = acting(request)
        command = usecases.RestartRecovery(
            organization_id=act.organization_id,
            member_id=member_id,
            restarted_on=data.restarted_on,
            restarted_time=parse_time(data.restarted_time),
            note=data.note,
        )

        def present(seen: usecases.JourneySeen) -> Created[RecoveryView]:
            view = RecoveryView.of(seen)
            return Created.of(view, version=seen.member.version, resource_id=member_id)

        return await create_idempotently(
            request,
            idempotency_key,
            create=lambda uow, receipt: usecases.restart_recovery(command, uow, receipt=receipt),
            present=present,
        )
