"""In-memory adapters that satisfy the same Protocols as the PostgreSQL ones."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime, timedelta
from types import TracebackType
from typing import Self
from uuid import UUID

import msgspec

from service.domain.accounting import Disclosure, Viewing
from service.domain.accounting_requests import AccountingRequest
from service.domain.consent import (
    MEMBER_READ,
    MEMBERSHIP_READ,
    MILESTONES_READ,
    PLEDGES_READ,
    RECOVERY_READ,
    Access,
    Consent,
    DataScope,
    Reader,
    ReadScopes,
    read_access,
)
from service.domain.conversation import (
    CrisisPhraseList,
    HelpfulKey,
    ModerationEntry,
    Post,
    PostCounts,
    PostFilters,
    PostsSeen,
    Reaction,
    Report,
    Revision,
    ShownPost,
    Standing,
    WritingContext,
    not_stored,
)
from service.domain.deliveries import ClaimedEndpoint, HeadDelivery, Outcome
from service.domain.disclosure_notice import DisclosureNotice
from service.domain.disengagement import Activity, Engagement, Episode, Evaluated, Thresholds
from service.domain.errors import DuplicateExternalRef
from service.domain.events import Event, EventType, FeedEvent, FeedPosition, FeedRead
from service.domain.idempotency import AnswerAlreadyStored, Claim, StoredResponse
from service.domain.incidents import Incident
from service.domain.intermediaries import IntermediaryParticipant, NamedParticipant
from service.domain.meetings import (
    Attendance,
    AttendanceCorrection,
    AttendanceRecord,
    Meeting,
    Recorder,
    SeenAttendance,
    summarise,
)
from service.domain.members import Member
from service.domain.memberships import SeenMembership
from service.domain.milestones import DEFAULT_LADDER, Cheer, CustomMilestone, Ladder
from service.domain.networks import (
    Membership,
    MembershipStatus,
    Network,
    NetworkKind,
    NetworkStatus,
    Participation,
    ParticipationStatus,
    Role,
    SeenNetwork,
    network_seen_by,
)
from service.domain.organizations import ApiKey, Organization, OrganizationKind
from service.domain.paging import Page, PageRequest, page_from_rows
from service.domain.pledges import CheckIn, Pledge
from service.domain.ports import AtCommit, Clock, IdSource, MilestoneFacts
from service.domain.reach_outs import ReachOut, ReachOutSettings, due_for_escalation
from service.domain.reach_outs import Response as ReachOutResponse
from service.domain.recovery import ClosedPeriod
from service.domain.referral_sight import SeenReferral, referral_seen_by
from service.domain.referrals import (
    TERMINAL,
    DuplicateReferral,
    Referral,
    ReferralStatus,
    StatusChange,
)
from service.domain.restrictions import Restriction, RestrictionStatus
from service.domain.webhooks import (
    Attempt,
    Delivery,
    DeliveryStatus,
    EndpointStatus,
    WebhookEndpoint,
)


class FixedClock:
    def __init__(self, now: datetime | None = None) -> None:
        self.current = now or datetime(2026, 11, 25, 12, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


class SequentialIds:
    def __init__(self) -> None:
        self._counter = itertools.count(1)

    def new_id(self) -> UUID:
        return UUID(int=next(self._counter))


class CountingTokens:
    def __init__(self) -> None:
        self._counter = itertools.count(1)

    def new_token(self, prefix: str) -> str:
        return f"{prefix}{next(self._counter):043d}"


class Store:
    """The committed state the fakes share, like a database."""

    def __init__(self) -> None:
        self.organizations: dict[UUID, Organization] = {}
        self.api_keys: dict[UUID, ApiKey] = {}
        self.members: dict[UUID, Member] = {}
        self.events: list[Event] = []
        self.networks: dict[UUID, Network] = {}
        self.participations: dict[tuple[UUID, UUID], Participation] = {}
        self.memberships: dict[UUID, Membership] = {}
        self.consents: dict[UUID, Consent] = {}
        self.announced: set[UUID] = set()
        self.periods: list[ClosedPeriod] = []
        self.ladders: dict[UUID, Ladder] = {}
        self.announcements: dict[tuple[UUID, date, str], datetime] = {}
        self.schedule: dict[UUID, datetime | None] = {}
        self.customs: dict[UUID, CustomMilestone] = {}
        self.cheers: list[Cheer] = []
        self.pledges: dict[UUID, Pledge] = {}
        self.check_ins: dict[UUID, CheckIn] = {}
        self.pledge_sweep: dict[UUID, datetime] = {}
        self.referrals: dict[UUID, Referral] = {}
        self.referral_changes: list[StatusChange] = []
        self.endpoints: dict[UUID, WebhookEndpoint] = {}
        self.deliveries: list[tuple[UUID, UUID, UUID]] = []  # endpoint, event, delivery
        self.withdrawn_events: set[UUID] = set()  # about a member whose consent has ended
        self.resumed: list[UUID] = []
        self.stored_responses: dict[tuple[UUID, str], StoredResponse] = {}
        self.disclosures: list[tuple[UUID, Viewing, tuple[UUID, ...], frozenset[DataScope]]] = []
        self.incidents: dict[UUID, Incident] = {}
        self.accounting_requests: dict[UUID, AccountingRequest] = {}
        self.restrictions: dict[UUID, Restriction] = {}
        self.intermediary_participants: dict[tuple[UUID, UUID], IntermediaryParticipant] = {}
        self.posts: dict[UUID, Post] = {}
        self.revisions: list[Revision] = []
        self.reactions: set[tuple[UUID, UUID, Reaction]] = set()  # post, member, reaction
        self.helpful_marks: set[tuple[UUID, UUID]] = set()  # post, member
        self.crisis_phrases: dict[UUID, CrisisPhraseList] = {}
        self.standings: dict[tuple[UUID, UUID], Standing] = {}  # network, organization
        self.taking_part: set[tuple[UUID, UUID]] = set()  # network, member
        self.reports: list[Report] = []
        self.moderation_log: list[ModerationEntry] = []
        self.reach_outs: dict[UUID, ReachOut] = {}
        self.reach_out_responses: list[ReachOutResponse] = []
        self.reach_out_settings: dict[UUID, ReachOutSettings] = {}
        self.meetings: dict[UUID, Meeting] = {}
        # The daily evaluation: each member's due time and open episode, what a test says the
        # member did (the SQL's reading is tested against PostgreSQL), thresholds.
        self.engagement: dict[UUID, tuple[datetime, Episode | None]] = {}
        self.activity: dict[UUID, Activity] = {}
        self.thresholds: dict[UUID, Thresholds] = {}
        self.attendance: dict[tuple[UUID, date, UUID], Attendance] = {}
        self.attendance_corrections: list[AttendanceCorrection] = []

    def copy(self) -> Store:
        copied = Store()
        for name, value in vars(self).items():
            setattr(copied, name, value.copy())
        return copied


class FakeOrganizations:
    def __init__(self, staged: Store) -> None:
        self._staged = staged

    async def add(self, organization: Organization) -> None:
        self._staged.organizations[organization.id] = organization

    async def get(self, organization_id: UUID) -> Organization | None:
        return self._staged.organizations.get(organization_id)


class FakeIntermediaries:
    def __init__(self, staged: Store) -> None:
        self._staged = staged

    async def participant_for_update(
        self, intermediary_id: UUID, participant_id: UUID
    ) -> IntermediaryParticipant | None:
        return self._staged.intermediary_participants.get((intermediary_id, participant_id))

    async def save(self, participant: IntermediaryParticipant) -> None:
        key = (participant.intermediary_organization_id, participant.participant_organization_id)
        self._staged.intermediary_participants[key] = participant

    async def participants(
        self, intermediary_id: UUID, page: PageRequest
    ) -> Page[NamedParticipant]:
        after = page.after or UUID(int=0)
        named = sorted(
            (
                NamedParticipant(record=p, participant=self._staged.organizations[i_p])
                for (i, i_p), p in self._staged.intermediary_participants.items()
                if i == intermediary_id and i_p > after
            ),
            key=lambda n: n.record.participant_organization_id,
        )
        return page_from_rows(
            named[: page.limit + 1], page, lambda n: n.record.participant_organization_id
        )

    async def participants_now(self, intermediary_id: UUID) -> dict[UUID, OrganizationKind]:
        return {
            p.participant_organization_id: self._staged.organizations[
                p.participant_organization_id
            ].kind
            for (i, _), p in self._staged.intermediary_participants.items()
            if i == intermediary_id and p.active
        }


class FakeApiKeys:
    def __init__(self, staged: Store) -> None:
        self._staged = staged

    async def add(self, key: ApiKey) -> None:
        self._staged.api_keys[key.id] = key

    async def get(self, organization_id: UUID, key_id: UUID) -> ApiKey | None:
        key = self._staged.api_keys.get(key_id)
        return key if key is not None and key.organization_id == organization_id else None

    async def revoke(self, organization_id: UUID, key_id: UUID, now: datetime) -> None:
        key = await self.get(organization_id, key_id)
        if key is not None and key.revoked_at is None:
            self._staged.api_keys[key_id] = msgspec.structs.replace(key, revoked_at=now)


class FakeMembers:
    def __init__(self, staged: Store) -> None:
        self._staged = staged

    def _check_unique(self, member: Member) -> None:
        if member.external_ref is None:
            return
        for other in self._staged.members.values():
            if (
                other.id != member.id
                and other.organization_id == member.organization_id
                and other.external_ref == member.external_ref
            ):
                raise DuplicateExternalRef(member.external_ref, other.id)

    async def add(self, member: Member) -> None:
        self._check_unique(member)
        self._staged.members[member.id] = member

    async def get_for_update(self, organization_id: UUID, member_id: UUID) -> Member | None:
        member = self._staged.members.get(member_id)
        return member if member is not None and member.organization_id == organization_id else None

    async def get_any(self, member_id: UUID) -> Member | None:
        return self._staged.members.get(member_id)

    async def get_any_for_share(self, member_id: UUID) -> Member | None:
        return self._staged.members.get(member_id)

    async def save(self, member: Member) -> None:
        self._check_unique(member)
        self._staged.members[member.id] = member


class FakeNetworks:
    def __init__(self, staged: Store) -> None:
        self._staged = staged

    async def add(self, network: Network) -> None:
        self._staged.networks[network.id] = network

    async def get_for_update(self, network_id: UUID) -> Network | None:
        return self._staged.networks.get(network_id)

    async def save(self, network: Network) -> None:
        self._staged.networks[network.id] = network

    async def participation(self, network_id: UUID, organization_id: UUID) -> Participation | None:
        return self._staged.participations.get((network_id, organization_id))

    async def save_participation(self, participation: Participation) -> None:
        key = (participation.network_id, participation.organization_id)
        self._staged.participations[key] = participation

    async def memberships_for_update(self, network_id: UUID) -> list[Membership]:
        return sorted(
            (m for m in self._staged.memberships.values() if m.network_id == network_id),
            key=lambda m: m.id,
        )

    async def add_membership(self, membership: Membership) -> None:
        self._staged.memberships[membership.id] = membership

    async def share_active_network(self, member_id: UUID, other_member_id: UUID) -> bool:
        live = [m for m in self._staged.memberships.values() if m.status.value == "active"]
        ours = {m.network_id for m in live if m.member_id == member_id}
        theirs = {m.network_id for m in live if m.member_id == other_member_id}
        return any(n in theirs and self._staged.networks[n].status.value == "active" for n in ours)

    async def save_membership(self, membership: Membership) -> None:
        self._staged.memberships[membership.id] = membership


class FakeConsents:
    def __init__(self, staged: Store) -> None:
        self._staged = staged

    async def add(self, consent: Consent) -> None:
        self._staged.consents[consent.id] = consent

    async def get_for_update(self, organization_id: UUID, consent_id: UUID) -> Consent | None:
        consent = self._staged.consents.get(consent_id)
        return consent if consent and consent.organization_id == organization_id else None

    async def save(self, consent: Consent) -> None:
        self._staged.consents[consent.id] = consent

    async def in_force(
        self, member_id: UUID, recipient_organization_id: UUID, now: datetime
    ) -> list[tuple[UUID, frozenset[DataScope]]]:
        return [
            (c.id, c.granted_scopes)
            for c in self._staged.consents.values()
            if c.member_id == member_id
            and c.recipient_organization_id == recipient_organization_id
            and c.is_active(now)
        ]

    async def record_disclosure(
        self,
        member: Member,
        viewing: Viewing,
        consent_ids: list[UUID],
        scopes: frozenset[DataScope],
    ) -> None:
        self._staged.disclosures.append((member.id, viewing, tuple(consent_ids), scopes))

    async def in_force_of_member_for_update(self, member_id: UUID, now: datetime) -> list[Consent]:
        return sorted(
            (
                c
                for c in self._staged.consents.values()
                if c.member_id == member_id and c.is_active(now)
            ),
            key=lambda c: c.id,
        )

    async def due_for_expiry_notice(self, now: datetime, limit: int) -> list[Consent]:
        return [
            c
            for c in self._staged.consents.values()
            if c.id not in self._staged.announced
            and c.revoked_at is None
            and c.ended_at is None
            and c.expires_at is not None
            and c.expires_at <= now
        ][:limit]

    async def mark_expiry_announced(self, consent_id: UUID, now: datetime) -> None:
        self._staged.announced.add(consent_id)


class FakeRecovery:
    def __init__(self, staged: Store) -> None:
        self._staged = staged

    async def closed_periods(self, member_id: UUID) -> list[ClosedPeriod]:
        return sorted(
            (p for p in self._staged.periods if p.member_id == member_id),
            key=lambda p: (p.started_on, p.recorded_at),
        )

    async def add_closed_period(self, period: ClosedPeriod, organization_id: UUID) -> None:
        self._staged.periods.append(period)


class FakeMilestones:
    def __init__(self, staged: Store) -> None:
        self._staged = staged

    async def due_members(self, now: datetime, limit: int) -> list[tuple[Member, Ladder]]:
        due = []
        for member in self._staged.members.values():
            at = self._staged.schedule.get(member.id)
            if member.recovery_started_on is None or member.erased_at is not None:
                continue
            if member.id not in self._staged.schedule or (at is not None and at <= now):
                ladder = self._staged.ladders.get(member.organization_id, DEFAULT_LADDER)
                due.append((member, ladder))
        return due[:limit]

    async def announce(
        self,
        member_id: UUID,
        period_started_on: date,
        items: list[tuple[str, datetime]],
        now: datetime,
    ) -> set[str]:
        new = set()
        for rung_key, due_at in items:
            key = (member_id, period_started_on, rung_key)
            if key not in self._staged.announcements:
                self._staged.announcements[key] = due_at
                new.add(rung_key)
        return new

    async def schedule(self, member: Member, next_at: datetime | None) -> None:
        self._staged.schedule[member.id] = next_at

    async def ladder(self, organization_id: UUID) -> Ladder:
        return self._staged.ladders.get(organization_id, DEFAULT_LADDER)

    async def set_ladder(self, organization_id: UUID, ladder: Ladder | None) -> None:
        if ladder is None:
            self._staged.ladders.pop(organization_id, None)
        else:
            self._staged.ladders[organization_id] = ladder

    async def add_custom(self, milestone: CustomMilestone, organization_id: UUID) -> None:
        self._staged.customs[milestone.id] = milestone

    async def custom(self, member_id: UUID, milestone_id: UUID) -> CustomMilestone | None:
        found = self._staged.customs.get(milestone_id)
        return found if found is not None and found.member_id == member_id else None

    async def announced_keys(self, member_id: UUID) -> list[tuple[date, str, datetime]]:
        return [
            (p, k, at) for (m, p, k), at in self._staged.announcements.items() if m == member_id
        ]

    async def add_cheer(self, cheer: Cheer) -> None:
        self._staged.cheers.append(cheer)


class FakePledges:
    def __init__(self, staged: Store) -> None:
        self._staged = staged

    async def add(self, pledge: Pledge) -> None:
        self._staged.pledges[pledge.id] = pledge

    async def get(self, organization_id: UUID, pledge_id: UUID) -> Pledge | None:
        found = self._staged.pledges.get(pledge_id)
        return found if found is not None and found.organization_id == organization_id else None

    async def get_for_update(self, organization_id: UUID, pledge_id: UUID) -> Pledge | None:
        return await self.get(organization_id, pledge_id)

    async def save(self, pledge: Pledge) -> None:
        self._staged.pledges[pledge.id] = pledge

    async def check_ins(self, pledge_id: UUID) -> list[CheckIn]:
        return sorted(
            (c for c in self._staged.check_ins.values() if c.pledge_id == pledge_id),
            key=lambda c: (c.period_start, c.recorded_at),
        )

    async def add_check_in(self, check_in: CheckIn) -> None:
        self._staged.check_ins[check_in.id] = check_in

    async def supersede(self, check_in: CheckIn) -> None:
        self._staged.check_ins[check_in.id] = check_in

    async def due_for_sweep(self, now: datetime, limit: int) -> list[tuple[Pledge, str]]:
        due = []
        for pledge in self._staged.pledges.values():
            at = self._staged.pledge_sweep.get(pledge.id)
            if pledge.status.value == "active" and (at is None or at <= now):
                member = self._staged.members[pledge.member_id]
                due.append((pledge, member.timezone or "UTC"))
        return due[:limit]

    async def schedule_sweep(self, pledge_id: UUID, at: datetime) -> None:
        self._staged.pledge_sweep[pledge_id] = at


class FakeReferrals:
    def __init__(self, staged: Store) -> None:
        self._staged = staged

    async def add(self, referral: Referral, change: StatusChange) -> None:
        for existing in self._staged.referrals.values():
            if (
                referral.external_ref is not None
                and existing.sender_organization_id == referral.sender_organization_id
                and existing.external_ref == referral.external_ref
            ):
                raise DuplicateReferral(referral.external_ref, existing.id)
        self._staged.referrals[referral.id] = referral
        self._staged.referral_changes.append(change)

    async def get_for_update(self, organization_id: UUID, referral_id: UUID) -> Referral | None:
        referral = self._staged.referrals.get(referral_id)
        if referral is None or referral.side_of(organization_id) is None:
            return None
        return referral

    async def save(self, referral: Referral, change: StatusChange) -> None:
        self._staged.referrals[referral.id] = referral
        self._staged.referral_changes.append(change)

    async def open_with_consent(self, consent_id: UUID, *, excluding: UUID) -> bool:
        return any(
            r.consent_id == consent_id and r.id != excluding and r.status not in TERMINAL
            for r in self._staged.referrals.values()
        )

    async def overdue(self, now: datetime, limit: int) -> list[Referral]:
        return [
            r
            for r in self._staged.referrals.values()
            if r.status is ReferralStatus.REQUESTED and r.answer_by <= now
        ][:limit]


class FakeReachOuts:
    """The reach-outs over the staged store, with the audience rule of consent_sql: the home
    organization, or one with an active supporter in a circle asked under a consent in force
    to it (by name) covering `reach_outs`."""

    def __init__(self, staged: Store) -> None:
        self._staged = staged

    async def circles_around(self, member_id: UUID) -> list[UUID]:
        return sorted(
            n.id
            for n in self._staged.networks.values()
            if n.focus_member_id == member_id
            and n.kind is NetworkKind.CIRCLE
            and n.status is NetworkStatus.ACTIVE
        )

    async def settings(self, organization_id: UUID) -> ReachOutSettings:
        return self._staged.reach_out_settings.get(organization_id, ReachOutSettings())

    async def save_settings(
        self, organization_id: UUID, settings: ReachOutSettings, now: datetime
    ) -> None:
        self._staged.reach_out_settings[organization_id] = settings

    async def add(self, reach_out: ReachOut) -> None:
        self._staged.reach_outs[reach_out.id] = reach_out

    def _in_audience(self, reach_out: ReachOut, viewer: UUID, now: datetime) -> bool:
        member = self._staged.members[reach_out.member_id]
        consented = any(
            c.member_id == reach_out.member_id
            and c.recipient_organization_id == viewer
            and c.is_active(now)
            and DataScope.REACH_OUTS in c.scopes
            for c in self._staged.consents.values()
        )
        return member.erased_at is None and consented and bool(self._asked(reach_out, viewer))

    def _asked(self, reach_out: ReachOut, organization_id: UUID) -> list[UUID]:
        found = []
        for ms in self._staged.memberships.values():
            network = self._staged.networks.get(ms.network_id)
            taking_part = self._staged.participations.get((ms.network_id, organization_id))
            if (
                network is not None
                and network.id in reach_out.circle_ids
                and network.status is NetworkStatus.ACTIVE
                and network.focus_member_id == reach_out.member_id
                and taking_part is not None
                and taking_part.status is ParticipationStatus.ACTIVE
                and ms.member_organization_id == organization_id
                and ms.status is MembershipStatus.ACTIVE
                and ms.role is not Role.FOCUS
            ):
                found.append(ms.member_id)
        return sorted(found)

    async def get_for_update(
        self, viewer: UUID, reach_out_id: UUID, now: datetime, *, home_only: bool
    ) -> ReachOut | None:
        found = self._staged.reach_outs.get(reach_out_id)
        if found is None:
            return None
        if found.organization_id == viewer:
            return found
        return None if home_only or not self._in_audience(found, viewer, now) else found

    async def asked(self, reach_out: ReachOut, organization_id: UUID) -> list[UUID]:
        return self._asked(reach_out, organization_id)

    async def add_response(self, response: ReachOutResponse) -> None:
        self._staged.reach_out_responses.append(response)

    async def save(self, reach_out: ReachOut) -> None:
        self._staged.reach_outs[reach_out.id] = reach_out

    async def due_to_escalate(self, now: datetime, limit: int) -> list[ReachOut]:
        due = [r for r in self._staged.reach_outs.values() if due_for_escalation(r, now)]
        return sorted(due, key=lambda r: r.escalates_at)[:limit]

    async def due_to_expire(self, opened_before: datetime, limit: int) -> list[ReachOut]:
        due = [
            r
            for r in self._staged.reach_outs.values()
            if r.is_open and r.opened_at <= opened_before
        ]
        return sorted(due, key=lambda r: r.opened_at)[:limit]


class FakeMeetings:
    def __init__(self, staged: Store) -> None:
        self._staged = staged

    def _takes_part(self, network_id: UUID, organization_id: UUID) -> bool:
        taking_part = self._staged.participations.get((network_id, organization_id))
        return taking_part is not None and taking_part.status is ParticipationStatus.ACTIVE

    async def takes_part(self, network_id: UUID, organization_id: UUID) -> bool:
        network = self._staged.networks.get(network_id)
        return (
            network is not None
            and network.status is NetworkStatus.ACTIVE
            and self._takes_part(network_id, organization_id)
        )

    async def add(self, meeting: Meeting, now: datetime) -> None:
        self._staged.meetings[meeting.id] = meeting

    async def get_for_update(self, viewer: UUID, meeting_id: UUID) -> Meeting | None:
        meeting = self._staged.meetings.get(meeting_id)
        if meeting is None or not self._takes_part(meeting.network_id, viewer):
            return None
        return meeting

    async def cancel(self, meeting: Meeting, local_date: date, now: datetime) -> None:
        self._staged.meetings[meeting.id] = meeting

    async def recorder(
        self, meeting: Meeting, member_id: UUID, organization_id: UUID
    ) -> Recorder | None:
        network = self._staged.networks[meeting.network_id]
        member = self._staged.members.get(member_id)
        members = [
            ms for ms in self._staged.memberships.values() if ms.network_id == meeting.network_id
        ]
        moderates = network.created_by_organization_id == organization_id or any(
            ms.member_organization_id == organization_id
            and ms.role is Role.COORDINATOR
            and ms.status is MembershipStatus.ACTIVE
            for ms in members
        )
        held = [
            ms
            for ms in members
            if ms.member_id == member_id and ms.status is MembershipStatus.ACTIVE
        ]
        if not held or member is None or member.erased_at is not None:
            return None
        if network.status is not NetworkStatus.ACTIVE:
            return None
        if held[0].member_organization_id == organization_id:
            return Recorder.OWN
        return Recorder.MODERATOR if moderates else None

    async def attendance_for_update(
        self, meeting_id: UUID, local_date: date, member_id: UUID
    ) -> Attendance | None:
        return self._staged.attendance.get((meeting_id, local_date, member_id))

    async def corrections(
        self, meeting_id: UUID, local_date: date, member_id: UUID
    ) -> list[AttendanceCorrection]:
        return [
            c
            for c in self._staged.attendance_corrections
            if (c.replaced.meeting_id, c.replaced.local_date, c.replaced.member_id)
            == (meeting_id, local_date, member_id)
        ]

    async def save_attendance(
        self, attendance: Attendance, correction: AttendanceCorrection | None
    ) -> None:
        key = (attendance.meeting_id, attendance.local_date, attendance.member_id)
        self._staged.attendance[key] = attendance
        if correction is not None:
            self._staged.attendance_corrections.append(correction)


NOTHING_DONE = Activity(
    check_in_days=(),
    active_pledge_since=None,
    missed_periods_in_a_row=0,
    meetings_missed_in_a_row=0,
    reach_out_no_longer_needed_on=None,
    last_activity_on=None,
)


class FakeEngagement:
    def __init__(self, staged: Store) -> None:
        self._staged = staged

    async def due(self, now: datetime, limit: int) -> list[Engagement]:
        due = sorted(
            (at, member_id) for member_id, (at, _) in self._staged.engagement.items() if at <= now
        )[:limit]
        found = []
        for _, member_id in due:
            member = self._staged.members[member_id]
            found.append(
                Engagement(
                    member_id=member_id,
                    organization_id=member.organization_id,
                    timezone=None if member.erased_at is not None else member.timezone,
                    episode=self._staged.engagement[member_id][1],
                )
            )
        return found

    async def activity(self, members: Sequence[tuple[UUID, date]]) -> dict[UUID, Activity]:
        return {m: self._staged.activity.get(m, NOTHING_DONE) for m, _ in members}

    async def thresholds(self, organization_ids: Sequence[UUID]) -> dict[UUID, Thresholds]:
        return {o: self._staged.thresholds.get(o, Thresholds()) for o in organization_ids}

    async def save_thresholds(
        self, organization_id: UUID, thresholds: Thresholds, now: datetime
    ) -> None:
        self._staged.thresholds[organization_id] = thresholds

    async def save(self, evaluated: Sequence[Evaluated]) -> None:
        for e in evaluated:
            never = datetime.max.replace(tzinfo=UTC)
            self._staged.engagement[e.member_id] = (e.due_at or never, e.episode)


class FakeIncidents:
    def __init__(self, staged: Store) -> None:
        self._staged = staged

    async def add(self, incident: Incident) -> None:
        self._staged.incidents[incident.id] = incident

    async def get_for_update(self, organization_id: UUID, incident_id: UUID) -> Incident | None:
        found = self._staged.incidents.get(incident_id)
        return found if found and found.organization_id == organization_id else None

    async def save(self, incident: Incident) -> None:
        self._staged.incidents[incident.id] = incident


class FakeAccountingRequests:
    def __init__(self, staged: Store) -> None:
        self._staged = staged

    async def add(self, request: AccountingRequest) -> None:
        self._staged.accounting_requests[request.id] = request

    async def get_for_update(
        self, organization_id: UUID, request_id: UUID
    ) -> AccountingRequest | None:
        found = self._staged.accounting_requests.get(request_id)
        return found if found and found.organization_id == organization_id else None

    async def save(self, request: AccountingRequest) -> None:
        self._staged.accounting_requests[request.id] = request

    async def of_member(
        self, organization_id: UUID, member_id: UUID, page: PageRequest
    ) -> Page[AccountingRequest]:
        rows = sorted(
            (
                r
                for r in self._staged.accounting_requests.values()
                if r.member_id == member_id
                and r.organization_id == organization_id
                and (page.after is None or r.id > page.after)
            ),
            key=lambda r: r.id,
        )
        return page_from_rows(rows[: page.limit + 1], page, lambda r: r.id)


class FakeRestrictions:
    def __init__(self, staged: Store) -> None:
        self._staged = staged

    async def add(self, restriction: Restriction) -> None:
        self._staged.restrictions[restriction.id] = restriction

    async def get_for_update(
        self, organization_id: UUID, restriction_id: UUID
    ) -> Restriction | None:
        found = self._staged.restrictions.get(restriction_id)
        return found if found and found.organization_id == organization_id else None

    async def save(self, restriction: Restriction) -> None:
        self._staged.restrictions[restriction.id] = restriction

    async def agreed_for(self, member_id: UUID) -> list[Restriction]:
        return sorted(
            (
                r
                for r in self._staged.restrictions.values()
                if r.member_id == member_id and r.status is RestrictionStatus.AGREED
            ),
            key=lambda r: r.id,
        )

    async def of_member(
        self, organization_id: UUID, member_id: UUID, page: PageRequest
    ) -> Page[Restriction]:
        rows = sorted(
            (
                r
                for r in self._staged.restrictions.values()
                if r.member_id == member_id
                and r.organization_id == organization_id
                and (page.after is None or r.id > page.after)
            ),
            key=lambda r: r.id,
        )
        return page_from_rows(rows[: page.limit + 1], page, lambda r: r.id)


class FakeReferralQueries:
    """As the SQL: the receiver sees the person under a consent in force, and each referral a
    read shows it with is recorded as a disclosure (empty scopes)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def _seen(self, referral: Referral, viewing: Viewing) -> SeenReferral:
        viewer = viewing.organization_id
        in_force = []
        if viewer != referral.sender_organization_id:
            in_force = [
                c.id
                for c in self._store.consents.values()
                if c.member_id == referral.member_id
                and c.recipient_organization_id == viewer
                and c.is_active(viewing.now)
            ]
        seen = referral_seen_by(referral, viewer, in_force)
        if seen.is_disclosure:
            self._store.disclosures.append(
                (referral.member_id, viewing, seen.consent_ids, frozenset())
            )
        return seen

    async def get(self, viewing: Viewing, referral_id: UUID) -> SeenReferral | None:
        referral = self._store.referrals.get(referral_id)
        if referral is None or referral.side_of(viewing.organization_id) is None:
            return None
        return self._seen(referral, viewing)

    async def history(self, referral_id: UUID) -> list[StatusChange]:
        return [c for c in self._store.referral_changes if c.referral_id == referral_id]

    async def list(
        self,
        viewing: Viewing,
        *,
        sent: bool,
        status: ReferralStatus | None,
        page: PageRequest,
    ) -> Page[SeenReferral]:
        rows = sorted(
            (
                r
                for r in self._store.referrals.values()
                if (r.sender_organization_id if sent else r.receiver_organization_id)
                == viewing.organization_id
                and (status is None or r.status is status)
                and (page.after is None or r.id > page.after)
            ),
            key=lambda r: r.id,
        )
        shown = [self._seen(r, viewing) for r in rows[: page.limit]]
        more = [referral_seen_by(r, viewing.organization_id, ()) for r in rows[page.limit :]][:1]
        return page_from_rows(shown + more, page, lambda s: s.referral.id)


