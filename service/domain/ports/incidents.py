"""Ports: incidents and the disclosures an incident touched; a member's requests for an
accounting."""

from __future__ import annotations

from typing import Protocol
from uuid import UUID

from service.domain.accounting import Disclosure
from service.domain.accounting_requests import AccountingRequest
from service.domain.incidents import Incident
from service.domain.paging import Page, PageRequest


class IncidentRepository(Protocol):
    async def add(self, incident: Incident) -> None:
        """Store a new incident."""
        ...

    async def get_for_update(self, organization_id: UUID, incident_id: UUID) -> Incident | None:
        """The organization's incident, locked; None for another's or none."""
        ...

    async def save(self, incident: Incident) -> None:
        """Store an incident's new status."""
        ...


class IncidentQueries(Protocol):
    async def get(self, organization_id: UUID, incident_id: UUID) -> Incident | None:
        """The organization's incident; None for another's or none."""
        ...

    async def disclosures(self, incident: Incident, page: PageRequest) -> Page[Disclosure]:
        """Every disclosure the incident touched, oldest first: in its period, made by the
        incident's organization (of its members) or received by it, narrowed to what its key
        read and to its recipient when it names them."""
        ...


class AccountingRequestRepository(Protocol):
    async def add(self, request: AccountingRequest) -> None:
        """Store a member's request for an accounting."""
        ...

    async def get_for_update(
        self, organization_id: UUID, request_id: UUID
    ) -> AccountingRequest | None:
        """The home organization's request, locked; None for another's or none."""
        ...

    async def save(self, request: AccountingRequest) -> None:
        """Store that the request was answered."""
        ...

    async def of_member(
        self, organization_id: UUID, member_id: UUID, page: PageRequest
    ) -> Page[AccountingRequest]:
        """The member's requests, oldest first (their home organization's only)."""
        ...
