from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.disclosure_notice_view import DisclosureNoticeView
    from ..models.milestone_view import MilestoneView
    from ..models.next_milestone_view import NextMilestoneView


T = TypeVar("T", bound="MilestonesView")


@_attrs_define
class MilestonesView:
    """Reached milestones of every period (each with the period it belongs to), custom ones, and the next one with its date
    in the member's time zone. Computed on each read.

        Attributes:
            member_id (UUID):
            next_ (NextMilestoneView | None): The next automatic milestone; null when none is ahead.
            reached (list[MilestoneView]): The milestones reached in every period (only the current one to a reader without
                `recovery`), and custom ones.
            disclosure (DisclosureNoticeView | None | Unset): Set when this answer carries data about another organization's
                member, under that member's consent: the notice 42 CFR 2.32 requires to travel with it, and the consents it
                rests on. Null when nothing of another organization's member is shown (always on the home organization's own
                reads).
    """

    member_id: UUID
    next_: NextMilestoneView | None
    reached: list[MilestoneView]
    disclosure: DisclosureNoticeView | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.disclosure_notice_view import DisclosureNoticeView  # noqa: PLC0415
        from ..models.next_milestone_view import NextMilestoneView  # noqa: PLC0415

        member_id = str(self.member_id)

        next_: dict[str, Any] | None
        if isinstance(self.next_, NextMilestoneView):
            next_ = self.next_.to_dict()
        else:
            next_ = self.next_

        reached = []
        for reached_item_data in self.reached:
            reached_item = reached_item_data.to_dict()
            reached.append(reached_item)

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
                "member_id": member_id,
                "next": next_,
                "reached": reached,
            }
        )
        if disclosure is not UNSET:
            field_dict["disclosure"] = disclosure

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.disclosure_notice_view import DisclosureNoticeView  # noqa: PLC0415
        from ..models.milestone_view import MilestoneView  # noqa: PLC0415
        from ..models.next_milestone_view import NextMilestoneView  # noqa: PLC0415

        d = dict(src_dict)
        member_id = UUID(d.pop("member_id"))

        def _parse_next_(data: object) -> NextMilestoneView | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                next_type_0 = NextMilestoneView.from_dict(data)

                return next_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(NextMilestoneView | None, data)

        next_ = _parse_next_(d.pop("next"))

        reached = []
        _reached = d.pop("reached")
        for reached_item_data in _reached:
            reached_item = MilestoneView.from_dict(reached_item_data)

            reached.append(reached_item)

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

        milestones_view = cls(
            member_id=member_id,
            next_=next_,
            reached=reached,
            disclosure=disclosure,
        )

        milestones_view.additional_properties = d
        return milestones_view

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
