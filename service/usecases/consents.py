"""Consent and the accounting of disclosures."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import msgspec

from service.domain import consent_terms as rules
from service.domain import restrictions as restriction_rules
from service.domain.accounting import Disclosure, Viewing
from service.domain.consent import Consent, DataScope, SeenMember, access_for, seen_by
from service.domain.consent_form import EndEvent
from service.domain.consent_recipients import RecipientFacts
from service.domain.consent_terms import ConsentTerms
from service.domain.errors import InvalidField, MemberErased, NotFound, found
from service.domain.event_payloads import consent_event
from service.domain.events import EventType
from service.domain.members import Member
from service.domain.organizations import OrganizationKind
from service.domain.paging import Page, PageRequest
from service.domain.ports import (
    FederationQueries,
    MemberQueries,
    Receipt,
    UnitOfWork,
    no_receipt,
)
from service.usecases.members import get_member, live_member
from service.usecases.records import locked


class GrantConsent(msgspec.Struct, frozen=True, kw_only=True):
    organization_id: UUID
    key_id: UUID
    member_id: UUID
    terms: ConsentTerms
    # Made with a referral (by create_referral): only then may it end when the referral closes.
    with_referral: bool = False


async def grant_consent(
    command: GrantConsent, uow: UnitOfWork, receipt: Receipt[Consent] = no_receipt
) -> Consent:
    """Record a consent the member signed, granted by their home organization (the caller)."""
    now = uow.clock.now()
    async with uow:
        member = await live_member(uow, command.organization_id, command.member_id, now)
        consent = await record_consent(command, member, uow, now)
        await receipt(uow, consent)  # the stored response, if any, commits with it
        await uow.commit()
    return consent


async def record_consent(
    command: GrantConsent, member: Member, uow: UnitOfWork, now: datetime
) -> Consent:
    """Inside the caller's unit of work: check the terms (with what the service knows of the
    recipient it names: consent_recipients), store the consent, announce it."""
    assert member.timezone is not None  # an erased member was refused before
    consent = rules.grant_consent(
        command.terms,
        consent_id=uow.ids.new_id(),
        member_id=member.id,
        member_timezone=member.timezone,
        home_organization_id=command.organization_id,
        recorded_by_key_id=command.key_id,
        now=now,
        with_referral=command.with_referral,
        recipient=await recipient_facts(uow, command.terms.recipient_organization_id),
    )
    # A restriction the member already has holds for this consent too (42 CFR 2.26).
    agreed = await uow.restrictions.agreed_for(member.id)
    taken = restriction_rules.restricted_scopes(consent, agreed)
    if taken:
        consent = msgspec.structs.replace(consent, restricted_scopes=taken)
    await uow.consents.add(consent)
    await uow.outbox.append(
        consent_event(EventType.CONSENT_GRANTED, consent, uow.ids.new_id(), now)
    )
    return consent


async def recipient_facts(uow: UnitOfWork, recipient_id: UUID | None) -> RecipientFacts:
    """The kind of the organization a consent names and, for an intermediary, who takes part
    in it now."""
    if recipient_id is None:
        return RecipientFacts()
    recipient = await uow.organizations.get(recipient_id)
    if recipient is None:
        raise InvalidField("recipient_organization_id", "No such organization.")
    if recipient.kind is not OrganizationKind.INTERMEDIARY:
        return RecipientFacts(kind=recipient.kind)
    return RecipientFacts(
        kind=recipient.kind, participants=await uow.intermediaries.participants_now(recipient.id)
    )


async def revoke_consent(
    organization_id: UUID,
    consent_id: UUID,
    reason: str | None,
    uow: UnitOfWork,
    received: rules.RevocationReceived | None = None,
) -> Consent:
    """Revoke at once: the very next read by the recipient no longer sees the member. Records
    how, when and by whom the revocation was received (`received`: now, through the API, if
    not said)."""
    now = uow.clock.now()
    async with uow:
        consent = await locked(uow.consents, organization_id, consent_id, "consent")
        revoked = rules.revoke(consent, reason=reason, now=now, received=received)
        if revoked is not consent:
            await uow.consents.save(revoked)
            await uow.outbox.append(
                consent_event(EventType.CONSENT_REVOKED, revoked, uow.ids.new_id(), now)
            )
            await uow.commit()
    return revoked


async def end_treatment(organization_id: UUID, member_id: UUID, uow: UnitOfWork) -> list[Consent]:
    """The home organization records that the member's treatment ended: every consent of theirs
    in force that was given until then (`end_event: treatment_ended`) ends now, and its
    recipient hears `consent.expired`. Consents with an expiry date stand; so does a second
    call, which ends nothing more."""
    now = uow.clock.now()
    ended: list[Consent] = []
    async with uow:
        member = await live_member(uow, organization_id, member_id, now)
        for consent in await uow.consents.in_force_of_member_for_update(member.id, now):
            after = rules.end_on_event(consent, EndEvent.TREATMENT_ENDED, now)
            if after is consent:
                continue
            await uow.consents.save(after)
            await uow.consents.mark_expiry_announced(after.id, now)
            await uow.outbox.append(
                consent_event(
                    EventType.CONSENT_EXPIRED,
                    after,
                    uow.ids.new_id(),
                    now,
                    reason="treatment_ended",
                )
            )
            ended.append(after)
        await uow.commit()
    return ended


async def announce_expired_consents(uow: UnitOfWork, batch: int = 100) -> int:
    """Write `consent.expired` once for each consent whose expiry date has passed. Expiry
    itself needs no sweep: every read compares with the clock. Safe from several workers."""
    now = uow.clock.now()
    async with uow:
        due = await uow.consents.due_for_expiry_notice(now, batch)
        for consent in due:
            await uow.outbox.append(
                consent_event(EventType.CONSENT_EXPIRED, consent, uow.ids.new_id(), now)
            )
            await uow.consents.mark_expiry_announced(consent.id, now)
        await uow.commit()
    return len(due)


async def get_consent(viewer: UUID, consent_id: UUID, queries: FederationQueries) -> Consent:
    """A consent the viewer granted (home organization) or received (recipient)."""
    return found(await queries.consent_for(viewer, consent_id), "consent", consent_id)


async def list_consents(
    home: UUID,
    member_id: UUID,
    page: PageRequest,
    members: MemberQueries,
    queries: FederationQueries,
) -> Page[Consent]:
    """Every consent the home organization recorded for its member, whatever its status."""
    await get_member(home, member_id, members)
    return await queries.consents_of(home, member_id, page)


async def list_disclosures(
    home: UUID,
    member_id: UUID,
    page: PageRequest,
    since: datetime | None,
    until: datetime | None,
    members: MemberQueries,
    queries: FederationQueries,
) -> Page[Disclosure]:
    """The accounting of disclosures: who saw what of the member, when, under which consent.
    It stays readable after the member's erasure: it is the member's record of who saw what,
    and holds ids, dates and scopes, no personal field."""
    if await members.get(home, member_id) is None:
        raise NotFound("member", member_id)
    if since is not None and until is not None and until <= since:
        raise InvalidField("until", "`until` must come after `since`.")
    return await queries.disclosures(home, member_id, page, since, until)


async def view_member(viewing: Viewing, member_id: UUID, queries: FederationQueries) -> SeenMember:
    """A member as the viewer may see it: all of it at home, the consented scopes elsewhere
    (and the read is recorded as a disclosure), nothing at all without consent."""
    seen = found(await queries.member_for(viewing, member_id), "member", member_id)
    member, access = seen
    if member.erased_at is not None:
        raise MemberErased(member.id, member.erased_at)
    return seen_by(member, access)


async def covered(
    uow: UnitOfWork, member_id: UUID, home_id: UUID, viewer: UUID, scope: DataScope, now: datetime
) -> bool:
    """The viewer may see `scope`'s data of the member (inside the caller's unit of work): it
    is the member's home organization, or holds a consent in force covering the scope."""
    if viewer == home_id:
        return True
    in_force = await uow.consents.in_force(member_id, viewer, now)
    return access_for(viewer, home_id, in_force).covers(scope)
