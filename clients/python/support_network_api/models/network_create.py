from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.network_kind import NetworkKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="NetworkCreate")


@_attrs_define
class NetworkCreate:
    """`name` and `description` are seen by every organization taking part in the network, without any consent: they must
    not identify a member ("Tuesday group", not "Sam R.'s circle").

        Attributes:
            kind (NetworkKind):
            name (str): Seen by every organization taking part in the network, without any consent: it must not identify a
                member (e.g. 'Tuesday group', not 'Sam R.'s circle').
            description (None | str | Unset): Seen by every organization taking part in the network, without any consent: it
                must not identify a member (e.g. 'Tuesday group', not 'Sam R.'s circle').
            focus_member_id (None | Unset | UUID): The member a circle is around: one of the creating organization's
                members, fixed while the circle lasts. Null for a group, and to every organization but the creator.
    """

    kind: NetworkKind
    name: str
    description: None | str | Unset = UNSET
    focus_member_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        focus_member_id: None | str | Unset
        if isinstance(self.focus_member_id, Unset):
            focus_member_id = UNSET
        elif isinstance(self.focus_member_id, UUID):
            focus_member_id = str(self.focus_member_id)
        else:
            focus_member_id = self.focus_member_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "name": name,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if focus_member_id is not UNSET:
            field_dict["focus_member_id"] = focus_member_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = NetworkKind(d.pop("kind"))

        name = d.pop("name")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_focus_member_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                focus_member_id_type_0 = UUID(data)

                return focus_member_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        focus_member_id = _parse_focus_member_id(d.pop("focus_member_id", UNSET))

        network_create = cls(
            kind=kind,
            name=name,
            description=description,
            focus_member_id=focus_member_id,
        )

        return network_create
