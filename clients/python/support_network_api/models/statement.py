from enum import StrEnum


class Statement(StrEnum):
    CONDITIONING = "conditioning"
    HIPAA_REDISCLOSURE = "hipaa_redisclosure"
    REDISCLOSURE = "redisclosure"
    RIGHT_TO_REVOKE = "right_to_revoke"

    def __str__(self) -> str:
        return str(self.value)
