from typing import Literal

ReportInReport = Literal["credit_memos", "invoice_details", "reseller_reconciliation"]

REPORT_IN_REPORT_VALUES: set[ReportInReport] = {
    "credit_memos",
    "invoice_details",
    "reseller_reconciliation",
}


def check_report_in_report(value: str) -> ReportInReport:
    if value in REPORT_IN_REPORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REPORT_IN_REPORT_VALUES!r}")
