"""The steps use cases over an organization's records take the same way."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar
from uuid import UUID

from service.domain.errors import NotFound, found
from service.domain.paging import Page, PageRequest
from service.domain.ports import UnitOfWork
from service.domain.ports.records import LockableRecords, MemberRecords

R = TypeVar("R")


async def locked(
    records: LockableRecords[R], organization_id: UUID, record_id: UUID, name: str
) -> R:
    """The organization's record, locked until the unit of work ends; NotFound (naming it
    `name`) for another organization's or none."""
    return found(await records.get_for_update(organization_id, record_id), name, record_id)


async def member_records(
    uow: UnitOfWork,
    kind: Callable[[UnitOfWork], MemberRecords[R]],
    organization_id: UUID,
    member_id: UUID,
    page: PageRequest,
) -> Page[R]:
    """One of the organization's members' records of a `kind`, oldest first, a page at a time
    (also after erasure); NotFound for another organization's member."""
    async with uow:
        member = await uow.members.get_any(member_id)  # a read: no lock on the member
        if member is None or member.organization_id != organization_id:
            raise NotFound("member", member_id)
        return await kind(uow).of_member(organization_id, member_id, page)