class FakeWebhookEndpoints:
    def __init__(self, staged: Store) -> None:
        self._staged = staged

    async def add(self, endpoint: WebhookEndpoint) -> None:
        self._staged.endpoints[endpoint.id] = endpoint

    async def get_for_update(
        self, organization_id: UUID, endpoint_id: UUID
    ) -> WebhookEndpoint | None:
        endpoint = self._staged.endpoints.get(endpoint_id)
        return endpoint if endpoint and endpoint.organization_id == organization_id else None

    async def save(self, endpoint: WebhookEndpoint) -> None:
        self._staged.endpoints[endpoint.id] = endpoint

    async def resume(self, endpoint_id: UUID, now: datetime) -> None:
        self._staged.resumed.append(endpoint_id)

    async def delete(self, endpoint_id: UUID) -> None:
        del self._staged.endpoints[endpoint_id]

    async def may_still_see(self, organization_id: UUID, event_id: UUID, now: datetime) -> bool:
        return event_id not in self._staged.withdrawn_events

    async def redeliver(
        self,
        endpoint_id: UUID,
        event_id: UUID,
        types: frozenset[EventType],
        delivery_id: UUID,
        now: datetime,
    ) -> bool:
        if not any(d[:2] == (endpoint_id, event_id) for d in self._staged.deliveries):
            return False
        self._staged.deliveries.append((endpoint_id, event_id, delivery_id))
        return True


