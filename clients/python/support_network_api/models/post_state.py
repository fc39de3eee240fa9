from enum import StrEnum


class PostState(StrEnum):
    DELETED = "deleted"
    ERASED = "erased"
    HIDDEN = "hidden"
    VISIBLE = "visible"

    def __str__(self) -> str:
        return str(self.value)
