from enum import StrEnum


class ReportInReport(StrEnum):
    CREDIT_MEMOS = "credit_memos"
    INVOICE_DETAILS = "invoice_details"
    RESELLER_RECONCILIATION = "reseller_reconciliation"

    def __str__(self) -> str:
        return str(self.value)