class FakeWebhookQueries:
    def __init__(self, store: Store) -> None:
        self._store = store

    async def get(self, organization_id: UUID, endpoint_id: UUID) -> WebhookEndpoint | None:
        endpoint = self._store.endpoints.get(endpoint_id)
        return endpoint if endpoint and endpoint.organization_id == organization_id else None

    async def list(self, organization_id: UUID, page: PageRequest) -> Page[WebhookEndpoint]:
        rows = sorted(
            (e for e in self._store.endpoints.values() if e.organization_id == organization_id),
            key=lambda e: e.id,
        )
        return page_from_rows(rows[: page.limit + 1], page, lambda e: e.id)

    async def deliveries(self, endpoint_id: UUID, page: PageRequest) -> Page[Delivery]:
        return Page(items=[], next_after=None)


class FakeResolver:
    def __init__(self, addresses: dict[str, list[str]]) -> None:
        self._addresses = addresses

    async def addresses(self, host: str) -> list[str]:
        return self._addresses.get(host, [])


class CountingSecrets:
    def __init__(self) -> None:
        self._counter = itertools.count(1)

    def new_secret(self) -> str:
        return f"whsec_c2VjcmV0{next(self._counter):04d}"


class FakeIdempotencyRecorder:
    def __init__(self, staged: Store) -> None:
        self._staged = staged

    async def hold(self, scope_id: UUID, key: str, fingerprint: bytes, now: datetime) -> Claim:
        stored = self._staged.stored_responses.get((scope_id, key))
        if stored is not None:
            raise AnswerAlreadyStored(stored)
        return Claim(
            scope_id=scope_id,
            key=key,
            token=UUID(int=len(self._staged.stored_responses) + 1),
            fingerprint=fingerprint,
            claimed_at=now,
        )

    async def settle(self) -> None:
        pass  # hold() answers at once

    async def complete(self, claim: Claim, response: StoredResponse) -> None:
        self._staged.stored_responses[(claim.scope_id, claim.key)] = response


