from enum import StrEnum


class DataScope(StrEnum):
    CONVERSATION = "conversation"
    ENGAGEMENT = "engagement"
    MEETINGS = "meetings"
    MILESTONES = "milestones"
    NETWORKS = "networks"
    PLEDGES = "pledges"
    PROFILE = "profile"
    REACH_OUTS = "reach_outs"
    RECOVERY = "recovery"

    def __str__(self) -> str:
        return str(self.value)
