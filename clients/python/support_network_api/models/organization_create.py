from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.organization_kind import OrganizationKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="OrganizationCreate")


@_attrs_define
class OrganizationCreate:
    """`kind`: `clinic` (a HIPAA covered entity), `community_app`, `peer_org`, or `intermediary` (passes records on to its
    participants, such as a health information exchange: a consent to it names which of them may receive).

        Attributes:
            kind (OrganizationKind):
            name (str):
            address (None | str | Unset): Where the organization can be written to: the accounting of disclosures a member
                receives names it (45 CFR 164.528(b)(2)).
    """

    kind: OrganizationKind
    name: str
    address: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        name = self.name

        address: None | str | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        else:
            address = self.address

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "name": name,
            }
        )
        if address is not UNSET:
            field_dict["address"] = address

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = OrganizationKind(d.pop("kind"))

        name = d.pop("name")

        def _parse_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address = _parse_address(d.pop("address", UNSET))

        organization_create = cls(
            kind=kind,
            name=name,
            address=address,
        )

        return organization_create
