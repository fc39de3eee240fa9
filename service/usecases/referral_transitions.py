"""A referral's moves after it was made: accepted (the person joins the network, if the
consent still allows it), declined, withdrawn, closed, and expired when nobody answered in
time."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import msgspec

from service.domain import consent_terms as consent_rules
from service.domain import memberships as membership_rules
from service.domain import referrals as rules
from service.domain.accounting import Viewing
from service.domain.consent_form import EndEvent
from service.domain.errors import (
    MemberErased,
    Precondition,
    check_version,
)
from service.domain.event_payloads import consent_event, referral_event
from service.domain.events import EventType
from service.domain.networks import MembershipStatus, NetworkKind, ParticipationStatus, Role
from service.domain.ports import UnitOfWork
from service.domain.referral_sight import SeenReferral, referral_seen_by
from service.domain.referrals import Referral, ReferralStatus, Side, StatusChange
from service.usecases.network_steps import store_membership
from service.usecases.records import locked


class TransitionReferral(msgspec.Struct, frozen=True, kw_only=True):
    organization_id: UUID
    referral_id: UUID
    to: ReferralStatus
    reason: str | None = None
    expected_version: Precondition | None = None
    # The caller as reader of the answer: its disclosure record, when it shows the receiver
    # the person.
    viewing: Viewing


async def _check_still_allowed(referral: Referral, uow: UnitOfWork, now: datetime) -> None:
    """Accepting rests on the consent and the person as they are now, not at creation."""
    consent = await uow.consents.get_for_update(
        referral.sender_organization_id, referral.consent_id
    )
    if consent is None or not consent.is_active(now):
        raise rules.ReferralConflict(
            "consent-not-in-force",
            "The consent this referral rests on is no longer in force; the sender can record a "
            "new one and refer again.",
        )
    member = await uow.members.get_any(referral.member_id)
    if member is None or member.erased_at is not None:
        erased_at = member.erased_at if member is not None and member.erased_at else now
        raise MemberErased(referral.member_id, erased_at)


async def _join_network(referral: Referral, uow: UnitOfWork, now: datetime) -> None:
    """An accepted referral into a network makes the person an active member of it: the
    focus of a circle that has none yet, a peer otherwise."""
    assert referral.network_id is not None
    network = await uow.networks.get_for_update(referral.network_id)
    assert network is not None  # referenced by the referral
    memberships = await uow.networks.memberships_for_update(network.id)
    live = [m for m in memberships if m.status is not MembershipStatus.LEFT]
    if any(m.member_id == referral.member_id for m in live):
        return
    focus = next((m for m in live if m.role is Role.FOCUS), None)
    for organization_id in (referral.sender_organization_id, referral.receiver_organization_id):
        taking_part = await uow.networks.participation(network.id, organization_id)
        if taking_part is None or taking_part.status is not ParticipationStatus.ACTIVE:
            raise rules.ReferralConflict(
                "organization-not-participating",
                "Both organizations must still take part in the network to accept.",
            )
    membership = membership_rules.add_membership(
        network,
        membership_id=uow.ids.new_id(),
        member_id=referral.member_id,
        member_organization_id=referral.sender_organization_id,
        role=Role.FOCUS
        if network.kind is NetworkKind.CIRCLE and focus is None
        else Role.PEER_SUPPORTER,
        status=MembershipStatus.ACTIVE,
        added_by_organization_id=referral.receiver_organization_id,
        current_focus=focus,
        already_member=False,
        now=now,
    )
    await store_membership(uow, membership, referral.receiver_organization_id, now)


async def _record(
    referral: Referral, moved: Referral, change: StatusChange, uow: UnitOfWork, now: datetime
) -> None:
    await uow.referrals.save(moved, change)
    await uow.outbox.append(
        referral_event(
            EventType.REFERRAL_STATUS_CHANGED,
            moved,
            uow.ids.new_id(),
            now,
            actor=change.actor_organization_id,
            change=change,
        )
    )
    if moved.status in rules.TERMINAL and not await uow.referrals.open_with_consent(
        referral.consent_id, excluding=referral.id
    ):
        # A consent given "until the referral is closed" ends with it (with the last one, when
        # several referrals rest on the same consent).
        consent = await uow.consents.get_for_update(
            referral.sender_organization_id, referral.consent_id
        )
        if consent is not None:
            ended = consent_rules.end_on_event(consent, EndEvent.REFERRAL_CLOSED, now)
            if ended is not consent:
                await uow.consents.save(ended)
                await uow.consents.mark_expiry_announced(ended.id, now)
                await uow.outbox.append(
                    consent_event(EventType.CONSENT_EXPIRED, ended, uow.ids.new_id(), now)
                )


async def transition_referral(command: TransitionReferral, uow: UnitOfWork) -> SeenReferral:
    """Move a referral along the closed loop. The receiver accepts, rejects and reports
    progress; the sender cancels an unanswered one. Anything else is IllegalTransition,
    naming what the caller may do now. The answer shows the referral as the caller may see
    it (referral_sight), and a receiver shown the person is recorded as a disclosure."""
    now = uow.clock.now()
    async with uow:
        referral = await locked(
            uow.referrals, command.organization_id, command.referral_id, "referral"
        )
        side = referral.side_of(command.organization_id)
        assert side is not None
        # Sender and receiver both move a referral: neither may do it blind.
        check_version(referral.version, command.expected_version, required=True)
        moved, change = rules.transition(
            referral,
            command.to,
            side=side,
            actor_organization_id=command.organization_id,
            reason=command.reason,
            change_id=uow.ids.new_id(),
            now=now,
        )
        if moved.status is ReferralStatus.ACCEPTED:
            await _check_still_allowed(moved, uow, now)
            if moved.network_id is not None:
                await _join_network(moved, uow, now)
        await _record(referral, moved, change, uow, now)
        seen = await _seen_by_caller(moved, command, uow, now)
        await uow.commit()
    return seen


async def _seen_by_caller(
    referral: Referral, command: TransitionReferral, uow: UnitOfWork, now: datetime
) -> SeenReferral:
    viewer = command.organization_id
    if referral.side_of(viewer) is not Side.RECEIVER:
        return referral_seen_by(referral, viewer, ())
    in_force = [i for i, _ in await uow.consents.in_force(referral.member_id, viewer, now)]
    seen = referral_seen_by(referral, viewer, in_force)
    if seen.is_disclosure:
        member = await uow.members.get_any(referral.member_id)
        assert member is not None  # referenced by the referral
        await uow.consents.record_disclosure(
            member, command.viewing, list(seen.consent_ids), frozenset()
        )
    return seen


async def expire_overdue_referrals(uow: UnitOfWork, batch: int = 25) -> int:
    """Let referrals nobody answered in time expire. Every worker runs this; SKIP LOCKED
    makes them share the work, so each expiry is recorded and announced once."""
    now = uow.clock.now()
    async with uow:
        overdue = await uow.referrals.overdue(now, batch)
        for referral in overdue:
            moved, change = rules.transition(
                referral,
                ReferralStatus.EXPIRED,
                side=Side.SYSTEM,
                actor_organization_id=None,
                reason="No answer in time.",
                change_id=uow.ids.new_id(),
                now=now,
            )
            await _record(referral, moved, change, uow, now)
        await uow.commit()
    return len(overdue)
