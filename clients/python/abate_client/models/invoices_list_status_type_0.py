from enum import StrEnum


class InvoicesListStatusType0(StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    PAID = "paid"
    VOID = "void"

    def __str__(self) -> str:
        return str(self.value)
