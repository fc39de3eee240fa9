from enum import StrEnum


class Unit(StrEnum):
    DAYS = "days"
    HOURS = "hours"
    MONTHS = "months"

    def __str__(self) -> str:
        return str(self.value)
