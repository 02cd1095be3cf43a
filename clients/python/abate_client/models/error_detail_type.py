from enum import StrEnum


class ErrorDetailType(StrEnum):
    API_ERROR = "api_error"
    AUTHENTICATION = "authentication"
    BUSINESS_RULE = "business_rule"
    CONFLICT = "conflict"
    INVALID_REQUEST = "invalid_request"
    NOT_FOUND = "not_found"
    PERMISSION = "permission"
    RATE_LIMITED = "rate_limited"

    def __str__(self) -> str:
        return str(self.value)
