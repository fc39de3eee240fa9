"""What each field of the contract means, where its name does not say it all: written into the
document for every property that carries no description of its own (a description written on
the Struct wins). A field is either described here or on its Struct, or its name is in
SELF_EVIDENT; tests/unit/test_field_docs.py holds the contract to that, so a new field that
needs words cannot arrive without them."""

from __future__ import annotations

from litestar.openapi.spec import OpenAPI, Reference, Schema

# Names that say what they hold, in every schema they appear in.
SELF_EVIDENT = frozenset(
    {
        "created_at",
        "updated_at",
        "display_name",
        "email",
        "phone",
        "name",
        "title",
        "message",
        "network_id",
        "member_id",
        "consent_id",
        "pledge_id",
        "referral_id",
        "incident_id",
        "endpoint_id",
        "membership_id",
        "cheer_id",
        "api_key_id",
        "key_id",
        "event_id",
        "milestone_key",
        "endpoint",
        "organization",
        "label",
    }
)

# By field name, wherever it appears (unless SCHEMA_FIELD_DOCS says more for one schema).
FIELD_DOCS: dict[str, str] = {
    # Disengagement signals (issue #14).
    "gap_factor": "Quiet for longer than the member's usual gap between check-ins (the median "
    "over the last 30 days) times this raises a signal (1 to 10; default 2).",
    "gap_floor_days": "... and never after fewer days than this (1 to 60; default 3).",
    "missed_periods": "Pledge periods in a row without a check-in that raise a signal (1 to "
    "30; default 3).",
    "missed_meetings": "Meetings in a row missed that raise a signal (an excused one is passed "
    "over; 1 to 10; default 2).",
    "quiet_days_after_reach_out": "Days without activity after a reach-out closed as "
    "`no_longer_needed` that raise a signal (1 to 30; default 3).",
    "descriptions": "Each reason in plain words, for the person who reaches out.",
    # Attendance at meetings (issue #14).
    "considered": "How many recorded occurrences are considered (at most `last`).",
    "attended": "Of those considered, attended.",
    "absent": "Of those considered, missed.",
    "excused": "Of those considered, excused (neither attended nor missed).",
    "rate": "Attended out of attended and missed (0 to 1); null when "
    "none of those considered counts.",
    "current_run": "Meetings attended in a row up to the latest "
    "(excused ones neither count nor break it).",
    # Reach-outs (issue #14).
    "reach_out_id": "The reach-out's id.",
    "circle_ids": "The circles around the member the reach-out asks (default: all of them), "
    "those the reader takes part in.",
    "asked": "The caller's own members asked to respond: active supporters, in any role but "
    "the focus, in a circle asked that the caller takes part in.",
    "crisis_resources": "Places a person can call at once (such as a national crisis line), "
    "given by the home organization with every reach-out it opens.",
    "escalate_now_after_seconds": "How long a `now` reach-out waits for a first answer before "
    "it escalates to the home organization (60 s to 12 h; default 600).",
    "escalate_today_after_seconds": "How long a `today` reach-out waits for a first answer "
    "before it escalates (60 s to 12 h, no shorter than for `now`; default 7200).",
    "opened_at": "When it was opened.",
    "escalates_at": "When it escalates to the home organization if nobody has answered by then.",
    "first_answered_at": "When a supporter first answered (`on_my_way`, `calling` or "
    "`messaged`); null until then.",
    "escalated_at": "When it escalated to the home organization (nobody had answered in "
    "time); null if it did not.",
    "closed_at": "When it closed (for `expired`, the instant it was due); null while open.",
    "responses": "Every response, oldest first.",
    "responded_at": "When the response was given.",
    "seconds_to_answer": "How long after the reach-out opened it was first answered.",
    "opened": "Reach-outs opened in the period.",
    "answered": "Of those, how many a supporter answered.",
    "unanswered": "Of those, how many nobody answered.",
    "escalated": "Of those, how many escalated to the home organization.",
    "p50_seconds_to_answer": "Half of the answered ones were answered within this (nearest "
    "rank); null with none answered.",
    "p90_seconds_to_answer": "Nine in ten of the answered ones were answered within this "
    "(nearest rank); null with none answered.",
    # The network's conversation (issue #13).
    "post_id": "The post's (or reply's) id.",
    "report_id": "The report's id.",
    "body": "Plain text, up to 4,000 characters; line breaks are kept, no other control "
    "characters. Null on a tombstone (deleted) or a placeholder (its author erased).",
    "tags": "Topic tags from the fixed list (cravings, sleep, work, family, meetings, pain, "
    "relationships, housing), at most 5, each once.",
    "content_note": "An optional note shown before the words, for hard topics (up to 200 "
    "characters).",
    "parent_id": "The post this reply answers; null (or absent) for a post.",
    "language_notes": "Stigmatising terms the text uses, each with person-first words to "
    "consider instead (a suggestion: nothing is blocked or rewritten).",
    "term": "The term as found (matched as whole words, ignoring case).",
    "suggestion": "Person-first words to consider instead.",
    "counts": "What the post gathered; counted as marks come, never recomputed on a read.",
    "replies": "Replies: in counts, how many the caller sees; in a thread, the first page, "
    "oldest first.",
    "helpful": "How many members marked this advice helpful.",
    "reactions": "How many members gave each kind of encouragement (kinds nobody gave are "
    "left out).",
    "crisis_flagged": "The text matched one of the author's home organization's crisis "
    "phrases. Shown to that organization only (null for any other); nothing is hidden.",
    "hidden_reason": "Why a moderator hid it; null unless `state` is `hidden`.",
    "author_display_name": "The author's name, under the same consent as the post; null on a "
    "tombstone or placeholder.",
    "matched_phrases": "The crisis phrases the text matched, in the list's order.",
    "action": "What the moderator did: `hide`, `unhide`, or `dismiss` (the reports were "
    "reviewed; the post stays as it is).",
    "open_reports": "The post's reports no moderator has acted on yet, counted by reason.",
    "next_replies_cursor": "Pass it as `cursor` to GET /v1/posts/{post_id}/replies for the "
    "next replies; null when there are no more.",
    "replaced_at": "When an edit replaced this text.",
    "id": "The object's id, a UUIDv7 (time-ordered).",
    "version": "Incremented by every change. Where the object has an `ETag`, it is this number "
    'quoted (`"3"`), and `If-Match` takes it where a change needs it.',
    "data": "The items of this page, in the list's order.",
    "next_cursor": "Pass it as `cursor` for the next page; null on the last page.",
    "disclosure": "Set when this answer carries data about another organization's member, "
    "under that member's consent: the notice 42 CFR 2.32 requires to travel with it, and the "
    "consents it rests on. Null when nothing of another organization's member is shown (always "
    "on the home organization's own reads).",
    "occurred_at": "When the change was made (the same instant as the object's own timestamps). "
    "The feed is in commit order, so this may not rise strictly.",
    "subject_type": "What kind of object the event is about: `member`, `network`, `consent`, "
    "`referral`, ...",
    "subject_id": "The id of the object the event is about.",
    "organization_id": "The organization it belongs to.",
    "status": "Where it stands now; the values are listed with its type.",
    "kind": "Which kind it is; the values are listed with its type.",
    "description": "Free text for people, never interpreted by the service.",
    "note": "Free text for people, never interpreted by the service.",
    "reason": "Why, in words, as the caller gave it.",
    "scopes": "The kinds of data (for a consent) or of operation (for a key) it covers.",
    "contact": "How the home organization reaches the member; shown to another organization "
    "only under a consent covering `profile`.",
    "external_ref": "The caller's own identifier for it, unique within the organization: the same "
    "one twice is a 409 with `existing_id`.",
    "recovery_started_on": "The member's first day in recovery, in the member's time zone: "
    "milestones and streaks count from it. Give `recovery_started_time` only with it.",
    "timezone": "An IANA time zone (`America/New_York`): the member's days, pledge periods and "
    "milestones follow it, across daylight saving changes.",
    "role": "The member's part in the network: `focus` (whom a circle is around), "
    "`peer_supporter`, `sponsor`, `family`, `clinician`, `coordinator`.",
    "invited_at": "When it was invited; null when it was added as active at once.",
    "joined_at": "When it became active.",
    "left_at": "When it left; null while it takes part.",
    "ended_at": "When it ended; null while it lasts.",
    "revoked_at": "When it was revoked; null while it stands.",
    "event_types": "The event types it receives; empty: every type the organization may see "
    "that the scopes of whoever last changed it cover.",
    "url": "Where deliveries are POSTed: https to a public address; a private, loopback, "
    "link-local or reserved address (and plain http) only inside a network the operator allowed.",
    "period_start": "The first day of the period, in the member's time zone.",
    "period_end": "The last day of the period, included.",
    "received_via": "How it was received: `written`, `electronic` or `oral`.",
    "received_on": "The day it was received.",
    "received_at": "When it was received, which may be before it was entered here.",
    "received_by": "Who received it.",
    "recipient_organization_id": "The organization that receives (or received) the data.",
    "receiver_organization_id": "The organization asked to take the person on.",
    "sender_organization_id": "The organization that made the referral: the member's home "
    "organization.",
    "urgency": "How soon the receiver should answer (FHIR request priority); default `routine`.",
    "since": "The start of the period concerned.",
    "until": "The end of the period concerned; open when absent.",
    "outcome": "`kept`, `partial` or `missed`. Only `kept` counts towards a streak; `partial` "
    "and `missed` end one.",
    "cadence": "How often the pledge is kept: `daily` (periods are the member's local days), "
    "`weekly` (ISO weeks, Monday to Sunday) or `once`.",
    "starts_on": "The first day, in the member's time zone.",
    "ends_on": "The last day, included. Null: open until completed or withdrawn (for `once`: "
    "the start day only).",
    "supporter_member_id": "A member of the pledge's network who supports it; shown to the "
    "member's home organization only.",
    "text": "What the member promises, in their words.",
    "achieved_on": "The day it was achieved, as the member tells it.",
    "purpose": "The purpose in words, as it stands on the signed form.",
    "purpose_code": "The purpose coded: `treatment`, `payment`, `health_care_operations`, "
    "`patient_request`, `research`.",
    "purpose_codes": "The purposes the restriction applies to; empty: all.",
    "consent_type": "`specific` (the default), or `tpo`: one consent for all future treatment, "
    "payment and health care operations, until revoked in writing (so it may have no expiry).",
    "patient_name": "The member's name as it stands on the signed form. The home organization's "
    "only: never shown to a recipient, and blanked by erasure.",
    "information": "What may be disclosed, in words, as it stands on the form.",
    "expires_on": "The last day the consent is in force, in the member's time zone. Give this or "
    "`end_event` (a `tpo` consent may have neither).",
    "end_event": "The event that ends the consent instead of a date: `treatment_ended` (when the "
    "home organization says so) or `referral_closed` (with the last referral resting on it).",
    "data_period": "The period the disclosed data may come from; absent: any.",
    "signature": "How, when, by whom and in what capacity the form was signed.",
    "form": "The signed form: its version and the statements it contains.",
    "recorded_by": "Who entered the consent here, for the record. Null to the recipient.",
    "recipient_class": "A class of recipients instead of one organization, decided at each read "
    "from what the service knows then.",
    "participant_organization_ids": "For an intermediary recipient: the participants it may pass "
    "the data to, by name.",
    "participant_class": "For an intermediary recipient: its participants described instead of "
    "named (those with a treating provider relationship).",
    "recipient_organization_ids": "The recipients the restriction applies to; empty: all.",
    "requested_on": "The day the member asked.",
    "method": "`written` (on paper) or `electronic`; `verbal_witnessed` only on consents recorded "
    "before written consent was required.",
    "signed_at": "When it was signed.",
    "signed_by": "The name of whoever signed.",
    "authority": "In what capacity they signed: the patient, or someone authorised for them.",
    "document_sha256": "The SHA-256 of the signed document, lowercase hex, if one is kept.",
    "statements": "The statements the signed form contains; `hipaa_redisclosure` is needed "
    "whenever the data may reach a clinic (a HIPAA covered entity): a clinic named, a class of "
    "recipients, or a clinic among an intermediary's participants.",
    "restricted_scopes": "The scopes an agreed restriction takes out of this consent now.",
    "revocation": "How the revocation was received; null unless revoked.",
    "revocation_reason": "Why it was revoked, as the home organization entered it. Null to the "
    "recipient.",
    "expires_at": "The instant the consent stops: the end of `expires_on` in the member's time "
    "zone.",
    "consent_ids": "The consents the disclosure rested on.",
    "security_labels": "HL7 security labels of the data: 42 CFR Part 2, restricted, no "
    "redisclosure without consent.",
    "from_status": "The status before; null for the referral's creation.",
    "to_status": "The status after.",
    "at": "When it happened.",
    "period": "Which period the check-in is for: `YYYY-MM-DD` (daily), `YYYY-Www` (weekly, ISO "
    "week) or `once`.",
    "correction": "True to replace an existing check-in for the same period (the replaced one "
    "stays in the history, with `superseded_at`).",
    "focus_member_id": "The member a circle is around: one of the creating organization's "
    "members, fixed while the circle lasts. Null for a group, and to every organization but the "
    "creator.",
    "key": "A stable key, by which cheers name the milestone: `<period start>.<rung>` for an "
    "automatic one (`2026-03-14.30d`; `current.30d` to a reader without `recovery`), the "
    "milestone's id for a custom one.",
    "prefix": "The token's first characters, to recognise a key by: the token itself is shown "
    "once, when the key is created.",
    "token": "The key's secret, shown in this answer only (null in an idempotent replay, which "
    "does not keep it): store it now.",
    "secret": "The signing secret (`whsec_` and base64), shown in this answer only (null in an "
    "idempotent replay); verify deliveries with it.",
    "amount": "How many units after the start of recovery.",
    "unit": "`hours`, `days` or `months`, counted in the member's time zone.",
    "rungs": "The milestones, each an amount of time in recovery; no two alike.",
    "then_every_months": "After the rungs, one at each multiple of this many months from the "
    "start (12: 24, 36, 48 ... months), for ever; null: none.",
    "author_member_id": "The member who cheers: a member of a network the milestone's member is "
    "in, of the caller's organization.",
    "changed_fields": "The names of the fields that changed.",
}

