from enum import StrEnum


class NetworkCreatedDataKind(StrEnum):
    CIRCLE = "circle"
    GROUP = "group"

    def __str__(self) -> str:
        return str(self.value)
