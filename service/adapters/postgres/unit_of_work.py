"""The unit of work: one pooled connection (from its first statement) and, when a statement
needs one, one transaction."""

from __future__ import annotations

from datetime import timedelta
from types import TracebackType
from typing import Self

from service.adapters.postgres.consents import PostgresConsentRepository
from service.adapters.postgres.conversation import PostgresConversationRepository
from service.adapters.postgres.engagement import PostgresEngagementRepository
from service.adapters.postgres.events import PostgresOutbox
from service.adapters.postgres.idempotency import PostgresIdempotencyRecorder
from service.adapters.postgres.incidents import ACCOUNTING_REQUESTS, INCIDENTS
from service.adapters.postgres.intermediaries import PostgresIntermediaryRepository
from service.adapters.postgres.meetings import PostgresMeetingRepository
from service.adapters.postgres.members import PostgresMemberRepository
from service.adapters.postgres.milestones import PostgresMilestoneRepository
from service.adapters.postgres.networks import PostgresNetworkRepository
from service.adapters.postgres.organizations import (
    PostgresApiKeyRepository,
    PostgresOrganizationRepository,
)
from service.adapters.postgres.pledges import PostgresPledgeRepository
from service.adapters.postgres.pool import FairPool
from service.adapters.postgres.reach_outs import PostgresReachOutRepository
from service.adapters.postgres.records import MemberTableRecords, TableRecords
from service.adapters.postgres.recovery import PostgresRecoveryRepository
from service.adapters.postgres.referrals import PostgresReferralRepository
from service.adapters.postgres.restrictions import PostgresRestrictionRepository
from service.adapters.postgres.session import Session, SharedCommits
from service.adapters.postgres.webhooks import PostgresWebhookEndpointRepository
from service.domain.accounting_requests import AccountingRequest
from service.domain.incidents import Incident
from service.domain.ports import Clock, IdSource


class PostgresUnitOfWork:
    """Rolls back unless committed. Not re-entrant (entering it twice raises). Writes may be
    held back until commit (see session.py): a unit of work that only writes costs one round
    trip. It takes a connection from the pool when its first statement goes, not when it
    opens: one whose writes go in another unit's statement (commits.py) never takes one."""

    organizations: PostgresOrganizationRepository
    api_keys: PostgresApiKeyRepository
    intermediaries: PostgresIntermediaryRepository
    members: PostgresMemberRepository
    outbox: PostgresOutbox
    idempotency: PostgresIdempotencyRecorder
    networks: PostgresNetworkRepository
    consents: PostgresConsentRepository
    recovery: PostgresRecoveryRepository
    milestones: PostgresMilestoneRepository
    pledges: PostgresPledgeRepository
    referrals: PostgresReferralRepository
    webhooks: PostgresWebhookEndpointRepository
    incidents: TableRecords[Incident]
    accounting_requests: MemberTableRecords[AccountingRequest]
    restrictions: PostgresRestrictionRepository
    conversation: PostgresConversationRepository
    reach_outs: PostgresReachOutRepository
    meetings: PostgresMeetingRepository
    engagement: PostgresEngagementRepository

    def __init__(
        self,
        pool: FairPool,
        clock: Clock,
        ids: IdSource,
        *,
        idempotency_ttl: timedelta = timedelta(hours=24),
        commits: SharedCommits | None = None,
    ) -> None:
        """`idempotency_ttl`: how long a response stored under an Idempotency-Key is
        replayed (Settings.idempotency_ttl_seconds). `commits`: shared by the units of work
        of a worker, to send the statements of those that only write together (commits.py);
        without it, each goes alone."""
        self._pool = pool
        self.clock = clock
        self.ids = ids
        self._idempotency_ttl = idempotency_ttl
        self._commits = commits
        self._session: Session | None = None

    async def __aenter__(self) -> Self:
        if self._session is not None:
            raise RuntimeError("this unit of work is already open")
        session = Session(acquire=self._pool.acquire, commits=self._commits)
        self._session = session
        self.organizations = PostgresOrganizationRepository(session)
        self.api_keys = PostgresApiKeyRepository(session)
        self.intermediaries = PostgresIntermediaryRepository(session)
        self.members = PostgresMemberRepository(session)
        self.outbox = PostgresOutbox(session)
        self.idempotency = PostgresIdempotencyRecorder(session, ttl=self._idempotency_ttl)
        self.networks = PostgresNetworkRepository(session)
        self.consents = PostgresConsentRepository(session)
        self.recovery = PostgresRecoveryRepository(session)
        self.milestones = PostgresMilestoneRepository(session)
        self.pledges = PostgresPledgeRepository(session)
        self.referrals = PostgresReferralRepository(session)
        self.webhooks = PostgresWebhookEndpointRepository(session)
        self.incidents = TableRecords(session, INCIDENTS)
        self.accounting_requests = MemberTableRecords(session, ACCOUNTING_REQUESTS)
        self.restrictions = PostgresRestrictionRepository(session)
        self.conversation = PostgresConversationRepository(session)
        self.reach_outs = PostgresReachOutRepository(session)
        self.meetings = PostgresMeetingRepository(session)
        self.engagement = PostgresEngagementRepository(session)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        session = self._session
        assert session is not None
        try:
            await session.rollback()  # after a commit: nothing left to undo
        finally:
            self._session = None
            if session.acquired is not None:
                await self._pool.release(session.acquired)

    async def commit(self) -> None:
        assert self._session is not None, "commit() outside `async with uow`"
        await self._session.commit()
