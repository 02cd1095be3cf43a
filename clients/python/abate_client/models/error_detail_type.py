from typing import Literal

ErrorDetailType = Literal[
    "api_error",
    "authentication",
    "business_rule",
    "conflict",
    "invalid_request",
    "not_found",
    "permission",
    "rate_limited",
]

ERROR_DETAIL_TYPE_VALUES: set[ErrorDetailType] = {
    "api_error",
    "authentication",
    "business_rule",
    "conflict",
    "invalid_request",
    "not_found",
    "permission",
    "rate_limited",
}


def check_error_detail_type(value: str) -> ErrorDetailType:
    if value in ERROR_DETAIL_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ERROR_DETAIL_TYPE_VALUES!r}")
