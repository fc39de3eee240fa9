from enum import StrEnum


class ResponseKind(StrEnum):
    CALLING = "calling"
    CANNOT_NOW = "cannot_now"
    MESSAGED = "messaged"
    ON_MY_WAY = "on_my_way"

    def __str__(self) -> str:
        return str(self.value)
