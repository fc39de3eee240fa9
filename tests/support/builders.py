"""Domain objects and rows the tests build, in one place."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID, uuid4

import asyncpg

from service.adapters.postgres.pool import FairPool
from service.adapters.postgres.unit_of_work import PostgresUnitOfWork
from service.adapters.system import SystemClock, UuidV7Source
from service.domain import webhooks as rules
from service.domain.consent import Consent, DataScope
from service.domain.consent_form import EndEvent, SignatureMethod
from service.domain.events import EventType
from service.domain.members import Member
from service.domain.organizations import ALL_SCOPES, Organization, OrganizationKind, Scope
from service.domain.webhooks import NewEndpoint, WebhookEndpoint


def endpoint(
    *,
    organization_id: UUID,
    now: datetime,
    url: str = "https://receiver.example/hook",
    scopes: frozenset[Scope] = ALL_SCOPES,
    event_types: frozenset[EventType] = frozenset(),
    endpoint_id: UUID | None = None,
) -> WebhookEndpoint:
    """A webhook endpoint as registering it makes one (the domain's register_endpoint)."""
    return rules.register_endpoint(
        NewEndpoint(url=url, description=None, event_types=event_types, key_scopes=scopes),
        endpoint_id=endpoint_id or uuid4(),
        organization_id=organization_id,
        secret="whsec_" + "A" * 43 + "=",
        now=now,
    )


async def stored_organization(
    pool: FairPool, now: datetime, kind: OrganizationKind = OrganizationKind.PEER_ORG
) -> UUID:
    """A new organization, stored through the unit of work."""
    organization = Organization(
        id=uuid4(), name="Adapter tests", kind=kind, version=1, created_at=now
    )
    uow = PostgresUnitOfWork(pool, SystemClock(), UuidV7Source())
    async with uow:
        await uow.organizations.add(organization)
        await uow.commit()
    return organization.id


async def organization_row(
    connection: asyncpg.Connection, name: str, kind: str = "community_app"
) -> UUID:
    """A new organization written as a row, on a plain connection (for the tests that read
    PostgreSQL's plans in a database of their own)."""
    organization = uuid4()
    await connection.execute(
        "INSERT INTO organizations (id, name, kind, version, created_at) "
        "VALUES ($1, $2, $3, 1, now())",
        organization,
        name,
        kind,
    )
    return organization


def new_member(
    organization_id: UUID,
    *,
    now: datetime,
    external_ref: str | None = None,
    display_name: str = "Held back",
) -> Member:
    """A member as a creation makes one, not stored."""
    return Member(
        id=uuid4(),
        organization_id=organization_id,
        display_name=display_name,
        timezone="UTC",
        external_ref=external_ref,
        recovery_started_on=None,
        contact=None,
        version=1,
        created_at=now,
        updated_at=now,
    )


def consent_to(
    recipient: UUID,
    member: Member,
    scopes: frozenset[DataScope],
    *,
    signed_at: datetime,
    expires_at: datetime | None,
    **since: Any,
) -> Consent:
    """A consent `member` signed at `signed_at` for `recipient`, as the service records one
    (without an expiry date, an end event: a consent always has one of the two). `since`:
    what happened to it later (revoked_at, ended_at, restricted_scopes, ...)."""
    return Consent(
        id=uuid4(),
        member_id=member.id,
        organization_id=member.organization_id,
        recipient_organization_id=recipient,
        scopes=scopes,
        purpose="Coordinate peer support",
        expires_on=None if expires_at is None else expires_at.date(),
        expires_at=expires_at,
        end_event=EndEvent.TREATMENT_ENDED if expires_at is None else None,
        signature_method=SignatureMethod.ELECTRONIC,
        signed_at=signed_at,
        signed_by="the member",
        recorded_by="intake",
        recorded_by_key_id=uuid4(),
        version=1,
        created_at=signed_at,
        updated_at=signed_at,
        **since,
    )
