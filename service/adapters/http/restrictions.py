"""A member's restrictions (42 CFR 2.26): /v1/members/{id}/restrictions and
/v1/restrictions/{id}/decision, /v1/restrictions/{id}/end."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal
from uuid import UUID

import msgspec
from litestar import Response, get, post
from litestar.params import JSONBody, PathParameter
from msgspec import Meta

from service.adapters.http.idempotency import Created, IdempotencyKey, create_idempotently
from service.adapters.http.operations import ApiController, HttpRequest, acting, operation
from service.adapters.http.paging import Paging, list_of
from service.adapters.http.views import CopiedView
from service.domain.consent import DataScope
from service.domain.consent_form import PurposeCode
from service.domain.organizations import Scope
from service.domain.restrictions import NewRestriction, RestrictionStatus
from service.usecases import restrictions as usecases

MemberId = Annotated[UUID, PathParameter(description="The member's id.")]
RestrictionId = Annotated[UUID, PathParameter(description="The restriction's id.")]


class RestrictionCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Which data (`scopes`) the member asks to keep back, from which recipients (none named:
    from every one) and for which purposes (none named: for any), and when they asked."""

    scopes: Annotated[list[DataScope], Meta(min_length=1, max_length=len(DataScope))]
    recipient_organization_ids: Annotated[list[UUID], Meta(max_length=100)] = []
    purpose_codes: Annotated[list[PurposeCode], Meta(max_length=len(PurposeCode))] = []
    requested_on: date

    def to_domain(self) -> NewRestriction:
        return NewRestriction(
            scopes=frozenset(self.scopes),
            recipient_organization_ids=frozenset(self.recipient_organization_ids),
            purpose_codes=frozenset(self.purpose_codes),
            requested_on=self.requested_on,
        )


class RestrictionDecision(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    # A word, not a boolean: the body decoder would take 0 and 1 for false and true.
    decision: Literal["agree", "deny"]


class RestrictionView(CopiedView, kw_only=True):
    """`agreed`: every read honours it, as it honours a consent's limits (the consents it
    matches show it in `restricted_scopes`)."""

    id: UUID
    member_id: UUID
    scopes: list[DataScope]
    recipient_organization_ids: list[UUID]
    purpose_codes: list[PurposeCode]
    requested_on: date
    status: RestrictionStatus
    decided_at: datetime | None
    ended_at: datetime | None
    version: int


class RestrictionList(msgspec.Struct, kw_only=True):
    data: list[RestrictionView]
    next_cursor: str | None


class MemberRestrictionController(ApiController):
    path = "/v1/members/{member_id:uuid}/restrictions"
    tags = ["consents"]

    @operation(post, "requestRestriction", Scope.CONSENTS_WRITE, errors=(409, 410, 413, 422))
    async def request_restriction(
        self,
        request: HttpRequest,
        member_id: MemberId,
        data: JSONBody[RestrictionCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> Response[RestrictionView]:
        """Record a member's request to restrict disclosures (home organization only)

        It takes effect once agreed (`POST /v1/restrictions/{id}/decision`)."""
        act = acting(request)
        organization_id, new = act.organization_id, data.to_domain()
        return await create_idempotently(
            request,
            idempotency_key,
            create=lambda uow, receipt: usecases.request_restriction(
                organization_id, member_id, new, uow, receipt=receipt
            ),
            present=lambda made: Created.of(RestrictionView.of(made)),
        )

    @operation(get, "listRestrictions", Scope.CONSENTS_READ)
    async def list_restrictions(
        self, request: HttpRequest, member_id: MemberId, page: Paging
    ) -> RestrictionList:
        """A member's restrictions, oldest first (home organization only)

        The member's requests to restrict disclosures (42 CFR 2.26): what data, from which
        recipients, for which purposes, and what the home organization decided.
        """
        act = acting(request)
        found = await usecases.list_restrictions(act.organization_id, member_id, page, act.uow())
        return list_of(RestrictionList, found, RestrictionView.of)


class RestrictionController(ApiController):
    path = "/v1/restrictions/{restriction_id:uuid}"
    tags = ["consents"]

    @operation(
        post,
        "decideRestriction",
        Scope.CONSENTS_WRITE,
        errors=(409, 413),
        path="/decision",
        status_code=200,
    )
    async def decide(
        self,
        request: HttpRequest,
        restriction_id: RestrictionId,
        data: JSONBody[RestrictionDecision],
    ) -> RestrictionView:
        """Agree to or deny a requested restriction (once); agreed, it holds from the next read

        The home organization agrees to or denies the member's request, once (42 CFR 2.26 lets it
        deny). An agreed restriction takes its scopes out of every matching consent from the next
        read, including consents given later.
        """
        act = acting(request)
        decided = await usecases.decide_restriction(
            act.organization_id, restriction_id, data.decision == "agree", act.uow()
        )
        return RestrictionView.of(decided)

    @operation(
        post, "endRestriction", Scope.CONSENTS_WRITE, errors=(409,), path="/end", status_code=200
    )
    async def end(self, request: HttpRequest, restriction_id: RestrictionId) -> RestrictionView:
        """End an agreed restriction: the consents it limited grant their scopes again

        Ends an agreed restriction: from the next read the consents it limited allow again what they
        say.
        """
        act = acting(request)
        ended = await usecases.end_restriction(act.organization_id, restriction_id, act.uow())
        return RestrictionView.of(ended)
