"""What each kind of event carries: one builder per subject, so that an event's envelope
(who acted, what it is about, when) and its thin data are spelled in one place."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from service.domain.consent import Consent
from service.domain.conversation import Post
from service.domain.disengagement import Episode
from service.domain.events import Event, EventType, new_event
from service.domain.incidents import Incident
from service.domain.meetings import Attendance, Meeting
from service.domain.members import Member
from service.domain.organizations import ApiKey, Organization
from service.domain.pledges import Pledge
from service.domain.reach_outs import ReachOut
from service.domain.referrals import Referral, StatusChange
from service.domain.webhooks import WebhookEndpoint

EventData = str | int | list[str]


def member_event(
    event_type: EventType,
    member: Member,
    *,
    event_id: UUID,
    now: datetime,
    changed_fields: list[str] | None = None,
) -> Event:
    data: dict[str, EventData] = {
        "member_id": str(member.id),
        "version": member.version,
    }
    if changed_fields is not None:
        data["changed_fields"] = changed_fields
    return new_event(
        event_type,
        organization_id=member.organization_id,
        subject_type="member",
        subject_id=member.id,
        event_id=event_id,
        now=now,
        data=data,
    )


def consent_event(
    event_type: EventType,
    consent: Consent,
    event_id: UUID,
    now: datetime,
    *,
    reason: str | None = None,
) -> Event:
    data: dict[str, EventData] = {
        "consent_id": str(consent.id),
        "member_id": str(consent.member_id),
        "scopes": sorted(s.value for s in consent.scopes),
    }
    # A consent to a class of organizations names none: its events stay home.
    if consent.recipient_organization_id is not None:
        data["recipient_organization_id"] = str(consent.recipient_organization_id)
    if consent.recipient_class is not None:
        data["recipient_class"] = consent.recipient_class.value
    if reason is not None:
        data["reason"] = reason
    return new_event(
        event_type,
        organization_id=consent.organization_id,
        subject_type="consent",
        subject_id=consent.id,
        event_id=event_id,
        now=now,
        data=data,
    )


def pledge_event(
    event_type: EventType, pledge: Pledge, event_id: UUID, now: datetime, **data: str
) -> Event:
    return new_event(
        event_type,
        organization_id=pledge.organization_id,
        subject_type="pledge",
        subject_id=pledge.id,
        event_id=event_id,
        now=now,
        data={"pledge_id": str(pledge.id), "member_id": str(pledge.member_id), **data},
    )


def referral_event(
    event_type: EventType,
    referral: Referral,
    event_id: UUID,
    now: datetime,
    *,
    actor: UUID | None,
    change: StatusChange | None = None,
) -> Event:
    data: dict[str, EventData] = {
        "referral_id": str(referral.id),
        "sender_organization_id": str(referral.sender_organization_id),
        "receiver_organization_id": str(referral.receiver_organization_id),
        "member_id": str(referral.member_id),
        "status": referral.status.value,
        "version": referral.version,
    }
    if change is not None and change.from_status is not None:
        data["from_status"] = change.from_status.value
    return new_event(
        event_type,
        # The system (expiry) acts on the sender's behalf.
        organization_id=actor or referral.sender_organization_id,
        subject_type="referral",
        subject_id=referral.id,
        event_id=event_id,
        now=now,
        data=data,
    )


def api_key_event(event_type: EventType, key: ApiKey, event_id: UUID, now: datetime) -> Event:
    assert key.organization_id is not None
    return new_event(
        event_type,
        organization_id=key.organization_id,
        subject_type="api_key",
        subject_id=key.id,
        event_id=event_id,
        now=now,
        data={"api_key_id": str(key.id), "scopes": sorted(s.value for s in key.scopes)},
    )


def organization_event(
    event_type: EventType, organization: Organization, event_id: UUID, now: datetime
) -> Event:
    return new_event(
        event_type,
        organization_id=organization.id,
        subject_type="organization",
        subject_id=organization.id,
        event_id=event_id,
        now=now,
        data={"organization_id": str(organization.id), "kind": organization.kind.value},
    )


def endpoint_event(
    event_type: EventType, endpoint: WebhookEndpoint, event_id: UUID, now: datetime, **data: str
) -> Event:
    return new_event(
        event_type,
        organization_id=endpoint.organization_id,
        subject_type="webhook_endpoint",
        subject_id=endpoint.id,
        event_id=event_id,
        now=now,
        data={"endpoint_id": str(endpoint.id), **data},
    )


def milestone_event(
    event_type: EventType, member_id: UUID, by: UUID, event_id: UUID, now: datetime, **data: str
) -> Event:
    """A milestone reached or cheered: about the member, told by the organization `by`."""
    return new_event(
        event_type,
        organization_id=by,
        subject_type="member",
        subject_id=member_id,
        event_id=event_id,
        now=now,
        data={"member_id": str(member_id), **data},
    )


def post_event(
    event_type: EventType, post: Post, by: UUID, event_id: UUID, now: datetime, **data: EventData
) -> Event:
    """About a post or reply, told by the organization `by`: ids and kind, never its words
    (a reader reads the post, and that read is accounted). Not a reply's parent: the reply's
    author's consent does not cover the post it answers (a read of the reply shows it to a
    reader who sees that post too)."""
    fields: dict[str, EventData] = {
        "post_id": str(post.id),
        "network_id": str(post.network_id),
        "member_id": str(post.author_member_id),
        "kind": post.kind.value,
        "version": post.version,
    }
    return new_event(
        event_type,
        organization_id=by,
        subject_type="post",
        subject_id=post.id,
        event_id=event_id,
        now=now,
        data={**fields, **data},
    )


def network_event(
    event_type: EventType, by: UUID, network_id: UUID, event_id: UUID, now: datetime, **data: str
) -> Event:
    """An event about a network, seen by every organization taking part in it."""
    return new_event(
        event_type,
        organization_id=by,
        subject_type="network",
        subject_id=network_id,
        event_id=event_id,
        now=now,
        data={"network_id": str(network_id), **data},
    )


def incident_event(
    event_type: EventType, incident: Incident, event_id: UUID, now: datetime
) -> Event:
    """An incident opened or closed: the organization's own business (its keys:manage keys)."""
    return new_event(
        event_type,
        organization_id=incident.organization_id,
        subject_type="incident",
        subject_id=incident.id,
        event_id=event_id,
        now=now,
        data={"incident_id": str(incident.id), "kind": incident.kind.value},
    )


