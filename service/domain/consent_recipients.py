"""Whom a consent names as recipients (42 CFR 2.31(a)(4)): one organization; a class of
organizations; or an intermediary with the participants it may pass the data to, by name or
by a general description limited to those with a treating provider relationship. Who a
consent reaches at a read is Consent.reaches's."""

from __future__ import annotations

from collections.abc import Mapping
from uuid import UUID

import msgspec

from service.domain.consent_form import RecipientClass
from service.domain.errors import InvalidField
from service.domain.organizations import OrganizationKind

# The kinds of organization that are HIPAA covered entities (or their business associates).
COVERED_ENTITY_KINDS = frozenset({OrganizationKind.CLINIC})


def _not_an_intermediary(recipients: Recipients) -> InvalidField:
    field = (
        "participant_organization_ids"
        if recipients.participant_organization_ids
        else "participant_class"
    )
    return InvalidField(field, "Only a consent to an intermediary names participants.")


class Recipients(msgspec.Struct, frozen=True, kw_only=True):
    """The recipients a consent form names, as the request states them."""

    organization_id: UUID | None = None
    recipient_class: RecipientClass | None = None
    participant_organization_ids: frozenset[UUID] = frozenset()
    participant_class: RecipientClass | None = None


class RecipientFacts(msgspec.Struct, frozen=True, kw_only=True):
    """What the service knows of the organization a consent names: its kind (None: not looked
    up, an organization like any other), and, for an intermediary, the organizations taking
    part in it now, with theirs."""

    kind: OrganizationKind | None = None
    participants: Mapping[UUID, OrganizationKind] = msgspec.field(default_factory=dict)


def check_recipients(recipients: Recipients, home: UUID, facts: RecipientFacts) -> bool:
    """InvalidField naming the first element that is missing or wrong; else whether the data
    may reach a HIPAA covered entity, so that the form must carry the HIPAA redisclosure
    statement (a class of organizations may include clinics; through an intermediary, a
    named clinic or the treating providers among its participants)."""
    named, by_class = recipients.organization_id, recipients.recipient_class
    participants = recipients.participant_organization_ids
    through = bool(participants) or recipients.participant_class is not None
    if by_class is not None:
        if named is not None:
            raise InvalidField(
                "recipient_class", "Name one recipient organization or a class, not both."
            )
        if through:
            raise _not_an_intermediary(recipients)
        return True
    if named is None:
        raise InvalidField(
            "recipient_organization_id",
            "Name the organization receiving the data, or a class of recipients (recipient_class).",
        )
    if named == home:
        raise InvalidField(
            "recipient_organization_id", "The home organization needs no consent to see its member."
        )
    if facts.kind is not OrganizationKind.INTERMEDIARY:
        if through:
            raise _not_an_intermediary(recipients)
        return facts.kind in COVERED_ENTITY_KINDS
    return _check_participants(recipients, facts)


def _check_participants(recipients: Recipients, facts: RecipientFacts) -> bool:
    participants, described = recipients.participant_organization_ids, recipients.participant_class
    if bool(participants) == (described is not None):
        raise InvalidField(
            "participant_organization_ids",
            "A consent to an intermediary names the participants that may receive the data: by "
            "name (participant_organization_ids) or by participant_class, one of the two.",
        )
    if described is not None and described is not RecipientClass.TREATING_PROVIDERS:
        raise InvalidField(
            "participant_class",
            "A general description of an intermediary's participants is limited to those with a "
            "treating provider relationship with the member (treating_providers).",
        )
    strangers = participants - facts.participants.keys()
    if strangers:
        raise InvalidField(
            "participant_organization_ids",
            "Name organizations taking part in the intermediary now.",
        )
    return described is not None or any(
        facts.participants[p] in COVERED_ENTITY_KINDS for p in participants
    )
