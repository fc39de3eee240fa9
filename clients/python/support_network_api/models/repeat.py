from enum import StrEnum


class Repeat(StrEnum):
    ONCE = "once"
    WEEKLY = "weekly"

    def __str__(self) -> str:
        return str(self.value)
