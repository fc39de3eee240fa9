"""Each organization's thresholds for noticing when someone drifts away
(/v1/disengagement-thresholds); the signals themselves are events."""

from __future__ import annotations

from typing import Annotated

import msgspec
from litestar import get, put
from litestar.params import JSONBody
from msgspec import Meta

from service.adapters.http.operations import ApiController, HttpRequest, acting, operation
from service.domain.disengagement import Thresholds
from service.domain.organizations import Scope
from service.usecases import engagement as usecases


class ThresholdsUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """When a member's daily evaluation raises a signal, for the organization's members."""

    gap_factor: Annotated[float, Meta(ge=1.0, le=10.0)] = 2.0
    gap_floor_days: Annotated[int, Meta(ge=1, le=60)] = 3
    missed_periods: Annotated[int, Meta(ge=1, le=30)] = 3
    missed_meetings: Annotated[int, Meta(ge=1, le=10)] = 2
    quiet_days_after_reach_out: Annotated[int, Meta(ge=1, le=30)] = 3


class ThresholdsView(msgspec.Struct, kw_only=True):
    """The organization's thresholds: the documented defaults (`version` 0) until it sets its
    own."""

    gap_factor: float
    gap_floor_days: int
    missed_periods: int
    missed_meetings: int
    quiet_days_after_reach_out: int
    version: int

    @classmethod
    def of(cls, t: Thresholds) -> ThresholdsView:
        return cls(
            gap_factor=t.gap_factor,
            gap_floor_days=t.gap_floor_days,
            missed_periods=t.missed_periods,
            missed_meetings=t.missed_meetings,
            quiet_days_after_reach_out=t.quiet_days_after_reach_out,
            version=t.version,
        )


class ThresholdsController(ApiController):
    path = "/v1/disengagement-thresholds"
    tags = ["engagement"]

    @operation(get, "getDisengagementThresholds", Scope.MEMBERS_READ)
    async def get_thresholds(self, request: HttpRequest) -> ThresholdsView:
        """The organization's thresholds for disengagement signals

        The defaults until it sets its own: quiet for longer than twice the member's usual gap
        between check-ins (at least 3 days), 3 pledge periods in a row without a check-in, 2
        meetings in a row missed, 3 days without activity after a reach-out closed as
        `no_longer_needed`."""
        act = acting(request)
        return ThresholdsView.of(
            await usecases.disengagement_thresholds(act.organization_id, act.uow())
        )

    @operation(put, "replaceDisengagementThresholds", Scope.MEMBERS_WRITE, errors=(413, 422))
    async def replace_thresholds(
        self, request: HttpRequest, data: JSONBody[ThresholdsUpdate]
    ) -> ThresholdsView:
        """Replace the organization's thresholds for disengagement signals

        Each within its bounds; a field left out takes its default. They apply from each
        member's next daily evaluation."""
        act = acting(request)
        replaced = await usecases.replace_disengagement_thresholds(
            act.organization_id,
            Thresholds(
                gap_factor=data.gap_factor,
                gap_floor_days=data.gap_floor_days,
                missed_periods=data.missed_periods,
                missed_meetings=data.missed_meetings,
                quiet_days_after_reach_out=data.quiet_days_after_reach_out,
            ),
            act.uow(),
        )
        return ThresholdsView.of(replaced)
