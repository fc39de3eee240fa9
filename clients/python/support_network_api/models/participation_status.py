from enum import StrEnum


class ParticipationStatus(StrEnum):
    ACTIVE = "active"
    DECLINED = "declined"
    INVITED = "invited"
    LEFT = "left"

    def __str__(self) -> str:
        return str(self.value)
