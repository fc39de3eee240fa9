"""`Idempotency-Key` for creating POSTs.

A retry with the same key and body gets the first response again (same status, body, ETag and
Location, plus `Idempotent-Replayed: true`); the same key with another body is a 422; while the
first request still runs, a 409. Keys are scoped to the caller's organization (an operator key
is its own scope) and kept for Settings.idempotency_ttl_seconds."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
from collections.abc import Awaitable, Callable
from typing import Annotated, Any, Generic, Self, TypeVar, cast
from uuid import UUID

import msgspec
from litestar import Request, Response
from litestar.exceptions import ValidationException
from litestar.params import HeaderParameter

from service.adapters.http.auth import caller_of
from service.adapters.http.problems import GONE, problem_response
from service.adapters.http.services import services_of
from service.domain.errors import Precondition
from service.domain.idempotency import AnswerAlreadyStored, Claim, StoredResponse
from service.domain.organizations import Caller
from service.domain.ports import Receipt, UnitOfWork, no_receipt

logger = logging.getLogger(__name__)

T = TypeVar("T", bound=msgspec.Struct)
R = TypeVar("R")

IdempotencyKey = Annotated[
    str | None,
    HeaderParameter(
        name="Idempotency-Key",
        required=False,
        min_length=1,
        max_length=255,
        pattern=r"^[\x21-\x7e]+$",
        description="Makes a retry of this request safe: the same key and body return the first "
        "response; another body with the same key is a 422. Kept for 24 hours.",
    ),
]

# One entity-tag, strong or weak (RFC 9110 §8.8.3), and a list of them or `*`: what the contract
# states (in ASCII; the parser below also takes obs-text, which never names one of our tags).
# expected_version() enforces it, with a 400 naming the header.
_ENTITY_TAG = r'(?:W/)?"[\x21\x23-\x7e]*"'
IF_MATCH_PATTERN = rf"^\s*(?:\*|{_ENTITY_TAG}(?:\s*,\s*{_ENTITY_TAG})*)\s*$"

IfMatch = Annotated[
    str | None,
    HeaderParameter(
        name="If-Match",
        required=False,
        max_length=1024,
        description='The ETag last read, e.g. `"3"` (or a list of them, or `*`); the write is '
        "refused with 412 if the resource changed since. Required (428 without it) where "
        "another organization can change the resource too.",
    ),
]


class Created(msgspec.Struct, Generic[T], frozen=True, kw_only=True):
    body: T
    headers: dict[str, str]
    resource_id: UUID | None = None
    # What a replay returns instead of `body`, when the body carries a secret shown only once.
    replay_body: msgspec.Struct | None = None

    @classmethod
    def of(
        cls,
        body: T,
        *,
        version: int | None = None,
        location: str | None = None,
        resource_id: UUID | None = None,
        replay_body: msgspec.Struct | None = None,
    ) -> Created[T]:
        """What a creating request answers: its `version` as the ETag, `location` as the
        Location, and the `resource_id` an idempotent replay checks is still there."""
        headers = {} if version is None else {"ETag": etag(version)}
        if location is not None:
            headers["Location"] = location
        return cls(body=body, headers=headers, resource_id=resource_id, replay_body=replay_body)


_TAGS = re.compile(r'\s*(W/)?"([\x21\x23-\x7e\x80-\xff]*)"\s*(?:,|$)')
# Our tags: the version, and for a view that narrows the resource for its reader (a circle
# under its neutral name), a word after it; a write is guarded by the version either way.
_OUR_VERSION = re.compile(r"([0-9]{1,10})(?:-[a-z]{1,20})?", re.ASCII)


def expected_version(if_match: str | None) -> Precondition | None:
    """The versions an If-Match names (RFC 9110 §13.1.1), None for no precondition. Strong
    comparison: a weak tag never matches, nor does a tag that is not one of ours; `*` asks
    only that the resource exists. A value not of that form is a 400 naming the header."""
    if if_match is None:
        return None
    value = if_match.strip()
    if value == "*":
        return Precondition(any_version=True)
    versions: set[int] = set()
    position = 0
    # An empty value is an empty list of tags (RFC 9110 §5.6.1): it names no version, so the
    # precondition fails (412), as for any tag that is not current.
    while position < len(value):
        tag = _TAGS.match(value, position)
        if tag is None or tag.end() == position:
            raise ValidationException(
                'If-Match must be `*` or entity tags such as `"3"`, comma-separated.',
                extra=[{"key": "If-Match", "message": 'Use the form "<version>" (the ETag).'}],
            )
        weak, opaque = tag.group(1), tag.group(2)
        ours = None if weak else _OUR_VERSION.fullmatch(opaque)
        if ours is not None:
            versions.add(int(ours.group(1)))
        position = tag.end()
    return Precondition(versions=frozenset(versions))


def etag(version: int) -> str:
    return f'"{version}"'


def _canonical(body: bytes) -> bytes:
    """The same JSON document whatever its spacing or key order; the body was already
    validated, so it decodes."""
    try:
        return msgspec.json.encode(msgspec.json.decode(body), order="sorted")
    except msgspec.DecodeError:
        return body


def _scope_id(caller: Caller) -> Any:
    return caller.organization_id if caller.organization_id is not None else caller.key_id


async def create_idempotently(
    request: Request[Any, Any, Any],
    key: str | None,
    *,
    create: Callable[[UnitOfWork, Receipt[R]], Awaitable[R]],
    present: Callable[[R], Created[T]],
) -> Response[Any]:
    """Run a creating use case (`create`, given a unit of work and a receipt) and answer 201
    with what `present` makes of its result. With an Idempotency-Key the unit of work holds
    the key from its first statement (the commit, for a use case that only writes) until its
    end, and the receipt stores the answer in the use case's own transaction, just before its
    commit: the change and its stored answer commit together. A key already answered is
    replayed, from that first statement on."""
    services = services_of(request)
    if key is None:
        created = present(await create(services.uow(), no_receipt))
        return Response(created.body, status_code=201, headers=created.headers)

    fingerprint = hashlib.sha256(
        request.method.encode()
        + b" "
        + request.url.path.encode()
        + b"\n"
        + _canonical(await request.body())
    ).digest()
    # The deadline bounds how long the key is held (the transaction ends with the request).
    async with asyncio.timeout(services.settings.idempotent_request_deadline_seconds):
        uow = services.uow()
        async with uow:
            try:
                claim = await uow.idempotency.hold(
                    _scope_id(caller_of(request)), key, fingerprint, services.clock.now()
                )
                answer = _StoredAnswer(claim, present)
                await create(cast(UnitOfWork, AnswerBeforeCommit(uow, answer)), answer.keep)
            except AnswerAlreadyStored as stored:
                return _replay(stored.response)
            except Exception:
                # If the use case failed before sending any statement, the key was not looked
                # at yet: an answer stored for it wins over this failure.
                try:
                    await uow.idempotency.settle()
                except AnswerAlreadyStored as stored:
                    return _replay(stored.response)
                raise
    return answer.response()


def _replay(stored: StoredResponse) -> Response[Any]:
    if stored.body is None:
        return problem_response(
            GONE,
            "What this request created has since been erased or deleted; it is gone.",
            headers={"Idempotent-Replayed": "true"},
        )
    return Response(
        stored.body,
        status_code=stored.status,
        headers={**stored.headers, "Idempotent-Replayed": "true"},
        media_type="application/json",
    )


class AnswerBeforeCommit:
    """The unit of work a creating use case gets under an Idempotency-Key: already open (the
    key is held with it), so entering and leaving it are left to the request, which rolls back
    whatever was not committed. Its commit does not go through before the receipt stored the
    answer. A use case that forgot to call its receipt then fails, and its change rolls back
    and the key is let go, instead of committing a change that no retry could find (a retry
    would create it a second time)."""

    def __init__(self, uow: UnitOfWork, answer: _StoredAnswer[Any, Any]) -> None:
        self._uow = uow
        self._answer = answer

    def __getattr__(self, name: str) -> Any:
        return getattr(self._uow, name)  # the repositories

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *raised: Any) -> None:
        pass

    async def commit(self) -> None:
        if not self._answer.kept:
            raise RuntimeError("a creating use case committed without calling its receipt")
        await self._uow.commit()


class _StoredAnswer(Generic[R, T]):
    """The receipt of a request with an Idempotency-Key: presents the use case's result and
    stores that answer under the claimed key, in the use case's transaction."""

    def __init__(self, claim: Claim, present: Callable[[R], Created[T]]) -> None:
        self._claim = claim
        self._present = present
        self._answer: tuple[Created[T], bytes] | None = None

    async def keep(self, uow: UnitOfWork, result: R) -> None:
        created = self._present(result)
        # Encoded once: the answer, and the stored copy unless a replay shows another body.
        body = msgspec.json.encode(created.body)
        stored = body if created.replay_body is None else msgspec.json.encode(created.replay_body)
        await uow.idempotency.complete(
            self._claim,
            StoredResponse(
                status=201, headers=created.headers, body=stored, resource_id=created.resource_id
            ),
        )
        self._answer = (created, body)

    @property
    def kept(self) -> bool:
        return self._answer is not None

    def response(self) -> Response[Any]:
        if self._answer is None:  # AnswerBeforeCommit lets no such commit through
            raise RuntimeError("a creating use case committed without calling its receipt")
        created, body = self._answer
        return Response(
            body, status_code=201, headers=created.headers, media_type="application/json"
        )
