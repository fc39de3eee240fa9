"""A member's requests for an accounting of disclosures (42 CFR 2.24, 2.25): recorded by their
home organization when received, listed with their due dates, marked answered."""

from __future__ import annotations

from uuid import UUID

from service.domain import accounting_requests as rules
from service.domain.accounting_requests import AccountingRequest, NewAccountingRequest
from service.domain.local_time import local_today
from service.domain.paging import Page, PageRequest
from service.domain.ports import UnitOfWork
from service.usecases.members import locked_member
from service.usecases.records import locked, member_records


async def record_accounting_request(
    organization_id: UUID, member_id: UUID, new: NewAccountingRequest, uow: UnitOfWork
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
