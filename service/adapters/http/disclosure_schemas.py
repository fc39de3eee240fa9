"""The `disclosure` block of every response that carries another organization's member data."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

import msgspec
from msgspec import Meta

from service.domain.disclosure_notice import DisclosureNotice


class DisclosureNoticeView(msgspec.Struct, kw_only=True):
    """Data about another organization's member, disclosed under 42 CFR Part 2: the notice
    (42 CFR 2.32), the consents that allowed it (readable by the recipient at
    `/v1/consents/{id}`) and the HL7 DS4P security labels (`42CFRPart2`: the policy, `R`:
    restricted, `NORDSCLCD`: no redisclosure without consent). Null on the member's home
    organization's own reads."""

    notice: Annotated[
        str,
        Meta(
            description="The notice that must accompany the data (42 CFR 2.32).",
            examples=["42 CFR part 2 prohibits unauthorized use or disclosure of these records."],
        ),
    ]
    consent_ids: list[UUID]
    security_labels: Annotated[list[str], Meta(examples=[["42CFRPart2", "R", "NORDSCLCD"]])]

    @classmethod
    def of(cls, notice: DisclosureNotice | None) -> DisclosureNoticeView | None:
        if notice is None:
            return None
        return cls(
            notice=notice.notice,
            consent_ids=list(notice.consent_ids),
            security_labels=list(notice.security_labels),
        )
