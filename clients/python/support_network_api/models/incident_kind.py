from enum import StrEnum


class IncidentKind(StrEnum):
    COMPROMISED_KEY = "compromised_key"
    SUSPECTED_BREACH = "suspected_breach"

    def __str__(self) -> str:
        return str(self.value)
