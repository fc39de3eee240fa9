"""Webhook deliveries as the dispatcher sees them: the endpoint it holds, the delivery at the
head of that endpoint's line, and what one attempt came to."""

from __future__ import annotations

from datetime import timedelta
from uuid import UUID

import msgspec

from service.domain.events import Event
from service.domain.webhooks import Attempt, Delivery, WebhookEndpoint


class ClaimedEndpoint(msgspec.Struct, frozen=True, kw_only=True):
    """An endpoint due for service, held by one worker, with how far it has queued the feed."""

    endpoint: WebhookEndpoint
    cursor_txid: int
    cursor_position: int


class HeadDelivery(msgspec.Struct, frozen=True, kw_only=True):
    """The oldest pending delivery of an endpoint: the next one to send (in order per endpoint)."""

    delivery: Delivery
    event: Event
    allowed: bool  # False: its consent ended since it was queued; not to be sent
    # The consents that let its data about another organization's member go (its notice).
    notice_consents: tuple[UUID, ...] = ()


class Outcome(msgspec.Struct, frozen=True, kw_only=True):
    """What one attempt came to."""

    attempt: Attempt
    retry_after: timedelta | None
    # The body may have reached the receiver: it answered, or went quiet once connected.
    reached: bool = False
