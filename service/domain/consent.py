"""Consent: the one place that decides what data about a member may cross to another
organization. Modelled on 42 CFR Part 2 section 2.31 and FHIR Consent."""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable
from datetime import date, datetime
from uuid import UUID

import msgspec

from service.domain.consent_form import (
    ConsentType,
    EndEvent,
    PurposeCode,
    RecipientClass,
    RevocationChannel,
    SignatureMethod,
    SignerAuthority,
    Statement,
)
from service.domain.events import EventType
from service.domain.members import Member


class DataScope(enum.StrEnum):
    """What a consent lets cross. Each scope covers fixed fields (see FIELDS_BY_SCOPE)."""

    PROFILE = "profile"
    RECOVERY = "recovery"
    PLEDGES = "pledges"
    MILESTONES = "milestones"
    NETWORKS = "networks"
    # What the member writes in a network's conversation (posts, replies, and their name on
    # them), and the events about it.
    CONVERSATION = "conversation"
    # That the member reached out for support, when and how urgently, with their message;
    # the supporters' answers and how it ended.
    REACH_OUTS = "reach_outs"
    # Whether the member attended a network's meetings: each occurrence attended, excused or
    # missed, and what is derived from it (rate, run).
    MEETINGS = "meetings"
    # Signals that the member may be drifting away (with their reasons), and their return.
    ENGAGEMENT = "engagement"


ALL_DATA_SCOPES: frozenset[DataScope] = frozenset(DataScope)

# The member fields each scope discloses. external_ref is the home organization's own id for
# the person and never leaves it; contact details travel with the profile, only by consent.
FIELDS_BY_SCOPE: dict[DataScope, frozenset[str]] = {
    DataScope.PROFILE: frozenset({"display_name", "timezone", "contact"}),
    DataScope.RECOVERY: frozenset({"recovery_started_on", "recovery_started_time"}),
    DataScope.PLEDGES: frozenset(),
    DataScope.MILESTONES: frozenset(),
    # Inside a shared network: the dates of the member's memberships.
    DataScope.NETWORKS: frozenset(),
    DataScope.CONVERSATION: frozenset(),
    DataScope.REACH_OUTS: frozenset(),
    DataScope.MEETINGS: frozenset(),
    DataScope.ENGAGEMENT: frozenset(),
}


# The scopes whose data each kind of read shows. A read counts (and records) only consents
# covering one of them, and records only these scopes: the accounting says what was shown.
MEMBER_READ_SCOPES: frozenset[DataScope] = frozenset(s for s, f in FIELDS_BY_SCOPE.items() if f)
# A membership shows who the member is (profile or networks), their name (profile) and the
# dates of their memberships (networks).
MEMBERSHIP_READ_SCOPES: frozenset[DataScope] = frozenset({DataScope.PROFILE, DataScope.NETWORKS})
RECOVERY_READ_SCOPES: frozenset[DataScope] = frozenset({DataScope.RECOVERY})
PLEDGES_READ_SCOPES: frozenset[DataScope] = frozenset({DataScope.PLEDGES})
# Milestones show their labels and local dates under `milestones`; the period a milestone
# belongs to (its start date, the restart history) only with `recovery`, and the instant it
# was reached (which tells the member's UTC offset) only with `profile`.
ATTENDANCE_READ_SCOPES: frozenset[DataScope] = frozenset({DataScope.MEETINGS})
MILESTONES_READ_SCOPES: frozenset[DataScope] = frozenset(
    {DataScope.MILESTONES, DataScope.RECOVERY, DataScope.PROFILE}
)


class ReadScopes(msgspec.Struct, frozen=True, kw_only=True):
    """One kind of cross-organization read of a member: it shows nothing without a consent in
    force covering one of `needed`, and then shows (and records) the scopes of `shown` that the
    consents in force grant."""

    needed: frozenset[DataScope]
    shown: frozenset[DataScope]


