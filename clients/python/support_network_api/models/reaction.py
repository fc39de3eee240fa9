from enum import StrEnum


class Reaction(StrEnum):
    HEART = "heart"
    SAME_HERE = "same_here"
    STRENGTH = "strength"
    THANK_YOU = "thank_you"

    def __str__(self) -> str:
        return str(self.value)
