"""The sweep that records missed pledge periods: a period that ended without a check-in, past
the grace hours, becomes `pledge.missed`, once, whatever the number of workers."""

from __future__ import annotations

from datetime import timedelta

from service.domain import pledges as rules
from service.domain.event_payloads import pledge_event
from service.domain.events import EventType
from service.domain.local_time import local_midnight, local_today
from service.domain.pledges import CheckIn, Outcome
from service.domain.ports import UnitOfWork


async def sweep_missed(uow: UnitOfWork, grace: timedelta, batch: int = 100) -> int:
    """Record as missed each period whose grace window passed with no check-in, and announce
    `pledge.missed` once per period. Several workers share the work (SKIP LOCKED); the unique
    check-in per period makes a second announcement impossible."""
    now = uow.clock.now()
    async with uow:
        due = await uow.pledges.due_for_sweep(now, batch)
        for pledge, zone in due:
            existing = await uow.pledges.check_ins(pledge.id)
            for period in rules.due_for_missed(
                pledge, existing, timezone=zone, grace=grace, now=now
            ):
                await uow.pledges.add_check_in(
                    CheckIn(
                        id=uow.ids.new_id(),
                        pledge_id=pledge.id,
                        period_start=period.start,
                        outcome=Outcome.MISSED,
                        note=None,
                        recorded_at=now,
                        by_sweep=True,
                    )
                )
                await uow.outbox.append(
                    pledge_event(
                        EventType.PLEDGE_MISSED,
                        pledge,
                        uow.ids.new_id(),
                        now,
                        period_start=period.start.isoformat(),
                    )
                )
            # Look again when the current period's grace window closes (or sooner, hourly).
            today = local_today(now, zone)
            current = rules.period_containing(pledge, today)
            next_look = now + timedelta(hours=1)
            if current is not None:
                next_look = min(next_look, local_midnight(current.end, zone) + grace)
            await uow.pledges.schedule_sweep(pledge.id, max(next_look, now + timedelta(minutes=1)))
        await uow.commit()
    return len(due)
