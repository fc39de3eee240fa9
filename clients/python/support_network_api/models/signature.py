from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.new_signature_method import NewSignatureMethod
from ..models.signer_authority import SignerAuthority
from ..types import UNSET, Unset

T = TypeVar("T", bound="Signature")


@_attrs_define
class Signature:
    """42 CFR 2.31 asks for a written consent: signed on paper (`written`) or electronically (`electronic`), by whom, when,
    and in what capacity; a hash of the signed document, if one is kept.

        Attributes:
            authority (SignerAuthority): In what capacity the signer signed (42 CFR 2.31(a)(9), 2.14, 2.15).
            method (NewSignatureMethod): How a consent given now may be signed. `verbal_witnessed`, which consents recorded
                    before written consent was required may show, is not among them: a component of its own so
                    that generated clients do not meet two different enums named `SignatureMethod`.
            signed_at (datetime.datetime): When it was signed.
            signed_by (str): The name of whoever signed.
            document_sha256 (None | str | Unset): The SHA-256 of the signed document, lowercase hex, if one is kept.
    """

    authority: SignerAuthority
    method: NewSignatureMethod
    signed_at: datetime.datetime
    signed_by: str
    document_sha256: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        authority = self.authority.value

        method = self.method.value

        signed_at = self.signed_at.isoformat()

        signed_by = self.signed_by

        document_sha256: None | str | Unset
        if isinstance(self.document_sha256, Unset):
            document_sha256 = UNSET
        else:
            document_sha256 = self.document_sha256

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "authority": authority,
                "method": method,
                "signed_at": signed_at,
                "signed_by": signed_by,
            }
        )
        if document_sha256 is not UNSET:
            field_dict["document_sha256"] = document_sha256

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        authority = SignerAuthority(d.pop("authority"))

        method = NewSignatureMethod(d.pop("method"))

        signed_at = datetime.datetime.fromisoformat(d.pop("signed_at"))

        signed_by = d.pop("signed_by")

        def _parse_document_sha256(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        document_sha256 = _parse_document_sha256(d.pop("document_sha256", UNSET))

        signature = cls(
            authority=authority,
            method=method,
            signed_at=signed_at,
            signed_by=signed_by,
            document_sha256=document_sha256,
        )

        return signature
