"""/v1/networks/{id}/memberships: who is in a network, with which role, as consent lets each
organization see them."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from litestar import Response, get, patch, post
from litestar.params import JSONBody, PathParameter

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
from service.adapters.http.networks import NetworkId
from service.adapters.http.operations import ApiController, HttpRequest, acting, operation
from service.adapters.http.paging import Paging
from service.domain.consent import access_for
from service.domain.memberships import SeenMembership
from service.domain.networks import Membership, MembershipStatus
from service.domain.organizations import Scope
from service.usecases import memberships as usecases

MembershipId = Annotated[UUID, PathParameter(description="The membership's id.")]


class MembershipController(ApiController):
    path = "/v1/networks"
    tags = ["networks"]

    @operation(
        get, "listNetworkMemberships", Scope.NETWORKS_READ, path="/{network_id:uuid}/memberships"
    )
    async def memberships(
        self,
        request: HttpRequest,
        network_id: NetworkId,
        page: Paging,
    ) -> MembershipList:
        """The network's memberships, each as consent lets the caller see it

        Without a consent in force from a member's home organization, its membership shows role
        and status only. Memberships whose member's data is shown to an organization other than
        its home one are recorded as disclosures."""
        act = acting(request)
        viewing = act.viewing()
        found = await usecases.list_memberships(viewing, network_id, page, act.services.federation)
        return membership_page(found)

    @operation(
        post,
        "addNetworkMembership",
        Scope.NETWORKS_WRITE,
        errors=(409, 413, 422),
        path="/{network_id:uuid}/memberships",
        etag=True,
    )
    async def add_membership(
        self,
        request: HttpRequest,
        network_id: NetworkId,
        data: JSONBody[MembershipCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> Response[MembershipView]:
        """Add a member to the network with a role

        The caller adds its own members, or a member whose home organization gave it a consent
        in force; the member's home organization must take part in the network."""
        act = acting(request)
        organization_id = act.organization_id
        command = usecases.AddMembership(
            organization_id=organization_id,
            network_id=network_id,
            member_id=data.member_id,
            role=data.role,
            status=MembershipStatus(data.status),
        )

        def present(membership: Membership) -> Created[MembershipView]:
            view = _written(membership, organization_id)
            return Created.of(view, version=membership.version)

        return await create_idempotently(
            request,
            idempotency_key,
            create=lambda uow, receipt: usecases.add_membership(command, uow, receipt=receipt),
            present=present,
        )

    @operation(
        patch,
        "updateNetworkMembership",
        Scope.NETWORKS_WRITE,
        errors=(409, 412, 413, 428),
        path="/{network_id:uuid}/memberships/{membership_id:uuid}",
        etag=True,
    )
    async def update_membership(
        self,
        request: HttpRequest,
        network_id: NetworkId,
        membership_id: MembershipId,
        data: JSONBody[MembershipUpdate],
        if_match: IfMatch = None,
    ) -> Response[MembershipView]:
        """Change a membership's role or status (accept an invitation, leave)

        Changes a membership's role or status (`active`, `left`). Only the member's home
        organization may, or the network's creator while a consent from the member covering
        `networks` is in force, though only the home organization accepts an invitation. `If-Match`
        is required (428 without).
        """
        act = acting(request)
        organization_id = act.organization_id
        membership = await usecases.change_membership(
            usecases.ChangeMembership(
                organization_id=organization_id,
                network_id=network_id,
                membership_id=membership_id,
                role=data.role,
                status=data.status,
                expected_version=expected_version(if_match),
            ),
            act.uow(),
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
