"""Reach-outs: open one for a member, respond for a supporter, close it, read it, the
organization's settings and figures, and the sweeps that escalate and expire them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from uuid import UUID

import msgspec

from service.domain import reach_outs as rules
from service.domain.accounting import Viewing
from service.domain.errors import InvalidField, MemberErased, NotFound, found
from service.domain.event_payloads import reach_out_event
from service.domain.events import EventType
from service.domain.ports import ReachOutQueries, Receipt, UnitOfWork, no_receipt
from service.domain.reach_outs import (
    CrisisResource,
    EscalationWindows,
    ReachOut,
    ReachOutOutcome,
    ReachOutSettings,
    ReachOutUrgency,
    Response,
    ResponseKind,
    ResponseTimes,
    SeenReachOut,
)

# The longest period the figures cover in one read.
MAX_FIGURES_PERIOD = timedelta(days=366)


class OpenReachOut(msgspec.Struct, frozen=True, kw_only=True):
    organization_id: UUID
    member_id: UUID
    urgency: ReachOutUrgency
    message: str | None = None
    circle_ids: tuple[UUID, ...] | None = None


async def open_reach_out(
    command: OpenReachOut, uow: UnitOfWork, receipt: Receipt[SeenReachOut] = no_receipt
) -> SeenReachOut:
    """Open a reach-out for one of the organization's members, to the circles around them
    (all, or those named). `reach_out.opened` goes out at once to the home organization and
    to each organization with an active supporter in those circles under the member's consent
    covering `reach_outs`; the organization's crisis resources go with it."""
    now = uow.clock.now()
    async with uow:
        member = await uow.members.get_for_update(command.organization_id, command.member_id)
        if member is None:
            raise NotFound("member", command.member_id)
        if member.erased_at is not None:
            raise MemberErased(member.id, member.erased_at)
        settings = await uow.reach_outs.settings(command.organization_id)
        reach_out = rules.open_reach_out(
            reach_out_id=uow.ids.new_id(),
            member_id=member.id,
            organization_id=command.organization_id,
            urgency=command.urgency,
            message=command.message,
            circles_asked=command.circle_ids,
            member_circles=await uow.reach_outs.circles_around(member.id),
            windows=settings.windows,
            resources=settings.resources,
            now=now,
        )
        await uow.reach_outs.add(reach_out)
        await uow.outbox.append(
            reach_out_event(
                EventType.REACH_OUT_OPENED,
                reach_out,
                command.organization_id,
                uow.ids.new_id(),
                now,
            )
        )
        seen = SeenReachOut(
            reach_out=reach_out,
            responses=(),
            asked=tuple(await uow.reach_outs.asked(reach_out, command.organization_id)),
        )
        await receipt(uow, seen)
        await uow.commit()
    return seen


class Respond(msgspec.Struct, frozen=True, kw_only=True):
    organization_id: UUID
    reach_out_id: UUID
    supporter_member_id: UUID
    kind: ResponseKind


async def respond(
    command: Respond, uow: UnitOfWork, receipt: Receipt[Response] = no_receipt
) -> Response:
    """A supporter's response, given through their own organization, which must see the
    reach-out (its home, or in its audience now) and name one of its members asked by it
    (another organization's member is not found, as anything the caller may not know of).
    The first real answer is announced (`reach_out.answered`, with its delay) and stops the
    escalation; `cannot_now` is kept, and is not an answer."""
    now = uow.clock.now()
    async with uow:
        reach_out = found(
            await uow.reach_outs.get_for_update(
                command.organization_id, command.reach_out_id, now, home_only=False
            ),
            "reach-out",
            command.reach_out_id,
        )
        asked = await uow.reach_outs.asked(reach_out, command.organization_id)
        if command.supporter_member_id not in asked:
            # Another organization's member (or none) is not the caller's to name: as for any
            # object it may not know of. Its own member not asked is a field to correct.
            supporter = await uow.members.get_any(command.supporter_member_id)
            if supporter is None or supporter.organization_id != command.organization_id:
                raise NotFound("member", command.supporter_member_id)
            raise InvalidField(
                "supporter_member_id",
                "Name one of your members asked by this reach-out (an active supporter in a "
                "circle it asked).",
            )
        response = Response(
            id=uow.ids.new_id(),
            reach_out_id=reach_out.id,
            supporter_member_id=command.supporter_member_id,
            organization_id=command.organization_id,
            kind=command.kind,
            at=now,
        )
        answered, first = rules.respond(reach_out, response)
        await uow.reach_outs.add_response(response)
        if first:
            await uow.reach_outs.save(answered)
            delay = answered.time_to_first_answer
            assert delay is not None
            # Told by the home organization: who answered is the answering organization's
            # to tell, not the event's (every organization that sees the reach-out gets it).
            await uow.outbox.append(
                reach_out_event(
                    EventType.REACH_OUT_ANSWERED,
                    answered,
                    answered.organization_id,
                    uow.ids.new_id(),
                    now,
                    kind=response.kind.value,
                    seconds_to_answer=int(delay.total_seconds()),
                )
            )
        await receipt(uow, response)
        await uow.commit()
    return response