class FakeOutbox:
    def __init__(self, staged: Store) -> None:
        self._staged = staged

    async def append(self, event: Event) -> None:
        self._staged.events.append(event)


class FakeConversation:
    """Posts and marks; counts derived from the marks (the PostgreSQL adapter keeps them on
    the post as marks come and go, and its tests hold it to the same answers)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    async def add(self, post: Post) -> None:
        self._store.posts[post.id] = post

    async def add_checked(self, post: Post, phrases_version: int) -> AtCommit[str | None]:
        context = await self.writing_context(
            post.network_id, post.organization_id, post.author_member_id
        )
        refused = not_stored(context, post, phrases_version)
        if refused is not None:
            raise refused
        await self.add(post)
        return Known(context.author_display_name)

    async def get(self, post_id: UUID) -> Post | None:
        return self._store.posts.get(post_id)

    async def get_for_update(self, post_id: UUID) -> Post | None:
        return self._store.posts.get(post_id)

    async def save(self, post: Post) -> None:
        self._store.posts[post.id] = post

    async def add_revision(self, revision: Revision) -> None:
        self._store.revisions.append(revision)

    async def react(
        self,
        post_id: UUID,
        member_id: UUID,
        organization_id: UUID,
        reaction: Reaction,
        now: datetime,
    ) -> bool:
        mark = (post_id, member_id, reaction)
        new = mark not in self._store.reactions
        self._store.reactions.add(mark)
        return new

    async def unreact(self, post_id: UUID, member_id: UUID, reaction: Reaction) -> bool:
        mark = (post_id, member_id, reaction)
        had = mark in self._store.reactions
        self._store.reactions.discard(mark)
        return had

    async def mark_helpful(
        self, post_id: UUID, member_id: UUID, organization_id: UUID, now: datetime
    ) -> bool:
        new = (post_id, member_id) not in self._store.helpful_marks
        self._store.helpful_marks.add((post_id, member_id))
        return new

    async def unmark_helpful(self, post_id: UUID, member_id: UUID) -> bool:
        had = (post_id, member_id) in self._store.helpful_marks
        self._store.helpful_marks.discard((post_id, member_id))
        return had

    async def counts(self, post_id: UUID, viewer: UUID, now: datetime) -> PostCounts:
        reactions: dict[Reaction, int] = {}
        for post, _member, reaction in self._store.reactions:
            if post == post_id:
                reactions[reaction] = reactions.get(reaction, 0) + 1
        return PostCounts(
            replies=sum(1 for p in self._store.posts.values() if p.parent_id == post_id),
            helpful=sum(1 for post, _member in self._store.helpful_marks if post == post_id),
            reactions=reactions,
        )

    async def standing(self, network_id: UUID, organization_id: UUID) -> Standing:
        return self._store.standings.get((network_id, organization_id), Standing())

    async def member_active_in(self, network_id: UUID, member_id: UUID) -> bool:
        return (network_id, member_id) in self._store.taking_part

    async def writing_context(
        self, network_id: UUID, organization_id: UUID, author_member_id: UUID
    ) -> WritingContext:
        author = self._store.members.get(author_member_id)
        return WritingContext(
            takes_part=(await self.standing(network_id, organization_id)).takes_part,
            author_organization_id=None if author is None else author.organization_id,
            author_erased=author is not None and author.erased_at is not None,
            author_active=await self.member_active_in(network_id, author_member_id),
            author_display_name=None if author is None else author.display_name,
            crisis_phrases=await self.crisis_phrases(organization_id),
        )

    async def add_report(self, report: Report) -> None:
        self._store.reports.append(report)

    async def log_moderation(self, entry: ModerationEntry) -> None:
        self._store.moderation_log.append(entry)
        self._store.reports = [
            msgspec.structs.replace(r, resolved_at=entry.at) if r.post_id == entry.post_id else r
            for r in self._store.reports
        ]

    async def crisis_phrases(self, organization_id: UUID) -> CrisisPhraseList:
        return self._store.crisis_phrases.get(organization_id, CrisisPhraseList())

    async def set_crisis_phrases(
        self, organization_id: UUID, phrases: tuple[str, ...] | None, now: datetime
    ) -> None:
        version = (await self.crisis_phrases(organization_id)).version + 1
        self._store.crisis_phrases[organization_id] = CrisisPhraseList(
            version=version, phrases=phrases
        )


class Known:
    """A value given back at commit, known at once (the fakes store as they go)."""

    def __init__(self, value: str | None) -> None:
        self.value = value


class FakeConversationQueries:
    """The conversation's reads over the committed store: the writing checks (the pages are
    the PostgreSQL adapter's, tested against the real database)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.phrase_lists: dict[UUID, CrisisPhraseList] = {}

    async def writing_context(
        self, network_id: UUID, organization_id: UUID, author_member_id: UUID
    ) -> WritingContext:
        return await FakeConversation(self._store).writing_context(
            network_id, organization_id, author_member_id
        )

    async def standing(self, network_id: UUID, organization_id: UUID) -> Standing:
        return await FakeConversation(self._store).standing(network_id, organization_id)

    async def crisis_phrase_list(self, organization_id: UUID) -> CrisisPhraseList:
        # As the PostgreSQL adapter's, kept from an earlier read until forgotten.
        if organization_id not in self.phrase_lists:
            self.phrase_lists[organization_id] = await FakeConversation(self._store).crisis_phrases(
                organization_id
            )
        return self.phrase_lists[organization_id]

    def forget_crisis_phrases(self, organization_id: UUID) -> None:
        self.phrase_lists.pop(organization_id, None)

    async def network_posts(
        self,
        viewing: Viewing,
        network_id: UUID,
        filters: PostFilters,
        after: UUID | None,
        limit: int,
    ) -> PostsSeen:
        raise NotImplementedError

    async def post(self, viewing: Viewing, post_id: UUID) -> PostsSeen:
        raise NotImplementedError

    async def replies(
        self, viewing: Viewing, post_id: UUID, after: UUID | None, limit: int
    ) -> PostsSeen | None:
        raise NotImplementedError

    async def advice(
        self, viewing: Viewing, network_id: UUID, after: HelpfulKey | None, limit: int
    ) -> PostsSeen:
        raise NotImplementedError

    async def member_posts(
        self, viewing: Viewing, member_id: UUID, after: UUID | None, limit: int
    ) -> list[ShownPost]:
        raise NotImplementedError

    async def moderation_queue(
        self, viewing: Viewing, network_id: UUID, after: UUID | None, limit: int
    ) -> PostsSeen:
        raise NotImplementedError

    async def moderation_log(
        self, viewing: Viewing, network_id: UUID, after: UUID | None, limit: int
    ) -> list[ModerationEntry]:
        raise NotImplementedError

    async def revisions(self, post_id: UUID) -> list[Revision]:
        raise NotImplementedError


