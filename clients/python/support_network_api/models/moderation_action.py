from enum import StrEnum


class ModerationAction(StrEnum):
    DISMISS = "dismiss"
    HIDE = "hide"
    UNHIDE = "unhide"

    def __str__(self) -> str:
        return str(self.value)