class CloseReachOut(msgspec.Struct, frozen=True, kw_only=True):
    organization_id: UUID
    reach_out_id: UUID
    outcome: ReachOutOutcome


async def close_reach_out(command: CloseReachOut, uow: UnitOfWork) -> ReachOut:
    """The home organization closes its member's reach-out with how it ended;
    `reach_out.closed` tells everyone who was told it opened and may still see it."""
    now = uow.clock.now()
    async with uow:
        reach_out = found(
            await uow.reach_outs.get_for_update(
                command.organization_id, command.reach_out_id, now, home_only=True
            ),
            "reach-out",
            command.reach_out_id,
        )
        closed = rules.close(reach_out, command.outcome, now)
        await uow.reach_outs.save(closed)
        await _announce_closed(closed, uow, now)
        await uow.commit()
    return closed


async def _announce_closed(closed: ReachOut, uow: UnitOfWork, now: datetime) -> None:
    assert closed.outcome is not None
    await uow.outbox.append(
        reach_out_event(
            EventType.REACH_OUT_CLOSED,
            closed,
            closed.organization_id,
            uow.ids.new_id(),
            now,
            outcome=closed.outcome.value,
        )
    )


async def get_reach_out(
    viewing: Viewing, reach_out_id: UUID, queries: ReachOutQueries
) -> SeenReachOut:
    """A reach-out as the viewer may see it: the home organization; another organization only
    with an active supporter of its own in a circle asked and a consent from the member in
    force covering `reach_outs` (that read recorded as a disclosure)."""
    return found(await queries.get(viewing, reach_out_id), "reach-out", reach_out_id)


async def reach_out_settings(organization_id: UUID, uow: UnitOfWork) -> ReachOutSettings:
    """The organization's escalation windows and crisis resources."""
    async with uow:
        return await uow.reach_outs.settings(organization_id)


async def replace_reach_out_settings(
    organization_id: UUID,
    windows: EscalationWindows,
    resources: Sequence[CrisisResource],
    uow: UnitOfWork,
) -> ReachOutSettings:
    """Replace the organization's escalation windows and crisis resources: reach-outs opened
    from now on wait and carry these; those already open keep theirs."""
    now = uow.clock.now()
    async with uow:
        current = await uow.reach_outs.settings(organization_id)
        replaced = rules.replace_settings(current, windows, resources)
        await uow.reach_outs.save_settings(organization_id, replaced, now)
        await uow.commit()
    return replaced


class Figures(msgspec.Struct, frozen=True, kw_only=True):
    """Response times over the period they were read for."""

    times: ResponseTimes
    since: datetime
    until: datetime


# The period figures cover when none is named: the last 30 days.
DEFAULT_FIGURES_PERIOD = timedelta(days=30)


async def response_times(
    organization_id: UUID,
    since: datetime | None,
    until: datetime | None,
    network_id: UUID | None,
    now: datetime,
    queries: ReachOutQueries,
) -> Figures:
    """How fast the organization's reach-outs opened in [since, until) were first answered,
    and how many went unanswered or escalated; only those that asked `network_id` if given.
    By default the 30 days up to `until` (by default now); at most 366 days."""
    end = now if until is None else until
    try:
        start = end - DEFAULT_FIGURES_PERIOD if since is None else since
    except OverflowError:
        raise InvalidField("until", "Give an end within the calendar's range.") from None
    if end <= start:
        raise InvalidField("until", "Give an end after the start.")
    if end - start > MAX_FIGURES_PERIOD:
        raise InvalidField("since", "At most 366 days in one read.")
    times = await queries.response_times(organization_id, start, end, network_id)
    return Figures(times=times, since=start, until=end)


async def escalate_due_reach_outs(uow: UnitOfWork, batch: int = 50) -> int:
    """Escalate the reach-outs nobody answered in time: `reach_out.escalated` to the home
    organization, once. Every worker runs this; SKIP LOCKED shares the work, and a reach-out
    claimed is written back escalated in the same transaction, so none escalates twice."""
    now = uow.clock.now()
    async with uow:
        due = await uow.reach_outs.due_to_escalate(now, batch)
        for reach_out in due:
            escalated = rules.escalate(reach_out, now)
            await uow.reach_outs.save(escalated)
            await uow.outbox.append(
                reach_out_event(
                    EventType.REACH_OUT_ESCALATED,
                    escalated,
                    escalated.organization_id,
                    uow.ids.new_id(),
                    now,
                )
            )
        await uow.commit()
    return len(due)


async def expire_reach_outs(uow: UnitOfWork, batch: int = 50) -> int:
    """Close, as `expired`, the reach-outs still open a day after they opened (dated at the
    instant due); `reach_out.closed` goes out. Shared by the workers like the escalation."""
    now = uow.clock.now()
    async with uow:
        due = await uow.reach_outs.due_to_expire(now - rules.EXPIRES_AFTER, batch)
        for reach_out in due:
            expired = rules.expire(reach_out, now)
            await uow.reach_outs.save(expired)
            await _announce_closed(expired, uow, now)
        await uow.commit()
    return len(due)
