"""Ports: Referrals."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol
from uuid import UUID

from service.domain.paging import Page, PageRequest
from service.domain.referrals import Referral, ReferralStatus, StatusChange


class ReferralRepository(Protocol):
    async def add(self, referral: Referral, change: StatusChange) -> None:
        """Store a new referral with the first line of its history. DuplicateReferral if the
        sender already used its external_ref."""
        ...

    async def get_for_update(self, organization_id: UUID, referral_id: UUID) -> Referral | None:
        """The referral, locked, if the organization is its sender or receiver; else None."""
        ...

    async def save(self, referral: Referral, change: StatusChange) -> None:
        """Write back a referral loaded with get_for_update, and append the change."""
        ...

    async def open_with_consent(self, consent_id: UUID, *, excluding: UUID) -> bool:
        """Whether another referral that has not closed yet rests on the consent."""
        ...

    async def overdue(self, now: datetime, limit: int) -> list[Referral]:
        """Unanswered referrals past their answer_by, claimed for this transaction: several
        workers can sweep at once and never claim the same one."""
        ...


class ReferralQueries(Protocol):
    async def get(self, organization_id: UUID, referral_id: UUID) -> Referral | None:
        """The referral if the organization is its sender or receiver; else None."""
        ...

    async def history(self, referral_id: UUID) -> list[StatusChange]:
        """Every status change of the referral, oldest first."""
        ...

    async def list(
        self,
        organization_id: UUID,
        *,
        sent: bool,
        status: ReferralStatus | None,
        page: PageRequest,
    ) -> Page[Referral]:
        """The referrals the organization sent (or received), newest id last, keyset-paged."""
        ...
