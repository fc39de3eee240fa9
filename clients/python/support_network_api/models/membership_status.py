from enum import StrEnum


class MembershipStatus(StrEnum):
    ACTIVE = "active"
    INVITED = "invited"
    LEFT = "left"

    def __str__(self) -> str:
        return str(self.value)
