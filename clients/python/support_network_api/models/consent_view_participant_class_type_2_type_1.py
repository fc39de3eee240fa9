from enum import StrEnum


class ConsentViewParticipantClassType2Type1(StrEnum):
    TREATING_PROVIDERS = "treating_providers"

    def __str__(self) -> str:
        return str(self.value)
