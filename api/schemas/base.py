"""The ground of every schema: `In` (request bodies), `Out` (answers), the field types
shared by all, the error envelope and `list_of`."""

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    WithJsonSchema,
    field_validator,
)
from pydantic_core import PydanticCustomError

DECIMAL_PATTERN = r"^[+-]?[0-9]+(\.[0-9]+)?$"
AMOUNT_OUT_PATTERN = r"^-?[0-9]+(\.[0-9]+)?$"

Decimalish = Annotated[Any, WithJsonSchema({
    "anyOf": [{"type": "string", "pattern": DECIMAL_PATTERN}, {"type": "number"}],
    "description": "a decimal string in plain notation (\"200.00\") or a JSON number",
})]
Amount = Annotated[str, Field(pattern=AMOUNT_OUT_PATTERN,
                              description="decimal string with the currency's minor digits")]
DecimalText = Annotated[str, Field(pattern=AMOUNT_OUT_PATTERN, description="decimal string")]
Currency = Annotated[str, Field(description="ISO 4217 code", min_length=3, max_length=3)]


class In(BaseModel):
    """A request body: unknown fields are a 400, and so is null for a required field (checked
    before its type, so that `Any` fields such as `Decimalish` refuse it too); an optional
    field takes null as "not given"."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="before")
    @classmethod
    def _required_not_null(cls, value, info):
        if value is None and cls.model_fields[info.field_name].is_required():
            raise PydanticCustomError("null_value", "may not be null")
        return value


class Out(BaseModel):
    pass


# --- errors and lists -----------------------------------------------------------------------

class ErrorDetail(Out):
    type: Literal["invalid_request", "authentication", "permission", "not_found", "conflict",
                  "business_rule", "rate_limited", "api_error"]
    code: str
    message: str
    param: str | None


class ErrorOut(Out):
    error: ErrorDetail


def list_of(item: type[Out], name: str) -> type[Out]:
    return type(name, (Out,), {
        "__annotations__": {"object": Literal["list"], "data": list[item], "has_more": bool,
                            "next_cursor": str | None},
    })
