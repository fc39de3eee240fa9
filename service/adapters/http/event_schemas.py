"""Typed events: one payload schema per event type, and the event itself as a union tagged by
`type`, as the feed returns it and webhooks deliver it (one wire shape for both). Generated
clients then get a typed `data` for each kind of event.

The wire is what service.domain.events.EventView encodes; `typed` reads it into these types.
tests/integration/test_typed_events.py holds the two together: every event a scenario makes
reads into its type and writes back the same JSON."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Literal, Union, cast
from uuid import UUID

import msgspec
from litestar.openapi.spec import (
    Discriminator,
    OpenAPI,
    OpenAPIMediaType,
    OpenAPIResponse,
    OpenAPIType,
    Operation,
    Parameter,
    PathItem,
    Reference,
    RequestBody,
    Schema,
)
from msgspec import Meta

from service.adapters.http.disclosure_schemas import DisclosureNoticeView
from service.domain.events import EventType, EventView

logger = logging.getLogger("service.events")

Scopes = Annotated[list[str], Meta(description="Scope names, sorted.")]


# The data of each kind of event: thin (ids, and the names of what changed); read the resource
# for the rest. A field marked optional may be absent: a reader without the consent that
# covers it gets the event without it.


@dataclass
class _OpenEnum(Schema):
    """An enum the contract marks open (`x-open-enum`): tools/contract_diff.py lets it gain
    values, as the versioning policy lets /v1 gain event types."""

    open_enum: bool = field(default=True, metadata={"alias": "x-open-enum"})


class MemberData(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    member_id: UUID
    version: int


class MemberUpdatedData(MemberData, frozen=True, kw_only=True):
    changed_fields: list[str]


class OrganizationData(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    organization_id: UUID
    kind: str


class ApiKeyData(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    api_key_id: UUID
    scopes: Scopes


class NetworkData(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    network_id: UUID


class NetworkCreatedData(NetworkData, frozen=True, kw_only=True):
    kind: Literal["circle", "group"]


class NetworkOrganizationData(NetworkData, frozen=True, kw_only=True):
    organization_id: UUID


class MembershipData(NetworkData, frozen=True, kw_only=True):
    membership_id: UUID
    # The membership's role after the change (absent when an organization's leaving ended
    # its members' memberships), and its status when it changed (not on `membership_added`).
    role: str | msgspec.UnsetType = msgspec.UNSET
    status: str | msgspec.UnsetType = msgspec.UNSET


class ConsentData(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    consent_id: UUID
    member_id: UUID
    scopes: Scopes
    # The organization the consent names; absent for a consent to a class of recipients.
    recipient_organization_id: UUID | msgspec.UnsetType = msgspec.UNSET
    recipient_class: str | msgspec.UnsetType = msgspec.UNSET
    # Why it ended, when it was not its expiry date: `member_erased`, `treatment_ended`.
    reason: str | msgspec.UnsetType = msgspec.UNSET


class MilestoneReachedData(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    member_id: UUID
    # `<period start>.<rung>` (or a custom milestone's id); absent for a reader whose consent
    # does not cover `recovery`, since it names the start of the member's recovery period.
    milestone_key: str | msgspec.UnsetType = msgspec.UNSET
    label: str | msgspec.UnsetType = msgspec.UNSET


class MilestoneCheeredData(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    member_id: UUID
    cheer_id: UUID
    milestone_key: str | msgspec.UnsetType = msgspec.UNSET


class PledgeData(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    pledge_id: UUID
    member_id: UUID


class PledgeCheckedInData(PledgeData, frozen=True, kw_only=True):
    period_start: date
    outcome: str


class PledgeMissedData(PledgeData, frozen=True, kw_only=True):
    period_start: date


class ReferralData(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    referral_id: UUID
    sender_organization_id: UUID
    receiver_organization_id: UUID
    status: str
    version: int
    # The person referred: absent for a receiver without a consent in force from them.
    member_id: UUID | msgspec.UnsetType = msgspec.UNSET
    from_status: str | msgspec.UnsetType = msgspec.UNSET


class EndpointDisabledData(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    endpoint_id: UUID
    reason: str


class IncidentData(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    incident_id: UUID
    kind: str


class PostData(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A post or reply: which, in which network, by which member. Never its words: read the
    post (GET /v1/posts/{post_id}), a read accounted like any other."""

    post_id: UUID
    network_id: UUID
    member_id: UUID
    kind: str
    version: int


class PostReportedData(PostData, frozen=True, kw_only=True):
    report_id: UUID
    reason: str


class PostHiddenData(PostData, frozen=True, kw_only=True):
    action: str


class PostCrisisFlaggedData(PostData, frozen=True, kw_only=True):
    matched_phrases: list[str]