class FakeUnitOfWork:
    """Stages writes on a copy of the store; commit() publishes them, leaving without commit
    drops them: the same contract as the PostgreSQL unit of work."""

    def __init__(
        self, store: Store, clock: Clock | None = None, ids: IdSource | None = None
    ) -> None:
        self.store = store
        self.clock: Clock = clock or FixedClock()
        self.ids: IdSource = ids or SequentialIds()
        self.commits = 0
        self._open = False
        self._staged = Store()

    @property
    def organizations(self) -> FakeOrganizations:
        return FakeOrganizations(self._staged)

    @property
    def api_keys(self) -> FakeApiKeys:
        return FakeApiKeys(self._staged)

    @property
    def intermediaries(self) -> FakeIntermediaries:
        return FakeIntermediaries(self._staged)

    @property
    def members(self) -> FakeMembers:
        return FakeMembers(self._staged)

    @property
    def outbox(self) -> FakeOutbox:
        return FakeOutbox(self._staged)

    @property
    def networks(self) -> FakeNetworks:
        return FakeNetworks(self._staged)

    @property
    def consents(self) -> FakeConsents:
        return FakeConsents(self._staged)

    @property
    def recovery(self) -> FakeRecovery:
        return FakeRecovery(self._staged)

    @property
    def milestones(self) -> FakeMilestones:
        return FakeMilestones(self._staged)

    @property
    def pledges(self) -> FakePledges:
        return FakePledges(self._staged)

    @property
    def referrals(self) -> FakeReferrals:
        return FakeReferrals(self._staged)

    @property
    def webhooks(self) -> FakeWebhookEndpoints:
        return FakeWebhookEndpoints(self._staged)

    @property
    def idempotency(self) -> FakeIdempotencyRecorder:
        return FakeIdempotencyRecorder(self._staged)

    @property
    def incidents(self) -> FakeIncidents:
        return FakeIncidents(self._staged)

    @property
    def accounting_requests(self) -> FakeAccountingRequests:
        return FakeAccountingRequests(self._staged)

    @property
    def restrictions(self) -> FakeRestrictions:
        return FakeRestrictions(self._staged)

    @property
    def conversation(self) -> FakeConversation:
        return FakeConversation(self._staged)

    @property
    def reach_outs(self) -> FakeReachOuts:
        return FakeReachOuts(self._staged)

    @property
    def meetings(self) -> FakeMeetings:
        return FakeMeetings(self._staged)

    @property
    def engagement(self) -> FakeEngagement:
        return FakeEngagement(self._staged)

    async def __aenter__(self) -> Self:
        if self._open:
            raise RuntimeError("this unit of work is already open")
        self._open = True
        self._staged = self.store.copy()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._open = False

    async def commit(self) -> None:
        assert self._open, "commit() outside `async with uow`"
        for name, value in vars(self._staged).items():
            setattr(self.store, name, value.copy())
        self.commits += 1


