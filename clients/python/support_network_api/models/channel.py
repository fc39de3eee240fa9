from enum import StrEnum


class Channel(StrEnum):
    API = "api"
    EVENT_FEED = "event_feed"
    WEBHOOK = "webhook"

    def __str__(self) -> str:
        return str(self.value)
