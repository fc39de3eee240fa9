from enum import StrEnum


class Cadence(StrEnum):
    DAILY = "daily"
    ONCE = "once"
    WEEKLY = "weekly"

    def __str__(self) -> str:
        return str(self.value)
