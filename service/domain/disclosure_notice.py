"""What travels with every disclosure (42 CFR 2.32, as amended in 2024): the notice that
forbids the recipient further use or disclosure, the consents that allowed it (the recipient
may read each: their scope and expiry, as 2.32(b) asks), and the HL7 DS4P security labels a
recipient's systems can act on."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING
from uuid import UUID

import msgspec

if TYPE_CHECKING:  # consent.py imports events.py, whose EventView carries a notice
    from service.domain.consent import Access

# 42 CFR 2.32(a)(2), the abbreviated statement the rule allows.
PART2_NOTICE = "42 CFR part 2 prohibits unauthorized use or disclosure of these records."

# HL7 DS4P: the policy (42CFRPart2), the confidentiality code (R: restricted) and the refrain
# (NORDSCLCD: no redisclosure without the patient's consent).
SECURITY_LABELS = ("42CFRPart2", "R", "NORDSCLCD")


class DisclosureNotice(msgspec.Struct, frozen=True, kw_only=True):
    notice: str
    consent_ids: tuple[UUID, ...]
    security_labels: tuple[str, ...]


def notice_for_consents(consent_ids: Sequence[UUID]) -> DisclosureNotice | None:
    """The notice for data shown under these consents; None when none allowed it (the home
    organization's own reads, or nothing of the member shown)."""
    if not consent_ids:
        return None
    return DisclosureNotice(
        notice=PART2_NOTICE,
        consent_ids=tuple(sorted(set(consent_ids))),
        security_labels=SECURITY_LABELS,
    )


def notice_for(access: Access) -> DisclosureNotice | None:
    """The notice for one read of a member under `access`."""
    return notice_for_consents(access.consent_ids) if access.is_disclosure else None
