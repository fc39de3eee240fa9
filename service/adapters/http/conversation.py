"""A network's conversation (issue #13): so far, the organization's own crisis phrases."""

from __future__ import annotations

from typing import Annotated

import msgspec
from litestar import delete, get, put
from litestar.params import JSONBody
from msgspec import Meta

from service.adapters.http.operations import ApiController, HttpRequest, acting, operation
from service.adapters.http.schemas import PRINTABLE
from service.domain.conversation import MAX_CRISIS_PHRASE_CHARACTERS, MAX_CRISIS_PHRASES
from service.domain.organizations import Scope
from service.usecases import conversation as usecases

Phrase = Annotated[
    str, Meta(min_length=2, max_length=MAX_CRISIS_PHRASE_CHARACTERS, pattern=PRINTABLE)
]


class CrisisPhrasesUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """The organization's own crisis phrases. They replace the default list (each phrase
    once, as matching sees it: case and spacing do not count)."""

    phrases: Annotated[list[Phrase], Meta(min_length=1, max_length=MAX_CRISIS_PHRASES)]


class CrisisPhrasesView(msgspec.Struct, kw_only=True):
    """The phrases that flag a post or reply by one of the organization's members
    (`post.crisis_flagged`, to the organization, so that a person can reach out at once).
    A flag never hides or blocks what someone wrote. Matching takes whole words, and ignores
    case, curly apostrophes and runs of spaces."""

    phrases: list[str]
    default: bool

    @classmethod
    def of(cls, found: usecases.CrisisPhrases) -> CrisisPhrasesView:
        return cls(phrases=list(found.phrases), default=found.default)


class CrisisPhraseController(ApiController):
    path = "/v1/crisis-phrases"
    tags = ["conversation"]

    @operation(get, "getCrisisPhrases", Scope.NETWORKS_READ)
    async def get_phrases(self, request: HttpRequest) -> CrisisPhrasesView:
        """The crisis phrases that flag the organization's members' posts

        The organization's own list, or the documented default list (`default: true`) while
        it has not set one.
        """
        act = acting(request)
        return CrisisPhrasesView.of(await usecases.crisis_phrases(act.organization_id, act.uow()))

    @operation(put, "replaceCrisisPhrases", Scope.NETWORKS_WRITE, errors=(413, 422))
    async def replace_phrases(
        self, request: HttpRequest, data: JSONBody[CrisisPhrasesUpdate]
    ) -> CrisisPhrasesView:
        """Replace the organization's crisis phrases

        The list replaces the default one rather than adding to it: include the default
        phrases you want to keep. It applies to posts written from now on.
        """
        act = acting(request)
        found = await usecases.replace_crisis_phrases(
            act.organization_id, tuple(data.phrases), act.uow()
        )
        return CrisisPhrasesView.of(found)

    @operation(delete, "restoreDefaultCrisisPhrases", Scope.NETWORKS_WRITE, status_code=200)
    async def restore_default(self, request: HttpRequest) -> CrisisPhrasesView:
        """Go back to the default crisis phrases

        The organization's own list is dropped; the documented default list applies to posts
        written from now on. Doing it twice changes nothing.
        """
        act = acting(request)
        return CrisisPhrasesView.of(
            await usecases.replace_crisis_phrases(act.organization_id, None, act.uow())
        )
