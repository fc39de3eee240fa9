from enum import StrEnum


class DataScope(StrEnum):
    MILESTONES = "milestones"
    NETWORKS = "networks"
    PLEDGES = "pledges"
    PROFILE = "profile"
    RECOVERY = "recovery"

    def __str__(self) -> str:
        return str(self.value)