MEMBER_READ = ReadScopes(needed=MEMBER_READ_SCOPES, shown=MEMBER_READ_SCOPES)
RECOVERY_READ = ReadScopes(needed=RECOVERY_READ_SCOPES, shown=RECOVERY_READ_SCOPES)
PLEDGES_READ = ReadScopes(needed=PLEDGES_READ_SCOPES, shown=PLEDGES_READ_SCOPES)
MILESTONES_READ = ReadScopes(needed=frozenset({DataScope.MILESTONES}), shown=MILESTONES_READ_SCOPES)
# A membership needs and shows the same scopes (see MEMBERSHIP_READ_SCOPES).
MEMBERSHIP_READ = ReadScopes(needed=MEMBERSHIP_READ_SCOPES, shown=MEMBERSHIP_READ_SCOPES)


# The scope that lets another organization see each kind of event about a member (other
# member events, such as member.created, never cross; network, consent and referral events
# follow their own rules).
MEMBER_EVENT_SCOPES: dict[EventType, DataScope] = {
    EventType.MEMBER_UPDATED: DataScope.PROFILE,
    EventType.RECOVERY_RESTARTED: DataScope.RECOVERY,
    EventType.MILESTONE_REACHED: DataScope.MILESTONES,
    EventType.MILESTONE_CHEERED: DataScope.MILESTONES,
    EventType.PLEDGE_CREATED: DataScope.PLEDGES,
    EventType.PLEDGE_CHECKED_IN: DataScope.PLEDGES,
    EventType.PLEDGE_MISSED: DataScope.PLEDGES,
    EventType.POST_CREATED: DataScope.CONVERSATION,
    EventType.POST_REPLIED: DataScope.CONVERSATION,
    EventType.POST_REPORTED: DataScope.CONVERSATION,
    EventType.POST_HIDDEN: DataScope.CONVERSATION,
    # Escalation is the home organization's alone: it has no scope, so it never crosses.
    EventType.REACH_OUT_OPENED: DataScope.REACH_OUTS,
    EventType.REACH_OUT_ANSWERED: DataScope.REACH_OUTS,
    EventType.REACH_OUT_CLOSED: DataScope.REACH_OUTS,
    EventType.ATTENDANCE_RECORDED: DataScope.MEETINGS,
    EventType.MEMBER_DISENGAGEMENT_SIGNAL: DataScope.ENGAGEMENT,
    EventType.MEMBER_REENGAGED: DataScope.ENGAGEMENT,
}


class ConsentStatus(enum.StrEnum):
    ACTIVE = "active"
    REVOKED = "revoked"
    EXPIRED = "expired"


