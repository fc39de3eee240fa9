"""Contains all the data models used in inputs/outputs"""

from .accounting_request_create import AccountingRequestCreate
from .accounting_request_list import AccountingRequestList
from .accounting_request_view import AccountingRequestView
from .advice_list import AdviceList
from .api_key_create import ApiKeyCreate
from .api_key_created_event import ApiKeyCreatedEvent
from .api_key_data import ApiKeyData
from .api_key_list import ApiKeyList
from .api_key_revoked_event import ApiKeyRevokedEvent
from .api_key_view import ApiKeyView
from .attempt_view import AttemptView
from .attendance_recorded_data import AttendanceRecordedData
from .attendance_recorded_event import AttendanceRecordedEvent
from .attendance_status import AttendanceStatus
from .attendance_summary_view import AttendanceSummaryView
from .attendance_update import AttendanceUpdate
from .attendance_view import AttendanceView
from .cadence import Cadence
from .channel import Channel
from .check_in_create import CheckInCreate
from .check_in_view import CheckInView
from .cheer_create import CheerCreate
from .cheer_view import CheerView
from .consent_create import ConsentCreate
from .consent_create_participant_class_type_1 import ConsentCreateParticipantClassType1
from .consent_create_participant_class_type_2_type_1 import (
    ConsentCreateParticipantClassType2Type1,
)
from .consent_create_participant_class_type_3_type_1 import (
    ConsentCreateParticipantClassType3Type1,
)
from .consent_data import ConsentData
from .consent_expired_event import ConsentExpiredEvent
from .consent_form import ConsentForm
from .consent_granted_event import ConsentGrantedEvent
from .consent_list import ConsentList
from .consent_revoke import ConsentRevoke
from .consent_revoked_event import ConsentRevokedEvent
from .consent_status import ConsentStatus
from .consent_type import ConsentType
from .consent_view import ConsentView
from .consent_view_participant_class_type_1 import ConsentViewParticipantClassType1
from .consent_view_participant_class_type_2_type_1 import (
    ConsentViewParticipantClassType2Type1,
)
from .consent_view_participant_class_type_3_type_1 import (
    ConsentViewParticipantClassType3Type1,
)
from .contact_details import ContactDetails
from .correction_view import CorrectionView
from .crisis_phrases_update import CrisisPhrasesUpdate
from .crisis_phrases_view import CrisisPhrasesView
from .crisis_resource_body import CrisisResourceBody
from .custom_milestone_create import CustomMilestoneCreate
from .data_period import DataPeriod
from .data_scope import DataScope
from .delivery_list import DeliveryList
from .delivery_status import DeliveryStatus
from .delivery_view import DeliveryView
from .disclosure_list import DisclosureList
from .disclosure_notice_view import DisclosureNoticeView
from .disclosure_view import DisclosureView
from .disengagement_signal_data import DisengagementSignalData
from .end_event import EndEvent
from .endpoint_disabled_data import EndpointDisabledData
from .endpoint_status import EndpointStatus
from .event_list import EventList
from .event_type import EventType
from .field_error import FieldError
from .health import Health
from .health_status import HealthStatus
from .incident_close import IncidentClose
from .incident_closed_event import IncidentClosedEvent
from .incident_create import IncidentCreate
from .incident_data import IncidentData
from .incident_kind import IncidentKind
from .incident_opened_event import IncidentOpenedEvent
from .incident_status import IncidentStatus
from .incident_view import IncidentView
from .invitation_create import InvitationCreate
from .issued_api_key import IssuedApiKey
from .ladder_spec import LadderSpec
from .language_note_view import LanguageNoteView
from .list_referrals_direction import ListReferralsDirection
from .meeting_cancelled_data import MeetingCancelledData
from .meeting_cancelled_event import MeetingCancelledEvent
from .meeting_create import MeetingCreate
from .meeting_list import MeetingList
from .meeting_scheduled_data import MeetingScheduledData
from .meeting_scheduled_event import MeetingScheduledEvent
from .meeting_view import MeetingView
from .member_attendance_view import MemberAttendanceView
from .member_create import MemberCreate
from .member_created_event import MemberCreatedEvent
from .member_data import MemberData
from .member_disengagement_signal_event import MemberDisengagementSignalEvent
from .member_erased_event import MemberErasedEvent
from .member_list import MemberList
from .member_reengaged_event import MemberReengagedEvent
from .member_update import MemberUpdate
from .member_updated_data import MemberUpdatedData
from .member_updated_event import MemberUpdatedEvent
from .member_view import MemberView
from .member_view_access import MemberViewAccess
from .membership_create import MembershipCreate
from .membership_create_status import MembershipCreateStatus
from .membership_data import MembershipData
from .membership_list import MembershipList
from .membership_member import MembershipMember
from .membership_status import MembershipStatus
from .membership_update import MembershipUpdate
from .membership_view import MembershipView
from .milestone_cheered_data import MilestoneCheeredData
from .milestone_cheered_event import MilestoneCheeredEvent
from .milestone_reached_data import MilestoneReachedData
from .milestone_reached_event import MilestoneReachedEvent
from .milestone_view import MilestoneView
from .milestone_view_kind import MilestoneViewKind
from .milestones_view import MilestonesView
from .moderation_action import ModerationAction
from .moderation_create import ModerationCreate
from .moderation_entry_view import ModerationEntryView
from .moderation_log import ModerationLog
from .moderation_queue import ModerationQueue
from .network_archived_event import NetworkArchivedEvent
from .network_create import NetworkCreate
from .network_created_data import NetworkCreatedData
from .network_created_data_kind import NetworkCreatedDataKind
from .network_created_event import NetworkCreatedEvent
from .network_data import NetworkData
from .network_kind import NetworkKind
from .network_list import NetworkList
from .network_membership_added_event import NetworkMembershipAddedEvent
from .network_membership_changed_event import NetworkMembershipChangedEvent
from .network_membership_removed_event import NetworkMembershipRemovedEvent
from .network_organization_data import NetworkOrganizationData
from .network_organization_declined_event import NetworkOrganizationDeclinedEvent
from .network_organization_invited_event import NetworkOrganizationInvitedEvent
from .network_organization_joined_event import NetworkOrganizationJoinedEvent
from .network_organization_left_event import NetworkOrganizationLeftEvent
from .network_status import NetworkStatus
from .network_update import NetworkUpdate
from .network_updated_event import NetworkUpdatedEvent
from .network_view import NetworkView
from .new_signature_method import NewSignatureMethod
from .next_milestone_view import NextMilestoneView
from .occurrence_cancel import OccurrenceCancel
from .occurrence_view import OccurrenceView
from .organization_create import OrganizationCreate
from .organization_created import OrganizationCreated
from .organization_created_event import OrganizationCreatedEvent
from .organization_data import OrganizationData
from .organization_kind import OrganizationKind
from .organization_view import OrganizationView
from .outcome import Outcome
from .participant_list import ParticipantList
from .participant_view import ParticipantView
from .participation_list import ParticipationList
from .participation_status import ParticipationStatus
from .participation_view import ParticipationView
from .period_view import PeriodView
from .pledge_checked_in_data import PledgeCheckedInData
from .pledge_checked_in_event import PledgeCheckedInEvent
from .pledge_create import PledgeCreate
from .pledge_created_event import PledgeCreatedEvent
from .pledge_data import PledgeData
from .pledge_list import PledgeList
from .pledge_missed_data import PledgeMissedData
from .pledge_missed_event import PledgeMissedEvent
from .pledge_status import PledgeStatus
from .pledge_update import PledgeUpdate
from .pledge_update_status import PledgeUpdateStatus
from .pledge_view import PledgeView
from .post_counts_view import PostCountsView
from .post_counts_view_reactions import PostCountsViewReactions
from .post_create import PostCreate
from .post_created_event import PostCreatedEvent
from .post_crisis_flagged_data import PostCrisisFlaggedData
from .post_crisis_flagged_event import PostCrisisFlaggedEvent
from .post_data import PostData
from .post_hidden_data import PostHiddenData
from .post_hidden_event import PostHiddenEvent
from .post_kind import PostKind
from .post_list import PostList
from .post_replied_event import PostRepliedEvent
from .post_reported_data import PostReportedData
from .post_reported_event import PostReportedEvent
from .post_state import PostState
from .post_update import PostUpdate
from .post_view import PostView
from .problem_details import ProblemDetails
from .purpose_code import PurposeCode
from .queued_post_view import QueuedPostView
from .queued_post_view_open_reports import QueuedPostViewOpenReports
from .reach_out_answered_data import ReachOutAnsweredData
from .reach_out_answered_event import ReachOutAnsweredEvent
from .reach_out_close import ReachOutClose
from .reach_out_closed_data import ReachOutClosedData
from .reach_out_closed_event import ReachOutClosedEvent
from .reach_out_create import ReachOutCreate
from .reach_out_data import ReachOutData
from .reach_out_escalated_event import ReachOutEscalatedEvent
from .reach_out_figures_view import ReachOutFiguresView
from .reach_out_opened_data import ReachOutOpenedData
from .reach_out_opened_event import ReachOutOpenedEvent
from .reach_out_outcome import ReachOutOutcome
from .reach_out_settings_update import ReachOutSettingsUpdate
from .reach_out_settings_view import ReachOutSettingsView
from .reach_out_urgency import ReachOutUrgency
from .reach_out_view import ReachOutView
from .reaction import Reaction
from .recipient_class import RecipientClass
from .recovery_restarted_event import RecoveryRestartedEvent
from .recovery_view import RecoveryView
from .redelivery import Redelivery
from .reengaged_data import ReengagedData
from .referral_create import ReferralCreate
from .referral_created_event import ReferralCreatedEvent
from .referral_data import ReferralData
from .referral_history import ReferralHistory
from .referral_list import ReferralList
from .referral_status import ReferralStatus
from .referral_status_changed_event import ReferralStatusChangedEvent
from .referral_transition import ReferralTransition
from .referral_view import ReferralView
from .repeat import Repeat
from .reply_create import ReplyCreate
from .report_create import ReportCreate
from .report_reason import ReportReason
from .report_view import ReportView
from .response_create import ResponseCreate
from .response_kind import ResponseKind
from .response_view import ResponseView
from .restart_create import RestartCreate
from .restriction_create import RestrictionCreate
from .restriction_decision import RestrictionDecision
from .restriction_decision_decision import RestrictionDecisionDecision
from .restriction_list import RestrictionList
from .restriction_status import RestrictionStatus
from .restriction_view import RestrictionView
from .revision_list import RevisionList
from .revision_view import RevisionView
from .revocation_channel import RevocationChannel
from .revocation_view import RevocationView
from .role import Role
from .rung_spec import RungSpec
from .scope import Scope
from .signature import Signature
from .signature_method import SignatureMethod
from .signature_view import SignatureView
from .signer_authority import SignerAuthority
from .statement import Statement
from .status_change_view import StatusChangeView
from .thread_view import ThreadView
from .thresholds_update import ThresholdsUpdate
from .thresholds_view import ThresholdsView
from .topic import Topic
from .treatment_ended import TreatmentEnded
from .unit import Unit
from .urgency import Urgency
from .webhook_endpoint_create import WebhookEndpointCreate
from .webhook_endpoint_disabled_event import WebhookEndpointDisabledEvent
from .webhook_endpoint_list import WebhookEndpointList
from .webhook_endpoint_update import WebhookEndpointUpdate
from .webhook_endpoint_view import WebhookEndpointView
from .webhook_endpoint_with_secret import WebhookEndpointWithSecret
from .weekday import Weekday

