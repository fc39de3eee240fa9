from enum import StrEnum


class RestrictionStatus(StrEnum):
    AGREED = "agreed"
    DENIED = "denied"
    ENDED = "ended"
    REQUESTED = "requested"

    def __str__(self) -> str:
        return str(self.value)
