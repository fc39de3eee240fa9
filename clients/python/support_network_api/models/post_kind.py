from enum import StrEnum


class PostKind(StrEnum):
    ADVICE = "advice"
    QUESTION = "question"
    SHARE = "share"
    STRUGGLE = "struggle"
    WIN = "win"

    def __str__(self) -> str:
        return str(self.value)
