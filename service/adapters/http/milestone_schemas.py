"""The request and response bodies of milestones, cheers and the milestone ladder."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal
from uuid import UUID

import msgspec
from msgspec import Meta

from service.adapters.http.disclosure_schemas import DisclosureNoticeView
from service.adapters.http.schemas import PRINTABLE
from service.domain.milestones import Ladder, Rung, Unit


class CheerView(msgspec.Struct, kw_only=True):
    """A cheer. Its author shows only to the author's own organization."""

    id: UUID
    milestone_key: str
    author_member_id: UUID | None
    message: str
    created_at: datetime


class MilestoneView(msgspec.Struct, kw_only=True):
    """A reached milestone. Another organization sees its label and local date under the
    `milestones` scope; `period_started_on` (and a key naming the period's start: otherwise
    `current.<rung>`) only with `recovery`; `reached_at` only with `profile`."""

    key: str
    label: str
    kind: Literal["automatic", "custom"]
    period_started_on: date | None
    reached_at: datetime | None
    achieved_on: date | None
    cheers: list[CheerView]


class NextMilestoneView(msgspec.Struct, kw_only=True):
    """`due_at` is null where `reached_at` would be (without the `profile` scope)."""

    key: str
    label: str
    due_at: datetime | None
    due_on: date


class MilestonesView(msgspec.Struct, kw_only=True):
    """Reached milestones of every period (each with the period it belongs to), custom ones,
    and the next one with its date in the member's time zone. Computed on each read."""

    member_id: UUID
    reached: list[MilestoneView]
    next: NextMilestoneView | None
    disclosure: DisclosureNoticeView | None = None


class CustomMilestoneCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    title: Annotated[str, Meta(min_length=1, max_length=200, pattern=PRINTABLE)]
    achieved_on: date


class CheerCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    author_member_id: UUID
    message: Annotated[str, Meta(min_length=1, max_length=280, pattern=PRINTABLE)]


class RungSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    unit: Unit
    amount: Annotated[int, Meta(ge=1, le=1200)]


class LadderSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """The rungs, then one more every `then_every_months` months (null: no more)."""

    rungs: Annotated[list[RungSpec], Meta(min_length=1, max_length=50)]
    then_every_months: Annotated[int, Meta(ge=1, le=120)] | None = 12

    def to_domain(self) -> Ladder:
        return Ladder(
            rungs=tuple(Rung(unit=r.unit, amount=r.amount) for r in self.rungs),
            then_every_months=self.then_every_months,
        )

    @classmethod
    def of(cls, ladder: Ladder) -> LadderSpec:
        return cls(
            rungs=[RungSpec(unit=r.unit, amount=r.amount) for r in ladder.rungs],
            then_every_months=ladder.then_every_months,
        )
