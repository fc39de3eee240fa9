"""What of a referral each side sees. The referral itself (its parties, status and dates) is
the business of both; the person referred and the reason are the member's data. The sender is
the member's home organization; the receiver sees the person and the reason only under a
consent in force from the member to it (42 CFR 2.31, 2.32), whoever wrote them, and each read
that shows them is a disclosure, recorded with the consents that allowed it."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

import msgspec

from service.domain.referrals import Referral, StatusChange


class SeenReferral(msgspec.Struct, frozen=True, kw_only=True):
    """A referral as one organization may see it. `shows_person`: the person and the reason
    show; `consent_ids`: the consents that allowed it (none for the home organization)."""

    referral: Referral
    shows_person: bool
    consent_ids: tuple[UUID, ...] = ()

    @property
    def is_disclosure(self) -> bool:
        return bool(self.consent_ids)


def referral_seen_by(
    referral: Referral, viewer: UUID, consents_in_force: Sequence[UUID]
) -> SeenReferral:
    """The referral as `viewer` sees it, given the member's consents to `viewer` in force now
    (an erased member has none: erasure ends them)."""
    if viewer == referral.sender_organization_id:
        return SeenReferral(referral=referral, shows_person=True)
    return SeenReferral(
        referral=referral,
        shows_person=bool(consents_in_force),
        consent_ids=tuple(sorted(consents_in_force)),
    )


def history_seen_by(
    changes: Sequence[StatusChange], seen: SeenReferral, viewer: UUID
) -> list[StatusChange]:
    """A referral's history as `viewer` sees it: the reasons others gave speak of the person,
    so without a consent in force only the viewer's own reasons show (statuses and dates do)."""
    if seen.shows_person:
        return list(changes)
    return [
        c if c.actor_organization_id == viewer else msgspec.structs.replace(c, reason=None)
        for c in changes
    ]
