"""Recipients by class and through an intermediary, decided by the domain and by the SQL side
by side: random consents naming the reader, someone else, a class of organizations, or an
intermediary with named or described participants; a reader that is or is not a clinic, does or
does not support the member in a network, does or does not take part in the intermediary. What
`read_access` decides for each cross-organization read of a member (Consent.reaches for who a
consent reaches) must be exactly what the read shows, and the disclosure it records."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import timedelta
from typing import Any, Literal, get_args
from uuid import UUID, uuid4

import msgspec
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from service.adapters.postgres.federation_queries import PostgresFederationQueries
from service.adapters.postgres.pool import FairPool, open_pool
from service.adapters.postgres.unit_of_work import PostgresUnitOfWork
from service.adapters.system import SystemClock, UuidV7Source
from service.domain.accounting import Viewing
from service.domain.consent import Access, Consent, DataScope, Reader, read_access
from service.domain.consent_form import RecipientClass
from service.domain.intermediaries import IntermediaryParticipant
from service.domain.members import Member
from service.domain.networks import (
    Membership,
    MembershipStatus,
    Network,
    NetworkKind,
    NetworkStatus,
    Participation,
    ParticipationStatus,
    Role,
)
from service.domain.organizations import OrganizationKind
from tests.integration.test_consent_agreement import (
    NOW,
    READS,
    ConsentDraw,
    _add_consents,
    _consent,
    _examples,
    _group_with,
    _read,
    consents,
)
from tests.support.builders import stored_organization

To = Literal["named", "supporting", "treating", "via_named", "via_other", "via_treating"]
RECIPIENTS: list[To] = ["named", "supporting", "treating", "via_named", "via_other", "via_treating"]


class Orgs(msgspec.Struct, frozen=True, kw_only=True):
    runner: asyncio.Runner
    pool: FairPool
    home: UUID
    peer: UUID
    clinic: UUID
    someone_else: UUID


@pytest.fixture(scope="module")
def orgs(dsn: str) -> Iterator[Orgs]:
    with asyncio.Runner() as runner:
        pool = runner.run(open_pool(dsn, min_size=1, max_size=2))
        try:
            yield Orgs(
                runner=runner,
                pool=pool,
                home=runner.run(stored_organization(pool, NOW)),
                peer=runner.run(stored_organization(pool, NOW)),
                clinic=runner.run(stored_organization(pool, NOW, OrganizationKind.CLINIC)),
                someone_else=runner.run(stored_organization(pool, NOW)),
            )
        finally:
            runner.run(pool.close())


# How the reader stands to a network around the member (only `active` supports the member: it
# takes part in an active circle around the member that the member's home organization
# created, the member still active in it; not a group, nor a circle another organization
# created) and to the intermediary (only `active` takes part).
Support = Literal[
    "none", "active", "reader_left", "archived", "member_left", "group", "foreign_circle"
]
Participates = Literal["none", "active", "ended"]


class Ties(msgspec.Struct, frozen=True):
    clinic: bool
    supports: Support
    participates: Participates


def _aimed(consent: Consent, to: To, reader: UUID, other: UUID, intermediary: UUID) -> Consent:
    """The drawn consent, naming its recipients as `to` says."""
    replace = msgspec.structs.replace
    if to == "named":
        return consent
    if to in ("supporting", "treating"):
        recipients = (
            RecipientClass.SUPPORTING_ORGANIZATIONS
            if to == "supporting"
            else RecipientClass.TREATING_PROVIDERS
        )
        return replace(consent, recipient_organization_id=None, recipient_class=recipients)
    if to == "via_treating":
        return replace(
            consent,
            recipient_organization_id=intermediary,
            participant_class=RecipientClass.TREATING_PROVIDERS,
        )
    named = reader if to == "via_named" else other
    return replace(
        consent,
        recipient_organization_id=intermediary,
        participant_organization_ids=frozenset({named}),
    )


def _member(home: UUID, erased: bool) -> Member:
    return Member(
        id=uuid4(),
        organization_id=home,
        display_name=None if erased else "Robin",
        timezone=None if erased else "UTC",
        external_ref=None,
        recovery_started_on=None,
        contact=None,
        version=1,
        created_at=NOW - timedelta(days=10),
        updated_at=NOW - timedelta(days=10),
        erased_at=NOW - timedelta(hours=3) if erased else None,
    )


async def _circle_with(
    uow: PostgresUnitOfWork, member: Member, reader: UUID, support: Support, other: UUID
) -> None:
    """A network with the member in which the reader takes or took part, as `support` says."""
    at = NOW - timedelta(days=5)
    archived = support == "archived"
    group = support == "group"
    network = Network(
        id=uuid4(),
        kind=NetworkKind.GROUP if group else NetworkKind.CIRCLE,
        name="Circle",
        description=None,
        focus_member_id=None if group else member.id,
        created_by_organization_id=other if support == "foreign_circle" else member.organization_id,
        status=NetworkStatus.ARCHIVED if archived else NetworkStatus.ACTIVE,
        version=1,
        created_at=at,
        updated_at=at,
        archived_at=NOW - timedelta(days=1) if archived else None,
    )
    await uow.networks.add(network)
    for organization in (member.organization_id, reader):
        left = organization == reader and support == "reader_left"
        await uow.networks.save_participation(
            Participation(
                network_id=network.id,
                organization_id=organization,
                status=ParticipationStatus.LEFT if left else ParticipationStatus.ACTIVE,
                invited_by_organization_id=None,
                invited_at=None,
                joined_at=at,
                left_at=NOW - timedelta(days=1) if left else None,
                version=1,
            )
        )
    member_left = support == "member_left"
    await uow.networks.add_membership(
        Membership(
            id=uuid4(),
            network_id=network.id,
            member_id=member.id,
            member_organization_id=member.organization_id,
            role=Role.PEER_SUPPORTER if group else Role.FOCUS,
            status=MembershipStatus.LEFT if member_left else MembershipStatus.ACTIVE,
            added_by_organization_id=member.organization_id,
            invited_at=None,
            joined_at=at,
            left_at=NOW - timedelta(days=1) if member_left else None,
            version=1,
            created_at=at,
            updated_at=at,
        )
    )


async def _scenario(
    orgs: Orgs,
    draws: list[tuple[ConsentDraw, To]],
    ties: Ties,
    erased: bool,
    read: str,
) -> tuple[list[Consent], Member, Reader, tuple[UUID, Access] | None, list[list[str]]]:
    reader = orgs.clinic if ties.clinic else orgs.peer
    intermediary = await stored_organization(orgs.pool, NOW, OrganizationKind.INTERMEDIARY)
    member = _member(orgs.home, erased)
    made = [
        _aimed(
            _consent(draw, member, reader if draw.to_reader else orgs.someone_else),
            to,
            reader,
            orgs.someone_else,
            intermediary,
        )
        for draw, to in draws
    ]
    uow = PostgresUnitOfWork(orgs.pool, SystemClock(), UuidV7Source())
    async with uow:
        await uow.members.add(member)
        await _add_consents(uow, made)
        if read == "memberships":
            await _group_with(uow, member)
        if ties.supports != "none":
            await _circle_with(uow, member, reader, ties.supports, orgs.someone_else)
        if ties.participates != "none":
            ended = ties.participates == "ended"
            await uow.intermediaries.save(
                IntermediaryParticipant(
                    intermediary_organization_id=intermediary,
                    participant_organization_id=reader,
                    joined_at=NOW - timedelta(days=2),
                    ended_at=NOW - timedelta(days=1) if ended else None,
                    version=2 if ended else 1,
                )
            )
        await uow.commit()
    viewing = Viewing(organization_id=reader, now=NOW, request_id="agreement", operation=read)
    seen = await _read(PostgresFederationQueries(orgs.pool), read, viewing, member)
    recorded = [
        sorted(r["scopes"])
        for r in await orgs.pool.fetch(
            "SELECT scopes FROM disclosures WHERE member_id = $1", member.id
        )
    ]
    as_reader = Reader(
        organization_id=reader,
        supports_member=ties.supports == "active",
        clinic=ties.clinic,
        intermediaries=frozenset({intermediary}) if ties.participates == "active" else frozenset(),
    )
    return made, member, as_reader, seen, recorded


aimed_consents = consents.flatmap(
    lambda drawn: st.lists(
        st.sampled_from(
            ["named", "supporting", "treating", "via_named", "via_other", "via_treating"]
        ),
        min_size=len(drawn),
        max_size=len(drawn),
    ).map(lambda tos: list(zip(drawn, tos, strict=True)))
)


# Each way a tie can fail to hold, against a consent in force that it alone would let reach.
_IN_FORCE = ConsentDraw(
    scopes=frozenset({DataScope.PROFILE}),
    to_reader=True,
    expires_in_hours=None,
    revoked=False,
    ended=False,
)
_TIE_EXAMPLES = [
    *(
        ([(_IN_FORCE, "supporting")], Ties(clinic=True, supports=support, participates="none"))
        for support in get_args(Support)
    ),
    *(
        (
            [(_IN_FORCE, to)],
            Ties(clinic=True, supports="active", participates=participates),
        )
        for to in ("via_named", "via_treating")
        for participates in get_args(Participates)
    ),
    ([(_IN_FORCE, "treating")], Ties(clinic=False, supports="active", participates="none")),
]


def _with_tie_examples(test: Any) -> Any:
    for draws, ties in _TIE_EXAMPLES:
        test = example(draws=draws, ties=ties, erased=False, read="member")(test)
    return test


@_examples(400)
@_with_tie_examples
@given(
    draws=aimed_consents,
    ties=st.builds(
        Ties,
        st.booleans(),
        st.sampled_from(list(get_args(Support))),
        st.sampled_from(list(get_args(Participates))),
    ),
    erased=st.booleans(),
    read=st.sampled_from(sorted(READS)),
)
def test_the_sql_reaches_exactly_the_readers_the_domain_says(
    orgs: Orgs,
    draws: list[tuple[ConsentDraw, To]],
    ties: Ties,
    erased: bool,
    read: str,
) -> None:
    made, member, reader, seen, recorded = orgs.runner.run(
        _scenario(orgs, draws, ties, erased, read)
    )
    expected = read_access(reader, member, made, READS[read], NOW)
    if expected is None:
        assert seen is None
        assert recorded == []
        return
    assert seen is not None
    shown_member, access = seen
    assert shown_member == member.id
    assert access.scopes == expected.scopes
    assert access.consent_ids == expected.consent_ids
    assert recorded == ([] if erased else [sorted(s.value for s in expected.scopes)])
