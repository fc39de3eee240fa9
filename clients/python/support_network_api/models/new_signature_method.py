from enum import StrEnum


class NewSignatureMethod(StrEnum):
    ELECTRONIC = "electronic"
    WRITTEN = "written"

    def __str__(self) -> str:
        return str(self.value)
