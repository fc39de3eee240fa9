from enum import StrEnum


class RestrictionDecisionDecision(StrEnum):
    AGREE = "agree"
    DENY = "deny"

    def __str__(self) -> str:
        return str(self.value)