class FakeMemberQueries:
    def __init__(self, store: Store) -> None:
        self._store = store

    async def get(self, organization_id: UUID, member_id: UUID) -> Member | None:
        member = self._store.members.get(member_id)
        return member if member is not None and member.organization_id == organization_id else None

    async def list(
        self, organization_id: UUID, page: PageRequest, external_ref: str | None
    ) -> Page[Member]:
        rows = sorted(
            (
                m
                for m in self._store.members.values()
                if m.organization_id == organization_id
                and m.erased_at is None
                and (page.after is None or m.id > page.after)
                and (external_ref is None or m.external_ref == external_ref)
            ),
            key=lambda m: m.id,
        )[: page.limit + 1]
        return page_from_rows(rows, page, lambda m: m.id)


class FakeApiKeyQueries:
    def __init__(self, store: Store) -> None:
        self._store = store
        self.lookups = 0

    async def find_by_hash(self, secret_hash: bytes) -> ApiKey | None:
        self.lookups += 1
        for key in self._store.api_keys.values():
            if key.secret_hash == secret_hash:
                return key
        return None

    async def get(self, organization_id: UUID, key_id: UUID) -> ApiKey | None:
        key = self._store.api_keys.get(key_id)
        return key if key is not None and key.organization_id == organization_id else None

    async def list(self, organization_id: UUID, page: PageRequest) -> Page[ApiKey]:
        rows = sorted(
            (
                k
                for k in self._store.api_keys.values()
                if k.organization_id == organization_id
                and (page.after is None or k.id > page.after)
            ),
            key=lambda k: k.id,
        )[: page.limit + 1]
        return page_from_rows(rows, page, lambda k: k.id)


class FakeEventFeed:
    """The feed as a list: everything after the cursor, of the types asked for. (Which events
    an organization may see at all is the SQL's, tested against PostgreSQL.)"""

    def __init__(self, events: list[FeedEvent], horizon: int = 0) -> None:
        self.events = events
        self.asked: list[list[str] | None] = []
        # Every transaction below it has ended (0: none known, as before any read).
        self.horizon = horizon

    async def after(
        self, viewing: Viewing, cursor: FeedPosition, limit: int, types: list[str] | None
    ) -> FeedRead:
        self.asked.append(types)
        found = [
            e
            for e in self.events
            if e.at > cursor and (types is None or e.event.type.value in types)
        ][:limit]
        return FeedRead(events=found, horizon=self.horizon)


