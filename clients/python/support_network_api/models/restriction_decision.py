from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.restriction_decision_decision import RestrictionDecisionDecision

T = TypeVar("T", bound="RestrictionDecision")


@_attrs_define
class RestrictionDecision:
    """
    Attributes:
        decision (RestrictionDecisionDecision): `agree` or `deny`.
    """

    decision: RestrictionDecisionDecision

    def to_dict(self) -> dict[str, Any]:
        decision = self.decision.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "decision": decision,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        decision = RestrictionDecisionDecision(d.pop("decision"))

        restriction_decision = cls(
            decision=decision,
        )

        return restriction_decision
