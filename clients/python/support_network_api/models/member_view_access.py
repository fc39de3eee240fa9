from enum import StrEnum


class MemberViewAccess(StrEnum):
    CONSENT = "consent"
    HOME = "home"

    def __str__(self) -> str:
        return str(self.value)
