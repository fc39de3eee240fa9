"""Ports: what the use cases need from the outside world. The PostgreSQL adapters and the test
fakes both satisfy these Protocols structurally; neither inherits from them."""

from __future__ import annotations

from datetime import date, datetime
from types import TracebackType
from typing import Protocol, Self
from uuid import UUID

import msgspec

from service.domain.consent import Access, Consent, DataScope, Disclosure, Viewing
from service.domain.events import Event, EventType, FeedEvent, FeedPosition
from service.domain.idempotency import Claim, StoredResponse
from service.domain.members import Member
from service.domain.milestones import Cheer, CustomMilestone, Ladder
from service.domain.networks import Membership, Network, Participation, SeenMembership
from service.domain.organizations import ApiKey, Organization
from service.domain.paging import Page, PageRequest
from service.domain.pledges import CheckIn, Pledge
from service.domain.recovery import ClosedPeriod
from service.domain.referrals import Referral, ReferralStatus, StatusChange
from service.domain.webhooks import Delivery, WebhookEndpoint


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware, in UTC."""
        ...


class IdSource(Protocol):
    def new_id(self) -> UUID:
        """A new unique id; time-ordered, so that keyset paging follows creation order."""
        ...


class TokenSource(Protocol):
    def new_token(self, prefix: str) -> str:
        """A new high-entropy secret token starting with `prefix`."""
        ...


class OrganizationRepository(Protocol):
    async def add(self, organization: Organization) -> None:
        """Store a new organization."""
        ...

    async def get(self, organization_id: UUID) -> Organization | None:
        """The organization, or None."""
        ...


class ApiKeyRepository(Protocol):
    async def add(self, key: ApiKey) -> None:
        """Store a new key (its hash, never its secret)."""
        ...

    async def get(self, organization_id: UUID, key_id: UUID) -> ApiKey | None:
        """One key of one organization, or None (also when it belongs to another one)."""
        ...

    async def revoke(self, organization_id: UUID, key_id: UUID, now: datetime) -> None:
        """Mark the key revoked; a key already revoked keeps its first revocation time."""
        ...


class NetworkRepository(Protocol):
    async def add(self, network: Network) -> None:
        """Store a new network."""
        ...

    async def get_for_update(self, network_id: UUID) -> Network | None:
        """The network, locked until the unit of work ends (any organization's: the use case
        decides who may act on it)."""
        ...

    async def save(self, network: Network) -> None:
        """Write back a network loaded with get_for_update."""
        ...

    async def participation(self, network_id: UUID, organization_id: UUID) -> Participation | None:
        """How the organization takes part in the network, if at all."""
        ...

    async def save_participation(self, participation: Participation) -> None:
        """Insert or replace an organization's participation."""
        ...

    async def memberships_for_update(self, network_id: UUID) -> list[Membership]:
        """Every membership of the network (left ones too), locked."""
        ...

    async def add_membership(self, membership: Membership) -> None:
        """Store a new membership."""
        ...

    async def share_active_network(self, member_id: UUID, other_member_id: UUID) -> bool:
        """Whether both members actively belong to one network that is not archived."""
        ...

    async def save_membership(self, membership: Membership) -> None:
        """Write back a changed membership."""
        ...


class ConsentRepository(Protocol):
    async def add(self, consent: Consent) -> None:
        """Store a new consent."""
        ...

    async def get_for_update(self, organization_id: UUID, consent_id: UUID) -> Consent | None:
        """A consent granted by this (home) organization, locked; else None."""
        ...

    async def save(self, consent: Consent) -> None:
        """Write back a consent loaded with get_for_update."""
        ...

    async def in_force(
        self, member_id: UUID, recipient_organization_id: UUID, now: datetime
    ) -> list[tuple[UUID, frozenset[DataScope]]]:
        """The consents in force at `now` from the member to the recipient: ids and scopes."""
        ...

    async def record_disclosure(
        self,
        member: Member,
        viewing: Viewing,
        consent_ids: list[UUID],
        scopes: frozenset[DataScope],
    ) -> None:
        """Account a disclosure made by a write (a cheer tells that a milestone exists)."""
        ...

    async def in_force_of_member_for_update(self, member_id: UUID, now: datetime) -> list[Consent]:
        """Every consent of the member in force at `now`, whoever receives it, locked."""
        ...

    async def due_for_expiry_notice(self, now: datetime, limit: int) -> list[Consent]:
        """Expired consents not yet announced, claimed so that no other worker takes them."""
        ...

    async def mark_expiry_announced(self, consent_id: UUID, now: datetime) -> None:
        """Remember that `consent.expired` was written for this consent."""
        ...


class RecoveryRepository(Protocol):
    async def closed_periods(self, member_id: UUID) -> list[ClosedPeriod]:
        """The member's finished recovery periods, oldest first."""
        ...

    async def add_closed_period(self, period: ClosedPeriod, organization_id: UUID) -> None:
        """Keep a period a restart closed."""
        ...