__all__ = (
    "AccountingRequestCreate",
    "AccountingRequestList",
    "AccountingRequestView",
    "AdviceList",
    "ApiKeyCreate",
    "ApiKeyCreatedEvent",
    "ApiKeyData",
    "ApiKeyList",
    "ApiKeyRevokedEvent",
    "ApiKeyView",
    "AttemptView",
    "AttendanceRecordedData",
    "AttendanceRecordedEvent",
    "AttendanceStatus",
    "AttendanceSummaryView",
    "AttendanceUpdate",
    "AttendanceView",
    "Cadence",
    "Channel",
    "CheckInCreate",
    "CheckInView",
    "CheerCreate",
    "CheerView",
    "ConsentCreate",
    "ConsentCreateParticipantClassType1",
    "ConsentCreateParticipantClassType2Type1",
    "ConsentCreateParticipantClassType3Type1",
    "ConsentData",
    "ConsentExpiredEvent",
    "ConsentForm",
    "ConsentGrantedEvent",
    "ConsentList",
    "ConsentRevoke",
    "ConsentRevokedEvent",
    "ConsentStatus",
    "ConsentType",
    "ConsentView",
    "ConsentViewParticipantClassType1",
    "ConsentViewParticipantClassType2Type1",
    "ConsentViewParticipantClassType3Type1",
    "ContactDetails",
    "CorrectionView",
    "CrisisPhrasesUpdate",
    "CrisisPhrasesView",
    "CrisisResourceBody",
    "CustomMilestoneCreate",
    "DataPeriod",
    "DataScope",
    "DeliveryList",
    "DeliveryStatus",
    "DeliveryView",
    "DisclosureList",
    "DisclosureNoticeView",
    "DisclosureView",
    "DisengagementSignalData",
    "EndEvent",
    "EndpointDisabledData",
    "EndpointStatus",
    "EventList",
    "EventType",
    "FieldError",
    "Health",
    "HealthStatus",
    "IncidentClose",
    "IncidentClosedEvent",
    "IncidentCreate",
    "IncidentData",
    "IncidentKind",
    "IncidentOpenedEvent",
    "IncidentStatus",
    "IncidentView",
    "InvitationCreate",
    "IssuedApiKey",
    "LadderSpec",
    "LanguageNoteView",
    "ListReferralsDirection",
    "MeetingCancelledData",
    "MeetingCancelledEvent",
    "MeetingCreate",
    "MeetingList",
    "MeetingScheduledData",
    "MeetingScheduledEvent",
    "MeetingView",
    "MemberAttendanceView",
    "MemberCreate",
    "MemberCreatedEvent",
    "MemberData",
    "MemberDisengagementSignalEvent",
    "MemberErasedEvent",
    "MemberList",
    "MemberReengagedEvent",
    "MembershipCreate",
    "MembershipCreateStatus",
    "MembershipData",
    "MembershipList",
    "MembershipMember",
    "MembershipStatus",
    "MembershipUpdate",
    "MembershipView",
    "MemberUpdate",
    "MemberUpdatedData",
    "MemberUpdatedEvent",
    "MemberView",
    "MemberViewAccess",
    "MilestoneCheeredData",
    "MilestoneCheeredEvent",
    "MilestoneReachedData",
    "MilestoneReachedEvent",
    "MilestonesView",
    "MilestoneView",
    "MilestoneViewKind",
    "ModerationAction",
    "ModerationCreate",
    "ModerationEntryView",
    "ModerationLog",
    "ModerationQueue",
    "NetworkArchivedEvent",
    "NetworkCreate",
    "NetworkCreatedData",
    "NetworkCreatedDataKind",
    "NetworkCreatedEvent",
    "NetworkData",
    "NetworkKind",
    "NetworkList",
    "NetworkMembershipAddedEvent",
    "NetworkMembershipChangedEvent",
    "NetworkMembershipRemovedEvent",
    "NetworkOrganizationData",
    "NetworkOrganizationDeclinedEvent",
    "NetworkOrganizationInvitedEvent",
    "NetworkOrganizationJoinedEvent",
    "NetworkOrganizationLeftEvent",
    "NetworkStatus",
    "NetworkUpdate",
    "NetworkUpdatedEvent",
    "NetworkView",
    "NewSignatureMethod",
    "NextMilestoneView",
    "OccurrenceCancel",
    "OccurrenceView",
    "OrganizationCreate",
    "OrganizationCreated",
    "OrganizationCreatedEvent",
    "OrganizationData",
    "OrganizationKind",
    "OrganizationView",
    "Outcome",
    "ParticipantList",
    "ParticipantView",
    "ParticipationList",
    "ParticipationStatus",
    "ParticipationView",
    "PeriodView",
    "PledgeCheckedInData",
    "PledgeCheckedInEvent",
    "PledgeCreate",
    "PledgeCreatedEvent",
    "PledgeData",
    "PledgeList",
    "PledgeMissedData",
    "PledgeMissedEvent",
    "PledgeStatus",
    "PledgeUpdate",
    "PledgeUpdateStatus",
    "PledgeView",
    "PostCountsView",
    "PostCountsViewReactions",
    "PostCreate",
    "PostCreatedEvent",
    "PostCrisisFlaggedData",
    "PostCrisisFlaggedEvent",
    "PostData",
    "PostHiddenData",
    "PostHiddenEvent",
    "PostKind",
    "PostList",
    "PostRepliedEvent",
    "PostReportedData",
    "PostReportedEvent",
    "PostState",
    "PostUpdate",
    "PostView",
    "ProblemDetails",
    "PurposeCode",
    "QueuedPostView",
    "QueuedPostViewOpenReports",
    "ReachOutAnsweredData",
    "ReachOutAnsweredEvent",
    "ReachOutClose",
    "ReachOutClosedData",
    "ReachOutClosedEvent",
    "ReachOutCreate",
    "ReachOutData",
    "ReachOutEscalatedEvent",
    "ReachOutFiguresView",
    "ReachOutOpenedData",
    "ReachOutOpenedEvent",
    "ReachOutOutcome",
    "ReachOutSettingsUpdate",
    "ReachOutSettingsView",
    "ReachOutUrgency",
    "ReachOutView",
    "Reaction",
    "RecipientClass",
    "RecoveryRestartedEvent",
    "RecoveryView",
    "Redelivery",
    "ReengagedData",
    "ReferralCreate",
    "ReferralCreatedEvent",
    "ReferralData",
    "ReferralHistory",
    "ReferralList",
    "ReferralStatus",
    "ReferralStatusChangedEvent",
    "ReferralTransition",
    "ReferralView",
    "Repeat",
    "ReplyCreate",
    "ReportCreate",
    "ReportReason",
    "ReportView",
    "ResponseCreate",
    "ResponseKind",
    "ResponseView",
    "RestartCreate",
    "RestrictionCreate",
    "RestrictionDecision",
    "RestrictionDecisionDecision",
    "RestrictionList",
    "RestrictionStatus",
    "RestrictionView",
    "RevisionList",
    "RevisionView",
    "RevocationChannel",
    "RevocationView",
    "Role",
    "RungSpec",
    "Scope",
    "Signature",
    "SignatureMethod",
    "SignatureView",
    "SignerAuthority",
    "Statement",
    "StatusChangeView",
    "ThreadView",
    "ThresholdsUpdate",
    "ThresholdsView",
    "Topic",
    "TreatmentEnded",
    "Unit",
    "Urgency",
    "WebhookEndpointCreate",
    "WebhookEndpointDisabledEvent",
    "WebhookEndpointList",
    "WebhookEndpointUpdate",
    "WebhookEndpointView",
    "WebhookEndpointWithSecret",
    "Weekday",
)
