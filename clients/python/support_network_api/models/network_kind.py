from enum import StrEnum


class NetworkKind(StrEnum):
    CIRCLE = "circle"
    GROUP = "group"

    def __str__(self) -> str:
        return str(self.value)
