from enum import StrEnum


class CreditMemoOutStatus(StrEnum):
    CLOSED = "closed"
    DRAFT = "draft"
    FULLY_APPLIED = "fully_applied"
    PAID_OUT = "paid_out"
    PARTIALLY_APPLIED = "partially_applied"
    UNAPPLIED = "unapplied"
    VOID = "void"

    def __str__(self) -> str:
        return str(self.value)
