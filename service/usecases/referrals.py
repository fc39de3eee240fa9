"""Referrals: create, move through the closed loop, expire unanswered ones, read."""

from __future__ import annotations

from datetime import datetime, timedelta
from uuid import UUID

import msgspec

from service.domain import networks as network_rules
from service.domain import referrals as rules
from service.domain.accounting import Viewing
from service.domain.consent import Consent
from service.domain.consent_terms import ConsentTerms
from service.domain.errors import (
    InvalidField,
    MemberErased,
    found,
)
from service.domain.event_payloads import referral_event
from service.domain.events import EventType
from service.domain.members import Member, NewMember
from service.domain.networks import ParticipationStatus
from service.domain.paging import Page, PageRequest
from service.domain.ports import Receipt, ReferralQueries, UnitOfWork, no_receipt
from service.domain.referral_sight import SeenReferral, history_seen_by
from service.domain.referrals import Referral, ReferralStatus, StatusChange
from service.usecases.consents import GrantConsent, record_consent
from service.usecases.members import CreateMember, add_member


class CreateReferral(msgspec.Struct, frozen=True, kw_only=True):
    """Exactly one of member_id (an existing member of the sender) and new_member (a new
    pseudonymous one); exactly one of consent_id (a consent already recorded) and
    consent_terms (the consent, recorded with the referral)."""

    organization_id: UUID
    key_id: UUID
    referral: rules.NewReferral
    member_id: UUID | None = None
    new_member: NewMember | None = None
    consent_id: UUID | None = None
    consent_terms: ConsentTerms | None = None


async def _member_to_refer(command: CreateReferral, uow: UnitOfWork, now: datetime) -> Member:
    if (command.member_id is None) == (command.new_member is None):
        raise InvalidField("member_id", "Give either member_id or member, not both or neither.")
    if command.new_member is not None:
        return await add_member(
            CreateMember(organization_id=command.organization_id, member=command.new_member),
            uow,
            now,
        )
    assert command.member_id is not None
    existing = await uow.members.get_for_update(command.organization_id, command.member_id)
    if existing is None:
        raise InvalidField("member_id", "Name one of your own members.")
    if existing.erased_at is not None:
        raise MemberErased(existing.id, existing.erased_at)
    return existing


async def _consent_for(
    command: CreateReferral, member: Member, uow: UnitOfWork, now: datetime
) -> Consent:
    receiver = command.referral.receiver_organization_id
    if (command.consent_id is None) == (command.consent_terms is None):
        raise InvalidField("consent_id", "Give either consent_id or consent, not both or neither.")
    if command.consent_terms is not None:
        terms = command.consent_terms
        if terms.recipient_organization_id not in (None, receiver) or terms.recipient_class:
            raise InvalidField(
                "consent.recipient_organization_id",
                "The consent of a referral is to the receiving organization.",
            )
        grant = GrantConsent(
            organization_id=command.organization_id,
            key_id=command.key_id,
            member_id=member.id,
            terms=msgspec.structs.replace(terms, recipient_organization_id=receiver),
            with_referral=True,
        )
        return await record_consent(grant, member, uow, now)
    assert command.consent_id is not None
    named = await uow.consents.get_for_update(command.organization_id, command.consent_id)
    if named is None or named.member_id != member.id or named.recipient_organization_id != receiver:
        raise InvalidField(
            "consent_id", "Name a consent of this member to the receiving organization."
        )
    if not named.is_active(now):
        raise InvalidField("consent_id", "That consent is no longer in force.")
    return named


async def _check_network(uow: UnitOfWork, network_id: UUID, *organizations: UUID) -> None:
    # One answer for every failure: a caller learns nothing about networks it is not in.
    refused = InvalidField("network_id", "Name an open network both organizations take part in.")
    network = await uow.networks.get_for_update(network_id)
    if network is None:
        raise refused
    try:
        network_rules.require_open(network)
    except network_rules.NetworkConflict:
        raise refused from None
    for organization_id in organizations:
        taking_part = await uow.networks.participation(network_id, organization_id)
        if taking_part is None or taking_part.status is not ParticipationStatus.ACTIVE:
            raise refused


async def create_referral(
    command: CreateReferral,
    uow: UnitOfWork,
    answer_within: timedelta,
    receipt: Receipt[Referral] = no_receipt,
) -> Referral:
    """Refer a person (an existing member or a new pseudonymous one) to another organization,
    with the consent that allows it; announce `referral.created` to the receiver."""
    now = uow.clock.now()
    receiver = command.referral.receiver_organization_id
    async with uow:
        if receiver == command.organization_id:
            raise InvalidField(
                "receiver_organization_id", "A referral goes to another organization."
            )
        if await uow.organizations.get(receiver) is None:
            raise InvalidField("receiver_organization_id", "No such organization.")
        if command.referral.network_id is not None:
            await _check_network(
                uow, command.referral.network_id, command.organization_id, receiver
            )
        member = await _member_to_refer(command, uow, now)
        consent = await _consent_for(command, member, uow, now)
        referral, change = rules.create_referral(
            command.referral,
            referral_id=uow.ids.new_id(),
            change_id=uow.ids.new_id(),
            sender_organization_id=command.organization_id,
            member_id=member.id,
            consent_id=consent.id,
            answer_within=answer_within,
            now=now,
        )
        await uow.referrals.add(referral, change)
        await uow.outbox.append(
            referral_event(
                EventType.REFERRAL_CREATED,
                referral,
                uow.ids.new_id(),
                now,
                actor=command.organization_id,
            )
        )
        await receipt(uow, referral)  # the stored response, if any, commits with it
        await uow.commit()
    return referral


async def get_referral(
    viewing: Viewing, referral_id: UUID, queries: ReferralQueries
) -> SeenReferral:
    """A referral the viewer sent or received, as it may see it: the receiver sees the person
    and the reason only under a consent in force from the member, and that read is recorded."""
    return found(await queries.get(viewing, referral_id), "referral", referral_id)


async def list_referrals(
    viewing: Viewing,
    *,
    sent: bool,
    status: ReferralStatus | None,
    page: PageRequest,
    queries: ReferralQueries,
) -> Page[SeenReferral]:
    """The referrals the viewer sent, or received, optionally of one status, as it may see
    each."""
    return await queries.list(viewing, sent=sent, status=status, page=page)


async def referral_history(
    viewing: Viewing, referral_id: UUID, queries: ReferralQueries
) -> list[StatusChange]:
    """Every status change of a referral, for either side; the receiver sees the reasons the
    sender gave only under a consent in force (referral_sight.history_seen_by)."""
    seen = await get_referral(viewing, referral_id, queries)
    changes = await queries.history(referral_id)
    return history_seen_by(changes, seen, viewing.organization_id)
