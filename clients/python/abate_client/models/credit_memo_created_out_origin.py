from enum import StrEnum


class CreditMemoCreatedOutOrigin(StrEnum):
    AD_HOC = "ad_hoc"
    CANCELLATION = "cancellation"
    DOWNGRADE = "downgrade"
    INVOICE = "invoice"
    NEGATIVE_USAGE = "negative_usage"
    ORDER_CORRECTION = "order_correction"
    REFUND = "refund"

    def __str__(self) -> str:
        return str(self.value)
