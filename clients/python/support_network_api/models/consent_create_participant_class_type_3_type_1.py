from enum import StrEnum


class ConsentCreateParticipantClassType3Type1(StrEnum):
    TREATING_PROVIDERS = "treating_providers"

    def __str__(self) -> str:
        return str(self.value)
