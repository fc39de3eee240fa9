"""Referrals (/v1/referrals): the closed loop from a clinic to a peer organization."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Literal
from uuid import UUID

from litestar import Response, get, post
from litestar.params import JSONBody, PathParameter, QueryParameter

from service.adapters.http.idempotency import (
    Created,
    IdempotencyKey,
    IfMatch,
    create_idempotently,
    etag,
    expected_version,
)
from service.adapters.http.operations import Acting, ApiController, HttpRequest, acting, operation
from service.adapters.http.paging import Paging, list_of
from service.adapters.http.referral_schemas import (
    ReferralCreate,
    ReferralHistory,
    ReferralList,
    ReferralTransition,
    ReferralView,
    StatusChangeView,
)
from service.domain.organizations import Scope
from service.domain.referral_sight import referral_seen_by
from service.domain.referrals import (
    NewReferral,
    Referral,
    ReferralStatus,
)
from service.usecases import referral_transitions
from service.usecases import referrals as usecases

ReferralId = Annotated[UUID, PathParameter(description="The referral's id.")]
Direction = Annotated[
    Literal["sent", "received"],
    QueryParameter(description="The referrals the caller sent, or those it received."),
]
StatusFilter = Annotated[
    ReferralStatus | None,
    QueryParameter(required=False, description="Only referrals in this status."),
]


def _answer_within(act: Acting) -> timedelta:
    return timedelta(hours=act.services.settings.referral_answer_hours)


class ReferralController(ApiController):
    path = "/v1/referrals"
    tags = ["referrals"]

    @operation(
        post,
        "createReferral",
        Scope.REFERRALS_WRITE,
        errors=(409, 410, 413, 422),
        etag=True,
        created=True,
    )
    async def create(
        self,
        request: HttpRequest,
        data: JSONBody[ReferralCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> Response[ReferralView]:
        """Refer a person to another organization (optionally into a network)

        Status `requested`; the receiver is told by a `referral.created` event. An
        `external_ref` already used by the caller is a 409 with `existing_id`; the same
        `Idempotency-Key` replays the first response. Unanswered referrals expire after
        `SN_REFERRAL_ANSWER_HOURS` (default 14 days)."""
        act = acting(request)
        caller = act.caller
        organization_id = act.organization_id
        command = usecases.CreateReferral(
            organization_id=organization_id,
            key_id=caller.key_id,
            referral=NewReferral(
                receiver_organization_id=data.receiver_organization_id,
                network_id=data.network_id,
                reason=data.reason,
                urgency=data.urgency,
                external_ref=data.external_ref,
            ),
            member_id=data.member_id,
            new_member=None if data.member is None else data.member.to_domain(),
            consent_id=data.consent_id,
            consent_terms=None if data.consent is None else data.consent.to_domain(),
        )
        answer_within = _answer_within(act)

        def present(referral: Referral) -> Created[ReferralView]:
            view = ReferralView.of(referral_seen_by(referral, organization_id, ()), organization_id)
            location = f"/v1/referrals/{referral.id}"
            return Created.of(view, version=referral.version, location=location)

        return await create_idempotently(
            request,
            idempotency_key,
            create=lambda uow, receipt: usecases.create_referral(
                command, uow, answer_within, receipt=receipt
            ),
            present=present,
        )

    @operation(get, "listReferrals", Scope.REFERRALS_READ)
    async def list_referrals(
        self,
        request: HttpRequest,
        direction: Direction,
        status: StatusFilter = None,
        *,
        page: Paging,
    ) -> ReferralList:
        """The referrals the caller sent, or received (oldest first)

        Referrals the caller's organization sent (`direction=sent`) or received (`received`), oldest
        first, optionally by `status`. The receiver sees the person and the reason only while a
        consent from the member to it is in force.
        """
        act = acting(request)
        viewer = act.organization_id
        found = await usecases.list_referrals(
            act.viewing(),
            sent=direction == "sent",
            status=status,
            page=page,
            queries=act.services.referrals,
        )
        return list_of(ReferralList, found, lambda r: ReferralView.of(r, viewer))

    @operation(get, "getReferral", Scope.REFERRALS_READ, path="/{referral_id:uuid}", etag=True)
    async def get_referral(
        self, request: HttpRequest, referral_id: ReferralId
    ) -> Response[ReferralView]:
        """Read a referral (its sender or its receiver)

        Both sides read it; `allowed_transitions` says what the caller may do next. Its `ETag` goes
        in `If-Match` when moving it.
        """
        act = acting(request)
        seen = await usecases.get_referral(act.viewing(), referral_id, act.services.referrals)
        view = ReferralView.of(seen, act.organization_id)
        return Response(view, headers={"ETag": etag(seen.referral.version)})

    @operation(get, "getReferralHistory", Scope.REFERRALS_READ, path="/{referral_id:uuid}/history")
    async def history(self, request: HttpRequest, referral_id: ReferralId) -> ReferralHistory:
        """Every status change of a referral: who, when, from what to what, and why

        Every status change, oldest first: from which status to which, who moved it (null: the
        expiry sweep), when and why. Both sides read it; without a consent from the member in force,
        the receiver sees only its own reasons.
        """
        act = acting(request)
        changes = await usecases.referral_history(
            act.viewing(), referral_id, act.services.referrals
        )
        return ReferralHistory(data=[StatusChangeView.of(c) for c in changes])

    @operation(
        post,
        "transitionReferral",
        Scope.REFERRALS_WRITE,
        errors=(409, 412, 413, 422, 428),
        path="/{referral_id:uuid}/transitions",
        etag=True,
        status_code=200,
    )
    async def transition(
        self,
        request: HttpRequest,
        referral_id: ReferralId,
        data: JSONBody[ReferralTransition],
        if_match: IfMatch = None,
    ) -> Response[ReferralView]:
        """Move a referral along the closed loop

        The receiver: `accepted` or `rejected` (from `requested`), `in_progress` (from
        `accepted`), `completed` or `failed` (from `in_progress`). The sender: `cancelled` (from
        `requested`). Anything else is a 409 whose `allowed` lists what the caller may do now.
        Accepting a referral into a network makes the person an active member of it. Both sides
        get a `referral.status_changed` event."""
        act = acting(request)
        organization_id = act.organization_id
        seen = await referral_transitions.transition_referral(
            referral_transitions.TransitionReferral(
                organization_id=organization_id,
                referral_id=referral_id,
                to=data.status,
                reason=data.reason,
                expected_version=expected_version(if_match),
                viewing=act.viewing(),
            ),
            act.uow(),
        )
        view = ReferralView.of(seen, organization_id)
        return Response(view, headers={"ETag": etag(seen.referral.version)})
