"""A member's requests for an accounting of disclosures (42 CFR 2.24, 2.25): recorded by their
home organization when received, listed with their due dates, marked answered."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import msgspec

from service.domain import accounting_requests as rules
from service.domain.accounting import Disclosure
from service.domain.accounting_requests import AccountingRequest, NewAccountingRequest
from service.domain.errors import found
from service.domain.local_time import local_today
from service.domain.paging import Page, PageRequest
from service.domain.ports import FederationQueries, MemberQueries, Receipt, UnitOfWork, no_receipt
from service.usecases.consents import list_disclosures
from service.usecases.members import locked_member
from service.usecases.records import locked, member_records


async def record_accounting_request(
    organization_id: UUID,
    member_id: UUID,
    new: NewAccountingRequest,
    uow: UnitOfWork,
    receipt: Receipt[AccountingRequest] = no_receipt,
) -> AccountingRequest:
    """Record the member's request (their home organization's only; also after erasure: the
    accounting outlives the member's data)."""
    now = uow.clock.now()
    async with uow:
        member = await locked_member(uow, organization_id, member_id)
        today = local_today(now, member.timezone or "UTC")
        request = rules.record_request(
            new,
            request_id=uow.ids.new_id(),
            member_id=member.id,
            organization_id=organization_id,
            today=today,
            now=now,
        )
        await uow.accounting_requests.add(request)
        await receipt(uow, request)  # the stored response, if any, commits with it
        await uow.commit()
    return request


async def answer_accounting_request(
    organization_id: UUID, request_id: UUID, uow: UnitOfWork
) -> AccountingRequest:
    """Mark the request answered (the accounting went to the member); once only (409)."""
    now = uow.clock.now()
    async with uow:
        request = await locked(
            uow.accounting_requests, organization_id, request_id, "accounting request"
        )
        answered = rules.answer(request, now)
        await uow.accounting_requests.save(answered)
        await uow.commit()
    return answered


async def list_accounting_requests(
    organization_id: UUID, member_id: UUID, page: PageRequest, uow: UnitOfWork
) -> Page[AccountingRequest]:
    """The member's requests, oldest first, with their due dates."""
    return await member_records(
        uow, lambda u: u.accounting_requests, organization_id, member_id, page
    )


class Accounting(msgspec.Struct, frozen=True, kw_only=True):
    """A member's accounting of disclosures for a period, whole: what the home organization
    prints and hands to the member (42 CFR 2.24, 2.25). `complete` is false when the period
    holds more than MAX_ENTRIES entries (the document then says so: ask for a shorter one)."""

    member_id: UUID
    organization_name: str
    since: datetime
    until: datetime
    entries: list[Disclosure]
    complete: bool
    produced_at: datetime


MAX_ENTRIES = 5000


async def accounting_of(
    organization_id: UUID,
    member_id: UUID,
    since: datetime | None,
    until: datetime | None,
    uow: UnitOfWork,
    members: MemberQueries,
    queries: FederationQueries,
) -> Accounting:
    """The member's accounting for a period (default: the three years before now), including
    after erasure; the home organization's only."""
    now = uow.clock.now()
    period_end = until or now
    period_start = since or rules.look_back_from(period_end)
    # One read of at most MAX_ENTRIES (and one more, to know whether the period holds more).
    read = await list_disclosures(
        organization_id,
        member_id,
        PageRequest(limit=MAX_ENTRIES),
        period_start,
        period_end,
        members,
        queries,
    )
    async with uow:
        organization = found(
            await uow.organizations.get(organization_id), "organization", organization_id
        )
    return Accounting(
        member_id=member_id,
        organization_name=organization.name,
        since=period_start,
        until=period_end,
        entries=read.items,
        complete=read.next_after is None,
        produced_at=now,
    )