class FakeDeliveryLine:
    """The delivery queue's transaction over FakeDeliveryQueue's state (applied at once: the
    use case's decisions, not the atomicity, are under test here)."""

    def __init__(self, queue: FakeDeliveryQueue) -> None:
        self._queue = queue
        self._store = Store()
        self._endpoints = FakeWebhookEndpoints(self._store)
        self._outbox = FakeOutbox(self._store)

    @property
    def endpoints(self) -> FakeWebhookEndpoints:
        return self._endpoints

    @property
    def outbox(self) -> FakeOutbox:
        return self._outbox

    async def with_work(self, now: datetime, limit: int) -> list[UUID]:
        # Any due endpoint (the "anything to do?" probe is the SQL's).
        queue = self._queue
        queue.looks += 1
        if queue.look_held is not None:
            await queue.look_held.wait()
        return [
            endpoint.id
            for endpoint in queue.endpoints.values()
            if endpoint.status is EndpointStatus.ACTIVE and queue.next_look[endpoint.id] <= now
        ][:limit]

    async def claim(self, now: datetime, among: Sequence[UUID]) -> ClaimedEndpoint | None:
        queue = self._queue
        queue.claims += 1
        queue.claimed_among.append(len(among))
        for endpoint_id in among:
            endpoint = queue.endpoints[endpoint_id]
            if endpoint.status is EndpointStatus.ACTIVE and queue.next_look[endpoint.id] <= now:
                return ClaimedEndpoint(endpoint=endpoint, cursor_txid=0, cursor_position=0)
        return None

    async def fan_out(self, claimed: ClaimedEndpoint, now: datetime) -> int:
        # Of the new events, those the endpoint receives, as FAN_OUT queues them.
        arriving = [
            event
            for event in self._queue.arriving.pop(claimed.endpoint.id, [])
            if event.type in claimed.endpoint.receives
        ]
        for event in arriving:
            self._queue.queue(claimed.endpoint.id, event, now)
        return len(arriving)

    async def head(self, endpoint: WebhookEndpoint, now: datetime) -> HeadDelivery | None:
        for delivery in self._queue.deliveries:
            if delivery.endpoint_id == endpoint.id and delivery.status is DeliveryStatus.PENDING:
                event = self._queue.events[delivery.event_id]
                allowed = event.id not in self._queue.consent_ended
                return HeadDelivery(
                    delivery=delivery,
                    event=event,
                    allowed=allowed,
                    notice_consents=self._queue.notice_consents.get(event.id, ()),
                )
        return None

    async def record_disclosure(
        self,
        sent: Event,
        shown: frozenset[DataScope],
        recipient_id: UUID,
        delivery_id: UUID,
        at: datetime,
    ) -> None:
        if all(d[2] != delivery_id for d in self._queue.disclosures):
            self._queue.disclosures.append((sent.id, recipient_id, delivery_id, at))

    async def wait_until(self, endpoint_id: UUID, at: datetime) -> None:
        self._queue.next_look[endpoint_id] = at
        self._queue.leases.pop(endpoint_id, None)

    async def lease(self, endpoint_id: UUID, lease_id: UUID, until: datetime) -> None:
        self._queue.leases[endpoint_id] = lease_id
        self._queue.next_look[endpoint_id] = until

    async def holding(self, endpoint_id: UUID, lease_id: UUID) -> WebhookEndpoint | None:
        if self._queue.leases.get(endpoint_id) != lease_id:
            return None
        return self._queue.endpoints.get(endpoint_id)

    async def record_attempt(
        self, delivery_id: UUID, attempt: Attempt, status: DeliveryStatus, next_attempt_at: datetime
    ) -> None:
        deliveries = self._queue.deliveries
        for index, delivery in enumerate(deliveries):
            if delivery.id == delivery_id and delivery.status is DeliveryStatus.PENDING:
                deliveries[index] = msgspec.structs.replace(
                    delivery,
                    status=status,
                    attempt_count=delivery.attempt_count + 1,
                    attempts=[*delivery.attempts, attempt],
                    next_attempt_at=next_attempt_at,
                    finished_at=None if status is DeliveryStatus.PENDING else attempt.at,
                )

    def publish(self) -> None:
        self._queue.endpoints.update(self._store.endpoints)
        self._queue.announced.extend(self._store.events)


class FakeDeliveryQueue:
    """Endpoints, their deliveries and what the dispatcher leaves behind, in memory."""

    def __init__(self) -> None:
        self.endpoints: dict[UUID, WebhookEndpoint] = {}
        self.next_look: dict[UUID, datetime] = {}
        self.leases: dict[UUID, UUID] = {}
        self.arriving: dict[UUID, list[Event]] = {}  # new events each endpoint will queue
        self.events: dict[UUID, Event] = {}
        self.deliveries: list[Delivery] = []
        self.consent_ended: set[UUID] = set()  # events no consent in force covers any more
        # The consents in force that let an event's member data go, by event (its notice).
        self.notice_consents: dict[UUID, tuple[UUID, ...]] = {}
        self.disclosures: list[tuple[UUID, UUID, UUID, datetime]] = []
        self.announced: list[Event] = []
        self.looks = 0
        self.claims = 0
        self.claimed_among: list[int] = []  # how many endpoints each claim asked among
        self.look_held: asyncio.Event | None = None  # a look waits for it, when set
        self.lines_open = 0

    def add(self, endpoint: WebhookEndpoint, due: datetime) -> None:
        self.endpoints[endpoint.id] = endpoint
        self.next_look[endpoint.id] = due

    def queue(self, endpoint_id: UUID, event: Event, now: datetime) -> None:
        """A pending delivery of `event` (what fan-out queued, now or before)."""
        self.deliveries.append(
            Delivery(
                id=UUID(int=len(self.deliveries) + 1000),
                seq=len(self.deliveries) + 1,
                endpoint_id=endpoint_id,
                event_id=event.id,
                event_type=event.type.value,
                status=DeliveryStatus.PENDING,
                redelivery=False,
                attempt_count=0,
                attempts=[],
                next_attempt_at=now,
                created_at=now,
                finished_at=None,
            )
        )
        self.events[event.id] = event

    @asynccontextmanager
    async def line(self) -> AsyncIterator[FakeDeliveryLine]:
        line = FakeDeliveryLine(self)
        self.lines_open += 1
        try:
            yield line
            line.publish()
        finally:
            self.lines_open -= 1


class ScriptedSender:
    """Answers each attempt with the next outcome of its script, and remembers the attempts."""

    deadline = timedelta(seconds=2)

    def __init__(
        self, *outcomes: Outcome, meanwhile: Callable[[WebhookEndpoint], None] | None = None
    ) -> None:
        self._outcomes = list(outcomes)
        self._meanwhile = meanwhile  # what happens elsewhere while an attempt runs
        self.sent: list[tuple[UUID, UUID]] = []  # (endpoint, event)
        self.notices: list[DisclosureNotice | None] = []

    async def attempt(
        self, endpoint: WebhookEndpoint, event: Event, notice: DisclosureNotice | None = None
    ) -> Outcome:
        if self._meanwhile is not None:
            self._meanwhile(endpoint)
        self.sent.append((endpoint.id, event.id))
        self.notices.append(notice)
        return self._outcomes.pop(0)


