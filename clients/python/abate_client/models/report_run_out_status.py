from typing import Literal

ReportRunOutStatus = Literal["failed", "queued", "running", "succeeded"]

REPORT_RUN_OUT_STATUS_VALUES: set[ReportRunOutStatus] = {
    "failed",
    "queued",
    "running",
    "succeeded",
}


def check_report_run_out_status(value: str) -> ReportRunOutStatus:
    if value in REPORT_RUN_OUT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REPORT_RUN_OUT_STATUS_VALUES!r}")
