from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.cadence import Cadence
from ..models.pledge_status import PledgeStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.check_in_view import CheckInView
    from ..models.disclosure_notice_view import DisclosureNoticeView


T = TypeVar("T", bound="PledgeView")


@_attrs_define
class PledgeView:
    """A pledge with its derived streaks. Notes and the supporter show to the home organization only.

    Attributes:
        cadence (Cadence):
        check_ins (list[CheckInView]): Every check-in, corrections and the ones they replaced included.
        current_streak (int): Kept periods in a row up to now; a period the member may still check in does not break it.
        ends_on (datetime.date | None): The last day, included. Null: open until completed or withdrawn (for `once`: the
            start day only).
        id (UUID): The object's id, a UUIDv7 (time-ordered).
        kept_rate (float | None): The share of the last 30 settled periods that were kept, 0 to 1; null before any
            period settled.
        longest_streak (int): The most kept periods in a row so far.
        member_id (UUID):
        network_id (None | UUID): The network the pledge is made in, if any.
        starts_on (datetime.date): The first day, in the member's time zone.
        status (PledgeStatus):
        supporter_member_id (None | UUID): A member of the pledge's network who supports it; shown to the member's home
            organization only.
        text (str): What the member promises, in their words.
        version (int): Incremented by every change. Where the object has an `ETag`, it is this number quoted (`"3"`),
            and `If-Match` takes it where a change needs it.
        disclosure (DisclosureNoticeView | None | Unset): Set when this answer carries data about another organization's
            member, under that member's consent: the notice 42 CFR 2.32 requires to travel with it, and the consents it
            rests on. Null when nothing of another organization's member is shown (always on the home organization's own
            reads).
    """

    cadence: Cadence
    check_ins: list[CheckInView]
    current_streak: int
    ends_on: datetime.date | None
    id: UUID
    kept_rate: float | None
    longest_streak: int
    member_id: UUID
    network_id: None | UUID
    starts_on: datetime.date
    status: PledgeStatus
    supporter_member_id: None | UUID
    text: str
    version: int
    disclosure: DisclosureNoticeView | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.disclosure_notice_view import DisclosureNoticeView  # noqa: PLC0415

        cadence = self.cadence.value

        check_ins = []
        for check_ins_item_data in self.check_ins:
            check_ins_item = check_ins_item_data.to_dict()
            check_ins.append(check_ins_item)

        current_streak = self.current_streak

        ends_on: None | str
        if isinstance(self.ends_on, datetime.date):
            ends_on = self.ends_on.isoformat()
        else:
            ends_on = self.ends_on

        id = str(self.id)

        kept_rate: float | None
        kept_rate = self.kept_rate

        longest_streak = self.longest_streak

        member_id = str(self.member_id)

        network_id: None | str
        if isinstance(self.network_id, UUID):
            network_id = str(self.network_id)
        else:
            network_id = self.network_id

        starts_on = self.starts_on.isoformat()

        status = self.status.value

        supporter_member_id: None | str
        if isinstance(self.supporter_member_id, UUID):
            supporter_member_id = str(self.supporter_member_id)
        else:
            supporter_member_id = self.supporter_member_id

        text = self.text

        version = self.version

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
                "cadence": cadence,
                "check_ins": check_ins,
                "current_streak": current_streak,
                "ends_on": ends_on,
                "id": id,
                "kept_rate": kept_rate,
                "longest_streak": longest_streak,
                "member_id": member_id,
                "network_id": network_id,
                "starts_on": starts_on,
                "status": status,
                "supporter_member_id": supporter_member_id,
                "text": text,
                "version": version,
            }
        )
        if disclosure is not UNSET:
            field_dict["disclosure"] = disclosure

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.check_in_view import CheckInView  # noqa: PLC0415
        from ..models.disclosure_notice_view import DisclosureNoticeView  # noqa: PLC0415

        d = dict(src_dict)
        cadence = Cadence(d.pop("cadence"))

        check_ins = []
        _check_ins = d.pop("check_ins")
        for check_ins_item_data in _check_ins:
            check_ins_item = CheckInView.from_dict(check_ins_item_data)

            check_ins.append(check_ins_item)

        current_streak = d.pop("current_streak")

        def _parse_ends_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_on_type_0 = datetime.date.fromisoformat(data)

                return ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ends_on = _parse_ends_on(d.pop("ends_on"))

        id = UUID(d.pop("id"))

        def _parse_kept_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        kept_rate = _parse_kept_rate(d.pop("kept_rate"))

        longest_streak = d.pop("longest_streak")

        member_id = UUID(d.pop("member_id"))

        def _parse_network_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                network_id_type_0 = UUID(data)

                return network_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        network_id = _parse_network_id(d.pop("network_id"))

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        status = PledgeStatus(d.pop("status"))

        def _parse_supporter_member_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                supporter_member_id_type_0 = UUID(data)

                return supporter_member_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        supporter_member_id = _parse_supporter_member_id(d.pop("supporter_member_id"))

        text = d.pop("text")

        version = d.pop("version")

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

        pledge_view = cls(
            cadence=cadence,
            check_ins=check_ins,
            current_streak=current_streak,
            ends_on=ends_on,
            id=id,
            kept_rate=kept_rate,
            longest_streak=longest_streak,
            member_id=member_id,
            network_id=network_id,
            starts_on=starts_on,
            status=status,
            supporter_member_id=supporter_member_id,
            text=text,
            version=version,
            disclosure=disclosure,
        )

        pledge_view.additional_properties = d
        return pledge_view

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