class MilestoneRepository(Protocol):
    async def due_members(self, now: datetime, limit: int) -> list[tuple[Member, Ladder]]:
        """Members whose next milestone is due (or not yet computed), with their home
        organization's ladder; claimed so that no other worker takes them."""
        ...

    async def announce(
        self,
        member_id: UUID,
        period_started_on: date,
        items: list[tuple[str, datetime]],
        now: datetime,
    ) -> set[str]:
        """Record the announcement of these (rung key, due at); returns the keys that were
        not announced before."""
        ...

    async def schedule(self, member: Member, next_at: datetime | None) -> None:
        """When to look at the member again (None: never, the ladder is finished), as the
        member is now: a later change to the member makes it due again."""
        ...

    async def ladder(self, organization_id: UUID) -> Ladder:
        """The organization's ladder (the default one unless replaced)."""
        ...

    async def set_ladder(self, organization_id: UUID, ladder: Ladder | None) -> None:
        """Replace the organization's ladder (None: back to the default)."""
        ...

    async def add_custom(self, milestone: CustomMilestone, organization_id: UUID) -> None:
        """Store a custom milestone."""
        ...

    async def custom(self, member_id: UUID, milestone_id: UUID) -> CustomMilestone | None:
        """One custom milestone of the member."""
        ...

    async def announced_keys(self, member_id: UUID) -> list[tuple[date, str, datetime]]:
        """(period start, rung key, due at) of every milestone announced for the member."""
        ...

    async def add_cheer(self, cheer: Cheer) -> None:
        """Store a cheer."""
        ...


class PledgeRepository(Protocol):
    async def add(self, pledge: Pledge) -> None:
        """Store a new pledge."""
        ...

    async def get_for_update(self, organization_id: UUID, pledge_id: UUID) -> Pledge | None:
        """A pledge of this (home) organization's member, locked; else None."""
        ...

    async def save(self, pledge: Pledge) -> None:
        """Write back a pledge's status."""
        ...

    async def check_ins(self, pledge_id: UUID) -> list[CheckIn]:
        """Every check-in of the pledge, superseded ones too, in period order."""
        ...

    async def add_check_in(self, check_in: CheckIn) -> None:
        """Store a check-in."""
        ...

    async def supersede(self, check_in: CheckIn) -> None:
        """Mark a check-in replaced by a correction (it stays in the history)."""
        ...

    async def due_for_sweep(self, now: datetime, limit: int) -> list[tuple[Pledge, str]]:
        """Active pledges due a look by the missed-period sweep, with the member's zone,
        claimed so that no other worker takes them."""
        ...

    async def schedule_sweep(self, pledge_id: UUID, at: datetime) -> None:
        """When the sweep should look at the pledge again."""
        ...


class MemberRepository(Protocol):
    async def add(self, member: Member) -> None:
        """Store a new member. Raises DuplicateExternalRef when the organization already has
        one with the same external_ref (the database decides, so two racing requests cannot
        both win): at once, or at the latest when the unit of work commits."""
        ...

    async def get_for_update(self, organization_id: UUID, member_id: UUID) -> Member | None:
        """The member of this organization, locked until the unit of work ends; else None."""
        ...

    async def get_any(self, member_id: UUID) -> Member | None:
        """The member whatever its organization: for rules that then decide who may see it."""
        ...

    async def get_any_for_share(self, member_id: UUID) -> Member | None:
        """As get_any, holding the member against erasure until the unit of work ends: for a
        write that stores text about the member, so that an erasure either sees that text
        (and removes it) or comes first (and the write finds the member erased)."""
        ...

    async def save(self, member: Member) -> None:
        """Write back a member loaded with get_for_update. Raises DuplicateExternalRef like add."""
        ...


class ReferralRepository(Protocol):
    async def add(self, referral: Referral, change: StatusChange) -> None:
        """Store a new referral with the first line of its history. DuplicateReferral if the
        sender already used its external_ref."""
        ...

    async def get_for_update(self, organization_id: UUID, referral_id: UUID) -> Referral | None:
        """The referral, locked, if the organization is its sender or receiver; else None."""
        ...

    async def save(self, referral: Referral, change: StatusChange) -> None:
        """Write back a referral loaded with get_for_update, and append the change."""
        ...

    async def open_with_consent(self, consent_id: UUID, *, excluding: UUID) -> bool:
        """Whether another referral that has not closed yet rests on the consent."""
        ...

    async def overdue(self, now: datetime, limit: int) -> list[Referral]:
        """Unanswered referrals past their answer_by, claimed for this transaction: several
        workers can sweep at once and never claim the same one."""
        ...


