from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.statement import Statement

T = TypeVar("T", bound="ConsentForm")


@_attrs_define
class ConsentForm:
    """
    Attributes:
        statements (list[Statement]): The statements the signed form contains; a recipient that is a clinic (a HIPAA
            covered entity) needs `hipaa_redisclosure` among them.
        version (str): Incremented by every change. The `ETag` is this number quoted (`"3"`): send it as `If-Match` to
            change the object.
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
