"""/v1/members: thin, one use case per handler."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from litestar import Response, delete, get, patch, post
from litestar.params import JSONBody, PathParameter, QueryParameter

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
from service.adapters.http.schemas import (
    PRINTABLE,
    ExternalRef,
    MemberCreate,
    MemberList,
    MemberUpdate,
    MemberView,
    member_page,
)
from service.domain.consent import HOME_ACCESS, seen_by
from service.domain.members import Member
from service.domain.organizations import Scope
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


class MemberController(ApiController):
    path = "/v1/members"
    tags = ["members"]

    @operation(
        post,
        "createMember",
        Scope.MEMBERS_WRITE,
        errors=(409, 410, 413, 422),
        etag=True,
        created=True,
    )
    async def create(
        self,
        request: HttpRequest,
        data: JSONBody[MemberCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> Response[MemberView]:
        """Register a member in the caller's organization

        A member belongs to the caller's organization (their home organization), which alone decides
        who else sees their data, through consent. `external_ref` is the caller's own identifier:
        the same one twice is a 409 with `existing_id`. Send an `Idempotency-Key` so a retry never
        makes two members. Answers with an `ETag` and a `Location`.
        """
        act = acting(request)
        command = usecases.CreateMember(
            organization_id=act.organization_id, member=data.to_domain()
        )

        def present(member: Member) -> Created[MemberView]:
            view = MemberView.of(seen_by(member, HOME_ACCESS))
            location = f"/v1/members/{member.id}"
            return Created.of(
                view, version=member.version, location=location, resource_id=member.id
            )

        return await create_idempotently(
            request,
            idempotency_key,
            create=lambda uow, receipt: usecases.create_member(command, uow, receipt=receipt),
            present=present,
        )

    @operation(get, "listMembers", Scope.MEMBERS_READ)
    async def list_members(
        self,
        request: HttpRequest,
        page: Paging,
        external_ref: ExternalRefFilter = None,
    ) -> MemberList:
        """List the caller organization's members

        Cursor-paged, oldest first; erased members are left out. `external_ref` finds the one member
        with that reference in the caller's organization.
        """
        act = acting(request)
        found = await usecases.list_members(
            act.organization_id, page, external_ref, act.services.members
        )
        return member_page(found)

    @operation(
        get, "getMember", Scope.MEMBERS_READ, errors=(410,), path="/{member_id:uuid}", etag=True
    )
    async def get_member(self, request: HttpRequest, member_id: MemberId) -> Response[MemberView]:
        """Read one member

        The home organization sees every field. Another organization sees the fields the
        member's consents in force cover, and the read is recorded as a disclosure; without such
        a consent the member is not found."""
        act = acting(request)
        viewing = act.viewing()
        seen = await consents.view_member(viewing, member_id, act.services.federation)
        return _member_response(MemberView.of(seen))

    @operation(
        patch,
        "updateMember",
        Scope.MEMBERS_WRITE,
        errors=(409, 410, 412, 413, 422),
        path="/{member_id:uuid}",
        etag=True,
    )
    async def update_member(
        self,
        request: HttpRequest,
        member_id: MemberId,
        data: JSONBody[MemberUpdate],
        if_match: IfMatch = None,
    ) -> Response[MemberView]:
        """Change some of a member's fields

        Changes the fields given and leaves the others; `null` clears an optional field, and
        `contact` is replaced whole. Send the `ETag` of your last read as `If-Match`: if someone
        changed the member since, the answer is 412 with `current_version`, and nothing changes.
        `member.updated` lists the fields that changed.
        """
        act = acting(request)
        command = usecases.UpdateMember(
            organization_id=act.organization_id,
            member_id=member_id,
            changes=data.to_domain(),
            expected_version=expected_version(if_match),
        )
        member = await usecases.update_member(command, act.uow())
        return _member_response(MemberView.of(seen_by(member, HOME_ACCESS)))

    @operation(
        delete,
        "eraseMember",
        Scope.MEMBERS_WRITE,
        errors=(412,),
        path="/{member_id:uuid}",
        status_code=204,
    )
    async def erase_member(
        self, request: HttpRequest, member_id: MemberId, if_match: IfMatch = None
    ) -> None:
        """Erase a member's personal fields, keeping a tombstone

        Idempotent: erasing an erased member changes nothing. The id stays valid as a reference
        (a tombstone is kept), but reads of the member answer 410 Gone and lists leave it out."""
        act = acting(request)
        command = usecases.EraseMember(
            organization_id=act.organization_id,
            member_id=member_id,
            expected_version=expected_version(if_match),
        )
        await usecases.erase_member(command, act.uow())
