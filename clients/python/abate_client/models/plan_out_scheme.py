from enum import StrEnum


class PlanOutScheme(StrEnum):
    FLAT = "flat"
    METERED = "metered"
    PER_SEAT = "per_seat"

    def __str__(self) -> str:
        return str(self.value)
