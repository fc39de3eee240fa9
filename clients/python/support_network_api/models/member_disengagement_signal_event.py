from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    TypeVar,
    cast,
)
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.disclosure_notice_view import DisclosureNoticeView
    from ..models.disengagement_signal_data import DisengagementSignalData


T = TypeVar("T", bound="MemberDisengagementSignalEvent")


@_attrs_define
class MemberDisengagementSignalEvent:
    """
    Attributes:
        data (DisengagementSignalData):
        id (UUID): The event's id (a UUIDv7), also the `webhook-id` of its deliveries. The feed is in commit order, not
            id order.
        occurred_at (datetime.datetime): When the change was made (the same instant as the object's own timestamps). The
            feed is in commit order, so this may not rise strictly.
        organization_id (UUID): The organization that acted. For what the service did by itself (an expiry, a missed
            period, a milestone reached, an endpoint disabled) or on an operator's behalf, the organization the subject
            belongs to.
        subject_id (UUID): The id of the object the event is about.
        subject_type (str): What kind of object the event is about: `member`, `network`, `consent`, `referral`, ...
        type_ (Literal['member.disengagement_signal']): The event type; `data` has the schema of this type.
        disclosure (DisclosureNoticeView | None | Unset): Set when this answer carries data about another organization's
            member, under that member's consent: the notice 42 CFR 2.32 requires to travel with it, and the consents it
            rests on. Null when nothing of another organization's member is shown (always on the home organization's own
            reads).
    """

    data: DisengagementSignalData
    id: UUID
    occurred_at: datetime.datetime
    organization_id: UUID
    subject_id: UUID
    subject_type: str
    type_: Literal["member.disengagement_signal"]
    disclosure: DisclosureNoticeView | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.disclosure_notice_view import DisclosureNoticeView  # noqa: PLC0415

        data = self.data.to_dict()

        id = str(self.id)

        occurred_at = self.occurred_at.isoformat()

        organization_id = str(self.organization_id)

        subject_id = str(self.subject_id)

        subject_type = self.subject_type

        type_ = self.type_

        disclosure: dict[str, Any] | None | Unset
        if isinstance(self.disclosure, Unset):
            disclosure = UNSET
        elif isinstance(self.disclosure, DisclosureNoticeView):
            disclosure = self.disclosure.to_dict()
        else:
            disclosure = self.disclosure

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "data": data,
                "id": id,
                "occurred_at": occurred_at,
                "organization_id": organization_id,
                "subject_id": subject_id,
                "subject_type": subject_type,
                "type": type_,
            }
        )
        if disclosure is not UNSET:
            field_dict["disclosure"] = disclosure

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.disclosure_notice_view import DisclosureNoticeView  # noqa: PLC0415
        from ..models.disengagement_signal_data import DisengagementSignalData  # noqa: PLC0415

        d = dict(src_dict)
        data = DisengagementSignalData.from_dict(d.pop("data"))

        id = UUID(d.pop("id"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        organization_id = UUID(d.pop("organization_id"))

        subject_id = UUID(d.pop("subject_id"))

        subject_type = d.pop("subject_type")

        type_ = cast(Literal["member.disengagement_signal"], d.pop("type"))
        if type_ != "member.disengagement_signal":
            raise ValueError(f"type must match const 'member.disengagement_signal', got '{type_}'")

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

        member_disengagement_signal_event = cls(
            data=data,
            id=id,
            occurred_at=occurred_at,
            organization_id=organization_id,
            subject_id=subject_id,
            subject_type=subject_type,
            type_=type_,
            disclosure=disclosure,
        )

        return member_disengagement_signal_event
