"""The unit of work: one pooled connection and one transaction."""

from __future__ import annotations

from types import TracebackType
from typing import Self

from asyncpg.transaction import Transaction

from service.adapters.postgres.federation import (
    PostgresConsentRepository,
    PostgresNetworkRepository,
    PostgresRecoveryRepository,
)
from service.adapters.postgres.idempotency import PostgresIdempotencyRecorder
from service.adapters.postgres.milestones import PostgresMilestoneRepository
from service.adapters.postgres.pledges import PostgresPledgeRepository
from service.adapters.postgres.pool import Database, DbConnection
from service.adapters.postgres.referrals import PostgresReferralRepository
from service.adapters.postgres.repositories import (
    PostgresApiKeyRepository,
    PostgresMemberRepository,
    PostgresOrganizationRepository,
    PostgresOutbox,
)
from service.adapters.postgres.webhooks import PostgresWebhookEndpointRepository


class PostgresUnitOfWork:
    """Rolls back unless committed. Re-entrant: the HTTP idempotency layer opens the outer level
    so that the stored response is written in the same transaction as the change itself."""

    organizations: PostgresOrganizationRepository
    api_keys: PostgresApiKeyRepository
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

    def __init__(self, pool: Database) -> None:
        self._pool = pool
        self._depth = 0
        self._connection: DbConnection | None = None
        self._transaction: Transaction | None = None
        self._committed = False
        self._commit_attempted = False

    async def __aenter__(self) -> Self:
        if self._depth == 0:
            connection = await self._pool.acquire()
            try:
                transaction = connection.transaction()
                await transaction.start()
            except BaseException:
                await self._pool.release(connection)
                raise
            self._connection, self._transaction = connection, transaction
            self._committed = self._commit_attempted = False
            self.organizations = PostgresOrganizationRepository(connection)
            self.api_keys = PostgresApiKeyRepository(connection)
            self.members = PostgresMemberRepository(connection)
            self.outbox = PostgresOutbox(connection)
            self.idempotency = PostgresIdempotencyRecorder(connection)
            self.networks = PostgresNetworkRepository(connection)
            self.consents = PostgresConsentRepository(connection)
            self.recovery = PostgresRecoveryRepository(connection)
            self.milestones = PostgresMilestoneRepository(connection)
            self.pledges = PostgresPledgeRepository(connection)
            self.referrals = PostgresReferralRepository(connection)
            self.webhooks = PostgresWebhookEndpointRepository(connection)
        self._depth += 1
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._depth -= 1
        if self._depth > 0:
            return
        connection, transaction = self._connection, self._transaction
        self._connection = self._transaction = None
        assert connection is not None
        assert transaction is not None
        try:
            # After a failed COMMIT the server has already ended the transaction, and a
            # rollback would only replace the real error with an InterfaceError.
            if not self._committed and not self._commit_attempted:
                await transaction.rollback()
        finally:
            await self._pool.release(connection)

    async def commit(self) -> None:
        if self._depth > 1:
            return  # the outermost level commits
        assert self._transaction is not None, "commit() outside `async with uow`"
        self._commit_attempted = True
        await self._transaction.commit()
        self._committed = True
