"""The Support Network API for Python: a thin layer over the client openapi-python-client
generates from the contract (`support_network_api`, never edited by hand).

    from support_network_api.api.members import create_member, list_members
    from support_network_api.models import MemberCreate
    from support_network_sdk import connect, pages, unwrap

    client = connect("https://api.example.org", token)
    member = unwrap(create_member.sync_detailed(client=client, body=MemberCreate(...)))
    for each in pages(lambda cursor: list_members.sync_detailed(client=client, cursor=cursor)):
        ...

What it adds: every failure raised as an `ApiError` (a subclass per status) carrying the
problem; an `Idempotency-Key` on every POST unless given; whole lists without cursor loops;
updates under If-Match from the last read, retried when someone else got there first; and the
webhook signature check; and the events feed read so that a kind of event this SDK does not
know yet comes as an `UnknownEvent` (`events`, `read_feed`).
"""

from support_network_sdk.errors import (
    ApiError,
    BadRequest,
    Conflict,
    Forbidden,
    Gone,
    NotFound,
    PreconditionFailed,
    PreconditionRequired,
    RateLimited,
    ServiceUnavailable,
    Unauthorized,
    UnprocessableContent,
)
from support_network_sdk.events import FeedPage, UnknownEvent, events, read_feed
from support_network_sdk.sdk import (
    Page,
    Versioned,
    connect,
    pages,
    unwrap,
    update_with_etag,
    versioned,
)
from support_network_sdk.webhooks import WebhookVerificationError, verify_webhook

__all__ = [
    "ApiError",
    "BadRequest",
    "Conflict",
    "FeedPage",
    "Forbidden",
    "Gone",
    "NotFound",
    "Page",
    "PreconditionFailed",
    "PreconditionRequired",
    "RateLimited",
    "ServiceUnavailable",
    "Unauthorized",
    "UnknownEvent",
    "UnprocessableContent",
    "Versioned",
    "WebhookVerificationError",
    "connect",
    "events",
    "pages",
    "read_feed",
    "unwrap",
    "update_with_etag",
    "verify_webhook",
    "versioned",
]
