"""/v1/networks/{id}/memberships: who is in a network, with which role, as consent lets each
organization see them."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from litestar import Controller, Request, Response, get, patch, post
from litestar.params import JSONBody, PathParameter

from service.adapters.http import responses
from service.adapters.http.auth import caller_of
from service.adapters.http.federation_schemas import (
    MembershipCreate,
    MembershipList,
    MembershipUpdate,
    MembershipView,
    membership_page,
)
from service.adapters.http.idempotency import (
    Created,
    IdempotencyKey,
    IfMatch,
    create_idempotently,
    etag,
    expected_version,
)
from service.adapters.http.networks import READ, WRITE, NetworkId
from service.adapters.http.paging import Cursor, Limit, page_request
from service.adapters.http.services import BEARER, authenticated, services_of
from service.domain.consent import access_for
from service.domain.memberships import SeenMembership
from service.domain.networks import Membership, MembershipStatus
from service.domain.organizations import Scope
from service.domain.paging import DEFAULT_PAGE_SIZE
from service.usecases import memberships as usecases

MembershipId = Annotated[UUID, PathParameter(description="The membership's id.")]


class MembershipController(Controller):
    path = "/v1/networks"
    tags = ["networks"]
    middleware = [authenticated]
    security = BEARER

    @get(
        "/{network_id:uuid}/memberships",
        operation_id="listNetworkMemberships",
        summary="The network's memberships, each as consent lets the caller see it",
        description="Without a consent in force from a member's home organization, its "
        "membership shows role and status only. Memberships whose member's data is shown to an "
        "organization other than its home one are recorded as disclosures.",
        opt=READ,
        responses=responses.READ,
    )
    async def memberships(
        self,
        request: Request[Any, Any, Any],
        network_id: NetworkId,
        limit: Limit = DEFAULT_PAGE_SIZE,
        cursor: Cursor = None,
    ) -> MembershipList:
        services = services_of(request)
        viewing = services.viewing(
            caller_of(request).organization_with(Scope.NETWORKS_READ), "listNetworkMemberships"
        )
        page = await usecases.list_memberships(
            viewing, network_id, page_request(limit, cursor), services.federation
        )
        return membership_page(page)

    @post(
        "/{network_id:uuid}/memberships",
        operation_id="addNetworkMembership",
        summary="Add a member to the network with a role",
        description="The caller adds its own members, or a member whose home organization gave "
        "it a consent in force; the member's home organization must take part in the network.",
        opt=WRITE,
        responses=responses.CREATE,
        response_headers=[responses.ETAG_HEADER],
    )
    async def add_membership(
        self,
        request: Request[Any, Any, Any],
        network_id: NetworkId,
        data: JSONBody[MembershipCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> Response[MembershipView]:
        services = services_of(request)
        caller = caller_of(request)
        organization_id = caller.organization_with(Scope.NETWORKS_WRITE)
        command = usecases.AddMembership(
            organization_id=organization_id,
            network_id=network_id,
            member_id=data.member_id,
            role=data.role,
            status=MembershipStatus(data.status),
        )

        def present(membership: Membership) -> Created[MembershipView]:
            view = _written(membership, organization_id)
            return Created(body=view, headers={"ETag": etag(membership.version)}, resource_id=None)

        return await create_idempotently(
            request,
            idempotency_key,
            create=lambda uow, receipt: usecases.add_membership(
                command, uow, services.clock, services.ids, receipt=receipt
            ),
            present=present,
        )

    @patch(
        "/{network_id:uuid}/memberships/{membership_id:uuid}",
        operation_id="updateNetworkMembership",
        summary="Change a membership's role or status (accept an invitation, leave)",
        opt=WRITE,
        responses=responses.SHARED_WRITE,
        response_headers=[responses.ETAG_HEADER],
    )
    async def update_membership(
        self,
        request: Request[Any, Any, Any],
        network_id: NetworkId,
        membership_id: MembershipId,
        data: JSONBody[MembershipUpdate],
        if_match: IfMatch = None,
    ) -> Response[MembershipView]:
        services = services_of(request)
        organization_id = caller_of(request).organization_with(Scope.NETWORKS_WRITE)
        membership = await usecases.change_membership(
            usecases.ChangeMembership(
                organization_id=organization_id,
                network_id=network_id,
                membership_id=membership_id,
                role=data.role,
                status=data.status,
                expected_version=expected_version(if_match),
            ),
            services.uow(),
            services.clock,
            services.ids,
        )
        return Response(
            _written(membership, organization_id), headers={"ETag": etag(membership.version)}
        )


def _written(membership: Membership, writer: UUID) -> MembershipView:
    """What a write's answer shows: all of it to the member's home organization; to anyone
    else the membership's role and status only, as in a read without consent (a write is no
    way around consent)."""
    return MembershipView.of(
        SeenMembership(
            membership=membership,
            member_display_name=None,
            member_erased=False,
            access=access_for(writer, membership.member_organization_id, []),
        )
    )
