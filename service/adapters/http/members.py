"""/v1/members: thin, one use case per handler."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from litestar import Controller, Request, Response, delete, get, patch, post
from litestar.params import JSONBody, PathParameter, QueryParameter

from service.adapters.http import responses
from service.adapters.http.auth import caller_of, scope_required
from service.adapters.http.idempotency import (
    Created,
    IdempotencyKey,
    IfMatch,
    create_idempotently,
    etag,
    expected_version,
)
from service.adapters.http.paging import Cursor, Limit, page_request
from service.adapters.http.schemas import (
    PRINTABLE,
    ExternalRef,
    MemberCreate,
    MemberList,
    MemberUpdate,
    MemberView,
    member_page,
)
from service.adapters.http.services import BEARER, authenticated, services_of
from service.domain.consent import HOME_ACCESS, seen_by
from service.domain.members import Member
from service.domain.organizations import Scope
from service.domain.paging import DEFAULT_PAGE_SIZE
from service.usecases import consents
from service.usecases import members as usecases

MemberId = Annotated[UUID, PathParameter(description="The member's id.")]
ExternalRefFilter = Annotated[
    ExternalRef | None,
    QueryParameter(
        required=False,
        min_length=1,
        max_length=200,
        pattern=PRINTABLE,
        description="Only the member with this external_ref.",
    ),
]


def _member_response(member_view: MemberView, status_code: int = 200) -> Response[MemberView]:
    # Another organization's view changes when its consents do, not only with the member: its
    # ETag names the scopes shown too, so an If-None-Match never answers 304 for a view that
    # revocation has narrowed. (Weak: it is for caching; only the home organization writes.)
    tag = (
        etag(member_view.version)
        if member_view.access == "home"
        else f'W/"{member_view.version}:{"+".join(member_view.disclosed_scopes)}"'
    )
    return Response(member_view, status_code=status_code, headers={"ETag": tag})


class MemberController(Controller):
    path = "/v1/members"
    tags = ["members"]
    middleware = [authenticated]
    security = BEARER

    @post(
        operation_id="createMember",
        summary="Register a member in the caller's organization",
        opt=scope_required(Scope.MEMBERS_WRITE),
        responses=responses.MEMBER_CREATE,
        response_headers=[responses.ETAG_HEADER, responses.LOCATION_HEADER],
    )
    async def create(
        self,
        request: Request[Any, Any, Any],
        data: JSONBody[MemberCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> Response[MemberView]:
        services = services_of(request)
        caller = caller_of(request)
        command = usecases.CreateMember(
            organization_id=caller.organization_with(Scope.MEMBERS_WRITE), member=data.to_domain()
        )

        def present(member: Member) -> Created[MemberView]:
            return Created(
                body=MemberView.of(seen_by(member, HOME_ACCESS)),
                headers={"ETag": etag(member.version), "Location": f"/v1/members/{member.id}"},
                resource_id=member.id,
            )

        return await create_idempotently(
            request,
            idempotency_key,
            create=lambda uow, receipt: usecases.create_member(
                command, uow, services.clock, services.ids, receipt=receipt
            ),
            present=present,
        )

    @get(
        operation_id="listMembers",
        summary="List the caller organization's members",
        opt=scope_required(Scope.MEMBERS_READ),
        responses=responses.READ,
    )
    async def list_members(
        self,
        request: Request[Any, Any, Any],
        limit: Limit = DEFAULT_PAGE_SIZE,
        cursor: Cursor = None,
        external_ref: ExternalRefFilter = None,
    ) -> MemberList:
        caller = caller_of(request)
        page = await usecases.list_members(
            caller.organization_with(Scope.MEMBERS_READ),
            page_request(limit, cursor),
            external_ref,
            services_of(request).members,
        )
        return member_page(page)

    @get(
        "/{member_id:uuid}",
        operation_id="getMember",
        summary="Read one member",
        description="The home organization sees every field. Another organization sees the "
        "fields the member's consents in force cover, and the read is recorded as a disclosure; "
        "without such a consent the member is not found.",
        opt=scope_required(Scope.MEMBERS_READ),
        responses=responses.MEMBER_READ,
        response_headers=[responses.ETAG_HEADER],
    )
    async def get_member(
        self, request: Request[Any, Any, Any], member_id: MemberId
    ) -> Response[MemberView]:
        services = services_of(request)
        viewing = services.viewing(
            caller_of(request).organization_with(Scope.MEMBERS_READ), "getMember"
        )
        seen = await consents.view_member(viewing, member_id, services.federation)
        return _member_response(MemberView.of(seen))

    @patch(
        "/{member_id:uuid}",
        operation_id="updateMember",
        summary="Change some of a member's fields",
        opt=scope_required(Scope.MEMBERS_WRITE),
        responses=responses.MEMBER_WRITE,
        response_headers=[responses.ETAG_HEADER],
    )
    async def update_member(
        self,
        request: Request[Any, Any, Any],
        member_id: MemberId,
        data: JSONBody[MemberUpdate],
        if_match: IfMatch = None,
    ) -> Response[MemberView]:
        services = services_of(request)
        command = usecases.UpdateMember(
            organization_id=caller_of(request).organization_with(Scope.MEMBERS_WRITE),
            member_id=member_id,
            changes=data.to_domain(),
            expected_version=expected_version(if_match),
        )
        member = await usecases.update_member(command, services.uow(), services.clock, services.ids)
        return _member_response(MemberView.of(seen_by(member, HOME_ACCESS)))

    @delete(
        "/{member_id:uuid}",
        operation_id="eraseMember",
        summary="Erase a member's personal fields, keeping a tombstone",
        description="Idempotent: erasing an erased member changes nothing. The id stays valid as "
        "a reference (a tombstone is kept), but reads of the member answer 410 Gone and lists "
        "leave it out.",
        opt=scope_required(Scope.MEMBERS_WRITE),
        responses=responses.MEMBER_ERASE,
        status_code=204,
    )
    async def erase_member(
        self, request: Request[Any, Any, Any], member_id: MemberId, if_match: IfMatch = None
    ) -> None:
        services = services_of(request)
        command = usecases.EraseMember(
            organization_id=caller_of(request).organization_with(Scope.MEMBERS_WRITE),
            member_id=member_id,
            expected_version=expected_version(if_match),
        )
        await usecases.erase_member(command, services.uow(), services.clock, services.ids)
