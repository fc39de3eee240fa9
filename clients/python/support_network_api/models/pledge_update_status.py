from enum import StrEnum


class PledgeUpdateStatus(StrEnum):
    COMPLETED = "completed"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
