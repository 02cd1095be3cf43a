from typing import Literal

InvoiceOutStatus = Literal["draft", "open", "paid", "void"]

INVOICE_OUT_STATUS_VALUES: set[InvoiceOutStatus] = {
    "draft",
    "open",
    "paid",
    "void",
}


def check_invoice_out_status(value: str) -> InvoiceOutStatus:
    if value in INVOICE_OUT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {INVOICE_OUT_STATUS_VALUES!r}")
