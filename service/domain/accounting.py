"""The accounting of disclosures the home organization owes the member (42 CFR 2.24, 2.25):
what each entry says, in words a member can read."""

from __future__ import annotations

import enum
from datetime import datetime
from uuid import UUID

import msgspec

from service.domain.consent import DataScope


class Disclosure(msgspec.Struct, frozen=True, kw_only=True):
    """One time data about a member went to another organization: the accounting of
    disclosures the home organization owes the member."""

    id: UUID
    position: int
    member_id: UUID
    recipient_organization_id: UUID
    consent_ids: tuple[UUID, ...]
    scopes: frozenset[DataScope]
    operation: str
    # The service's own id of the request; the id the caller sent (X-Request-ID), if any, apart.
    request_id: str
    disclosed_at: datetime
    client_request_id: str | None = None
    # Who read with which API key (none for webhook deliveries, or records made before keys
    # were recorded), the recipient's name as it is now, the purposes its consents state.
    key_id: UUID | None = None
    recipient_name: str | None = None
    purposes: tuple[str, ...] = ()
    recipient_address: str | None = None
    # The intermediary a consent to it let the data reach this recipient through, if any.
    intermediary_organization_id: UUID | None = None
    intermediary_name: str | None = None


class Channel(enum.StrEnum):
    """How the data went: an API read, the events feed, a webhook delivery."""

    API = "api"
    EVENT_FEED = "event_feed"
    WEBHOOK = "webhook"


def channel_of(operation: str) -> Channel:
    if operation == "webhookDelivery":
        return Channel.WEBHOOK
    if operation == "listEvents":
        return Channel.EVENT_FEED
    return Channel.API


_WORDS = {
    DataScope.PROFILE: "name, time zone and contact details",
    DataScope.RECOVERY: "recovery start date and journey",
    DataScope.MILESTONES: "milestones reached and cheers",
    DataScope.PLEDGES: "pledges and check-ins",
    DataScope.NETWORKS: "membership of a support network",
    DataScope.CONVERSATION: "posts and replies in a support network's conversation",
    DataScope.REACH_OUTS: "reach-outs for support: when, how urgent, the message, the answers",
    DataScope.MEETINGS: "attendance at a support network's meetings",
    DataScope.ENGAGEMENT: "signals of drifting away from support, and of returning",
}


# The reads that show a circle: what they disclose is the name of the member's circle.
CIRCLE_READS = frozenset({"getNetwork", "listNetworks", "updateNetwork"})


def disclosed_in_words(disclosure: Disclosure) -> str:
    """What went, as a member would say it: the scopes' data, or, for a referral (the one kind
    of disclosure that shows no scope of the member's record), who was referred and why, or
    for a circle read, its name (which may name the member)."""
    if not disclosure.scopes:
        return "a referral: who was referred, and why"
    if disclosure.operation in CIRCLE_READS:
        return "the name and description of their support circle"
    return "; ".join(_WORDS[s] for s in sorted(disclosure.scopes))


class Viewing(msgspec.Struct, frozen=True, kw_only=True):
    """Who is reading (and with which API key), and which request: what a disclosure record
    needs."""

    organization_id: UUID
    now: datetime
    request_id: str
    operation: str
    client_request_id: str | None = None
    key_id: UUID | None = None
