from enum import StrEnum


class ReportReason(StrEnum):
    CRISIS = "crisis"
    EXPOSING_IDENTITY = "exposing_identity"
    HARASSMENT = "harassment"
    SPAM = "spam"
    STIGMATISING = "stigmatising"
    UNSAFE_ADVICE = "unsafe_advice"

    def __str__(self) -> str:
        return str(self.value)
