from enum import StrEnum


class AttendanceStatus(StrEnum):
    ABSENT = "absent"
    ATTENDED = "attended"
    EXCUSED = "excused"

    def __str__(self) -> str:
        return str(self.value)
