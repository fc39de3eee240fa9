"""A member's requests for an accounting of disclosures (42 CFR 2.24, 2.25):
/v1/members/{id}/accounting-requests and /v1/accounting-requests/{id}/answered."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated
from uuid import UUID

import msgspec
from litestar import Response, get, post
from litestar.params import JSONBody, PathParameter

from service.adapters.http.idempotency import Created, IdempotencyKey, create_idempotently
from service.adapters.http.operations import ApiController, HttpRequest, acting, operation
from service.adapters.http.paging import Paging, list_of
from service.adapters.http.views import CopiedView
from service.domain.accounting_requests import NewAccountingRequest
from service.domain.consent_form import RevocationChannel
from service.domain.organizations import Scope
from service.domain.records import copied
from service.usecases import accounting_requests as usecases

MemberId = Annotated[UUID, PathParameter(description="The member's id.")]
RequestId = Annotated[UUID, PathParameter(description="The accounting request's id.")]


class AccountingRequestCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """When and how the member asked (`written`, `electronic`, `oral`), and the period the
    accounting should cover (default: the three years before the request, the most it may)."""

    received_on: date
    received_via: RevocationChannel
    period_start: date | None = None
    period_end: date | None = None

    def to_domain(self) -> NewAccountingRequest:
        return copied(NewAccountingRequest, self)


class AccountingRequestView(CopiedView, kw_only=True):
    """`answer_by`: 30 days after the request was received (42 CFR 2.24)."""

    id: UUID
    member_id: UUID
    received_on: date
    received_via: RevocationChannel
    period_start: date
    period_end: date
    answer_by: date
    answered_at: datetime | None
    version: int


class AccountingRequestList(msgspec.Struct, kw_only=True):
    data: list[AccountingRequestView]
    next_cursor: str | None


class MemberAccountingRequestController(ApiController):
    path = "/v1/members/{member_id:uuid}/accounting-requests"
    tags = ["consents"]

    @operation(post, "recordAccountingRequest", Scope.CONSENTS_WRITE, errors=(409, 413, 422))
    async def record(
        self,
        request: HttpRequest,
        member_id: MemberId,
        data: JSONBody[AccountingRequestCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> Response[AccountingRequestView]:
        """Record a member's request for an accounting of disclosures (home organization only)

        Its answer is due 30 days after it was received (`answer_by`); the accounting itself
        is `GET /v1/members/{id}/disclosures` for the period asked. Also after erasure."""
        act = acting(request)
        organization_id, new = act.organization_id, data.to_domain()
        return await create_idempotently(
            request,
            idempotency_key,
            create=lambda uow, receipt: usecases.record_accounting_request(
                organization_id, member_id, new, uow, receipt=receipt
            ),
            present=lambda made: Created.of(AccountingRequestView.of(made)),
        )

    @operation(get, "listAccountingRequests", Scope.CONSENTS_READ)
    async def list_requests(
        self,
        request: HttpRequest,
        member_id: MemberId,
        page: Paging,
    ) -> AccountingRequestList:
        """A member's requests for an accounting, with their due dates (home organization only)

        The member's requests for an accounting of disclosures, oldest first, each with its
        `answer_by` date and, once answered, `answered_at`. The member's home organization only.
        """
        act = acting(request)
        found = await usecases.list_accounting_requests(
            act.organization_id, member_id, page, act.uow()
        )
        return list_of(AccountingRequestList, found, AccountingRequestView.of)


class AccountingRequestController(ApiController):
    path = "/v1/accounting-requests"
    tags = ["consents"]

    @operation(
        post,
        "answerAccountingRequest",
        Scope.CONSENTS_WRITE,
        errors=(409,),
        path="/{request_id:uuid}/answered",
        status_code=200,
    )
    async def answered(self, request: HttpRequest, request_id: RequestId) -> AccountingRequestView:
        """Record that the accounting went to the member; a request is answered once (409)

        Records that the member's request for an accounting of disclosures was answered (42 CFR 2.24
        gives 30 days from `received_on`; `answer_by` says when). Only the member's home
        organization may, and only once: answering an answered request is a 409.
        """
        act = acting(request)
        answered = await usecases.answer_accounting_request(
            act.organization_id, request_id, act.uow()
        )
        return AccountingRequestView.of(answered)
