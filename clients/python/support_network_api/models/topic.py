from enum import StrEnum


class Topic(StrEnum):
    CRAVINGS = "cravings"
    FAMILY = "family"
    HOUSING = "housing"
    MEETINGS = "meetings"
    PAIN = "pain"
    RELATIONSHIPS = "relationships"
    SLEEP = "sleep"
    WORK = "work"

    def __str__(self) -> str:
        return str(self.value)
