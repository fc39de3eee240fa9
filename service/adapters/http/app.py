"""The Litestar application: routes, error table, OpenAPI description."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

import msgspec
import msgspec.inspect
from litestar import Litestar, Response, Router
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import JsonRenderPlugin
from litestar.openapi.spec import (
    Components,
    OpenAPIHeader,
    OpenAPIMediaType,
    OpenAPIResponse,
    OpenAPIType,
    Parameter,
    Reference,
    Schema,
    SecurityScheme,
    Tag,
)

from service.adapters.http.accounting_document import AccountingDocumentController
from service.adapters.http.accounting_requests import (
    AccountingRequestController,
    MemberAccountingRequestController,
)
from service.adapters.http.consents import ConsentController, MemberConsentController
from service.adapters.http.conversation import (
    CrisisPhraseController,
    MemberPostsController,
    NetworkConversationController,
    PostController,
)
from service.adapters.http.docs_site import DocsController
from service.adapters.http.engagement import ThresholdsController
from service.adapters.http.event_schemas import document_events
from service.adapters.http.events import EventController
from service.adapters.http.examples import document_examples
from service.adapters.http.field_docs import describe_fields
from service.adapters.http.health import live, metrics, ready
from service.adapters.http.idempotency import IF_MATCH_PATTERN
from service.adapters.http.incidents import IncidentController
from service.adapters.http.links import document_links
from service.adapters.http.meetings import (
    MeetingController,
    MemberAttendanceController,
    NetworkMeetingController,
)
from service.adapters.http.members import MemberController
from service.adapters.http.memberships import MembershipController
from service.adapters.http.milestones import LadderController, MilestoneController
from service.adapters.http.networks import NetworkController
from service.adapters.http.organizations import ApiKeyController, OrganizationController
from service.adapters.http.pledges import MemberPledgeController, PledgeController
from service.adapters.http.problems import (
    HTTP_PROBLEMS,
    Unreachable,
    exception_handlers,
    problem_response,
)
from service.adapters.http.reach_outs import (
    MemberReachOutController,
    ReachOutController,
    ReachOutFiguresController,
    ReachOutSettingsController,
)
from service.adapters.http.recovery import RecoveryController
from service.adapters.http.referrals import ReferralController
from service.adapters.http.restrictions import MemberRestrictionController, RestrictionController
from service.adapters.http.services import Services
from service.adapters.http.webhooks import WebhookEndpointController
from service.config import Settings

API_VERSION = "0.1.0"

DESCRIPTION = """\
One federated peer-support network shared by clinics and community recovery apps.

