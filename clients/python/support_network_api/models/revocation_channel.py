from enum import StrEnum


class RevocationChannel(StrEnum):
    ELECTRONIC = "electronic"
    ORAL = "oral"
    WRITTEN = "written"

    def __str__(self) -> str:
        return str(self.value)
