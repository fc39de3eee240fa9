from enum import StrEnum


class PurposeCode(StrEnum):
    HEALTH_CARE_OPERATIONS = "health_care_operations"
    PATIENT_REQUEST = "patient_request"
    PAYMENT = "payment"
    RESEARCH = "research"
    TREATMENT = "treatment"

    def __str__(self) -> str:
        return str(self.value)
