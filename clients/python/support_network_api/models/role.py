from enum import StrEnum


class Role(StrEnum):
    CLINICIAN = "clinician"
    COORDINATOR = "coordinator"
    FAMILY = "family"
    FOCUS = "focus"
    PEER_SUPPORTER = "peer_supporter"
    SPONSOR = "sponsor"

    def __str__(self) -> str:
        return str(self.value)
