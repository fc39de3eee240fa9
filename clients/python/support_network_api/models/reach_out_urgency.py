from enum import StrEnum


class ReachOutUrgency(StrEnum):
    NOW = "now"
    TODAY = "today"

    def __str__(self) -> str:
        return str(self.value)