Conventions: JSON with snake_case fields; ids are UUIDs; timestamps RFC 3339 in UTC; local dates
`YYYY-MM-DD`. Errors are RFC 9457 `application/problem+json` with a stable `type`. Lists are
cursor-paged (`limit`, `cursor`; body `{"data": [...], "next_cursor": ...}`). Creating POSTs accept
`Idempotency-Key`. Resources carry `version` and an `ETag`; `If-Match` on writes gives 412 when
stale. Authenticate with `Authorization: Bearer <api key>`; another organization's objects are
404, never 403.
"""


def _schema_not_found_as_problem(response: Response[object]) -> Response[object]:
    """Litestar answers an unknown path under /schema with an HTML page; every other error of
    this service is problem+json, so this one is too."""
    if response.status_code == 404:
        return problem_response(  # type: ignore[return-value]
            HTTP_PROBLEMS[404], "No such document; the contract is at /schema/openapi.json."
        )
    return response


def openapi_config() -> OpenAPIConfig:
    return OpenAPIConfig(
        openapi_router=Router(
            "/schema",
            route_handlers=[],
            include_in_schema=False,
            after_request=_schema_not_found_as_problem,
        ),
        title="Support Network API",
        version=API_VERSION,
        description=DESCRIPTION,
        path="/schema",
        render_plugins=[JsonRenderPlugin()],
        components=Components(
            security_schemes={
                "BearerAuth": SecurityScheme(
                    type="http",
                    scheme="bearer",
                    description="An organization key (`snk_...`) or an operator key (`sno_...`).",
                )
            }
        ),
        tags=[
            Tag(name="organizations", description="Tenants; created by the platform operator."),
            Tag(name="api-keys", description="An organization's own API keys."),
            Tag(name="members", description="People in the network, owned by a home organization."),
            Tag(name="recovery", description="Recovery journeys, restarts and streaks."),
            Tag(name="milestones", description="Milestones, custom milestones and cheers."),
            Tag(name="pledges", description="Pledges, check-ins, streaks."),
            Tag(
                name="conversation",
                description="A network's conversation, in a safe space: so far, the crisis "
                "phrases that flag a post for someone to reach out.",
            ),
            Tag(
                name="reach-outs",
                description="A member asking their circles for support now: supporters "
                "answer, nobody answering in time escalates to the home organization. Not an "
                "emergency service.",
            ),
            Tag(
                name="meetings",
                description="A network's meetings, at a local time in a stated time zone, and "
                "each member's attendance at them.",
            ),
            Tag(
                name="engagement",
                description="Noticing when someone drifts away: a daily evaluation of each "
                "member, signals with their reasons, and their return.",
            ),
            Tag(name="events", description="The feed of events each organization may see."),
            Tag(
                name="incidents",
                description="Suspected breaches and compromised keys, with every disclosure "
                "they touched (42 CFR 2.16).",
            ),
            Tag(
                name="referrals",
                description="Referrals into peer support, followed through the closed loop.",
            ),
            Tag(
                name="webhooks",
                description="Events pushed to the organization's endpoints, signed the "
                "Standard Webhooks way, with retries and a delivery log.",
            ),
            Tag(
                name="networks",
                description="Support networks shared by the organizations taking part in them.",
            ),
            Tag(
                name="consents",
                description="What lets data about a member cross to another organization, and "
                "the accounting of every disclosure.",
            ),
            Tag(name="health", description="Liveness and readiness probes."),
        ],
        use_handler_docstrings=False,
    )


ServicesFactory = Callable[[], AbstractAsyncContextManager[Services]]

# How many container objects (net of those freed) a worker allocates before the cyclic
# collector looks at its youngest generation; Python's default is 700. Under load the
# requests in flight hold thousands of young objects, and each of those collections scanned
# them all and passed them on to the older generations, collected in turn: 11 µs of a GET
# member's worker time and 22 µs of a POST's, with pauses up to 9 ms (bench/README.md, tenth
# stop). At this value one young collection (2.8 ms) ran in 24 s of load. Requests leave
# almost no cycles behind: at most this many objects of garbage wait for a collection.
YOUNG_GENERATION_THRESHOLD = 20_000
# The middle generation is collected at every 4th young collection (Python's default: 10th),
# so that one of its passes scans at most about 100,000 objects that survived, not 220,000:
# a pause of a few ms while a worker's caches fill, not tens.
MIDDLE_GENERATION_THRESHOLD = 4


def keep_the_collector_off_the_request_path() -> None:
    """Once the worker is built: everything made so far lives as long as the process, and
    is frozen out of the collector's full passes, which otherwise stall every request in
    flight; and the younger generations are collected past the thresholds above."""
    gc.collect()
    gc.freeze()
    oldest = gc.get_threshold()[2]
    gc.set_threshold(YOUNG_GENERATION_THRESHOLD, MIDDLE_GENERATION_THRESHOLD, oldest)


def create_app(
    settings: Settings, services_factory: ServicesFactory, unreachable: Unreachable
) -> Litestar:
    """The app. `services_factory` opens the pool and the rest inside the app's event loop;
    `unreachable` tells an exception that means "the database is down" (a 503) from a bug."""

    @asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncIterator[None]:
        async with services_factory() as services:
            app.state.services = services
            keep_the_collector_off_the_request_path()
            yield

    app = Litestar(
        route_handlers=[
            MemberController,
            MemberConsentController,
            ConsentController,
            NetworkController,
            MembershipController,
            RecoveryController,
            MilestoneController,
            LadderController,
            CrisisPhraseController,
            NetworkConversationController,
            PostController,
            MemberPostsController,
            MemberReachOutController,
            ReachOutController,
            ReachOutSettingsController,
            ReachOutFiguresController,
            NetworkMeetingController,
            MeetingController,
            MemberAttendanceController,
            ThresholdsController,
            MemberPledgeController,
            PledgeController,
            EventController,
            ReferralController,
            WebhookEndpointController,
            OrganizationController,
            ApiKeyController,
            IncidentController,
            MemberAccountingRequestController,
            AccountingDocumentController,
            AccountingRequestController,
            MemberRestrictionController,
            RestrictionController,
            DocsController,
            live,
            ready,
            metrics,
        ],
        exception_handlers=exception_handlers(unreachable),
        lifespan=[lifespan],
        openapi_config=openapi_config(),
        request_max_body_size=settings.max_body_bytes,
        logging_config=None,
        debug=False,
    )
    _forbid_unknown_fields_in_contract(app)
    _document_conditional_reads(app)
    _document_header_parameters(app)
    _document_response_headers(app)
    document_events(app.openapi_schema)
    document_links(app.openapi_schema)
    document_examples(app)
    describe_fields(app.openapi_schema)
    _state_cross_field_rules(app)
    return app


def _state_cross_field_rules(app: Litestar) -> None:
    """Rules across fields or items that the schema language can state, stated, so that a
    generated client or validator knows them before the server says so: a ladder names each
    rung once, and a new member's start time needs a start date (a time without one is a 422,
    `recovery_started_time`). An update may give the time alone: the member may have the
    date already, so that rule stays the server's."""
    schemas = app.openapi_schema.components.schemas or {}
    ladder, member = schemas["LadderSpec"], schemas["MemberCreate"]
    if isinstance(ladder, Schema) and ladder.properties:
        rungs = ladder.properties["rungs"]
        if isinstance(rungs, Schema):
            rungs.unique_items = True
    if isinstance(member, Schema):
        member.schema_if = Schema(
            properties={"recovery_started_time": Schema(type=OpenAPIType.STRING)},
            required=["recovery_started_time"],
        )
        member.then = Schema(
            properties={"recovery_started_on": Schema(type=OpenAPIType.STRING)},
            required=["recovery_started_on"],
        )