class ReachOutData(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A reach-out: whose, how urgent, the circles it asked. Never its message: read the
    reach-out (GET /v1/reach-outs/{reach_out_id}), a read accounted like any other."""

    member_id: UUID
    urgency: str
    circle_ids: list[UUID]


class ReachOutOpenedData(ReachOutData, frozen=True, kw_only=True):
    asked: Annotated[
        list[UUID],
        Meta(description="The receiving organization's own members asked to respond."),
    ]


class ReachOutAnsweredData(ReachOutData, frozen=True, kw_only=True):
    kind: str
    seconds_to_answer: int


class ReachOutClosedData(ReachOutData, frozen=True, kw_only=True):
    outcome: str


class MeetingScheduledData(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A meeting of a network (the event's `subject_id`): read it for its title and times."""

    network_id: UUID
    repeat: str


class MeetingCancelledData(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    network_id: UUID
    local_date: date


class AttendanceRecordedData(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A member's attendance at one occurrence, recorded or corrected (`version` above 1)."""

    member_id: UUID
    network_id: UUID
    meeting_id: UUID
    local_date: date
    status: str
    version: int


class DisengagementSignalData(
    msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True
):
    """Something was noticed that may mean the member is drifting away: for someone to reach
    out, never a judgement."""

    member_id: UUID
    since: date
    reasons: list[str]
    descriptions: list[str]


class ReengagedData(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """None of the reasons of the signal raised on `since` holds any more."""

    member_id: UUID
    since: date
    reasons: list[str]


class _Event(
    msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True, tag_field="type"
):
    """An event: who acted (`organization_id`), on what (`subject_type`, `subject_id`), when;
    `disclosure` when it carries data about another organization's member (42 CFR 2.32)."""

    id: UUID
    occurred_at: datetime
    organization_id: UUID
    subject_type: str
    subject_id: UUID
    disclosure: DisclosureNoticeView | None = None


def _event(event_type: EventType, data: type[msgspec.Struct]) -> type[_Event]:
    name = "".join(part.capitalize() for part in event_type.value.replace(".", "_").split("_"))
    variant: type[_Event] = msgspec.defstruct(  # type: ignore[assignment]
        f"{name}Event",
        [("data", data)],
        bases=(_Event,),
        tag=event_type.value,
        frozen=True,
        kw_only=True,
        module=__name__,
    )
    return variant


EVENT_DATA: dict[EventType, type[msgspec.Struct]] = {
    EventType.MEMBER_CREATED: MemberData,
    EventType.MEMBER_UPDATED: MemberUpdatedData,
    EventType.MEMBER_ERASED: MemberData,
    EventType.ORGANIZATION_CREATED: OrganizationData,
    EventType.API_KEY_CREATED: ApiKeyData,
    EventType.API_KEY_REVOKED: ApiKeyData,
    EventType.NETWORK_CREATED: NetworkCreatedData,
    EventType.NETWORK_UPDATED: NetworkData,
    EventType.NETWORK_ARCHIVED: NetworkData,
    EventType.NETWORK_ORGANIZATION_INVITED: NetworkOrganizationData,
    EventType.NETWORK_ORGANIZATION_JOINED: NetworkOrganizationData,
    EventType.NETWORK_ORGANIZATION_DECLINED: NetworkOrganizationData,
    EventType.NETWORK_ORGANIZATION_LEFT: NetworkOrganizationData,
    EventType.NETWORK_MEMBERSHIP_ADDED: MembershipData,
    EventType.NETWORK_MEMBERSHIP_CHANGED: MembershipData,
    EventType.NETWORK_MEMBERSHIP_REMOVED: MembershipData,
    EventType.CONSENT_GRANTED: ConsentData,
    EventType.CONSENT_REVOKED: ConsentData,
    EventType.CONSENT_EXPIRED: ConsentData,
    EventType.RECOVERY_RESTARTED: MemberData,
    EventType.MILESTONE_REACHED: MilestoneReachedData,
    EventType.MILESTONE_CHEERED: MilestoneCheeredData,
    EventType.PLEDGE_CREATED: PledgeData,
    EventType.PLEDGE_CHECKED_IN: PledgeCheckedInData,
    EventType.PLEDGE_MISSED: PledgeMissedData,
    EventType.REFERRAL_CREATED: ReferralData,
    EventType.REFERRAL_STATUS_CHANGED: ReferralData,
    EventType.WEBHOOK_ENDPOINT_DISABLED: EndpointDisabledData,
    EventType.INCIDENT_OPENED: IncidentData,
    EventType.INCIDENT_CLOSED: IncidentData,
    EventType.POST_CREATED: PostData,
    EventType.POST_REPLIED: PostData,
    EventType.POST_REPORTED: PostReportedData,
    EventType.POST_HIDDEN: PostHiddenData,
    EventType.POST_CRISIS_FLAGGED: PostCrisisFlaggedData,
    EventType.REACH_OUT_OPENED: ReachOutOpenedData,
    EventType.REACH_OUT_ANSWERED: ReachOutAnsweredData,
    EventType.REACH_OUT_ESCALATED: ReachOutData,
    EventType.REACH_OUT_CLOSED: ReachOutClosedData,
    EventType.MEETING_SCHEDULED: MeetingScheduledData,
    EventType.MEETING_CANCELLED: MeetingCancelledData,
    EventType.ATTENDANCE_RECORDED: AttendanceRecordedData,
    EventType.MEMBER_DISENGAGEMENT_SIGNAL: DisengagementSignalData,
    EventType.MEMBER_REENGAGED: ReengagedData,
}

EVENT_TYPES: dict[EventType, type[_Event]] = {t: _event(t, d) for t, d in EVENT_DATA.items()}

if TYPE_CHECKING:
    AnyEvent = _Event
else:
    # Every event, tagged by `type` (the contract's oneOf, with its discriminator).
    AnyEvent = Union[tuple(EVENT_TYPES.values())]  # noqa: UP007 (built from the table)

_DECODER = msgspec.json.Decoder(AnyEvent)


def typed(view: EventView) -> AnyEvent:
    """The event as its type's schema reads it (the same JSON on the wire). One that does not
    fit its schema is a bug (tests/integration/test_typed_events.py looks for it): it is
    logged and goes out as it is, rather than stopping the feed at it."""
    try:
        decoded: AnyEvent = _DECODER.decode(msgspec.json.encode(view))
    except msgspec.ValidationError as error:
        logger.error("event %s of type %s does not fit its schema: %s", view.id, view.type, error)
        # The same wire shape, untyped: what the feed gave before events had schemas.
        return cast("AnyEvent", view)
    return decoded


def document_events(schema: OpenAPI) -> None:
    """Name the union (`Event`, with its discriminator on `type`), give `types` the enum of
    event types, and declare each webhook delivery (OpenAPI 3.1 `webhooks`)."""
    components = schema.components
    schemas = components.schemas if components.schemas is not None else {}
    mapping = {t.value: f"#/components/schemas/{v.__name__}" for t, v in EVENT_TYPES.items()}
    schemas["Event"] = Schema(
        one_of=[Reference(ref=ref) for ref in mapping.values()],
        discriminator=Discriminator(property_name="type", mapping=mapping),
        description="An event, as the feed returns it and a webhook delivers it; its `data` "
        "has the schema of its `type`. New types of event may be added within /v1 (see the "
        "versioning guide): ignore an event whose `type` you do not know.",
    )
    schemas["EventType"] = _OpenEnum(
        type=OpenAPIType.STRING,
        enum=[t.value for t in EventType],
        description="The kinds of event. Open: new kinds may come within /v1 (the versioning "
        "policy), so a client should pass over a kind it does not know.",
    )
    event_list = schemas["EventList"]
    if isinstance(event_list, Schema) and event_list.properties is not None:
        event_list.properties["data"] = Schema(
            type=OpenAPIType.ARRAY, items=Reference(ref="#/components/schemas/Event")
        )
    feed = (schema.paths or {})["/v1/events"].get
    for parameter in (feed.parameters or []) if feed is not None else []:
        if isinstance(parameter, Parameter) and parameter.name == "types":
            parameter.schema = Schema(
                type=OpenAPIType.ARRAY,
                items=Reference(ref="#/components/schemas/EventType"),
                min_items=1,
                max_items=len(EventType),
                unique_items=True,
            )
            parameter.style = "form"
            parameter.explode = True
            parameter.description = (
                "Only these kinds of event: `?types=member.created&types=consent.revoked` "
                "(the server also takes them comma-separated in one parameter)."
            )
    schema.webhooks = {
        t.value: PathItem(post=_delivery(t, v.__name__)) for t, v in EVENT_TYPES.items()
    }


_DELIVERY_HEADERS = (
    ("webhook-id", True, "The event's id: the same for every retry and redelivery."),
    ("webhook-timestamp", True, "When this attempt was signed, in seconds since the epoch."),
    (
        "webhook-signature",
        True,
        '`v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">` with the '
        "endpoint's secret, one per secret, space-separated (Standard Webhooks; see "
        "/docs/guides/webhooks for test vectors).",
    ),
    (
        "Disclosure-Notice",
        False,
        "With data about another organization's member: the 42 CFR 2.32 notice.",
    ),
    ("Security-Labels", False, "With such data: the HL7 DS4P labels, comma-separated."),
)


def _delivery(event_type: EventType, schema_name: str) -> Operation:
    return Operation(
        operation_id=f"deliver_{event_type.value.replace('.', '_')}",
        summary=f"A `{event_type.value}` event delivered to a webhook endpoint",
        description="A POST to the endpoint's URL, signed the Standard Webhooks way. Answer "
        "2xx; anything else is retried (a 410 disables the endpoint).",
        tags=["webhooks"],
        parameters=[
            Parameter(
                name=name,
                param_in="header",
                required=required,
                schema=Schema(type=OpenAPIType.STRING),
                description=description,
            )
            for name, required, description in _DELIVERY_HEADERS
        ],
        request_body=RequestBody(
            required=True,
            content={
                "application/json": OpenAPIMediaType(
                    schema=Reference(ref=f"#/components/schemas/{schema_name}")
                )
            },
        ),
        responses={
            "2XX": OpenAPIResponse(description="Received; the delivery is done."),
            "410": OpenAPIResponse(description="Gone: the endpoint is disabled at once."),
        },
    )
