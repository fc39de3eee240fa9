"""Ports: the Protocols the domain and the use cases work through, one module per aggregate
(adapters satisfy them, and so do the test fakes, without inheriting). Import them from here."""

from __future__ import annotations

from service.domain.ports.conversation import (
    AtCommit,
    ConversationQueries,
    ConversationRepository,
)
from service.domain.ports.engagement import EngagementRepository
from service.domain.ports.events import EventFeed, IdempotencyRecorder, IdempotencyStore, Outbox
from service.domain.ports.federation import (
    ConsentRepository,
    FederationQueries,
    MilestoneFacts,
    NetworkRepository,
)
from service.domain.ports.incidents import (
    AccountingRequestRepository,
    IncidentQueries,
    IncidentRepository,
)
from service.domain.ports.journeys import MilestoneRepository, PledgeRepository, RecoveryRepository
from service.domain.ports.meetings import MeetingQueries, MeetingRepository
from service.domain.ports.members import MemberQueries, MemberRepository
from service.domain.ports.organizations import (
    ApiKeyQueries,
    ApiKeyRepository,
    IntermediaryRepository,
    OrganizationRepository,
)
from service.domain.ports.reach_outs import ReachOutQueries, ReachOutRepository
from service.domain.ports.referrals import ReferralQueries, ReferralRepository
from service.domain.ports.restrictions import RestrictionRepository
from service.domain.ports.system import (
    AddressResolver,
    Clock,
    IdSource,
    TokenSource,
    WebhookSecretSource,
)
from service.domain.ports.unit_of_work import Receipt, UnitOfWork, no_receipt
from service.domain.ports.webhooks import (
    DeliveryLine,
    DeliveryQueue,
    WebhookEndpointRepository,
    WebhookQueries,
    WebhookSender,
)

__all__ = [
    "AccountingRequestRepository",
    "AddressResolver",
    "ApiKeyQueries",
    "ApiKeyRepository",
    "AtCommit",
    "Clock",
    "ConsentRepository",
    "ConversationQueries",
    "ConversationRepository",
    "DeliveryLine",
    "DeliveryQueue",
    "EngagementRepository",
    "EventFeed",
    "FederationQueries",
    "IdSource",
    "IdempotencyRecorder",
    "IdempotencyStore",
    "IncidentQueries",
    "IncidentRepository",
    "IntermediaryRepository",
    "MeetingQueries",
    "MeetingRepository",
    "MemberQueries",
    "MemberRepository",
    "MilestoneFacts",
    "MilestoneRepository",
    "NetworkRepository",
    "OrganizationRepository",
    "Outbox",
    "PledgeRepository",
    "ReachOutQueries",
    "ReachOutRepository",
    "Receipt",
    "RecoveryRepository",
    "ReferralQueries",
    "ReferralRepository",
    "RestrictionRepository",
    "TokenSource",
    "UnitOfWork",
    "WebhookEndpointRepository",
    "WebhookQueries",
    "WebhookSecretSource",
    "WebhookSender",
    "no_receipt",
]
