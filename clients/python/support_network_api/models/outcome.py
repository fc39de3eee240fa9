from enum import StrEnum


class Outcome(StrEnum):
    KEPT = "kept"
    MISSED = "missed"
    PARTIAL = "partial"

    def __str__(self) -> str:
        return str(self.value)
