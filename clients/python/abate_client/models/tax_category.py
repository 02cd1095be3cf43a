from typing import Literal

TaxCategory = Literal["AE", "E", "G", "K", "O", "S", "Z"]

TAX_CATEGORY_VALUES: set[TaxCategory] = {
    "AE",
    "E",
    "G",
    "K",
    "O",
    "S",
    "Z",
}


def check_tax_category(value: str) -> TaxCategory:
    if value in TAX_CATEGORY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TAX_CATEGORY_VALUES!r}")
