from enum import StrEnum


class SubscriptionOutStatus(StrEnum):
    ACTIVE = "active"
    CANCELLED = "cancelled"

    def __str__(self) -> str:
        return str(self.value)
