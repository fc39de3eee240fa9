from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.network_kind import NetworkKind
from ..models.network_status import NetworkStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.disclosure_notice_view import DisclosureNoticeView


T = TypeVar("T", bound="NetworkView")


@_attrs_define
class NetworkView:
    """A network. `focus_member_id` shows only to the focus member's home organization. A circle's name and description may
    identify its focus member: another organization sees them only under that member's consent covering `networks` (then
    `disclosure` carries the notice, and the read is accounted to the member), else the neutral name "Support circle"
    and no description.

        Attributes:
            archived_at (datetime.datetime | None): When it was archived; null while it lasts.
            created_at (datetime.datetime):
            created_by_organization_id (UUID): The organization that created the network: it alone invites others, changes
                roles with consent, and archives it.
            description (None | str): Seen by every organization taking part, so it must not identify a member. For a
                circle, null to organizations other than the creator without the focus member's consent covering `networks`.
            focus_member_id (None | UUID): The member a circle is around: one of the creating organization's members, fixed
                while the circle lasts. Null for a group, and to every organization but the creator.
            id (UUID): The object's id, a UUIDv7 (time-ordered).
            kind (NetworkKind):
            name (str): The network's name. For a circle, "Support circle" to organizations other than the creator without
                the focus member's consent covering `networks`.
            status (NetworkStatus):
            updated_at (datetime.datetime):
            version (int): Incremented by every change. Where the object has an `ETag`, it is this number quoted (`"3"`),
                and `If-Match` takes it where a change needs it.
            disclosure (DisclosureNoticeView | None | Unset): Set when this answer carries data about another organization's
                member, under that member's consent: the notice 42 CFR 2.32 requires to travel with it, and the consents it
                rests on. Null when nothing of another organization's member is shown (always on the home organization's own
                reads).
    """

    archived_at: datetime.datetime | None
    created_at: datetime.datetime
    created_by_organization_id: UUID
    description: None | str
    focus_member_id: None | UUID
    id: UUID
    kind: NetworkKind
    name: str
    status: NetworkStatus
    updated_at: datetime.datetime
    version: int
    disclosure: DisclosureNoticeView | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.disclosure_notice_view import DisclosureNoticeView  # noqa: PLC0415

        archived_at: None | str
        if isinstance(self.archived_at, datetime.datetime):
            archived_at = self.archived_at.isoformat()
        else:
            archived_at = self.archived_at

        created_at = self.created_at.isoformat()

        created_by_organization_id = str(self.created_by_organization_id)

        description: None | str
        description = self.description

        focus_member_id: None | str
        if isinstance(self.focus_member_id, UUID):
            focus_member_id = str(self.focus_member_id)
        else:
            focus_member_id = self.focus_member_id

        id = str(self.id)

        kind = self.kind.value

        name = self.name

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        version = self.version

        disclosure: dict[str, Any] | None | Unset
        if isinstance(self.disclosure, Unset):
            disclosure = UNSET
        elif isinstance(self.disclosure, DisclosureNoticeView):
            disclosure = self.disclosure.to_dict()
        else:
            disclosure = self.disclosure

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "archived_at": archived_at,
                "created_at": created_at,
                "created_by_organization_id": created_by_organization_id,
                "description": description,
                "focus_member_id": focus_member_id,
                "id": id,
                "kind": kind,
                "name": name,
                "status": status,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if disclosure is not UNSET:
            field_dict["disclosure"] = disclosure

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.disclosure_notice_view import DisclosureNoticeView  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_archived_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                archived_at_type_0 = datetime.datetime.fromisoformat(data)

                return archived_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        archived_at = _parse_archived_at(d.pop("archived_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by_organization_id = UUID(d.pop("created_by_organization_id"))

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        def _parse_focus_member_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                focus_member_id_type_0 = UUID(data)

                return focus_member_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        focus_member_id = _parse_focus_member_id(d.pop("focus_member_id"))

        id = UUID(d.pop("id"))

        kind = NetworkKind(d.pop("kind"))

        name = d.pop("name")

        status = NetworkStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_disclosure(data: object) -> DisclosureNoticeView | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                disclosure_type_0 = DisclosureNoticeView.from_dict(data)

                return disclosure_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DisclosureNoticeView | None | Unset, data)

        disclosure = _parse_disclosure(d.pop("disclosure", UNSET))

        network_view = cls(
            archived_at=archived_at,
            created_at=created_at,
            created_by_organization_id=created_by_organization_id,
            description=description,
            focus_member_id=focus_member_id,
            id=id,
            kind=kind,
            name=name,
            status=status,
            updated_at=updated_at,
            version=version,
            disclosure=disclosure,
        )

        network_view.additional_properties = d
        return network_view

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
