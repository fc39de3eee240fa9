from enum import StrEnum


class Scope(StrEnum):
    CONSENTSREAD = "consents:read"
    CONSENTSWRITE = "consents:write"
    KEYSMANAGE = "keys:manage"
    MEMBERSREAD = "members:read"
    MEMBERSWRITE = "members:write"
    NETWORKSREAD = "networks:read"
    NETWORKSWRITE = "networks:write"
    REFERRALSREAD = "referrals:read"
    REFERRALSWRITE = "referrals:write"
    WEBHOOKSMANAGE = "webhooks:manage"

    def __str__(self) -> str:
        return str(self.value)
