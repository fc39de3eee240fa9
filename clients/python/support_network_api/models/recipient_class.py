from enum import StrEnum


class RecipientClass(StrEnum):
    SUPPORTING_ORGANIZATIONS = "supporting_organizations"
    TREATING_PROVIDERS = "treating_providers"

    def __str__(self) -> str:
        return str(self.value)
