from enum import StrEnum


class DataScope(StrEnum):
    CONVERSATION = "conversation"
    MILESTONES = "milestones"
    NETWORKS = "networks"
    PLEDGES = "pledges"
    PROFILE = "profile"
    RECOVERY = "recovery"

    def __str__(self) -> str:
        return str(self.value)
