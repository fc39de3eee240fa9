from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.issued_api_key import IssuedApiKey
    from ..models.organization_view import OrganizationView


T = TypeVar("T", bound="OrganizationCreated")


@_attrs_define
class OrganizationCreated:
    """
    Attributes:
        first_key (IssuedApiKey): A new key. `token` is shown here once and never again; it is null when this response
            is an idempotent replay, because the service keeps only a hash of it.
        organization (OrganizationView):
    """

    first_key: IssuedApiKey
    organization: OrganizationView
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        first_key = self.first_key.to_dict()

        organization = self.organization.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "first_key": first_key,
                "organization": organization,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.issued_api_key import IssuedApiKey  # noqa: PLC0415
        from ..models.organization_view import OrganizationView  # noqa: PLC0415

        d = dict(src_dict)
        first_key = IssuedApiKey.from_dict(d.pop("first_key"))

        organization = OrganizationView.from_dict(d.pop("organization"))

        organization_created = cls(
            first_key=first_key,
            organization=organization,
        )

        organization_created.additional_properties = d
        return organization_created

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
