"""/v1/networks: support networks and their participating organizations (memberships are in
memberships.py)."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from litestar import Controller, Request, Response, get, patch, post
from litestar.params import JSONBody, PathParameter, QueryParameter

from service.adapters.http import responses
from service.adapters.http.auth import caller_of, scope_required
from service.adapters.http.federation_schemas import (
    InvitationCreate,
    NetworkCreate,
    NetworkList,
    NetworkUpdate,
    NetworkView,
    ParticipationList,
    ParticipationView,
    network_page,
)
from service.adapters.http.idempotency import (
    Created,
    IdempotencyKey,
    IfMatch,
    create_idempotently,
    etag,
    expected_version,
)
from service.adapters.http.paging import Cursor, Limit, page_request
from service.adapters.http.services import BEARER, authenticated, services_of
from service.domain.networks import Network
from service.domain.organizations import Scope
from service.domain.paging import DEFAULT_PAGE_SIZE
from service.usecases import networks as usecases

NetworkId = Annotated[UUID, PathParameter(description="The network's id.")]
MemberFilter = Annotated[
    UUID | None,
    QueryParameter(required=False, description="Only networks this member belongs to."),
]

READ = scope_required(Scope.NETWORKS_READ)
WRITE = scope_required(Scope.NETWORKS_WRITE)


def _network(network: Network, viewer: UUID, status_code: int = 200) -> Response[NetworkView]:
    return Response(
        NetworkView.of(network, viewer),
        status_code=status_code,
        headers={"ETag": etag(network.version)},
    )


class NetworkController(Controller):
    path = "/v1/networks"
    tags = ["networks"]
    middleware = [authenticated]
    security = BEARER

    @post(
        operation_id="createNetwork",
        summary="Create a support network",
        description="A `circle` is built around one focus member (one of the caller's); a "
        "`group` has none. The caller's organization takes part from the start.",
        opt=WRITE,
        responses=responses.CREATE,
        response_headers=[responses.ETAG_HEADER, responses.LOCATION_HEADER],
    )
    async def create(
        self,
        request: Request[Any, Any, Any],
        data: JSONBody[NetworkCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> Response[NetworkView]:
        services = services_of(request)
        caller = caller_of(request)
        organization_id = caller.organization_with(Scope.NETWORKS_WRITE)
        command = usecases.CreateNetwork(
            organization_id=organization_id,
            kind=data.kind,
            name=data.name,
            description=data.description,
            focus_member_id=data.focus_member_id,
        )

        def present(network: Network) -> Created[NetworkView]:
            return Created(
                body=NetworkView.of(network, organization_id),
                headers={"ETag": etag(network.version), "Location": f"/v1/networks/{network.id}"},
                resource_id=network.id,
            )

        return await create_idempotently(
            request,
            idempotency_key,
            create=lambda uow, receipt: usecases.create_network(
                command, uow, services.clock, services.ids, receipt=receipt
            ),
            present=present,
        )

    @get(
        operation_id="listNetworks",
        summary="List the networks the caller takes part in or is invited into",
        opt=READ,
        responses=responses.READ,
    )
    async def list_networks(
        self,
        request: Request[Any, Any, Any],
        limit: Limit = DEFAULT_PAGE_SIZE,
        cursor: Cursor = None,
        member_id: MemberFilter = None,
    ) -> NetworkList:
        viewer = caller_of(request).organization_with(Scope.NETWORKS_READ)
        page = await usecases.list_networks(
            viewer, page_request(limit, cursor), member_id, services_of(request).federation
        )
        return network_page(page, viewer)

    @get(
        "/{network_id:uuid}",
        operation_id="getNetwork",
        summary="Read a network",
        opt=READ,
        responses=responses.READ,
        response_headers=[responses.ETAG_HEADER],
    )
    async def get_network(
        self, request: Request[Any, Any, Any], network_id: NetworkId
    ) -> Response[NetworkView]:
        viewer = caller_of(request).organization_with(Scope.NETWORKS_READ)
        network = await usecases.get_network(viewer, network_id, services_of(request).federation)
        return _network(network, viewer)

    @patch(
        "/{network_id:uuid}",
        operation_id="updateNetwork",
        summary="Rename or describe a network (any organization taking part)",
        opt=WRITE,
        responses=responses.SHARED_WRITE,
        response_headers=[responses.ETAG_HEADER],
    )
    async def update_network(
        self,
        request: Request[Any, Any, Any],
        network_id: NetworkId,
        data: JSONBody[NetworkUpdate],
        if_match: IfMatch = None,
    ) -> Response[NetworkView]:
        services = services_of(request)
        organization_id = caller_of(request).organization_with(Scope.NETWORKS_WRITE)
        network = await usecases.update_network(
            organization_id,
            network_id,
            data.to_domain(),
            expected_version(if_match),
            services.uow(),
            services.clock,
            services.ids,
        )
        return _network(network, organization_id)

    @post(
        "/{network_id:uuid}/archive",
        operation_id="archiveNetwork",
        summary="Archive a network (its creator only); it stays readable",
        opt=WRITE,
        responses=responses.SHARED_WRITE,
        response_headers=[responses.ETAG_HEADER],
        status_code=200,
    )
    async def archive(
        self, request: Request[Any, Any, Any], network_id: NetworkId, if_match: IfMatch = None
    ) -> Response[NetworkView]:
        services = services_of(request)
        organization_id = caller_of(request).organization_with(Scope.NETWORKS_WRITE)
        network = await usecases.archive_network(
            organization_id,
            network_id,
            expected_version(if_match),
            services.uow(),
            services.clock,
            services.ids,
        )
        return _network(network, organization_id)

    @get(
        "/{network_id:uuid}/organizations",
        operation_id="listNetworkOrganizations",
        summary="The organizations invited into or taking part in a network",
        opt=READ,
        responses=responses.READ,
    )
    async def participants(
        self, request: Request[Any, Any, Any], network_id: NetworkId
    ) -> ParticipationList:
        viewer = caller_of(request).organization_with(Scope.NETWORKS_READ)
        found = await usecases.list_participants(
            viewer, network_id, services_of(request).federation
        )
        return ParticipationList(data=[ParticipationView.of(p) for p in found])

    @post(
        "/{network_id:uuid}/organizations",
        operation_id="inviteNetworkOrganization",
        summary="Invite another organization into the network (its creator only)",
        opt=WRITE,
        responses=responses.CREATE,
    )
    async def invite(
        self,
        request: Request[Any, Any, Any],
        network_id: NetworkId,
        data: JSONBody[InvitationCreate],
    ) -> Response[ParticipationView]:
        services = services_of(request)
        invited = await usecases.invite_organization(
            caller_of(request).organization_with(Scope.NETWORKS_WRITE),
            network_id,
            data.organization_id,
            services.uow(),
            services.clock,
            services.ids,
        )
        return Response(ParticipationView.of(invited), status_code=201)

    @post(
        "/{network_id:uuid}/invitation/accept",
        operation_id="acceptNetworkInvitation",
        summary="Accept the caller's invitation into the network",
        opt=WRITE,
        responses=responses.NETWORK_WRITE,
        status_code=200,
    )
    async def accept(
        self, request: Request[Any, Any, Any], network_id: NetworkId
    ) -> ParticipationView:
        return await self._answer(request, network_id, accept=True)

    @post(
        "/{network_id:uuid}/invitation/decline",
        operation_id="declineNetworkInvitation",
        summary="Decline the caller's invitation into the network",
        opt=WRITE,
        responses=responses.NETWORK_WRITE,
        status_code=200,
    )
    async def decline(
        self, request: Request[Any, Any, Any], network_id: NetworkId
    ) -> ParticipationView:
        return await self._answer(request, network_id, accept=False)

    async def _answer(
        self, request: Request[Any, Any, Any], network_id: UUID, *, accept: bool
    ) -> ParticipationView:
        services = services_of(request)
        answered = await usecases.answer_invitation(
            caller_of(request).organization_with(Scope.NETWORKS_WRITE),
            network_id,
            accept,
            services.uow(),
            services.clock,
            services.ids,
        )
        return ParticipationView.of(answered)

    @post(
        "/{network_id:uuid}/leave",
        operation_id="leaveNetwork",
        summary="Stop taking part in the network; the caller's members leave it too",
        opt=WRITE,
        responses=responses.NETWORK_WRITE,
        status_code=200,
    )
    async def leave(
        self, request: Request[Any, Any, Any], network_id: NetworkId
    ) -> ParticipationView:
        services = services_of(request)
        left = await usecases.leave_network(
            caller_of(request).organization_with(Scope.NETWORKS_WRITE),
            network_id,
            services.uow(),
            services.clock,
            services.ids,
        )
        return ParticipationView.of(left)
