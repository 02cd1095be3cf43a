from enum import StrEnum


class NotificationSettingUpdateKind(StrEnum):
    CREDIT_APPLIED = "credit_applied"
    CREDIT_MEMO_PDF_CREATED = "credit_memo_pdf_created"
    INVOICE_ISSUED = "invoice_issued"

    def __str__(self) -> str:
        return str(self.value)
