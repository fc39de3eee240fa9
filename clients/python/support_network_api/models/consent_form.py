from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.statement import Statement

T = TypeVar("T", bound="ConsentForm")


@_attrs_define
class ConsentForm:
    """The signed form: its version, and the statements it contains (42 CFR 2.31: the right to revoke and how,
    conditioning, redisclosure; the HIPAA redisclosure statement when the recipient is a covered entity, such as a
    clinic).

        Attributes:
            statements (list[Statement]): The statements the signed form contains; `hipaa_redisclosure` is needed whenever
                the data may reach a clinic (a HIPAA covered entity): a clinic named, a class of recipients, or a clinic among
                an intermediary's participants.
            version (str): The version of the consent form that was signed, as printed on it.
    """

    statements: list[Statement]
    version: str

    def to_dict(self) -> dict[str, Any]:
        statements = []
        for statements_item_data in self.statements:
            statements_item = statements_item_data.value
            statements.append(statements_item)

        version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "statements": statements,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        statements = []
        _statements = d.pop("statements")
        for statements_item_data in _statements:
            statements_item = Statement(statements_item_data)

            statements.append(statements_item)

        version = d.pop("version")

        consent_form = cls(
            statements=statements,
            version=version,
        )

        return consent_form