class Consent(msgspec.Struct, frozen=True, kw_only=True):
    id: UUID
    member_id: UUID
    organization_id: UUID  # who may disclose: the member's home organization
    # To whom (42 CFR 2.31(a)(4)): a named organization (an intermediary, if of that kind), or
    # else a class of organizations.
    recipient_organization_id: UUID | None
    scopes: frozenset[DataScope]
    purpose: str
    expires_on: date | None
    # The first instant the consent no longer holds: end of expires_on in the member's zone.
    expires_at: datetime | None
    end_event: EndEvent | None
    signature_method: SignatureMethod
    signed_at: datetime
    signed_by: str
    recorded_by: str
    recorded_by_key_id: UUID
    version: int
    created_at: datetime
    updated_at: datetime
    revoked_at: datetime | None = None
    revocation_reason: str | None = None
    ended_at: datetime | None = None  # when its end event happened
    # The form's further elements (42 CFR 2.31); none on consents recorded before they were.
    consent_type: ConsentType = ConsentType.SPECIFIC
    patient_name: str | None = None  # as signed; never shown to a recipient
    information: str | None = None  # the information to be disclosed, in words
    data_period_start: date | None = None
    data_period_end: date | None = None
    purpose_code: PurposeCode | None = None
    form_version: str | None = None
    statements: frozenset[Statement] = frozenset()
    signer_authority: SignerAuthority | None = None
    document_sha256: str | None = None
    # What agreed restrictions (42 CFR 2.26) take away; the consent grants the rest.
    restricted_scopes: frozenset[DataScope] = frozenset()
    # How, when and by whom the revocation was received, and the key that recorded it.
    revocation_received_via: RevocationChannel | None = None
    revocation_received_at: datetime | None = None
    revocation_received_by: str | None = None
    revoked_by_key_id: UUID | None = None
    recipient_class: RecipientClass | None = None
    # Through an intermediary (recipient_organization_id): its participants that may receive,
    # by name, or by a general description limited to treating providers.
    participant_organization_ids: frozenset[UUID] = frozenset()
    participant_class: RecipientClass | None = None

    @property
    def reaches_unnamed(self) -> bool:
        """It may reach organizations it does not name: a class of them, or the participants
        of an intermediary that it describes as a class."""
        return self.recipient_class is not None or self.participant_class is not None

    def reaches(self, reader: Reader) -> bool:
        """The consent names `reader` as a recipient of the member's data: by name, as one of
        the class it names, or as a participant of the intermediary it names (by name or by
        the class of participants it describes), taking part in it now. The SQL of
        consent_sql.consent_reaches states the same rule for the database."""
        if self.recipient_organization_id == reader.organization_id:
            return True
        if self.recipient_class is not None:
            return reader.is_of(self.recipient_class)
        if self.recipient_organization_id not in reader.intermediaries:
            return False
        return reader.organization_id in self.participant_organization_ids or (
            self.participant_class is not None and reader.is_of(self.participant_class)
        )

    @property
    def granted_scopes(self) -> frozenset[DataScope]:
        """What the consent lets cross now: its scopes, less what restrictions take away."""
        return self.scopes - self.restricted_scopes

    def status(self, now: datetime) -> ConsentStatus:
        if self.revoked_at is not None:
            return ConsentStatus.REVOKED
        if self.ended_at is not None or (self.expires_at is not None and self.expires_at <= now):
            return ConsentStatus.EXPIRED
        return ConsentStatus.ACTIVE

    def is_active(self, at: datetime) -> bool:
        """It holds at `at` (now, or a moment past): recorded by then, and not yet revoked,
        ended or expired. At the present this is `status() is ACTIVE`."""
        return (
            self.created_at <= at
            and (self.revoked_at is None or self.revoked_at > at)
            and (self.ended_at is None or self.ended_at > at)
            and (self.expires_at is None or self.expires_at > at)
        )


class Reader(msgspec.Struct, frozen=True, kw_only=True):
    """Another organization reading a member's data, with what decides whether a consent that
    names recipients by class or through an intermediary reaches it: whether it supports the
    member (takes part in an active circle around the member that the member's home
    organization created, the member still active in it: the home organization alone invites
    into it), whether it is a clinic, and the intermediaries it takes part in now."""

    organization_id: UUID
    supports_member: bool = False
    clinic: bool = False
    intermediaries: frozenset[UUID] = frozenset()

    def is_of(self, recipients: RecipientClass) -> bool:
        if recipients is RecipientClass.TREATING_PROVIDERS:
            return self.supports_member and self.clinic
        return self.supports_member


class Access(msgspec.Struct, frozen=True, kw_only=True):
    """What one organization may see of one member, decided from the active consents."""

    home: bool
    scopes: frozenset[DataScope]
    consent_ids: tuple[UUID, ...] = ()

    @property
    def fields(self) -> frozenset[str]:
        return _fields_shown(self.home, self.scopes)

    def covers(self, scope: DataScope) -> bool:
        """The viewer may see `scope`'s data: at home always, elsewhere under a consent."""
        return self.home or scope in self.scopes

    @property
    def is_disclosure(self) -> bool:
        """Data leaves the home organization: the read must be recorded."""
        return not self.home and bool(self.scopes)