# Where a name means something particular in one schema.
_SIGNAL_REASONS = (
    "What was noticed: `quiet_longer_than_usual`, `pledge_periods_without_check_in`, "
    "`meetings_missed`, `quiet_since_reach_out`."
)
_MEETING_ZONE = "The IANA time zone the meeting keeps its local time in, e.g. `America/Chicago`."
_MEETING_STARTS = "The date of a one-off meeting; the first possible date of a weekly one."
_MEETING_ENDS = "A weekly meeting's last possible date, included; null: no end (and for `once`)."
_ATTENDANCE_STATUS = "`attended`, `excused` or `absent`."
_REACH_OUT_URGENCY = "`now` (escalates after 10 minutes by default) or `today` (after 2 hours)."
_REACH_OUT_OUTCOME = (
    "How it ended: `supported`, `no_longer_needed`, `referred`, `emergency_services`, or "
    "`expired` (nobody closed it within a day); null while open."
)

SCHEMA_FIELD_DOCS: dict[tuple[str, str], str] = {
    ("ReachOutView", "urgency"): _REACH_OUT_URGENCY,
    ("ReachOutCreate", "urgency"): _REACH_OUT_URGENCY,
    ("ReachOutData", "urgency"): _REACH_OUT_URGENCY,
    ("ReachOutOpenedData", "urgency"): _REACH_OUT_URGENCY,
    ("ReachOutAnsweredData", "urgency"): _REACH_OUT_URGENCY,
    ("ReachOutClosedData", "urgency"): _REACH_OUT_URGENCY,
    ("ReachOutView", "outcome"): _REACH_OUT_OUTCOME,
    ("ReachOutClosedData", "outcome"): _REACH_OUT_OUTCOME,
    ("ReachOutView", "expires_at"): "When it closes by itself (`expired`) if still open: a "
    "day after it opened.",
    ("ResponseView", "supporter_member_id"): "The supporter who answered: shown to the "
    "supporter's own organization only (null to others).",
    ("ResponseCreate", "supporter_member_id"): "One of the caller's members asked by the "
    "reach-out (an active supporter in a circle it asked).",
    ("MeetingView", "timezone"): _MEETING_ZONE,
    ("MeetingView", "local_time"): "The local time it starts, HH:MM, in `timezone`.",
    ("MeetingCreate", "starts_on"): _MEETING_STARTS,
    ("MeetingView", "starts_on"): _MEETING_STARTS,
    ("MeetingCreate", "ends_on"): _MEETING_ENDS,
    ("MeetingView", "ends_on"): _MEETING_ENDS,
    ("MeetingView", "organization_id"): "The organization that scheduled it (which alone "
    "cancels its occurrences).",
    ("MeetingCreate", "duration_minutes"): "How long each occurrence lasts (5 to 1440; "
    "default 60).",
    ("MeetingView", "duration_minutes"): "How long each occurrence lasts.",
    ("MeetingCreate", "repeat"): "`once` (on `starts_on`) or `weekly` (on `weekdays`).",
    ("MeetingView", "repeat"): "`once` (on `starts_on`) or `weekly` (on `weekdays`).",
    ("MeetingScheduledData", "repeat"): "`once` or `weekly`.",
    ("MeetingCreate", "weekdays"): "For a weekly meeting, the days it meets, each once; none "
    "for a one-off one.",
    ("MeetingView", "weekdays"): "For a weekly meeting, the days it meets.",
    ("MeetingView", "cancelled_dates"): "Local dates whose occurrence was cancelled.",
    ("MeetingView", "occurrences"): "Its occurrences over the days asked, in order.",
    ("OccurrenceView", "local_date"): "The occurrence's date in the meeting's time zone.",
    ("OccurrenceView", "starts_at"): "When it starts (the meeting's local time that day, by "
    "the rule for skipped and repeated times).",
    ("OccurrenceView", "ends_at"): "When it ends.",
    ("OccurrenceView", "shifted"): "True when the meeting's local time did not exist that day "
    "(the clocks skipped it): it starts later on the wall clock, by the gap.",
    ("OccurrenceCancel", "local_date"): "The local date of the occurrence to cancel: one of "
    "the meeting's dates.",
    ("MeetingCancelledData", "local_date"): "The local date of the cancelled occurrence.",
    ("AttendanceRecordedData", "local_date"): "The occurrence's local date.",
    ("AttendanceRecordedData", "meeting_id"): "The meeting.",
    ("AttendanceRecordedData", "status"): _ATTENDANCE_STATUS,
    ("AttendanceRecordedData", "version"): "1 for a first record; more for a correction.",
    ("AttendanceView", "local_date"): "The occurrence's local date.",
    ("AttendanceView", "meeting_id"): "The meeting.",
    ("AttendanceView", "status"): _ATTENDANCE_STATUS,
    ("AttendanceUpdate", "status"): _ATTENDANCE_STATUS,
    ("AttendanceView", "version"): "1 for a first record; each correction adds one.",
    ("AttendanceView", "recorded_by_organization_id"): "The organization that recorded it.",
    ("AttendanceView", "recorded_at"): "When it was recorded.",
    ("AttendanceView", "corrections"): "The earlier records this one corrected, oldest first.",
    ("CorrectionView", "recorded_by_organization_id"): "The organization that recorded it.",
    ("CorrectionView", "recorded_at"): "When it was recorded.",
    ("DisengagementSignalData", "since"): "The member's local day the signal was raised "
    "for (the day that had just ended).",
    ("ReengagedData", "since"): "The day of the signal that no longer holds.",
    ("DisengagementSignalData", "reasons"): _SIGNAL_REASONS,
    ("ReengagedData", "reasons"): "The reasons of the signal that no longer holds.",
    ("RecoveryView", "attendance"): "Accountability next to pledges: the member's latest "
    "meetings, for the home organization (null for others, who read "
    "GET /v1/members/{member_id}/attendance under a consent covering `meetings`, and in the "
    "answer to a restart).",
    ("MemberAttendanceView", "data"): "The latest recorded occurrences, newest first.",
    ("ReachOutCreate", "message"): "A short message from the member, plain text on one line "
    "(up to 500 characters); shown to those who may read the reach-out, never in an event.",
    ("ReachOutView", "message"): "The member's message; null if none was given, or once the "
    "member is erased.",
    ("ReachOutAnsweredData", "kind"): "The first answer: `on_my_way`, `calling` or `messaged`.",
    ("ResponseView", "kind"): "`on_my_way`, `calling` or `messaged` answer the reach-out; "
    "`cannot_now` is kept but does not.",
    ("ResponseCreate", "kind"): "`on_my_way`, `calling` or `messaged` answer the reach-out; "
    "`cannot_now` is kept but does not stop its escalation.",
    ("ResponseView", "organization_id"): "The organization that answered for its supporter: "
    "shown to it and to the member's home organization (null to others).",
    ("ReachOutView", "organization_id"): "The member's home organization, which opened it.",
    ("ThreadView", "post"): "The post (or reply) itself.",
    ("QueuedPostView", "post"): "The post or reply, as the moderator sees it.",
    ("RevisionView", "body"): "What the post said before the edit.",
    ("PostView", "state"): "`visible`; `hidden` by a moderator (shown only to its author's "
    "organization and the moderators); `deleted` (a tombstone); `erased` (its author was "
    "erased: a placeholder).",
    ("MemberView", "access"): "`home`: the caller is the member's home organization and sees "
    "every field; `consent`: another organization, seeing only the fields its consents cover "
    "(the rest are null).",
    ("MemberView", "disclosed_scopes"): "For `consent` access: the scopes whose fields are shown.",
    ("MemberView", "organization_id"): "The member's home organization.",
    ("MemberView", "display_name"): "Null when another organization reads without `profile` in "
    "its consent.",
    ("MembershipMember", "display_name"): "Null when the caller may not see the member's profile.",
    ("MembershipMember", "id"): "The member's id.",
    ("MembershipMember", "organization_id"): "The member's home organization.",
    ("MembershipView", "invited_at"): "When the member was invited; null when added as active "
    "at once, and to another organization without the member's consent covering `networks`.",
    ("MembershipView", "joined_at"): "When the membership became active; null to another "
    "organization without the member's consent covering `networks`.",
    ("MembershipView", "left_at"): "When the member left; null while a member, and to another "
    "organization without the member's consent covering `networks`.",
    ("MembershipCreate", "status"): "The status to start in: `active` (the default) or `invited`.",
    ("MembershipUpdate", "status"): "The status to move it to; null or absent: unchanged.",
    ("MembershipUpdate", "role"): "The new role; null or absent: unchanged.",
    ("MembershipData", "status"): "Its status after the change; absent on "
    "`network.membership_added`.",
    ("PledgeUpdate", "status"): "`completed` or `withdrawn`: ends the pledge.",
    ("ReferralTransition", "status"): "The status to move it to: one of `allowed_transitions`.",
    ("ReferralData", "status"): "Its status after this change.",
    ("ReferralData", "from_status"): "The status before this change; absent on `referral.created`.",
    ("ReferralData", "version"): "The referral's version after this change.",
    ("MemberData", "version"): "The member's version after this change.",
    ("MemberUpdatedData", "version"): "The member's version after this change.",
    ("ConsentForm", "version"): "The version of the consent form that was signed, as printed on "
    "it.",
    ("ConsentData", "reason"): "Why it ended when that was not its expiry date: `member_erased` "
    "or `treatment_ended`; absent otherwise.",
    ("EndpointDisabledData", "reason"): "Why the service disabled it: a 410 from the receiver, "
    "or every retry failed.",
    ("InvitationCreate", "organization_id"): "The organization to invite.",
    ("NetworkOrganizationData", "organization_id"): "The organization invited, joining, "
    "declining or leaving.",
    ("OrganizationData", "organization_id"): "The organization created.",
    ("ParticipationView", "organization_id"): "The organization taking part, or invited.",
    ("DisclosureView", "scopes"): "The scopes of the data this disclosure returned; empty for a "
    "referral's person and reason.",
    ("RestrictionCreate", "scopes"): "The data scopes the member asks to keep back.",
    ("RestrictionView", "scopes"): "The data scopes the member asks to keep back.",
    ("MemberView", "external_ref"): "The home organization's own identifier for the member; null "
    "to every other organization.",
    ("ReferralView", "external_ref"): "The sender's own identifier for it; null to the receiver.",
    ("NetworkView", "name"): 'The network\'s name. For a circle, "Support circle" to '
    "organizations other than the creator without the focus member's consent covering "
    "`networks`.",
    ("NetworkView", "description"): "Seen by every organization taking part, so it must not "
    "identify a member. For a circle, null to organizations other than the creator without the "
    "focus member's consent covering `networks`.",
    ("PeriodView", "note"): "Free text for people; null to any organization but the member's "
    "home organization.",
    ("CheerView", "author_member_id"): "The member who cheered; null to every organization but "
    "the author's own.",
    ("SignatureView", "signed_by"): "The name of whoever signed. Null to the recipient.",
    ("RevocationView", "received_by"): "Who received it. Null to the recipient.",
    ("AccountingRequestCreate", "period_start"): "The first day the accounting covers; absent: "
    "three years before `received_on` (the most it may).",
    ("AccountingRequestView", "period_start"): "The first day the accounting covers.",
    ("AccountingRequestCreate", "period_end"): "The last day it covers, included; absent: "
    "`received_on`.",
    ("AccountingRequestView", "period_end"): "The last day it covers, included.",
    ("ConsentRevoke", "received_via"): "How the revocation was received: `written`, "
    "`electronic` (the default) or `oral` (not for a `tpo` consent, revoked in writing only).",
    ("IncidentCreate", "recipient_organization_id"): "For a suspected breach at one recipient: "
    "which; narrows the incident to what the caller disclosed to it.",
    ("IncidentView", "recipient_organization_id"): "For a suspected breach at one recipient: "
    "which.",
    ("MilestoneView", "achieved_on"): "The day it was reached, in the member's time zone: "
    "computed for an automatic milestone, as given for a custom one.",
    ("ReferralHistory", "data"): "Every status change, oldest first.",
    ("ParticipationList", "data"): "Every organization invited into or taking part in the network.",
    ("DeliveryView", "id"): "The delivery's id. The delivery log is newest first.",
    ("DisclosureView", "id"): "The record's id. The accounting lists records in the order they "
    "were written.",
    ("MembershipView", "member"): "The member; null when the caller may not see who it is.",
    ("ApiKeyView", "organization_id"): "The key's organization; null for an operator key.",
    ("ApiKeyView", "name"): "A name for people, to tell keys apart.",
    ("ApiKeyCreate", "name"): "A name for people, to tell keys apart.",
    ("IssuedApiKey", "key"): "The key as it is listed from now on.",
    ("OrganizationCreated", "first_key"): "A key with every organization scope, to start with.",
    ("NetworkView", "created_by_organization_id"): "The organization that created the network: "
    "it alone invites others, changes roles with consent, and archives it.",
    ("NetworkView", "archived_at"): "When it was archived; null while it lasts.",
    ("ParticipationView", "invited_by_organization_id"): "The network's creator; null for the "
    "creator itself.",
    ("ParticipantView", "intermediary_organization_id"): "The intermediary (an HIE, say).",
    ("ParticipantView", "participant_organization_id"): "An organization the intermediary may "
    "pass data to.",
    ("ParticipantView", "participant_name"): "The participant's name, for accounting entries.",
    ("ParticipantView", "participant_kind"): "The participant's kind: `clinic` means a treating "
    "provider.",
    ("ReferralView", "allowed_transitions"): "The statuses the caller may move the referral to "
    "now.",
    ("ReferralView", "answer_by"): "When an unanswered referral expires.",
    ("ReferralCreate", "member"): "A new member to create for the referral (pseudonymous is "
    "fine); give this or `member_id`.",
    ("ReferralCreate", "member_id"): "One of the caller's members; give this or `member`.",
    ("ReferralCreate", "consent"): "A consent to the receiver, recorded with the referral; give "
    "this or `consent_id`.",
    ("ReferralCreate", "consent_id"): "A consent recorded before, to the receiver; give this or "
    "`consent`.",
    ("ReferralCreate", "network_id"): "A network both organizations take part in: accepting the "
    "referral makes the person an active member of it.",
    ("StatusChangeView", "actor_organization_id"): "Who moved it; null: the expiry sweep.",
    ("StatusChangeView", "reason"): "Why, as the mover gave it; the receiver sees the sender's "
    "reasons only under the member's consent.",
    ("PledgeView", "current_streak"): "Kept periods in a row up to now; a period the member may "
    "still check in does not break it.",
    ("PledgeView", "longest_streak"): "The most kept periods in a row so far.",
    ("PledgeView", "kept_rate"): "The share of the last 30 settled periods that were kept, 0 to "
    "1; null before any period settled.",
    ("PledgeView", "check_ins"): "Every check-in, corrections and the ones they replaced included.",
    ("PledgeView", "network_id"): "The network the pledge is made in, if any.",
    ("CheckInView", "by_sweep"): "True when the service recorded `missed` because the period "
    "and its grace time passed without a check-in.",
    ("CheckInView", "superseded_at"): "When a correction replaced it; null for the one that "
    "counts.",
    ("CheckInView", "note"): "Free text for people; null to any organization but the member's "
    "home organization.",
    ("CheckInView", "recorded_at"): "When it was recorded.",
    ("RecoveryView", "current_period_started_on"): "The first day of the current period in "
    "recovery (after the last restart); null when no start is known.",
    ("RecoveryView", "current_streak_days"): "Whole days in the current period, in the member's "
    "time zone.",
    ("RecoveryView", "longest_streak_days"): "The longest period so far, in days.",
    ("RecoveryView", "total_days_in_recovery"): "All periods together, in days.",
    ("RecoveryView", "restarts"): "How many times recovery restarted.",
    ("RecoveryView", "periods"): "The periods before the current one, oldest first.",
    ("PeriodView", "days"): "Its length in days.",
    ("PeriodView", "ended_on"): "The day it ended: the restart day.",
    ("PeriodView", "started_on"): "Its first day.",
    ("RestartCreate", "restarted_on"): "The first day of the new period, in the member's time "
    "zone.",
    ("MilestoneView", "reached_at"): "When an automatic milestone was reached; null for a "
    "custom one, and to a reader without `profile`.",
    ("MilestoneView", "period_started_on"): "The start of the recovery period it was reached "
    "in; null for a custom one, and to a reader without `recovery`.",
    ("MilestoneView", "cheers"): "Cheers from the member's networks, oldest first.",
    ("MilestonesView", "reached"): "The milestones reached in every period (only the current "
    "one to a reader without `recovery`), and custom ones.",
    ("MilestonesView", "next"): "The next automatic milestone; null when none is ahead.",
    ("NextMilestoneView", "due_on"): "The day it falls due, in the member's time zone.",
    ("NextMilestoneView", "due_at"): "The instant it falls due; null to a reader without "
    "`profile`.",
    ("DisclosureView", "channel"): "How it left: `api` (a read), `event_feed` or `webhook`.",
    ("DisclosureView", "operation"): "The operation that disclosed it: the contract's "
    "operationId (`getMember`, `listEvents` ...) or `webhookDelivery`.",
    ("DisclosureView", "disclosed_at"): "When it left.",
    ("DisclosureView", "purposes"): "The purposes of the consents it rested on, in words.",
    ("DisclosureView", "recipient_name"): "The recipient's name at the time.",
    ("DisclosureView", "request_id"): "This service's own id of the request that read it (quote "
    "it to the operator); for a webhook delivery, the delivery's id.",
    ("DisclosureView", "client_request_id"): "The recipient's own `X-Request-ID`, if it sent one.",
    ("DeliveryView", "redelivery"): "True when asked for again by a redelivery.",
    ("DeliveryView", "attempts"): "Every attempt, oldest first.",
    ("DeliveryView", "next_attempt_at"): "When the next attempt is due; null when none is.",
    ("DeliveryView", "finished_at"): "When it was delivered or given up.",
    ("DeliveryView", "event_type"): "The event's type.",
    ("AttemptView", "status_code"): "The receiver's status code; null when no answer came.",
    ("AttemptView", "latency_ms"): "How long the attempt took, in milliseconds.",
    ("AttemptView", "error"): "Why it failed: a status other than 2xx, a timeout, a refused "
    "connection, an address not allowed, or not sent (the consent ended, or the event type is no "
    "longer covered). Null when delivered.",
    ("WebhookEndpointView", "disabled_at"): "When it was disabled; null while active.",
    ("WebhookEndpointView", "disabled_reason"): "Why: the receiver answered 410, every retry "
    "failed, or the organization disabled it.",
    ("WebhookEndpointView", "previous_secret_valid_until"): "After a rotation: until when the "
    "secret before it still signs, as a second signature.",
    ("WebhookEndpointUpdate", "enabled"): "True resumes a disabled endpoint where it stopped; "
    "false disables it.",
    ("AccountingRequestView", "answered_at"): "When the home organization recorded its answer; "
    "null while it is due.",
    ("AccountingRequestView", "answer_by"): "When the answer is due: 30 days after "
    "`received_on` (42 CFR 2.24).",
    ("RestrictionView", "decided_at"): "When the home organization agreed or denied; null while "
    "undecided.",
    ("RestrictionDecision", "decision"): "`agree` or `deny`.",
    ("IncidentView", "opened_at"): "When it was recorded.",
    ("IncidentView", "closed_at"): "When it was closed; null while open.",
    ("IncidentView", "closing_note"): "What was done, as given when closing.",
    ("IncidentCreate", "key_id"): "For a compromised key: which.",
    ("IncidentView", "key_id"): "For a compromised key: which.",
    ("TreatmentEnded", "ended_consents"): "The consents that ended with the treatment.",
    ("ConsentView", "organization_id"): "The member's home organization, which recorded it.",
    ("ConsentView", "status"): "Decided at each read: `expired` shows as soon as the end passes.",
    ("ProblemDetails", "type"): "The problem type, a relative URI: its page is at this path on "
    "the service (`/docs/problems/<slug>`).",
    ("ProblemDetails", "title"): "The problem type in words, the same for every occurrence.",
    ("ProblemDetails", "detail"): "This occurrence in words.",
    ("ProblemDetails", "status"): "The HTTP status code, again.",
    ("ProblemDetails", "errors"): "For a 400 or 422: each field refused, and why.",
    ("ProblemDetails", "current_version"): "For a 412: the version the object has now.",
    ("ProblemDetails", "existing_id"): "For a duplicate `external_ref`: the object that has it.",
    ("ProblemDetails", "allowed"): "For an illegal transition: the statuses allowed now.",
    ("ProblemDetails", "erased_at"): "For a 410 `member-erased`: when the member was erased.",
    ("ProblemDetails", "revoked_at"): "For a 410 on a revoked API key: when it was revoked.",
    ("Signature", "method"): "`written` (on paper) or `electronic`.",
    ("DataPeriod", "start"): "The first day the data may come from; open when absent.",
    ("DataPeriod", "end"): "The last day the data may come from, included; open when absent.",
    ("FieldError", "field"): "Where: a dotted path into the body (`signature.method`), a query "
    "parameter (`limit`), or a header (`If-Match`); `body` for the body as a whole.",
    ("FieldError", "message"): "What is wrong with it.",
    ("EventList", "next_cursor"): "Always given, never null: pass it as `cursor` to continue, "
    "and poll it again later for newer events.",
    ("CrisisPhrasesView", "phrases"): "The phrases, in the order given.",
    ("CrisisPhrasesView", "default"): "True while the organization uses the documented default "
    "list; false once it has set its own.",
    ("CrisisPhrasesUpdate", "phrases"): "The organization's own phrases, each once: they "
    "replace the default list.",
    ("Health", "status"): "`ok`, or `unavailable` when the database cannot be reached.",
}


