from enum import StrEnum


class EndEvent(StrEnum):
    REFERRAL_CLOSED = "referral_closed"
    TREATMENT_ENDED = "treatment_ended"

    def __str__(self) -> str:
        return str(self.value)
