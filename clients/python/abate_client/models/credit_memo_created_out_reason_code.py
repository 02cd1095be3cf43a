from enum import StrEnum


class CreditMemoCreatedOutReasonCode(StrEnum):
    CANCELLATION = "cancellation"
    DOWNGRADE = "downgrade"
    DUPLICATE = "duplicate"
    GOODWILL = "goodwill"
    NEGATIVE_USAGE = "negative_usage"
    ORDER_CORRECTION = "order_correction"
    OTHER = "other"
    OVERCHARGE = "overcharge"
    REFUND = "refund"
    RETURN = "return"
    SERVICE_CREDIT = "service_credit"

    def __str__(self) -> str:
        return str(self.value)
