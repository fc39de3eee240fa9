from enum import StrEnum


class OrganizationKind(StrEnum):
    CLINIC = "clinic"
    COMMUNITY_APP = "community_app"
    INTERMEDIARY = "intermediary"
    PEER_ORG = "peer_org"

    def __str__(self) -> str:
        return str(self.value)
