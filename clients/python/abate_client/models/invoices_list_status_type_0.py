from typing import Literal

InvoicesListStatusType0 = Literal["draft", "open", "paid", "void"]

INVOICES_LIST_STATUS_TYPE_0_VALUES: set[InvoicesListStatusType0] = {
    "draft",
    "open",
    "paid",
    "void",
}


def check_invoices_list_status_type_0(value: str) -> InvoicesListStatusType0:
    if value in INVOICES_LIST_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {INVOICES_LIST_STATUS_TYPE_0_VALUES!r}")
