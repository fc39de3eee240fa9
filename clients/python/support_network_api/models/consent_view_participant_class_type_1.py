from enum import StrEnum


class ConsentViewParticipantClassType1(StrEnum):
    TREATING_PROVIDERS = "treating_providers"

    def __str__(self) -> str:
        return str(self.value)
