"""Ports: Referrals."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol
from uuid import UUID

from service.domain.accounting import Viewing
from service.domain.paging import Page, PageRequest
from service.domain.referral_sight import SeenReferral
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
    async def get(self, viewing: Viewing, referral_id: UUID) -> SeenReferral | None:
        """The referral if the viewer is its sender or receiver (else None), as it may see it
        (referral_sight.referral_seen_by); a read that shows the receiver the person is
        recorded as a disclosure by the same statement."""
        ...

    async def history(self, referral_id: UUID) -> list[StatusChange]:
        """Every status change of the referral, oldest first."""
        ...

    async def list(
        self,
        viewing: Viewing,
        *,
        sent: bool,
        status: ReferralStatus | None,
        page: PageRequest,
    ) -> Page[SeenReferral]:
        """The referrals the viewer sent (or received), newest id last, keyset-paged, as it
        may see them; the received ones a page shows with their person are recorded as
        disclosures by the same statement."""
        ...
