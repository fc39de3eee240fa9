"""Ports: The unit of work: one transaction over every repository."""

from __future__ import annotations

from types import TracebackType
from typing import Protocol, Self, TypeVar

from service.domain.ports.conversation import ConversationRepository
from service.domain.ports.engagement import EngagementRepository
from service.domain.ports.events import IdempotencyRecorder, Outbox
from service.domain.ports.federation import ConsentRepository, NetworkRepository
from service.domain.ports.incidents import AccountingRequestRepository, IncidentRepository
from service.domain.ports.journeys import MilestoneRepository, PledgeRepository, RecoveryRepository
from service.domain.ports.meetings import MeetingRepository
from service.domain.ports.members import MemberRepository
from service.domain.ports.organizations import (
    ApiKeyRepository,
    IntermediaryRepository,
    OrganizationRepository,
)
from service.domain.ports.reach_outs import ReachOutRepository
from service.domain.ports.referrals import ReferralRepository
from service.domain.ports.restrictions import RestrictionRepository
from service.domain.ports.system import Clock, IdSource
from service.domain.ports.webhooks import WebhookEndpointRepository


class UnitOfWork(Protocol):
    """One transaction. Rolls back on leaving unless commit() was called; commit() is always
    real. Not re-entrant: entering one that is already open is a bug and raises (a use case
    that needs another's writes calls its inner function, such as members.add_member, inside
    its own transaction). It carries the use case's clock and id source too, so that a use
    case takes its command and a unit of work, and nothing else it acts through."""

    @property
    def clock(self) -> Clock: ...

    @property
    def ids(self) -> IdSource: ...

    @property
    def organizations(self) -> OrganizationRepository: ...

    @property
    def api_keys(self) -> ApiKeyRepository: ...

    @property
    def intermediaries(self) -> IntermediaryRepository: ...

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

    @property
    def incidents(self) -> IncidentRepository: ...

    @property
    def accounting_requests(self) -> AccountingRequestRepository: ...

    @property
    def restrictions(self) -> RestrictionRepository: ...

    @property
    def conversation(self) -> ConversationRepository: ...

    @property
    def reach_outs(self) -> ReachOutRepository: ...

    @property
    def meetings(self) -> MeetingRepository: ...

    @property
    def engagement(self) -> EngagementRepository: ...

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


ResultT_contra = TypeVar("ResultT_contra", contravariant=True)


class Receipt(Protocol[ResultT_contra]):
    async def __call__(self, uow: UnitOfWork, result: ResultT_contra, /) -> None:
        """What the caller keeps with a change, in the change's own transaction: the response to
        a request with an Idempotency-Key, stored so that a retry replays it. A creating use
        case writes it just before its commit, so the change and its receipt commit together
        or not at all."""
        ...


async def no_receipt(uow: UnitOfWork, result: object, /) -> None:
    """For a caller that keeps nothing with the change (a request without Idempotency-Key)."""
