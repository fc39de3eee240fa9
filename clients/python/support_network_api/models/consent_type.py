from enum import StrEnum


class ConsentType(StrEnum):
    SPECIFIC = "specific"
    TPO = "tpo"

    def __str__(self) -> str:
        return str(self.value)
