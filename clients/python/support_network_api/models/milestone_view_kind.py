from enum import StrEnum


class MilestoneViewKind(StrEnum):
    AUTOMATIC = "automatic"
    CUSTOM = "custom"

    def __str__(self) -> str:
        return str(self.value)
