"""Ports: incidents and the disclosures an incident touched; a member's requests for an
accounting."""

from __future__ import annotations

from typing import Protocol
from uuid import UUID

from service.domain.accounting import Disclosure
from service.domain.accounting_requests import AccountingRequest
from service.domain.incidents import Incident
from service.domain.paging import Page, PageRequest
from service.domain.ports.records import MemberRecords, OrganizationRecords


class IncidentRepository(OrganizationRecords[Incident], Protocol):
    """The organization's incidents (opened, then closed with a note)."""


class IncidentQueries(Protocol):
    async def get(self, organization_id: UUID, incident_id: UUID) -> Incident | None:
        """The organization's incident; None for another's or none."""
        ...

    async def disclosures(self, incident: Incident, page: PageRequest) -> Page[Disclosure]:
        """Every disclosure the incident touched, oldest first: in its period, made by the
        incident's organization (of its members) or received by it, narrowed to what its key
        read and to its recipient when it names them."""
        ...


class AccountingRequestRepository(MemberRecords[AccountingRequest], Protocol):
    """A member's requests for an accounting of disclosures (answered once)."""