class ReferralQueries(Protocol):
    async def get(self, organization_id: UUID, referral_id: UUID) -> Referral | None:
        """The referral if the organization is its sender or receiver; else None."""
        ...

    async def history(self, referral_id: UUID) -> list[StatusChange]:
        """Every status change of the referral, oldest first."""
        ...

    async def list(
        self,
        organization_id: UUID,
        *,
        sent: bool,
        status: ReferralStatus | None,
        page: PageRequest,
    ) -> Page[Referral]:
        """The referrals the organization sent (or received), newest id last, keyset-paged."""
        ...


class WebhookEndpointRepository(Protocol):
    async def add(self, endpoint: WebhookEndpoint) -> None:
        """Store a new endpoint; it receives events from now on."""
        ...

    async def get_for_update(
        self, organization_id: UUID, endpoint_id: UUID
    ) -> WebhookEndpoint | None:
        """One endpoint of the organization, locked; None if absent or someone else's."""
        ...

    async def save(self, endpoint: WebhookEndpoint) -> None:
        """Write back an endpoint loaded with get_for_update."""
        ...

    async def resume(self, endpoint_id: UUID, now: datetime) -> None:
        """After re-enabling: the deliveries given up on are pending again, first in line,
        with the retry schedule started afresh."""
        ...

    async def delete(self, endpoint_id: UUID) -> None:
        """Remove the endpoint and its delivery log."""
        ...

    async def may_still_see(self, organization_id: UUID, event_id: UUID, now: datetime) -> bool:
        """False when the event is about another organization's member and no consent in force
        covers it any more, or the member was erased (True for any other event, known or
        not)."""
        ...

    async def had_delivery(
        self, endpoint_id: UUID, event_id: UUID, types: frozenset[EventType]
    ) -> bool:
        """Whether the endpoint ever had a delivery of the event, of one of `types`."""
        ...

    async def redeliver(
        self, endpoint_id: UUID, event_id: UUID, delivery_id: UUID, now: datetime
    ) -> bool:
        """Queue the event again for the endpoint (same webhook-id); False if the endpoint never
        had a delivery of that event."""
        ...


class WebhookQueries(Protocol):
    async def get(self, organization_id: UUID, endpoint_id: UUID) -> WebhookEndpoint | None:
        """One endpoint of the organization, or None."""
        ...

    async def list(self, organization_id: UUID, page: PageRequest) -> Page[WebhookEndpoint]:
        """The organization's endpoints, keyset-paged by id."""
        ...

    async def deliveries(self, endpoint_id: UUID, page: PageRequest) -> Page[Delivery]:
        """The endpoint's deliveries, newest first."""
        ...


class AddressResolver(Protocol):
    async def addresses(self, host: str) -> list[str]:
        """The IP addresses a host name resolves to, in the order to try them (empty if it does
        not resolve)."""
        ...


class WebhookSecretSource(Protocol):
    def new_secret(self) -> str:
        """A new signing secret in the Standard Webhooks form, `whsec_` + base64."""
        ...


class Outbox(Protocol):
    async def append(self, event: Event) -> None:
        """Record an event in the same transaction as the change it describes."""
        ...


class IdempotencyStore(Protocol):
    """Idempotency-Keys outside any unit of work: a request claims its key before it runs."""

    async def claim(
        self, scope_id: UUID, key: str, fingerprint: bytes, now: datetime
    ) -> Claim | StoredResponse:
        """Own the key (committed at once, so that a concurrent retry sees it in flight), or get
        the response stored for it. Raises IdempotencyKeyReused when the key was used with
        another request, IdempotentRequestInFlight (with how long) while that one runs."""
        ...

    async def release(self, claim: Claim) -> None:
        """Give the key up after a failed request, so that a retry runs it again (a completed
        one keeps replaying)."""
        ...

    async def purge_expired(self, now: datetime, batch: int = 1000) -> int:
        """Forget up to `batch` expired keys; how many. Safe from several workers."""
        ...


class IdempotencyRecorder(Protocol):
    """The part of the idempotency store that works inside a unit of work."""

    async def complete(self, claim: Claim, response: StoredResponse) -> None:
        """Store the response with the change, in its transaction; IdempotentRequestInFlight if
        the claim was taken over meanwhile (then nothing of the request is kept)."""
        ...


class EventFeed(Protocol):
    """The events an organization may see, in a stable order."""

    async def after(
        self, viewing: Viewing, cursor: FeedPosition, limit: int, types: list[str] | None
    ) -> list[FeedEvent]:
        """The next events after `cursor` that `viewing.organization_id` may see (of `types`);
        those about another organization's member are recorded as disclosures by the same
        read."""
        ...


