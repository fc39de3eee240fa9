from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.reach_out_outcome import ReachOutOutcome
from ..models.reach_out_urgency import ReachOutUrgency
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.crisis_resource_body import CrisisResourceBody
    from ..models.disclosure_notice_view import DisclosureNoticeView
    from ..models.response_view import ResponseView


T = TypeVar("T", bound="ReachOutView")


@_attrs_define
class ReachOutView:
    """A reach-out as the caller sees it: its home organization, or one with an active supporter in a circle asked under
    the member's consent covering `reach_outs` (each such read is in the member's accounting of disclosures). `asked`:
    the caller's own members it asks to respond. `crisis_resources`: the home organization's, given with every reach-out
    it opens. A reach-out is not an emergency service.

        Attributes:
            asked (list[UUID]): The caller's own members asked to respond: active supporters, in any role but the focus, in
                a circle asked that the caller takes part in.
            circle_ids (list[UUID]): The circles around the member the reach-out asks (default: all of them), those the
                reader takes part in.
            closed_at (datetime.datetime | None): When it closed (for `expired`, the instant it was due); null while open.
            crisis_resources (list[CrisisResourceBody]): Places a person can call at once (such as a national crisis line),
                given by the home organization with every reach-out it opens.
            escalated_at (datetime.datetime | None): When it escalated to the home organization (nobody had answered in
                time); null if it did not.
            escalates_at (datetime.datetime): When it escalates to the home organization if nobody has answered by then.
            expires_at (datetime.datetime): When it closes by itself (`expired`) if still open: a day after it opened.
            first_answered_at (datetime.datetime | None): When a supporter first answered (`on_my_way`, `calling` or
                `messaged`); null until then.
            id (UUID): The object's id, a UUIDv7 (time-ordered).
            member_id (UUID):
            message (None | str): The member's message; null if none was given, or once the member is erased.
            opened_at (datetime.datetime): When it was opened.
            organization_id (UUID): The member's home organization, which opened it.
            outcome (None | ReachOutOutcome): How it ended: `supported`, `no_longer_needed`, `referred`,
                `emergency_services`, or `expired` (nobody closed it within a day); null while open.
            responses (list[ResponseView]): Every response, oldest first.
            status (str): `open` or `closed`.
            urgency (ReachOutUrgency):
            version (int): Incremented by every change. Where the object has an `ETag`, it is this number quoted (`"3"`),
                and `If-Match` takes it where a change needs it.
            disclosure (DisclosureNoticeView | None | Unset): Set when this answer carries data about another organization's
                member, under that member's consent: the notice 42 CFR 2.32 requires to travel with it, and the consents it
                rests on. Null when nothing of another organization's member is shown (always on the home organization's own
                reads).
    """

    asked: list[UUID]
    circle_ids: list[UUID]
    closed_at: datetime.datetime | None
    crisis_resources: list[CrisisResourceBody]
    escalated_at: datetime.datetime | None
    escalates_at: datetime.datetime
    expires_at: datetime.datetime
    first_answered_at: datetime.datetime | None
    id: UUID
    member_id: UUID
    message: None | str
    opened_at: datetime.datetime
    organization_id: UUID
    outcome: None | ReachOutOutcome
    responses: list[ResponseView]
    status: str
    urgency: ReachOutUrgency
    version: int
    disclosure: DisclosureNoticeView | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.disclosure_notice_view import DisclosureNoticeView  # noqa: PLC0415

        asked = []
        for asked_item_data in self.asked:
            asked_item = str(asked_item_data)
            asked.append(asked_item)

        circle_ids = []
        for circle_ids_item_data in self.circle_ids:
            circle_ids_item = str(circle_ids_item_data)
            circle_ids.append(circle_ids_item)

        closed_at: None | str
        if isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        crisis_resources = []
        for crisis_resources_item_data in self.crisis_resources:
            crisis_resources_item = crisis_resources_item_data.to_dict()
            crisis_resources.append(crisis_resources_item)

        escalated_at: None | str
        if isinstance(self.escalated_at, datetime.datetime):
            escalated_at = self.escalated_at.isoformat()
        else:
            escalated_at = self.escalated_at

        escalates_at = self.escalates_at.isoformat()

        expires_at = self.expires_at.isoformat()

        first_answered_at: None | str
        if isinstance(self.first_answered_at, datetime.datetime):
            first_answered_at = self.first_answered_at.isoformat()
        else:
            first_answered_at = self.first_answered_at

        id = str(self.id)

        member_id = str(self.member_id)

        message: None | str
        message = self.message

        opened_at = self.opened_at.isoformat()

        organization_id = str(self.organization_id)

        outcome: None | str
        if isinstance(self.outcome, ReachOutOutcome):
            outcome = self.outcome.value
        else:
            outcome = self.outcome

        responses = []
        for responses_item_data in self.responses:
            responses_item = responses_item_data.to_dict()
            responses.append(responses_item)

        status = self.status

        urgency = self.urgency.value

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
                "asked": asked,
                "circle_ids": circle_ids,
                "closed_at": closed_at,
                "crisis_resources": crisis_resources,
                "escalated_at": escalated_at,
                "escalates_at": escalates_at,
                "expires_at": expires_at,
                "first_answered_at": first_answered_at,
                "id": id,
                "member_id": member_id,
                "message": message,
                "opened_at": opened_at,
                "organization_id": organization_id,
                "outcome": outcome,
                "responses": responses,
                "status": status,
                "urgency": urgency,
                "version": version,
            }
        )
        if disclosure is not UNSET:
            field_dict["disclosure"] = disclosure

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.crisis_resource_body import CrisisResourceBody  # noqa: PLC0415
        from ..models.disclosure_notice_view import DisclosureNoticeView  # noqa: PLC0415
        from ..models.response_view import ResponseView  # noqa: PLC0415

        d = dict(src_dict)
        asked = []
        _asked = d.pop("asked")
        for asked_item_data in _asked:
            asked_item = UUID(asked_item_data)

            asked.append(asked_item)

        circle_ids = []
        _circle_ids = d.pop("circle_ids")
        for circle_ids_item_data in _circle_ids:
            circle_ids_item = UUID(circle_ids_item_data)

            circle_ids.append(circle_ids_item)

        def _parse_closed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        closed_at = _parse_closed_at(d.pop("closed_at"))

        crisis_resources = []
        _crisis_resources = d.pop("crisis_resources")
        for crisis_resources_item_data in _crisis_resources:
            crisis_resources_item = CrisisResourceBody.from_dict(crisis_resources_item_data)

            crisis_resources.append(crisis_resources_item)

        def _parse_escalated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                escalated_at_type_0 = datetime.datetime.fromisoformat(data)

                return escalated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        escalated_at = _parse_escalated_at(d.pop("escalated_at"))

        escalates_at = datetime.datetime.fromisoformat(d.pop("escalates_at"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        def _parse_first_answered_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                first_answered_at_type_0 = datetime.datetime.fromisoformat(data)

                return first_answered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        first_answered_at = _parse_first_answered_at(d.pop("first_answered_at"))

        id = UUID(d.pop("id"))

        member_id = UUID(d.pop("member_id"))

        def _parse_message(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        message = _parse_message(d.pop("message"))

        opened_at = datetime.datetime.fromisoformat(d.pop("opened_at"))

        organization_id = UUID(d.pop("organization_id"))

        def _parse_outcome(data: object) -> None | ReachOutOutcome:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_0 = ReachOutOutcome(data)

                return outcome_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReachOutOutcome, data)

        outcome = _parse_outcome(d.pop("outcome"))

        responses = []
        _responses = d.pop("responses")
        for responses_item_data in _responses:
            responses_item = ResponseView.from_dict(responses_item_data)

            responses.append(responses_item)

        status = d.pop("status")

        urgency = ReachOutUrgency(d.pop("urgency"))

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

        reach_out_view = cls(
            asked=asked,
            circle_ids=circle_ids,
            closed_at=closed_at,
            crisis_resources=crisis_resources,
            escalated_at=escalated_at,
            escalates_at=escalates_at,
            expires_at=expires_at,
            first_answered_at=first_answered_at,
            id=id,
            member_id=member_id,
            message=message,
            opened_at=opened_at,
            organization_id=organization_id,
            outcome=outcome,
            responses=responses,
            status=status,
            urgency=urgency,
            version=version,
            disclosure=disclosure,
        )

        reach_out_view.additional_properties = d
        return reach_out_view

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
