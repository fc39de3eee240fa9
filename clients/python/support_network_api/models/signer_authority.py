from enum import StrEnum


class SignerAuthority(StrEnum):
    GUARDIAN = "guardian"
    PATIENT = "patient"
    PERSONAL_REPRESENTATIVE = "personal_representative"

    def __str__(self) -> str:
        return str(self.value)