class UnitOfWork(Protocol):
    """One transaction. Rolls back on leaving unless commit() was called. Re-entrant: an inner
    `async with` joins the outer transaction, and only the outermost commit is real."""

    @property
    def organizations(self) -> OrganizationRepository: ...

    @property
    def api_keys(self) -> ApiKeyRepository: ...

    @property
    def members(self) -> MemberRepository: ...

    @property
    def outbox(self) -> Outbox: ...

    @property
    def networks(self) -> NetworkRepository: ...

    @property
    def consents(self) -> ConsentRepository: ...

    @property
    def recovery(self) -> RecoveryRepository: ...

    @property
    def milestones(self) -> MilestoneRepository: ...

    @property
    def pledges(self) -> PledgeRepository: ...

    @property
    def referrals(self) -> ReferralRepository: ...

    @property
    def webhooks(self) -> WebhookEndpointRepository: ...

    @property
    def idempotency(self) -> IdempotencyRecorder: ...

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    async def commit(self) -> None:
        """Make everything done in this unit of work durable."""
        ...


class MemberQueries(Protocol):
    """Reads that need no transaction: one statement each, already scoped to the organization."""

    async def get(self, organization_id: UUID, member_id: UUID) -> Member | None:
        """The member if it belongs to this organization, else None."""
        ...

    async def list(
        self, organization_id: UUID, page: PageRequest, external_ref: str | None
    ) -> Page[Member]:
        """The organization's members in id order, after `page.after`."""
        ...


class MilestoneFacts(msgspec.Struct, frozen=True, kw_only=True):
    """Everything a milestones read is computed from, as one snapshot saw it. `periods` (the
    restart history) is empty unless the viewer may see `recovery`."""

    member: Member
    access: Access
    periods: list[ClosedPeriod]
    ladder: Ladder
    announced: list[tuple[date, str, datetime]]
    custom: list[CustomMilestone]
    cheers: list[Cheer]


class FederationQueries(Protocol):
    """Reads across organizations. Each filters by what the viewer may see and, where data
    about a member leaves its home organization, records the disclosure in the same step."""

    async def member_for(self, viewing: Viewing, member_id: UUID) -> tuple[Member, Access] | None:
        """The member and what the viewer may see of it; None if it may see nothing."""
        ...

    async def recovery_for(
        self, viewing: Viewing, member_id: UUID
    ) -> tuple[Member, Access, list[ClosedPeriod]] | None:
        """The member's journey if the viewer is its home organization or holds a consent in
        force covering `recovery` (recorded as a disclosure); else None."""
        ...

    async def milestones_for(self, viewing: Viewing, member_id: UUID) -> MilestoneFacts | None:
        """What the member's milestones are computed from, for the home organization or a
        consent in force covering `milestones` (recorded as a disclosure, with `recovery` and
        `profile` when those are in force too: they decide what else shows). The check, the
        record and the reads share one snapshot: a revocation cannot fall between them."""
        ...

    async def pledges_for(
        self, viewing: Viewing, member_id: UUID, page: PageRequest
    ) -> tuple[Member, Access, Page[tuple[Pledge, list[CheckIn]]]] | None:
        """One page of the member's pledges (in id order) with their check-ins, for the home
        organization or a consent in force covering `pledges` (recorded as a disclosure)."""
        ...

    async def network_for(self, viewer: UUID, network_id: UUID) -> Network | None:
        """The network if the viewer is invited into it or takes part in it."""
        ...

    async def networks_for(
        self, viewer: UUID, page: PageRequest, member_id: UUID | None
    ) -> Page[Network]:
        """The networks the viewer is invited into or takes part in."""
        ...

    async def participants(self, network_id: UUID) -> list[Participation]:
        """Every organization's participation in the network (call after network_for)."""
        ...

    async def memberships_for(
        self, viewing: Viewing, network_id: UUID, page: PageRequest
    ) -> Page[SeenMembership]:
        """The network's memberships with what the viewer may see of each member."""
        ...

    async def consents_of(self, home: UUID, member_id: UUID, page: PageRequest) -> Page[Consent]:
        """The consents a home organization granted for its member."""
        ...

    async def consent_for(self, viewer: UUID, consent_id: UUID) -> Consent | None:
        """A consent the viewer granted or received."""
        ...

    async def disclosures(
        self,
        home: UUID,
        member_id: UUID,
        page: PageRequest,
        since: datetime | None,
        until: datetime | None,
    ) -> Page[Disclosure]:
        """The accounting of disclosures of one member, oldest first."""
        ...


class ApiKeyQueries(Protocol):
    async def find_by_hash(self, secret_hash: bytes) -> ApiKey | None:
        """The key whose secret hashes to `secret_hash`, revoked or not; None if unknown."""
        ...

    async def get(self, organization_id: UUID, key_id: UUID) -> ApiKey | None:
        """One key of this organization, or None."""
        ...

    async def list(self, organization_id: UUID, page: PageRequest) -> Page[ApiKey]:
        """The organization's keys, revoked ones included, in id order."""
        ...
