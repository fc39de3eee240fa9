from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.api_key_created_event import ApiKeyCreatedEvent
    from ..models.api_key_revoked_event import ApiKeyRevokedEvent
    from ..models.attendance_recorded_event import AttendanceRecordedEvent
    from ..models.consent_expired_event import ConsentExpiredEvent
    from ..models.consent_granted_event import ConsentGrantedEvent
    from ..models.consent_revoked_event import ConsentRevokedEvent
    from ..models.incident_closed_event import IncidentClosedEvent
    from ..models.incident_opened_event import IncidentOpenedEvent
    from ..models.meeting_cancelled_event import MeetingCancelledEvent
    from ..models.meeting_scheduled_event import MeetingScheduledEvent
    from ..models.member_created_event import MemberCreatedEvent
    from ..models.member_disengagement_signal_event import MemberDisengagementSignalEvent
    from ..models.member_erased_event import MemberErasedEvent
    from ..models.member_reengaged_event import MemberReengagedEvent
    from ..models.member_updated_event import MemberUpdatedEvent
    from ..models.milestone_cheered_event import MilestoneCheeredEvent
    from ..models.milestone_reached_event import MilestoneReachedEvent
    from ..models.network_archived_event import NetworkArchivedEvent
    from ..models.network_created_event import NetworkCreatedEvent
    from ..models.network_membership_added_event import NetworkMembershipAddedEvent
    from ..models.network_membership_changed_event import NetworkMembershipChangedEvent
    from ..models.network_membership_removed_event import NetworkMembershipRemovedEvent
    from ..models.network_organization_declined_event import (
        NetworkOrganizationDeclinedEvent,
    )
    from ..models.network_organization_invited_event import (
        NetworkOrganizationInvitedEvent,
    )
    from ..models.network_organization_joined_event import NetworkOrganizationJoinedEvent
    from ..models.network_organization_left_event import NetworkOrganizationLeftEvent
    from ..models.network_updated_event import NetworkUpdatedEvent
    from ..models.organization_created_event import OrganizationCreatedEvent
    from ..models.pledge_checked_in_event import PledgeCheckedInEvent
    from ..models.pledge_created_event import PledgeCreatedEvent
    from ..models.pledge_missed_event import PledgeMissedEvent
    from ..models.post_created_event import PostCreatedEvent
    from ..models.post_crisis_flagged_event import PostCrisisFlaggedEvent
    from ..models.post_hidden_event import PostHiddenEvent
    from ..models.post_replied_event import PostRepliedEvent
    from ..models.post_reported_event import PostReportedEvent
    from ..models.reach_out_answered_event import ReachOutAnsweredEvent
    from ..models.reach_out_closed_event import ReachOutClosedEvent
    from ..models.reach_out_escalated_event import ReachOutEscalatedEvent
    from ..models.reach_out_opened_event import ReachOutOpenedEvent
    from ..models.recovery_restarted_event import RecoveryRestartedEvent
    from ..models.referral_created_event import ReferralCreatedEvent
    from ..models.referral_status_changed_event import ReferralStatusChangedEvent
    from ..models.webhook_endpoint_disabled_event import WebhookEndpointDisabledEvent


T = TypeVar("T", bound="EventList")


