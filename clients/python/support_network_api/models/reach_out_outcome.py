from enum import StrEnum


class ReachOutOutcome(StrEnum):
    EMERGENCY_SERVICES = "emergency_services"
    EXPIRED = "expired"
    NO_LONGER_NEEDED = "no_longer_needed"
    REFERRED = "referred"
    SUPPORTED = "supported"

    def __str__(self) -> str:
        return str(self.value)
