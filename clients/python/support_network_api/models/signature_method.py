from enum import StrEnum


class SignatureMethod(StrEnum):
    ELECTRONIC = "electronic"
    VERBAL_WITNESSED = "verbal_witnessed"
    WRITTEN = "written"

    def __str__(self) -> str:
        return str(self.value)