# Every read under a consent asks this of a handful of distinct scope sets.
@functools.cache
def _fields_shown(home: bool, scopes: frozenset[DataScope]) -> frozenset[str]:
    if home:
        return frozenset().union(*FIELDS_BY_SCOPE.values()) | {"external_ref"}
    return frozenset().union(*(FIELDS_BY_SCOPE[s] for s in scopes))


# What the member's home organization sees: everything.
HOME_ACCESS = Access(home=True, scopes=ALL_DATA_SCOPES)


def access_for(
    viewer_organization_id: UUID,
    home_organization_id: UUID,
    active_consents: list[tuple[UUID, frozenset[DataScope]]],
) -> Access:
    """The home organization sees everything; anyone else sees the union of the scopes of the
    active consents the member's home organization granted to them, and nothing without one."""
    if viewer_organization_id == home_organization_id:
        return HOME_ACCESS
    scopes: frozenset[DataScope] = frozenset()
    for _, granted in active_consents:
        scopes |= granted
    return Access(
        home=False, scopes=scopes, consent_ids=tuple(sorted(cid for cid, _ in active_consents))
    )


def read_access(
    viewer: Reader,
    member: Member,
    consents: Iterable[Consent],
    read: ReadScopes,
    now: datetime,
) -> Access | None:
    """What one read of `member` shows the viewer, or None if it shows nothing.

    The rule every cross-organization read follows (the SQL of consent_sql.py states it again
    for the database, and a property test holds the two together): the home organization sees
    everything. Anyone else needs a consent in force, granted to it for this member, covering
    one of `read.needed`; it then sees the scopes of `read.shown` that the consents in force
    grant, and the disclosure names those scopes and the consents that granted them. A consent
    grants to the viewer when it reaches it (Consent.reaches: by name, or by the viewer's ties
    to the member, which `viewer` carries)."""
    needed, shown = read.needed, read.shown
    reader = viewer
    viewer_organization_id = reader.organization_id
    if viewer_organization_id == member.organization_id:
        return HOME_ACCESS
    granted = [
        (consent.id, consent.granted_scopes & shown)
        for consent in consents
        if consent.member_id == member.id
        and consent.reaches(reader)
        and consent.is_active(now)
        and consent.granted_scopes & shown
    ]
    if not any(scopes & needed for _, scopes in granted):
        return None
    return access_for(viewer_organization_id, member.organization_id, granted)


def visible_member(member: Member, access: Access) -> Member:
    """The member with every field the viewer may not see blanked out."""
    if access.home:
        return member
    fields = access.fields
    return msgspec.structs.replace(
        member,
        display_name=member.display_name if "display_name" in fields else None,
        timezone=member.timezone if "timezone" in fields else None,
        contact=member.contact if "contact" in fields else None,
        recovery_started_on=(
            member.recovery_started_on if "recovery_started_on" in fields else None
        ),
        recovery_started_time=(
            member.recovery_started_time if "recovery_started_time" in fields else None
        ),
        external_ref=None,
    )


class SeenMember(msgspec.Struct, frozen=True, kw_only=True):
    """A member as one viewer may see it: every field its access does not cover is already
    blanked. Views are built from this, never from a Member, so that no view can show more
    than the viewer's access by forgetting to ask for it."""

    member: Member
    access: Access


def seen_by(member: Member, access: Access) -> SeenMember:
    """The member as `access` lets it show (HOME_ACCESS: the home organization's own view)."""
    return SeenMember(member=visible_member(member, access), access=access)


class MembershipSight(msgspec.Struct, frozen=True, kw_only=True):
    """How much of a membership shows: without consent, only its role and status."""

    member: bool
    name: bool
    dates: bool


def membership_sight(access: Access) -> MembershipSight:
    if access.home:
        return MembershipSight(member=True, name=True, dates=True)
    return MembershipSight(
        # Who the member is travels with the profile or networks scope, never with any scope.
        member=bool(access.scopes & {DataScope.PROFILE, DataScope.NETWORKS}),
        name=DataScope.PROFILE in access.scopes,
        dates=DataScope.NETWORKS in access.scopes,
    )
