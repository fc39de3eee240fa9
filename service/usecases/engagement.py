"""Noticing when someone drifts away: the daily evaluation of each member in their own local
calendar, and each organization's thresholds."""

from __future__ import annotations

from uuid import UUID

from service.domain import disengagement as rules
from service.domain.disengagement import Evaluated, Step, Thresholds
from service.domain.event_payloads import engagement_event
from service.domain.events import EventType
from service.domain.ports import UnitOfWork

_ANNOUNCED = {
    Step.SIGNAL: EventType.MEMBER_DISENGAGEMENT_SIGNAL,
    Step.REENGAGED: EventType.MEMBER_REENGAGED,
}


async def evaluate_due_members(uow: UnitOfWork, batch: int = 500) -> int:
    """Evaluate the members whose local day has ended: a signal when a rule holds and no
    episode is open (`member.disengagement_signal`, with its reasons); their return when an
    episode is open and none holds (`member.reengaged`); nothing more while an episode lasts.
    Every worker runs this; SKIP LOCKED shares the members, and each one's evaluation, its
    next due time and its event are written in the transaction that claimed it: each signal
    exactly once. The activity of a whole batch is read in one statement."""
    now = uow.clock.now()
    async with uow:
        due = await uow.engagement.due(now, batch)
        days = {
            e.member_id: rules.evaluation_day(now, e.timezone)
            for e in due
            if e.timezone is not None
        }
        activity = await uow.engagement.activity(list(days.items()))
        thresholds = await uow.engagement.thresholds(
            sorted({e.organization_id for e in due if e.timezone is not None})
        )
        evaluated: list[Evaluated] = []
        for engagement in due:
            if engagement.timezone is None:  # erased: never evaluated again
                evaluated.append(
                    Evaluated(
                        member_id=engagement.member_id, due_at=None, evaluated_on=None, episode=None
                    )
                )
                continue
            day = days[engagement.member_id]
            episode, step = rules.evaluate(
                engagement.episode,
                activity[engagement.member_id],
                day,
                thresholds[engagement.organization_id],
            )
            evaluated.append(
                Evaluated(
                    member_id=engagement.member_id,
                    due_at=rules.next_evaluation(now, engagement.timezone),
                    evaluated_on=day,
                    episode=episode,
                )
            )
            if step is not None:
                announced = episode if step is Step.SIGNAL else engagement.episode
                assert announced is not None
                await uow.outbox.append(
                    engagement_event(
                        _ANNOUNCED[step],
                        engagement.member_id,
                        engagement.organization_id,
                        announced,
                        uow.ids.new_id(),
                        now,
                    )
                )
        await uow.engagement.save(evaluated)
        await uow.commit()
    return len(due)


async def disengagement_thresholds(organization_id: UUID, uow: UnitOfWork) -> Thresholds:
    """The organization's thresholds (the documented defaults until it sets its own)."""
    async with uow:
        return (await uow.engagement.thresholds([organization_id]))[organization_id]


async def replace_disengagement_thresholds(
    organization_id: UUID, proposed: Thresholds, uow: UnitOfWork
) -> Thresholds:
    """Replace the organization's thresholds, each within its bounds; they apply from each
    member's next evaluation."""
    now = uow.clock.now()
    async with uow:
        current = (await uow.engagement.thresholds([organization_id]))[organization_id]
        replaced = rules.replace_thresholds(current, proposed)
        await uow.engagement.save_thresholds(organization_id, replaced, now)
        await uow.commit()
    return replaced
