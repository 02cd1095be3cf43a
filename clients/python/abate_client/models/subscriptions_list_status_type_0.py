from enum import StrEnum


class SubscriptionsListStatusType0(StrEnum):
    ACTIVE = "active"
    CANCELLED = "cancelled"

    def __str__(self) -> str:
        return str(self.value)
