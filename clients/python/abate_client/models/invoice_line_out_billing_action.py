from enum import StrEnum


class InvoiceLineOutBillingAction(StrEnum):
    CANCELLATION = "cancellation"
    CORRECTION = "correction"
    DOWNGRADE = "downgrade"
    ONE_TIME = "one_time"
    RENEWAL = "renewal"
    UPGRADE = "upgrade"
    USAGE = "usage"

    def __str__(self) -> str:
        return str(self.value)