def reach_out_event(
    event_type: EventType,
    reach_out: ReachOut,
    by: UUID,
    event_id: UUID,
    now: datetime,
    **data: EventData,
) -> Event:
    """About a reach-out, told by the organization `by`: whose, and the circles it asked
    (whose supporters' organizations may see it, under the member's consent). Never its
    message: a reader reads the reach-out, and that read is accounted. The feed adds, for
    `reach_out.opened`, which of the reader's own members are asked (consent_sql)."""
    return new_event(
        event_type,
        organization_id=by,
        subject_type="reach_out",
        subject_id=reach_out.id,
        event_id=event_id,
        now=now,
        data={
            "member_id": str(reach_out.member_id),
            "urgency": reach_out.urgency.value,
            "circle_ids": [str(c) for c in reach_out.circle_ids],
            **data,
        },
    )


def meeting_event(
    event_type: EventType, meeting: Meeting, by: UUID, event_id: UUID, now: datetime, **data: str
) -> Event:
    """About a network's meeting, told by the organization `by` to those taking part in the
    network: which meeting, in which network (its title and times are read from the meeting)."""
    return new_event(
        event_type,
        organization_id=by,
        subject_type="meeting",
        subject_id=meeting.id,
        event_id=event_id,
        now=now,
        data={"network_id": str(meeting.network_id), **data},
    )


def attendance_event(
    attendance: Attendance, network_id: UUID, event_id: UUID, now: datetime
) -> Event:
    """A member's attendance at one occurrence, recorded or corrected: the member's data,
    crossing under a consent covering `meetings` to those taking part in the network."""
    return new_event(
        EventType.ATTENDANCE_RECORDED,
        organization_id=attendance.recorded_by_organization_id,
        subject_type="attendance",
        subject_id=attendance.meeting_id,
        event_id=event_id,
        now=now,
        data={
            "member_id": str(attendance.member_id),
            "network_id": str(network_id),
            "meeting_id": str(attendance.meeting_id),
            "local_date": attendance.local_date.isoformat(),
            "status": attendance.status.value,
            "version": attendance.version,
        },
    )


def engagement_event(
    event_type: EventType,
    member_id: UUID,
    organization_id: UUID,
    episode: Episode,
    event_id: UUID,
    now: datetime,
) -> Event:
    """A signal that the member may be drifting away, with its reasons (each with words that
    never shame), or their return: from the member's home organization, which noticed it."""
    data: dict[str, EventData] = {
        "member_id": str(member_id),
        "since": episode.started_on.isoformat(),
        "reasons": [r.value for r in episode.reasons],
    }
    if event_type is EventType.MEMBER_DISENGAGEMENT_SIGNAL:
        data["descriptions"] = [r.description for r in episode.reasons]
    return new_event(
        event_type,
        organization_id=organization_id,
        subject_type="member",
        subject_id=member_id,
        event_id=event_id,
        now=now,
        data=data,
    )