class FakeMeetingQueries:
    """Meetings and attendance over the committed Store; a member's attendance under the
    domain's read rule (read_access, scope `meetings`), each foreign read recorded."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def _takes_part(self, network_id: UUID, viewer: UUID) -> bool:
        taking_part = self._store.participations.get((network_id, viewer))
        return taking_part is not None and taking_part.status is ParticipationStatus.ACTIVE

    async def list(self, viewer: UUID, network_id: UUID, page: PageRequest) -> Page[Meeting] | None:
        if not self._takes_part(network_id, viewer):
            return None
        rows = sorted(
            (
                m
                for m in self._store.meetings.values()
                if m.network_id == network_id and (page.after is None or m.id > page.after)
            ),
            key=lambda m: m.id,
        )[: page.limit + 1]
        return page_from_rows(rows, page, lambda m: m.id)

    async def get(self, viewer: UUID, meeting_id: UUID) -> Meeting | None:
        meeting = self._store.meetings.get(meeting_id)
        if meeting is None or not self._takes_part(meeting.network_id, viewer):
            return None
        return meeting

    async def attendance(
        self, viewing: Viewing, member_id: UUID, last: int
    ) -> SeenAttendance | None:
        member = self._store.members.get(member_id)
        if member is None:
            return None
        read = ReadScopes(
            needed=frozenset({DataScope.MEETINGS}), shown=frozenset({DataScope.MEETINGS})
        )
        access = read_access(
            Reader(organization_id=viewing.organization_id),
            member,
            self._store.consents.values(),
            read,
            viewing.now,
        )
        if access is None:
            return None
        if access.is_disclosure:
            self._store.disclosures.append((member.id, viewing, access.consent_ids, access.scopes))
        mine = sorted(
            (a for a in self._store.attendance.values() if a.member_id == member_id),
            key=lambda a: (a.local_date, self._store.meetings[a.meeting_id].local_time),
            reverse=True,
        )
        records = tuple(
            AttendanceRecord(attendance=a, network_id=self._store.meetings[a.meeting_id].network_id)
            for a in mine[:last]
        )
        return SeenAttendance(
            member_id=member_id,
            records=records,
            summary=summarise([a.status for a in mine], last),
            consent_ids=access.consent_ids,
        )


class FakeFederationQueries:
    """Cross-organization reads over the committed Store, deciding with the domain's rule
    (read_access) and recording each disclosure as the SQL does: the same port, so that the
    consent core has unit tests too."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def _seen(
        self,
        viewing: Viewing,
        member_id: UUID,
        read: ReadScopes,
    ) -> tuple[Member, Access] | None:
        member = self._store.members.get(member_id)
        if member is None:
            return None
        # The fakes know no ties to a member: only consents naming the reader reach it.
        access = read_access(
            Reader(organization_id=viewing.organization_id),
            member,
            self._store.consents.values(),
            read,
            viewing.now,
        )
        if access is None:
            return None
        if access.is_disclosure and member.erased_at is None:
            self._store.disclosures.append((member.id, viewing, access.consent_ids, access.scopes))
        return member, access

    async def member_for(self, viewing: Viewing, member_id: UUID) -> tuple[Member, Access] | None:
        return self._seen(viewing, member_id, MEMBER_READ)

    def _periods(self, member_id: UUID) -> list[ClosedPeriod]:
        return sorted(
            (p for p in self._store.periods if p.member_id == member_id),
            key=lambda p: (p.started_on, p.recorded_at),
        )

    async def recovery_for(
        self, viewing: Viewing, member_id: UUID
    ) -> tuple[Member, Access, list[ClosedPeriod]] | None:
        seen = self._seen(viewing, member_id, RECOVERY_READ)
        if seen is None:
            return None
        return seen[0], seen[1], self._periods(member_id)

    async def milestones_for(self, viewing: Viewing, member_id: UUID) -> MilestoneFacts | None:
        seen = self._seen(viewing, member_id, MILESTONES_READ)
        if seen is None:
            return None
        member, access = seen
        store = self._store
        return MilestoneFacts(
            member=member,
            access=access,
            periods=self._periods(member_id) if access.covers(DataScope.RECOVERY) else [],
            ladder=store.ladders.get(member.organization_id, DEFAULT_LADDER),
            announced=[
                (p, k, at) for (m, p, k), at in store.announcements.items() if m == member_id
            ],
            custom=sorted(
                (c for c in store.customs.values() if c.member_id == member_id),
                key=lambda c: (c.achieved_on, c.id),
            ),
            cheers=sorted(
                (c for c in store.cheers if c.member_id == member_id), key=lambda c: c.id
            ),
        )

    async def pledges_for(
        self, viewing: Viewing, member_id: UUID, page: PageRequest
    ) -> tuple[Member, Access, Page[tuple[Pledge, list[CheckIn]]]] | None:
        seen = self._seen(viewing, member_id, PLEDGES_READ)
        if seen is None:
            return None
        pledges = sorted(
            (p for p in self._store.pledges.values() if p.member_id == member_id),
            key=lambda p: p.id,
        )
        after = page.after or UUID(int=0)
        shown = page_from_rows(
            [p for p in pledges if p.id > after][: page.limit + 1], page, lambda p: p.id
        )
        items = [
            (p, [c for c in self._store.check_ins.values() if c.pledge_id == p.id])
            for p in shown.items
        ]
        return seen[0], seen[1], Page(items=items, next_after=shown.next_after)

    def _takes_part(self, viewer: UUID, network_id: UUID) -> bool:
        return (network_id, viewer) in self._store.participations

    def _network_seen(self, network: Network, viewing: Viewing) -> SeenNetwork:
        consent_ids = [
            c.id
            for c in self._store.consents.values()
            if c.member_id == network.focus_member_id
            and c.recipient_organization_id == viewing.organization_id
            and c.is_active(viewing.now)
            and DataScope.NETWORKS in c.granted_scopes
        ]
        seen = network_seen_by(network, viewing.organization_id, consent_ids)
        focus = self._store.members.get(network.focus_member_id or UUID(int=0))
        if seen.consent_ids and focus is not None and not focus.is_erased:
            self._store.disclosures.append(
                (focus.id, viewing, seen.consent_ids, frozenset({DataScope.NETWORKS}))
            )
        return seen

    async def network_for(self, viewing: Viewing, network_id: UUID) -> SeenNetwork | None:
        network = self._store.networks.get(network_id)
        if network is None or not self._takes_part(viewing.organization_id, network_id):
            return None
        return self._network_seen(network, viewing)

    async def sees_network(self, viewer: UUID, network_id: UUID) -> bool:
        return network_id in self._store.networks and self._takes_part(viewer, network_id)

    async def networks_for(
        self, viewing: Viewing, page: PageRequest, member_id: UUID | None
    ) -> Page[SeenNetwork]:
        viewer = viewing.organization_id
        after = page.after or UUID(int=0)
        rows = sorted(
            (
                n
                for n in self._store.networks.values()
                if self._takes_part(viewer, n.id)
                and n.id > after
                and (
                    member_id is None
                    or any(
                        m.network_id == n.id and m.member_id == member_id
                        for m in self._store.memberships.values()
                    )
                )
            ),
            key=lambda n: n.id,
        )
        seen = [self._network_seen(n, viewing) for n in rows[: page.limit]]
        more = [SeenNetwork(network=n) for n in rows[page.limit : page.limit + 1]]
        return page_from_rows(seen + more, page, lambda s: s.network.id)

    async def participants(self, network_id: UUID) -> list[Participation]:
        return [p for (n, _), p in self._store.participations.items() if n == network_id]

    async def memberships_for(
        self, viewing: Viewing, network_id: UUID, page: PageRequest
    ) -> Page[SeenMembership]:
        after = page.after or UUID(int=0)
        rows = sorted(
            (
                m
                for m in self._store.memberships.values()
                if m.network_id == network_id and m.id > after
            ),
            key=lambda m: m.id,
        )
        shown = page_from_rows(rows[: page.limit + 1], page, lambda m: m.id)
        seen = []
        sights: dict[UUID, tuple[Member, Access] | None] = {}  # once per member, as the SQL
        for membership in shown.items:
            if membership.member_id not in sights:
                sights[membership.member_id] = self._seen(
                    viewing, membership.member_id, MEMBERSHIP_READ
                )
            sight = sights[membership.member_id]
            member = self._store.members[membership.member_id]
            access = sight[1] if sight else Access(home=False, scopes=frozenset())
            seen.append(
                SeenMembership(
                    membership=membership,
                    member_display_name=member.display_name,
                    member_erased=member.erased_at is not None,
                    access=access,
                )
            )
        return Page(items=seen, next_after=shown.next_after)

    async def consents_of(self, home: UUID, member_id: UUID, page: PageRequest) -> Page[Consent]:
        after = page.after or UUID(int=0)
        rows = sorted(
            (
                c
                for c in self._store.consents.values()
                if c.organization_id == home and c.member_id == member_id and c.id > after
            ),
            key=lambda c: c.id,
        )
        return page_from_rows(rows[: page.limit + 1], page, lambda c: c.id)

    async def consent_for(self, viewer: UUID, consent_id: UUID) -> Consent | None:
        consent = self._store.consents.get(consent_id)
        if consent and viewer in (consent.organization_id, consent.recipient_organization_id):
            return consent
        return None

    async def disclosures(
        self,
        home: UUID,
        member_id: UUID,
        page: PageRequest,
        since: datetime | None,
        until: datetime | None,
    ) -> Page[Disclosure]:
        rows = [
            Disclosure(
                id=UUID(int=position),
                position=position,
                member_id=member,
                recipient_organization_id=viewing.organization_id,
                consent_ids=consent_ids,
                scopes=scopes,
                operation=viewing.operation,
                request_id=viewing.request_id,
                disclosed_at=viewing.now,
                client_request_id=viewing.client_request_id,
            )
            for position, (member, viewing, consent_ids, scopes) in enumerate(
                self._store.disclosures, start=1
            )
            if member == member_id
            and self._store.members[member].organization_id == home
            and (since is None or viewing.now >= since)
            and (until is None or viewing.now < until)
        ]
        after = 0 if page.after is None else page.after.int
        rows = [r for r in rows if r.position > after][: page.limit + 1]
        return page_from_rows(rows, page, lambda d: UUID(int=d.position))