def _header(description: str, example: str) -> OpenAPIHeader:
    return OpenAPIHeader(
        schema=Schema(type=OpenAPIType.STRING, examples=[example]), description=description
    )


# The response headers every operation may send, declared once and referenced by each answer.
RESPONSE_HEADERS: dict[str, OpenAPIHeader] = {
    "X-Request-ID": _header(
        "The X-Request-ID the caller sent, if well formed (1 to 128 of `A-Za-z0-9._:-`), else "
        "the service's own id of the request. Quote it when asking about a request.",
        "1f3a9c0e5b7d2a4c000000000000002a",
    ),
    "RateLimit": _header(
        "What is left of this key's quota: requests remaining (`r`) and seconds until the "
        "window resets (`t`). On every answer to a request whose key and scope were accepted.",
        '"default";r=5999;t=42',
    ),
    "RateLimit-Policy": _header(
        "The key's quota: requests (`q`) per window of `w` seconds.", '"default";q=6000;w=60'
    ),
    "Retry-After": _header("Seconds to wait before trying again.", "2"),
    "Idempotent-Replayed": _header(
        "`true` when this is the stored answer to an earlier request with the same "
        "Idempotency-Key: nothing was created again.",
        "true",
    ),
    "WWW-Authenticate": _header(
        "How to authenticate: a bearer API key.", 'Bearer realm="support-network"'
    ),
}


def _headers_of(path: str, status: str, keyed: bool) -> list[str]:
    """The headers an answer with `status` to an operation on `path` may carry."""
    names = ["X-Request-ID"]
    if not path.startswith("/health") and status != "401":
        names += ["RateLimit", "RateLimit-Policy"]
    if status in ("409", "429", "503"):
        names.append("Retry-After")
    if status == "401":
        names.append("WWW-Authenticate")
    if status in ("201", "410") and keyed:
        names.append("Idempotent-Replayed")
    return names


# A keyed create replays its stored answer; once the member it names is erased, the replay is a
# 410 (idempotency.py), whatever the operation.
_REPLAY_GONE = OpenAPIResponse(
    description="Gone: the member was erased or the API key revoked, or (on an idempotent "
    "replay, with `Idempotent-Replayed: true`) what the request created was erased.",
    content={
        "application/problem+json": OpenAPIMediaType(
            schema=Reference(ref="#/components/schemas/ProblemDetails")
        )
    },
)


def _document_response_headers(app: Litestar) -> None:
    """Every header the service sends, on every answer that carries it, so that generated
    clients can read them without reaching for the raw response."""
    components = app.openapi_schema.components
    components.headers = {**(components.headers or {}), **RESPONSE_HEADERS}
    for path, item in (app.openapi_schema.paths or {}).items():
        for operation in (item.get, item.put, item.post, item.patch, item.delete):
            if operation is None:
                continue
            keyed = any(
                isinstance(p, Parameter) and p.name == "Idempotency-Key"
                for p in operation.parameters or []
            )
            if keyed and operation.responses is not None and "410" not in operation.responses:
                operation.responses["410"] = OpenAPIResponse(
                    description=_REPLAY_GONE.description, content=_REPLAY_GONE.content
                )
            for status, response in (operation.responses or {}).items():
                if not isinstance(response, OpenAPIResponse):
                    continue
                headers = dict(response.headers or {})
                for name in _headers_of(path, status, keyed):
                    headers[name] = Reference(ref=f"#/components/headers/{name}")
                response.headers = headers


