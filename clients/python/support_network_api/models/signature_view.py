from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.signature_method import SignatureMethod
from ..models.signer_authority import SignerAuthority

T = TypeVar("T", bound="SignatureView")


@_attrs_define
class SignatureView:
    """`verbal_witnessed` only on consents recorded before written consent was required.

    Attributes:
        authority (None | SignerAuthority): In what capacity they signed: the patient, or someone authorised for them.
        document_sha256 (None | str): The SHA-256 of the signed document, lowercase hex, if one is kept.
        method (SignatureMethod):
        signed_at (datetime.datetime): When it was signed.
        signed_by (None | str): The name of whoever signed. Null to the recipient.
    """

    authority: None | SignerAuthority
    document_sha256: None | str
    method: SignatureMethod
    signed_at: datetime.datetime
    signed_by: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        authority: None | str
        if isinstance(self.authority, SignerAuthority):
            authority = self.authority.value
        else:
            authority = self.authority

        document_sha256: None | str
        document_sha256 = self.document_sha256

        method = self.method.value

        signed_at = self.signed_at.isoformat()

        signed_by: None | str
        signed_by = self.signed_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "authority": authority,
                "document_sha256": document_sha256,
                "method": method,
                "signed_at": signed_at,
                "signed_by": signed_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_authority(data: object) -> None | SignerAuthority:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                authority_type_0 = SignerAuthority(data)

                return authority_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SignerAuthority, data)

        authority = _parse_authority(d.pop("authority"))

        def _parse_document_sha256(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        document_sha256 = _parse_document_sha256(d.pop("document_sha256"))

        method = SignatureMethod(d.pop("method"))

        signed_at = datetime.datetime.fromisoformat(d.pop("signed_at"))

        def _parse_signed_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        signed_by = _parse_signed_by(d.pop("signed_by"))

        signature_view = cls(
            authority=authority,
            document_sha256=document_sha256,
            method=method,
            signed_at=signed_at,
            signed_by=signed_by,
        )

        signature_view.additional_properties = d
        return signature_view

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
