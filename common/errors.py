"""Domain errors. Each has a stable `code` and an HTTP-facing `kind` the API maps to a status."""


class DomainError(Exception):
    kind = "business_rule"  # 422
    code = "business_rule"

    def __init__(self, message: str = "", *, code: str | None = None, param: str | None = None):
        super().__init__(message or self.code)
        self.message = message or self.code
        if code:
            self.code = code
        self.param = param


class InvalidInput(DomainError):
    """Malformed or invalid input (400)."""

    kind = "invalid_request"
    code = "invalid"


class NotFound(DomainError):
    """Names nothing the caller may see (404)."""

    kind = "not_found"
    code = "not_found"


class InvalidState(DomainError):
    """The state of the object forbids the action (409)."""

    kind = "conflict"
    code = "invalid_state"


class BusinessRule(DomainError):
    """Well-formed but breaks a billing rule (422)."""

    kind = "business_rule"
    code = "business_rule"