def _events(schema: OpenAPI) -> set[str]:
    """The event variants: their `data` and `type` say something else than a list's."""
    return {n for n in (schema.components.schemas or {}) if n.endswith("Event")}


_EVENT_FIELDS = {
    "data": "The payload; its schema is the one of the event's `type`.",
    "type": "The event type; `data` has the schema of this type.",
    "organization_id": "The organization that acted. For what the service did by itself (an "
    "expiry, a missed period, a milestone reached, an endpoint disabled) or on an operator's "
    "behalf, the organization the subject belongs to.",
    "id": "The event's id (a UUIDv7), also the `webhook-id` of its deliveries. The feed is in "
    "commit order, not id order.",
}


def describe_fields(schema: OpenAPI) -> None:
    """Give every property without a description the one written here."""
    events = _events(schema)
    for name, component in (schema.components.schemas or {}).items():
        if not isinstance(component, Schema) or not component.properties:
            continue
        for field, prop in component.properties.items():
            if not isinstance(prop, Schema | Reference) or prop.description:
                continue
            words = SCHEMA_FIELD_DOCS.get((name, field))
            if words is None and name in events:
                words = _EVENT_FIELDS.get(field)
            if words is None:
                words = FIELD_DOCS.get(field)
            if words is not None:
                prop.description = words
