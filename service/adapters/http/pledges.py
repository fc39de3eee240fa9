"""Pledges (/v1/members/{id}/pledges, /v1/pledges/{id}) and check-ins."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Annotated, Literal
from uuid import UUID

import msgspec
from litestar import Response, get, patch, post
from litestar.params import JSONBody, PathParameter
from msgspec import Meta

from service.adapters.http.disclosure_schemas import DisclosureNoticeView
from service.adapters.http.idempotency import (
    Created,
    IdempotencyKey,
    IfMatch,
    create_idempotently,
    etag,
    expected_version,
)
from service.adapters.http.operations import Acting, ApiController, HttpRequest, acting, operation
from service.adapters.http.paging import Paging, list_of
from service.adapters.http.schemas import PRINTABLE
from service.adapters.http.views import view_of
from service.domain.disclosure_notice import notice_for
from service.domain.organizations import Scope
from service.domain.pledges import Cadence, Outcome, PledgeStatus
from service.domain.records import copied
from service.usecases import pledges as usecases

MemberId = Annotated[UUID, PathParameter(description="The member's id.")]
PledgeId = Annotated[UUID, PathParameter(description="The pledge's id.")]
Note = Annotated[str, Meta(max_length=1000, pattern=PRINTABLE)]


class PledgeCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """To self (no network), to a network (`network_id`), or to one supporter in it."""

    text: Annotated[str, Meta(min_length=1, max_length=280, pattern=PRINTABLE)]
    cadence: Cadence
    starts_on: date
    ends_on: date | None = None
    network_id: UUID | None = None
    supporter_member_id: UUID | None = None


class PledgeUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    status: Literal["completed", "withdrawn"]


class CheckInCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """`period`: `YYYY-MM-DD` (daily), `YYYY-Www` (weekly, ISO week) or `once`. A second
    check-in for a period needs `correction: true`; the replaced one stays in the history."""

    period: Annotated[str, Meta(min_length=4, max_length=10, pattern=r"^[0-9A-Za-z\-]+$")]
    outcome: Outcome
    note: Note | None = None
    correction: bool = False


class CheckInView(msgspec.Struct, kw_only=True):
    id: UUID
    period_start: date
    outcome: Outcome
    note: str | None
    recorded_at: datetime
    by_sweep: bool
    superseded_at: datetime | None


class PledgeView(msgspec.Struct, kw_only=True):
    """A pledge with its derived streaks. Notes and the supporter show to the home
    organization only."""

    id: UUID
    member_id: UUID
    text: str
    cadence: Cadence
    network_id: UUID | None
    supporter_member_id: UUID | None
    starts_on: date
    ends_on: date | None
    status: PledgeStatus
    current_streak: int
    longest_streak: int
    kept_rate: float | None
    check_ins: list[CheckInView]
    version: int
    disclosure: DisclosureNoticeView | None = None

    @classmethod
    def of(cls, seen: usecases.PledgeSeen) -> PledgeView:
        home, stats = seen.access.home, seen.stats
        return view_of(
            cls,
            seen.pledge,
            # The supporter is someone else's member: only the home organization sees who.
            supporter_member_id=seen.pledge.supporter_member_id if home else None,
            current_streak=stats.current_streak,
            longest_streak=stats.longest_streak,
            kept_rate=stats.kept_rate,
            check_ins=[
                view_of(CheckInView, c, note=c.note if home else None) for c in seen.check_ins
            ],
            disclosure=DisclosureNoticeView.of(notice_for(seen.access)),
        )


class PledgeList(msgspec.Struct, kw_only=True):
    data: list[PledgeView]
    next_cursor: str | None


def _grace(act: Acting) -> timedelta:
    return timedelta(hours=act.services.settings.pledge_grace_hours)


class MemberPledgeController(ApiController):
    path = "/v1/members/{member_id:uuid}/pledges"
    tags = ["pledges"]

    @operation(post, "createPledge", Scope.MEMBERS_WRITE, errors=(409, 410, 413, 422), etag=True)
    async def create(
        self,
        request: HttpRequest,
        member_id: MemberId,
        data: JSONBody[PledgeCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> Response[PledgeView]:
        """Record a member's pledge (home organization only)

        A promise the member makes (`text`), kept `daily`, `weekly` or `once` from `starts_on` (in
        the member's time zone) until `ends_on` or until completed, optionally in a network and with
        a supporter who is a member of it. Check-ins record each period; a period passed without one
        is recorded as missed by a sweep.
        """
        act = acting(request)
        command = copied(
            usecases.CreatePledge, data, organization_id=act.organization_id, member_id=member_id
        )
        grace = _grace(act)
        return await create_idempotently(
            request,
            idempotency_key,
            create=lambda uow, receipt: usecases.create_pledge(
                command, uow, grace, receipt=receipt
            ),
            present=lambda seen: Created.of(PledgeView.of(seen), version=seen.pledge.version),
        )

    @operation(get, "listMemberPledges", Scope.MEMBERS_READ, errors=(410,))
    async def list_pledges(
        self,
        request: HttpRequest,
        member_id: MemberId,
        page: Paging,
    ) -> PledgeList:
        """A member's pledges with check-ins, streaks and kept rate

        The home organization, or another one holding a consent in force that covers `pledges`
        (the read is recorded as a disclosure; notes stay at home)."""
        act = acting(request)
        seen = await usecases.view_pledges(
            act.viewing(),
            member_id,
            page,
            act.services.federation,
            _grace(act),
        )
        return list_of(PledgeList, seen, PledgeView.of)


class PledgeController(ApiController):
    path = "/v1/pledges/{pledge_id:uuid}"
    tags = ["pledges"]

    @operation(patch, "updatePledge", Scope.MEMBERS_WRITE, errors=(409, 412, 413, 422), etag=True)
    async def update(
        self,
        request: HttpRequest,
        pledge_id: PledgeId,
        data: JSONBody[PledgeUpdate],
        if_match: IfMatch = None,
    ) -> Response[PledgeUpdate]:
        """Complete or withdraw a pledge (home organization only)

        Ends a pledge: `completed` (kept to the end) or `withdrawn`. Its check-ins stay. Send `If-
        Match`.
        """
        act = acting(request)
        pledge = await usecases.change_status(
            act.organization_id,
            pledge_id,
            PledgeStatus(data.status),
            expected_version(if_match),
            act.uow(),
        )
        return Response(PledgeUpdate(status=data.status), headers={"ETag": etag(pledge.version)})

    @operation(
        post, "recordCheckIn", Scope.MEMBERS_WRITE, errors=(409, 410, 413, 422), path="/check-ins"
    )
    async def check_in(
        self,
        request: HttpRequest,
        pledge_id: PledgeId,
        data: JSONBody[CheckInCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> Response[PledgeView]:
        """Check in on one period of a pledge (home organization only)

        One per period, late ones within the grace window (24 hours after the period ends by
        default); a second one is a 409 unless it is an explicit correction."""
        act = acting(request)
        command = copied(
            usecases.RecordCheckIn, data, organization_id=act.organization_id, pledge_id=pledge_id
        )
        grace = _grace(act)
        return await create_idempotently(
            request,
            idempotency_key,
            create=lambda uow, receipt: usecases.record_check_in(
                command, uow, grace, receipt=receipt
            ),
            present=lambda seen: Created.of(PledgeView.of(seen)),
        )
