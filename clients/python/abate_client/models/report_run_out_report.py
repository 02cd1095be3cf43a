from typing import Literal

ReportRunOutReport = Literal["credit_memos", "invoice_details", "reseller_reconciliation"]

REPORT_RUN_OUT_REPORT_VALUES: set[ReportRunOutReport] = {
    "credit_memos",
    "invoice_details",
    "reseller_reconciliation",
}


def check_report_run_out_report(value: str) -> ReportRunOutReport:
    if value in REPORT_RUN_OUT_REPORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REPORT_RUN_OUT_REPORT_VALUES!r}")
