from enum import StrEnum


class PledgeStatus(StrEnum):
    ACTIVE = "active"
    COMPLETED = "completed"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