@_attrs_define
class EventList:
    """`next_cursor` is always given: poll it again later for newer events. After a page shorter than `limit` it points
    past everything the read looked at (not only past its last event), so that the next poll starts where this one
    stopped looking. Each event's `data` has the schema of its `type`. The feed carries what happens while the
    organization may see it: events written before it took part in a network, or before a member's consent reached it,
    do not come later (the network's and the member's own resources show where they stand).

        Attributes:
            data (list[ApiKeyCreatedEvent | ApiKeyRevokedEvent | AttendanceRecordedEvent | ConsentExpiredEvent |
                ConsentGrantedEvent | ConsentRevokedEvent | IncidentClosedEvent | IncidentOpenedEvent | MeetingCancelledEvent |
                MeetingScheduledEvent | MemberCreatedEvent | MemberDisengagementSignalEvent | MemberErasedEvent |
                MemberReengagedEvent | MemberUpdatedEvent | MilestoneCheeredEvent | MilestoneReachedEvent | NetworkArchivedEvent
                | NetworkCreatedEvent | NetworkMembershipAddedEvent | NetworkMembershipChangedEvent |
                NetworkMembershipRemovedEvent | NetworkOrganizationDeclinedEvent | NetworkOrganizationInvitedEvent |
                NetworkOrganizationJoinedEvent | NetworkOrganizationLeftEvent | NetworkUpdatedEvent | OrganizationCreatedEvent |
                PledgeCheckedInEvent | PledgeCreatedEvent | PledgeMissedEvent | PostCreatedEvent | PostCrisisFlaggedEvent |
                PostHiddenEvent | PostRepliedEvent | PostReportedEvent | ReachOutAnsweredEvent | ReachOutClosedEvent |
                ReachOutEscalatedEvent | ReachOutOpenedEvent | RecoveryRestartedEvent | ReferralCreatedEvent |
                ReferralStatusChangedEvent | WebhookEndpointDisabledEvent]): The items of this page, in the list's order.
            next_cursor (None | str): Always given, never null: pass it as `cursor` to continue, and poll it again later for
                newer events.
    """

    data: list[
        ApiKeyCreatedEvent
        | ApiKeyRevokedEvent
        | AttendanceRecordedEvent
        | ConsentExpiredEvent
        | ConsentGrantedEvent
        | ConsentRevokedEvent
        | IncidentClosedEvent
        | IncidentOpenedEvent
        | MeetingCancelledEvent
        | MeetingScheduledEvent
        | MemberCreatedEvent
        | MemberDisengagementSignalEvent
        | MemberErasedEvent
        | MemberReengagedEvent
        | MemberUpdatedEvent
        | MilestoneCheeredEvent
        | MilestoneReachedEvent
        | NetworkArchivedEvent
        | NetworkCreatedEvent
        | NetworkMembershipAddedEvent
        | NetworkMembershipChangedEvent
        | NetworkMembershipRemovedEvent
        | NetworkOrganizationDeclinedEvent
        | NetworkOrganizationInvitedEvent
        | NetworkOrganizationJoinedEvent
        | NetworkOrganizationLeftEvent
        | NetworkUpdatedEvent
        | OrganizationCreatedEvent
        | PledgeCheckedInEvent
        | PledgeCreatedEvent
        | PledgeMissedEvent
        | PostCreatedEvent
        | PostCrisisFlaggedEvent
        | PostHiddenEvent
        | PostRepliedEvent
        | PostReportedEvent
        | ReachOutAnsweredEvent
        | ReachOutClosedEvent
        | ReachOutEscalatedEvent
        | ReachOutOpenedEvent
        | RecoveryRestartedEvent
        | ReferralCreatedEvent
        | ReferralStatusChangedEvent
        | WebhookEndpointDisabledEvent
    ]
    next_cursor: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.api_key_created_event import ApiKeyCreatedEvent  # noqa: PLC0415
        from ..models.api_key_revoked_event import ApiKeyRevokedEvent  # noqa: PLC0415
        from ..models.attendance_recorded_event import AttendanceRecordedEvent  # noqa: PLC0415
        from ..models.consent_expired_event import ConsentExpiredEvent  # noqa: PLC0415
        from ..models.consent_granted_event import ConsentGrantedEvent  # noqa: PLC0415
        from ..models.consent_revoked_event import ConsentRevokedEvent  # noqa: PLC0415
        from ..models.incident_closed_event import IncidentClosedEvent  # noqa: PLC0415
        from ..models.incident_opened_event import IncidentOpenedEvent  # noqa: PLC0415
        from ..models.meeting_cancelled_event import MeetingCancelledEvent  # noqa: PLC0415
        from ..models.meeting_scheduled_event import MeetingScheduledEvent  # noqa: PLC0415
        from ..models.member_created_event import MemberCreatedEvent  # noqa: PLC0415
        from ..models.member_disengagement_signal_event import (
            MemberDisengagementSignalEvent,  # noqa: PLC0415
        )
        from ..models.member_erased_event import MemberErasedEvent  # noqa: PLC0415
        from ..models.member_updated_event import MemberUpdatedEvent  # noqa: PLC0415
        from ..models.milestone_cheered_event import MilestoneCheeredEvent  # noqa: PLC0415
        from ..models.milestone_reached_event import MilestoneReachedEvent  # noqa: PLC0415
        from ..models.network_archived_event import NetworkArchivedEvent  # noqa: PLC0415
        from ..models.network_created_event import NetworkCreatedEvent  # noqa: PLC0415
        from ..models.network_membership_added_event import NetworkMembershipAddedEvent  # noqa: PLC0415
        from ..models.network_membership_changed_event import (
            NetworkMembershipChangedEvent,  # noqa: PLC0415
        )
        from ..models.network_membership_removed_event import (
            NetworkMembershipRemovedEvent,  # noqa: PLC0415
        )
        from ..models.network_organization_declined_event import (
            NetworkOrganizationDeclinedEvent,  # noqa: PLC0415
        )
        from ..models.network_organization_invited_event import (
            NetworkOrganizationInvitedEvent,  # noqa: PLC0415
        )
        from ..models.network_organization_joined_event import (
            NetworkOrganizationJoinedEvent,  # noqa: PLC0415
        )
        from ..models.network_organization_left_event import (
            NetworkOrganizationLeftEvent,  # noqa: PLC0415
        )
        from ..models.network_updated_event import NetworkUpdatedEvent  # noqa: PLC0415
        from ..models.organization_created_event import OrganizationCreatedEvent  # noqa: PLC0415
        from ..models.pledge_checked_in_event import PledgeCheckedInEvent  # noqa: PLC0415
        from ..models.pledge_created_event import PledgeCreatedEvent  # noqa: PLC0415
        from ..models.pledge_missed_event import PledgeMissedEvent  # noqa: PLC0415
        from ..models.post_created_event import PostCreatedEvent  # noqa: PLC0415
        from ..models.post_crisis_flagged_event import PostCrisisFlaggedEvent  # noqa: PLC0415
        from ..models.post_hidden_event import PostHiddenEvent  # noqa: PLC0415
        from ..models.post_replied_event import PostRepliedEvent  # noqa: PLC0415
        from ..models.post_reported_event import PostReportedEvent  # noqa: PLC0415
        from ..models.reach_out_answered_event import ReachOutAnsweredEvent  # noqa: PLC0415
        from ..models.reach_out_closed_event import ReachOutClosedEvent  # noqa: PLC0415
        from ..models.reach_out_escalated_event import ReachOutEscalatedEvent  # noqa: PLC0415
        from ..models.reach_out_opened_event import ReachOutOpenedEvent  # noqa: PLC0415
        from ..models.recovery_restarted_event import RecoveryRestartedEvent  # noqa: PLC0415
        from ..models.referral_created_event import ReferralCreatedEvent  # noqa: PLC0415
        from ..models.referral_status_changed_event import ReferralStatusChangedEvent  # noqa: PLC0415
        from ..models.webhook_endpoint_disabled_event import (
            WebhookEndpointDisabledEvent,  # noqa: PLC0415
        )

        data = []
        for data_item_data in self.data:
            data_item: dict[str, Any]
            if isinstance(data_item_data, MemberCreatedEvent):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, MemberUpdatedEvent):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, MemberErasedEvent):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, OrganizationCreatedEvent):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, ApiKeyCreatedEvent):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, ApiKeyRevokedEvent):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, NetworkCreatedEvent):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, NetworkUpdatedEvent):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, NetworkArchivedEvent):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, NetworkOrganizationInvitedEvent):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, NetworkOrganizationJoinedEvent):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, NetworkOrganizationDeclinedEvent):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, NetworkOrganizationLeftEvent):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, NetworkMembershipAddedEvent):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, NetworkMembershipChangedEvent):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, NetworkMembershipRemovedEvent):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, ConsentGrantedEvent):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, ConsentRevokedEvent):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, ConsentExpiredEvent):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, RecoveryRestartedEvent):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, MilestoneReachedEvent):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, MilestoneCheeredEvent):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, PledgeCreatedEvent):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, PledgeCheckedInEvent):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, PledgeMissedEvent):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, ReferralCreatedEvent):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, ReferralStatusChangedEvent):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, WebhookEndpointDisabledEvent):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, IncidentOpenedEvent):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, IncidentClosedEvent):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, PostCreatedEvent):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, PostRepliedEvent):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, PostReportedEvent):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, PostHiddenEvent):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, PostCrisisFlaggedEvent):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, ReachOutOpenedEvent):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, ReachOutAnsweredEvent):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, ReachOutEscalatedEvent):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, ReachOutClosedEvent):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, MeetingScheduledEvent):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, MeetingCancelledEvent):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, AttendanceRecordedEvent):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, MemberDisengagementSignalEvent):
                data_item = data_item_data.to_dict()
            else:
                data_item = data_item_data.to_dict()

            data.append(data_item)

        next_cursor: None | str
        next_cursor = self.next_cursor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
                "next_cursor": next_cursor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.api_key_created_event import ApiKeyCreatedEvent  # noqa: PLC0415
        from ..models.api_key_revoked_event import ApiKeyRevokedEvent  # noqa: PLC0415
        from ..models.attendance_recorded_event import AttendanceRecordedEvent  # noqa: PLC0415
        from ..models.consent_expired_event import ConsentExpiredEvent  # noqa: PLC0415
        from ..models.consent_granted_event import ConsentGrantedEvent  # noqa: PLC0415
        from ..models.consent_revoked_event import ConsentRevokedEvent  # noqa: PLC0415
        from ..models.incident_closed_event import IncidentClosedEvent  # noqa: PLC0415
        from ..models.incident_opened_event import IncidentOpenedEvent  # noqa: PLC0415
        from ..models.meeting_cancelled_event import MeetingCancelledEvent  # noqa: PLC0415
        from ..models.meeting_scheduled_event import MeetingScheduledEvent  # noqa: PLC0415
        from ..models.member_created_event import MemberCreatedEvent  # noqa: PLC0415
        from ..models.member_disengagement_signal_event import (
            MemberDisengagementSignalEvent,  # noqa: PLC0415
        )
        from ..models.member_erased_event import MemberErasedEvent  # noqa: PLC0415
        from ..models.member_reengaged_event import MemberReengagedEvent  # noqa: PLC0415
        from ..models.member_updated_event import MemberUpdatedEvent  # noqa: PLC0415
        from ..models.milestone_cheered_event import MilestoneCheeredEvent  # noqa: PLC0415
        from ..models.milestone_reached_event import MilestoneReachedEvent  # noqa: PLC0415
        from ..models.network_archived_event import NetworkArchivedEvent  # noqa: PLC0415
        from ..models.network_created_event import NetworkCreatedEvent  # noqa: PLC0415
        from ..models.network_membership_added_event import NetworkMembershipAddedEvent  # noqa: PLC0415
        from ..models.network_membership_changed_event import (
            NetworkMembershipChangedEvent,  # noqa: PLC0415
        )
        from ..models.network_membership_removed_event import (
            NetworkMembershipRemovedEvent,  # noqa: PLC0415
        )
        from ..models.network_organization_declined_event import (
            NetworkOrganizationDeclinedEvent,  # noqa: PLC0415
        )
        from ..models.network_organization_invited_event import (
            NetworkOrganizationInvitedEvent,  # noqa: PLC0415
        )
        from ..models.network_organization_joined_event import (
            NetworkOrganizationJoinedEvent,  # noqa: PLC0415
        )
        from ..models.network_organization_left_event import (
            NetworkOrganizationLeftEvent,  # noqa: PLC0415
        )
        from ..models.network_updated_event import NetworkUpdatedEvent  # noqa: PLC0415
        from ..models.organization_created_event import OrganizationCreatedEvent  # noqa: PLC0415
        from ..models.pledge_checked_in_event import PledgeCheckedInEvent  # noqa: PLC0415
        from ..models.pledge_created_event import PledgeCreatedEvent  # noqa: PLC0415
        from ..models.pledge_missed_event import PledgeMissedEvent  # noqa: PLC0415
        from ..models.post_created_event import PostCreatedEvent  # noqa: PLC0415
        from ..models.post_crisis_flagged_event import PostCrisisFlaggedEvent  # noqa: PLC0415
        from ..models.post_hidden_event import PostHiddenEvent  # noqa: PLC0415
        from ..models.post_replied_event import PostRepliedEvent  # noqa: PLC0415
        from ..models.post_reported_event import PostReportedEvent  # noqa: PLC0415
        from ..models.reach_out_answered_event import ReachOutAnsweredEvent  # noqa: PLC0415
        from ..models.reach_out_closed_event import ReachOutClosedEvent  # noqa: PLC0415
        from ..models.reach_out_escalated_event import ReachOutEscalatedEvent  # noqa: PLC0415
        from ..models.reach_out_opened_event import ReachOutOpenedEvent  # noqa: PLC0415
        from ..models.recovery_restarted_event import RecoveryRestartedEvent  # noqa: PLC0415
        from ..models.referral_created_event import ReferralCreatedEvent  # noqa: PLC0415
        from ..models.referral_status_changed_event import ReferralStatusChangedEvent  # noqa: PLC0415
        from ..models.webhook_endpoint_disabled_event import (
            WebhookEndpointDisabledEvent,  # noqa: PLC0415
        )

        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        for data_item_data in _data:

            def _parse_data_item(
                data: object,
            ) -> (
                ApiKeyCreatedEvent
                | ApiKeyRevokedEvent
                | AttendanceRecordedEvent
                | ConsentExpiredEvent
                | ConsentGrantedEvent
                | ConsentRevokedEvent
                | IncidentClosedEvent
                | IncidentOpenedEvent
                | MeetingCancelledEvent
                | MeetingScheduledEvent
                | MemberCreatedEvent
                | MemberDisengagementSignalEvent
                | MemberErasedEvent
                | MemberReengagedEvent
                | MemberUpdatedEvent
                | MilestoneCheeredEvent
                | MilestoneReachedEvent
                | NetworkArchivedEvent
                | NetworkCreatedEvent
                | NetworkMembershipAddedEvent
                | NetworkMembershipChangedEvent
                | NetworkMembershipRemovedEvent
                | NetworkOrganizationDeclinedEvent
                | NetworkOrganizationInvitedEvent
                | NetworkOrganizationJoinedEvent
                | NetworkOrganizationLeftEvent
                | NetworkUpdatedEvent
                | OrganizationCreatedEvent
                | PledgeCheckedInEvent
                | PledgeCreatedEvent
                | PledgeMissedEvent
                | PostCreatedEvent
                | PostCrisisFlaggedEvent
                | PostHiddenEvent
                | PostRepliedEvent
                | PostReportedEvent
                | ReachOutAnsweredEvent
                | ReachOutClosedEvent
                | ReachOutEscalatedEvent
                | ReachOutOpenedEvent
                | RecoveryRestartedEvent
                | ReferralCreatedEvent
                | ReferralStatusChangedEvent
                | WebhookEndpointDisabledEvent
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_0 = MemberCreatedEvent.from_dict(data)

                    return componentsschemas_event_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_1 = MemberUpdatedEvent.from_dict(data)

                    return componentsschemas_event_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_2 = MemberErasedEvent.from_dict(data)

                    return componentsschemas_event_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_3 = OrganizationCreatedEvent.from_dict(data)

                    return componentsschemas_event_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_4 = ApiKeyCreatedEvent.from_dict(data)

                    return componentsschemas_event_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_5 = ApiKeyRevokedEvent.from_dict(data)

                    return componentsschemas_event_type_5
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_6 = NetworkCreatedEvent.from_dict(data)

                    return componentsschemas_event_type_6
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_7 = NetworkUpdatedEvent.from_dict(data)

                    return componentsschemas_event_type_7
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_8 = NetworkArchivedEvent.from_dict(data)

                    return componentsschemas_event_type_8
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_9 = NetworkOrganizationInvitedEvent.from_dict(data)

                    return componentsschemas_event_type_9
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_10 = NetworkOrganizationJoinedEvent.from_dict(data)

                    return componentsschemas_event_type_10
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_11 = NetworkOrganizationDeclinedEvent.from_dict(
                        data
                    )

                    return componentsschemas_event_type_11
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_12 = NetworkOrganizationLeftEvent.from_dict(data)

                    return componentsschemas_event_type_12
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_13 = NetworkMembershipAddedEvent.from_dict(data)

                    return componentsschemas_event_type_13
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_14 = NetworkMembershipChangedEvent.from_dict(data)

                    return componentsschemas_event_type_14
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_15 = NetworkMembershipRemovedEvent.from_dict(data)

                    return componentsschemas_event_type_15
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_16 = ConsentGrantedEvent.from_dict(data)

                    return componentsschemas_event_type_16
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_17 = ConsentRevokedEvent.from_dict(data)

                    return componentsschemas_event_type_17
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_18 = ConsentExpiredEvent.from_dict(data)

                    return componentsschemas_event_type_18
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_19 = RecoveryRestartedEvent.from_dict(data)

                    return componentsschemas_event_type_19
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_20 = MilestoneReachedEvent.from_dict(data)

                    return componentsschemas_event_type_20
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_21 = MilestoneCheeredEvent.from_dict(data)

                    return componentsschemas_event_type_21
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_22 = PledgeCreatedEvent.from_dict(data)

                    return componentsschemas_event_type_22
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_23 = PledgeCheckedInEvent.from_dict(data)

                    return componentsschemas_event_type_23
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_24 = PledgeMissedEvent.from_dict(data)

                    return componentsschemas_event_type_24
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_25 = ReferralCreatedEvent.from_dict(data)

                    return componentsschemas_event_type_25
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_26 = ReferralStatusChangedEvent.from_dict(data)

                    return componentsschemas_event_type_26
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_27 = WebhookEndpointDisabledEvent.from_dict(data)

                    return componentsschemas_event_type_27
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_28 = IncidentOpenedEvent.from_dict(data)

                    return componentsschemas_event_type_28
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_29 = IncidentClosedEvent.from_dict(data)

                    return componentsschemas_event_type_29
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_30 = PostCreatedEvent.from_dict(data)

                    return componentsschemas_event_type_30
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_31 = PostRepliedEvent.from_dict(data)

                    return componentsschemas_event_type_31
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_32 = PostReportedEvent.from_dict(data)

                    return componentsschemas_event_type_32
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_33 = PostHiddenEvent.from_dict(data)

                    return componentsschemas_event_type_33
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_34 = PostCrisisFlaggedEvent.from_dict(data)

                    return componentsschemas_event_type_34
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_35 = ReachOutOpenedEvent.from_dict(data)

                    return componentsschemas_event_type_35
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_36 = ReachOutAnsweredEvent.from_dict(data)

                    return componentsschemas_event_type_36
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_37 = ReachOutEscalatedEvent.from_dict(data)

                    return componentsschemas_event_type_37
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_38 = ReachOutClosedEvent.from_dict(data)

                    return componentsschemas_event_type_38
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_39 = MeetingScheduledEvent.from_dict(data)

                    return componentsschemas_event_type_39
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_40 = MeetingCancelledEvent.from_dict(data)

                    return componentsschemas_event_type_40
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_41 = AttendanceRecordedEvent.from_dict(data)

                    return componentsschemas_event_type_41
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_type_42 = MemberDisengagementSignalEvent.from_dict(data)

                    return componentsschemas_event_type_42
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_event_type_43 = MemberReengagedEvent.from_dict(data)

                return componentsschemas_event_type_43

            data_item = _parse_data_item(data_item_data)

            data.append(data_item)

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        event_list = cls(
            data=data,
            next_cursor=next_cursor,
        )

        event_list.additional_properties = d
        return event_list

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
