"""Ports: The unit of work: one transaction over every repository."""

from __future__ import annotations

from types import TracebackType
from typing import Protocol, Self

from service.domain.ports.events import IdempotencyRecorder, Outbox
from service.domain.ports.federation import ConsentRepository, NetworkRepository
from service.domain.ports.journeys import MilestoneRepository, PledgeRepository, RecoveryRepository
from service.domain.ports.members import MemberRepository
from service.domain.ports.organizations import ApiKeyRepository, OrganizationRepository
from service.domain.ports.referrals import ReferralRepository
from service.domain.ports.webhooks import WebhookEndpointRepository


class UnitOfWork(Protocol):
    """One transaction. Rolls back on leaving unless commit() was called. Re-entrant: an inner
    `async with` joins the outer transaction, and only the outermost commit is real."""

    @property
    def organizations(self) -> OrganizationRepository: ...

    @property
    def api_keys(self) -> ApiKeyRepository: ...

    @property
    def members(self) -> MemberRepository: ...

    @property
    def outbox(self) -> Outbox: ...

    @property
    def networks(self) -> NetworkRepository: ...

    @property
    def consents(self) -> ConsentRepository: ...

    @property
    def recovery(self) -> RecoveryRepository: ...

    @property
    def milestones(self) -> MilestoneRepository: ...

    @property
    def pledges(self) -> PledgeRepository: ...

    @property
    def referrals(self) -> ReferralRepository: ...

    @property
    def webhooks(self) -> WebhookEndpointRepository: ...

    @property
    def idempotency(self) -> IdempotencyRecorder: ...

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    async def commit(self) -> None:
        """Make everything done in this unit of work durable."""
        ...
