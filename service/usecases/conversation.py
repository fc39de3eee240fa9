"""Use cases of a network's conversation (issue #13): so far, an organization's own crisis
phrases, which flag its members' posts for someone to reach out."""

from __future__ import annotations

from uuid import UUID

import msgspec

from service.domain import conversation as rules
from service.domain.ports import UnitOfWork


class CrisisPhrases(msgspec.Struct, frozen=True, kw_only=True):
    """The phrases that flag a post of the organization's members, and whether they are the
    documented default list."""

    phrases: tuple[str, ...]
    default: bool


async def crisis_phrases(organization_id: UUID, uow: UnitOfWork) -> CrisisPhrases:
    """The organization's crisis phrases: its own, or the default list."""
    async with uow:
        own = await uow.conversation.crisis_phrases(organization_id)
    if own is None:
        return CrisisPhrases(phrases=rules.CRISIS_PHRASES, default=True)
    return CrisisPhrases(phrases=own, default=False)


async def replace_crisis_phrases(
    organization_id: UUID, phrases: tuple[str, ...] | None, uow: UnitOfWork
) -> CrisisPhrases:
    """Replace the organization's crisis phrases with its own (None: the default list again).
    They replace the default list, not add to it: an organization that wants both lists both."""
    checked = None if phrases is None else rules.validate_crisis_phrases(phrases)
    async with uow:
        await uow.conversation.set_crisis_phrases(organization_id, checked, uow.clock.now())
        await uow.commit()
    if checked is None:
        return CrisisPhrases(phrases=rules.CRISIS_PHRASES, default=True)
    return CrisisPhrases(phrases=checked, default=False)
