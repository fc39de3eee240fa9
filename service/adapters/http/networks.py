"""/v1/networks: support networks and their participating organizations (memberships are in
memberships.py)."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from litestar import Response, get, patch, post
from litestar.params import JSONBody, PathParameter, QueryParameter

from service.adapters.http.auth import scope_required
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
from service.adapters.http.operations import ApiController, HttpRequest, acting, operation
from service.adapters.http.paging import Paging
from service.domain.networks import Network, SeenNetwork
from service.domain.organizations import Scope
from service.usecases import networks as usecases

NetworkId = Annotated[UUID, PathParameter(description="The network's id.")]
MemberFilter = Annotated[
    UUID | None, QueryParameter(required=False, description="Only networks this member belongs to.")
]

READ = scope_required(Scope.NETWORKS_READ)
WRITE = scope_required(Scope.NETWORKS_WRITE)


def _network(seen: SeenNetwork | Network, viewer: UUID) -> Response[NetworkView]:
    if isinstance(seen, Network):
        seen = SeenNetwork(network=seen)  # the creator's own answer: nothing disclosed
    # A circle under its neutral name is another representation of the same version: its tag
    # differs, so that If-None-Match never answers 304 for a name a revocation has hidden (or
    # a grant has shown). If-Match takes either (idempotency.expected_version).
    version = seen.network.version
    tag = etag(version) if seen.named else f'"{version}-neutral"'
    return Response(NetworkView.of(seen, viewer), headers={"ETag": tag})


class NetworkController(ApiController):
    path = "/v1/networks"
    tags = ["networks"]

    @operation(
        post, "createNetwork", Scope.NETWORKS_WRITE, errors=(409, 413, 422), etag=True, created=True
    )
    async def create(
        self,
        request: HttpRequest,
        data: JSONBody[NetworkCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> Response[NetworkView]:
        """Create a support network

        A `circle` is built around one focus member (one of the caller's); a `group` has none.
        The caller's organization takes part from the start."""
        act = acting(request)
        organization_id = act.organization_id
        command = usecases.CreateNetwork(
            organization_id=organization_id,
            kind=data.kind,
            name=data.name,
            description=data.description,
            focus_member_id=data.focus_member_id,
        )

        def present(network: Network) -> Created[NetworkView]:
            view = NetworkView.of(SeenNetwork(network=network), organization_id)
            location = f"/v1/networks/{network.id}"
            return Created.of(
                view, version=network.version, location=location, resource_id=network.id
            )

        return await create_idempotently(
            request,
            idempotency_key,
            create=lambda uow, receipt: usecases.create_network(command, uow, receipt=receipt),
            present=present,
        )

    @operation(get, "listNetworks", Scope.NETWORKS_READ)
    async def list_networks(
        self,
        request: HttpRequest,
        page: Paging,
        member_id: MemberFilter = None,
    ) -> NetworkList:
        """List the networks the caller takes part in or is invited into

        The networks the caller's organization created, was invited into or takes part in, oldest
        first. Others' networks are never listed.
        """
        act = acting(request)
        found = await usecases.list_networks(
            act.viewing(), page, member_id, act.services.federation
        )
        return network_page(found, act.organization_id)

    @operation(get, "getNetwork", Scope.NETWORKS_READ, path="/{network_id:uuid}", etag=True)
    async def get_network(
        self, request: HttpRequest, network_id: NetworkId
    ) -> Response[NetworkView]:
        """Read a network

        Visible to organizations invited into or taking part in it. `focus_member_id` shows to the
        circle's creator only; another organization sees a circle's name and description only under
        the focus member's consent covering `networks` (otherwise "Support circle"), and that read
        is a disclosure.
        """
        act = acting(request)
        seen = await usecases.get_network(act.viewing(), network_id, act.services.federation)
        return _network(seen, act.organization_id)

    @operation(
        patch,
        "updateNetwork",
        Scope.NETWORKS_WRITE,
        errors=(409, 412, 413, 428),
        path="/{network_id:uuid}",
        etag=True,
    )
    async def update_network(
        self,
        request: HttpRequest,
        network_id: NetworkId,
        data: JSONBody[NetworkUpdate],
        if_match: IfMatch = None,
    ) -> Response[NetworkView]:
        """Rename or describe a network (any organization taking part)

        Any organization taking part may rename it or change its description. Send `If-Match`: two
        organizations never overwrite each other silently (412 with `current_version`).
        """
        act = acting(request)
        seen = await usecases.update_network(
            act.viewing(), network_id, data.to_domain(), expected_version(if_match), act.uow()
        )
        return _network(seen, act.organization_id)

    @operation(
        post,
        "archiveNetwork",
        Scope.NETWORKS_WRITE,
        errors=(409, 412, 413, 428),
        path="/{network_id:uuid}/archive",
        etag=True,
        status_code=200,
    )
    async def archive(
        self, request: HttpRequest, network_id: NetworkId, if_match: IfMatch = None
    ) -> Response[NetworkView]:
        """Archive a network (its creator only); it stays readable

        Archives the network: it stays readable, with its memberships as they were, but nothing in
        it can change any more (409). The creator only; `If-Match` is required (428 without).
        """
        act = acting(request)
        organization_id = act.organization_id
        network = await usecases.archive_network(
            organization_id, network_id, expected_version(if_match), act.uow()
        )
        return _network(network, organization_id)

    @operation(
        get,
        "listNetworkOrganizations",
        Scope.NETWORKS_READ,
        path="/{network_id:uuid}/organizations",
    )
    async def participants(self, request: HttpRequest, network_id: NetworkId) -> ParticipationList:
        """The organizations invited into or taking part in a network

        Who takes part in the network, who is invited, and who declined or left, with when each was
        invited, joined or left; for every organization that sees the network.
        """
        act = acting(request)
        viewer = act.organization_id
        found = await usecases.list_participants(viewer, network_id, act.services.federation)
        return ParticipationList(data=[ParticipationView.of(p) for p in found])

    @operation(
        post,
        "inviteNetworkOrganization",
        Scope.NETWORKS_WRITE,
        errors=(409, 413, 422),
        path="/{network_id:uuid}/organizations",
    )
    async def invite(
        self,
        request: HttpRequest,
        network_id: NetworkId,
        data: JSONBody[InvitationCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> Response[ParticipationView]:
        """Invite another organization into the network (its creator only)

        Only the creator invites. The invited organization sees the network at once and accepts or
        declines; inviting an organization already taking part is a 409.
        """
        act = acting(request)
        organization_id = act.organization_id
        return await create_idempotently(
            request,
            idempotency_key,
            create=lambda uow, receipt: usecases.invite_organization(
                organization_id, network_id, data.organization_id, uow, receipt=receipt
            ),
            present=lambda invited: Created.of(ParticipationView.of(invited)),
        )

    @operation(
        post,
        "acceptNetworkInvitation",
        Scope.NETWORKS_WRITE,
        errors=(409, 412, 413),
        path="/{network_id:uuid}/invitation/accept",
        status_code=200,
    )
    async def accept(self, request: HttpRequest, network_id: NetworkId) -> ParticipationView:
        """Accept the caller's invitation into the network

        The invited organization takes part from now on: it sees the network and may add its own
        members. Only an open invitation can be answered: accepting again is a 409.
        """
        return await self._answer(request, network_id, accept=True)

    @operation(
        post,
        "declineNetworkInvitation",
        Scope.NETWORKS_WRITE,
        errors=(409, 412, 413),
        path="/{network_id:uuid}/invitation/decline",
        status_code=200,
    )
    async def decline(self, request: HttpRequest, network_id: NetworkId) -> ParticipationView:
        """Decline the caller's invitation into the network

        The invited organization declines; the creator may invite it again later.
        """
        return await self._answer(request, network_id, accept=False)

    async def _answer(
        self, request: HttpRequest, network_id: UUID, *, accept: bool
    ) -> ParticipationView:
        act = acting(request)
        answered = await usecases.answer_invitation(
            act.organization_id, network_id, accept, act.uow()
        )
        return ParticipationView.of(answered)

    @operation(
        post,
        "leaveNetwork",
        Scope.NETWORKS_WRITE,
        errors=(409, 412, 413),
        path="/{network_id:uuid}/leave",
        status_code=200,
    )
    async def leave(self, request: HttpRequest, network_id: NetworkId) -> ParticipationView:
        """Stop taking part in the network; the caller's members leave it too

        The caller's organization stops taking part: its members' memberships end with it and it no
        longer sees the network. The creator cannot leave its own network (it archives it instead).
        """
        act = acting(request)
        left = await usecases.leave_network(act.organization_id, network_id, act.uow())
        return ParticipationView.of(left)