def _document_header_parameters(app: Litestar) -> None:
    """A header is sent or not, never null: an optional header parameter's schema is its
    string branch only (Litestar writes `oneOf: [string, null]` for `str | None`, and clients
    and fuzzers then send the text "null"). If-Match is required where its absence is a 428:
    on what more than one organization can change."""
    for item in (app.openapi_schema.paths or {}).values():
        for operation in (item.get, item.put, item.post, item.patch, item.delete):
            if operation is None:
                continue
            for parameter in operation.parameters or []:
                if not isinstance(parameter, Parameter) or parameter.param_in != "header":
                    continue
                schema = parameter.schema
                if isinstance(schema, Schema) and schema.one_of:
                    strings = [
                        branch
                        for branch in schema.one_of
                        if isinstance(branch, Schema) and branch.type is not OpenAPIType.NULL
                    ]
                    if len(strings) == 1:
                        schema.type = strings[0].type
                        schema.one_of = None
                if parameter.name == "If-Match":
                    # A plain string, its grammar in the description: schemathesis (and other
                    # generators) know If-Match's RFC 9110 form for a plain string header, and
                    # mis-generate one constrained by a regex.
                    parameter.schema = Schema(type=OpenAPIType.STRING)
                    parameter.description = (
                        f"{parameter.description} Form (RFC 9110 §13.1.1): "
                        f"`{IF_MATCH_PATTERN}`; anything else is a 400."
                    )
                    if "428" in (operation.responses or {}):
                        parameter.required = True


def _document_conditional_reads(app: Litestar) -> None:
    """Every read that answers an ETag honours If-None-Match (request_context.py answers the
    304): say so on each of those operations."""
    for item in (app.openapi_schema.paths or {}).values():
        operation = item.get
        if operation is None or operation.responses is None:
            continue
        ok = operation.responses.get("200")
        if not isinstance(ok, OpenAPIResponse) or "ETag" not in (ok.headers or {}):
            continue
        operation.parameters = [
            *(operation.parameters or []),
            Parameter(
                name="If-None-Match",
                param_in="header",
                required=False,
                schema=Schema(type=OpenAPIType.STRING),
                description='ETags you hold, e.g. `"3"` (weak tags match too), or `*`: if one '
                "is current, the answer is 304 with no body.",
            ),
        ]
        operation.responses["304"] = OpenAPIResponse(
            description="Not modified: the ETag sent in If-None-Match is current.",
            headers={
                "ETag": OpenAPIHeader(
                    schema=Schema(type=OpenAPIType.STRING),
                    description="The resource's current version.",
                )
            },
        )


def _request_bodies() -> list[type[msgspec.Struct]]:
    """The request bodies of this adapter, wherever they are defined."""
    return [
        struct
        for struct in _subclasses(msgspec.Struct)
        if struct.__module__.startswith(__name__.rsplit(".", 1)[0])
        and struct.__struct_config__.forbid_unknown_fields
    ]


def _forbid_unknown_fields_in_contract(app: Litestar) -> None:
    """Litestar does not carry msgspec's forbid_unknown_fields into the document; say it there
    too, so that generated clients and contract tests know unknown fields are refused. Nor
    does it carry the bounds of a list's string items (a crisis phrase's length and pattern):
    those are stated here too, from the Struct's own annotations."""
    components = app.openapi_schema.components.schemas or {}
    for struct in _request_bodies():
        schema = components.get(struct.__name__)
        if not isinstance(schema, Schema):
            continue
        schema.additional_properties = False
        info = msgspec.inspect.type_info(struct)
        if not isinstance(info, msgspec.inspect.StructType):
            continue
        for field in info.fields:
            item = _bounded_string_item(field.type)
            prop = (schema.properties or {}).get(field.encode_name)
            if item is not None and isinstance(prop, Schema) and isinstance(prop.items, Schema):
                prop.items.min_length = item.min_length
                prop.items.max_length = item.max_length
                prop.items.pattern = item.pattern


def _bounded_string_item(kind: msgspec.inspect.Type) -> msgspec.inspect.StrType | None:
    """The item type of a list of bounded strings (also when the list may be null)."""
    inspect = msgspec.inspect
    if isinstance(kind, inspect.UnionType):
        kinds = [k for k in kind.types if not isinstance(k, inspect.NoneType)]
        if len(kinds) != 1:
            return None
        kind = kinds[0]
    if isinstance(kind, inspect.ListType) and isinstance(kind.item_type, inspect.StrType):
        item = kind.item_type
        if item.min_length or item.max_length is not None or item.pattern:
            return item
    return None


def _subclasses(root: type[msgspec.Struct]) -> set[type[msgspec.Struct]]:
    found: set[type[msgspec.Struct]] = set()
    pending: list[type[msgspec.Struct]] = [root]
    while pending:
        for sub in pending.pop().__subclasses__():
            if sub not in found:
                found.add(sub)
                pending.append(sub)
    return found
