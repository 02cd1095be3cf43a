"""The ground of every schema: `In` (request bodies), `Out` (answers), the field types
shared by all, the error envelope and `list_of`."""

import datetime
import enum
import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictStr,
    WithJsonSchema,
    field_validator,
)
from pydantic_core import PydanticCustomError

from common.tax import CATEGORY_CODES, CATEGORY_LABELS, VATEX_PATTERN

AMOUNT_OUT_PATTERN = r"^-?[0-9]+(\.[0-9]+)?$"

# --- request fields ---------------------------------------------------------------------------
# The services validate every value; these types only say, in the OpenAPI document, exactly
# what they accept. A decimal is a string in plain notation (sign, digits, at most one point,
# no exponent, no spaces) or a JSON number; both are read as exact decimals. Each kind has a
# `format` naming the rule a pattern cannot hold (the currency's minor digits, "above zero"),
# which generators may use.

MAX_DECIMAL_TEXT = 64  # characters of a decimal string (common.money refuses longer ones)
_INT12 = r"0*[0-9]{1,12}"  # below 10^12; leading zeros allowed, as Decimal reads them


def _decimal_field(*, sign: str, places: int, fmt: str, description: str,
                   minimum: int | None = 0, maximum: int | None = None,
                   nonzero: bool = False) -> Any:
    fraction = rf"[0-9]{{0,{places}}}0*"
    if nonzero:
        # A digit other than 0 among the whole part or the first `places` decimals.
        pattern = (rf"^{sign}(0*[1-9][0-9]{{0,11}}(\.{fraction})?"
                   rf"|0*\.[0-9]{{0,{places - 1}}}[1-9]0*)$")
    else:
        pattern = {
            None: rf"^{sign}({_INT12}(\.{fraction})?|\.[0-9]{{1,{places}}}0*)$",
            1: rf"^{sign}0*(0?\.[0-9]{{1,{places}}}0*|0\.?|1\.?|1\.0+)$",
            100: (rf"^{sign}0*([0-9]{{1,2}}\.?|[0-9]{{0,2}}\.[0-9]{{1,{places}}}0*"
                  rf"|100\.?|100\.0+)$"),
        }[maximum]
    number: dict = {"type": "number"}
    if minimum is not None:
        number["exclusiveMinimum" if nonzero else "minimum"] = minimum
    if maximum is not None:
        number["maximum"] = maximum
    else:
        number["exclusiveMaximum"] = 10**12
        if minimum is None:
            number["exclusiveMinimum"] = -(10**12)
            if nonzero:
                number["not"] = {"const": 0}
    return Annotated[Any, WithJsonSchema({
        "anyOf": [{"type": "string", "format": fmt, "pattern": pattern,
                   "maxLength": MAX_DECIMAL_TEXT},
                  number],
        "description": description,
    })]


_MONEY_WORDS = ("a decimal string in plain notation (\"200.00\") or a JSON number, with at "
                "most the currency's minor digits (2 for EUR and USD, 0 for JPY, 3 for BHD), "
                "below 10^12 in size")
MAX_MINOR_DIGITS = 4  # the most any ISO 4217 currency has (CLF, UYW)

AmountIn = _decimal_field(sign=r"\+?", places=MAX_MINOR_DIGITS, fmt="amount",
                          description=f"{_MONEY_WORDS}; zero or more")
PositiveAmountIn = _decimal_field(sign=r"\+?", places=MAX_MINOR_DIGITS,
                                  fmt="positive-amount", nonzero=True,
                                  description=f"{_MONEY_WORDS}; above zero")
SignedAmountIn = _decimal_field(sign=r"[+-]?", places=MAX_MINOR_DIGITS, fmt="signed-amount",
                                minimum=None, description=f"{_MONEY_WORDS}; may be negative")
QuantityIn = _decimal_field(sign=r"\+?", places=6, fmt="quantity", nonzero=True,
                            description="a decimal string in plain notation (\"2\", \"1.5\") "
                                        "or a JSON number; above zero, at most 6 decimals, "
                                        "below 10^12")
SignedQuantityIn = _decimal_field(sign=r"[+-]?", places=6, fmt="signed-quantity", minimum=None,
                                  nonzero=True,
                                  description="a decimal string in plain notation or a JSON "
                                              "number; not zero, at most 6 decimals, below "
                                              "10^12 in size")
RateIn = _decimal_field(sign=r"\+?", places=6, fmt="rate", maximum=1,
                        description="a fraction from 0 to 1 (\"0.20\" is 20 %), at most 6 "
                                    "decimals, as a decimal string in plain notation or a "
                                    "JSON number")

# Text: at most `max_length` characters; `required` text must hold more than white space.
# (No NUL character anywhere: api/openapi.py adds that to every string.)
# White space as str.strip() sees it (regex engines differ on \s: \x1c-\x1f are white space
# to Python, not to every generator).
WHITE_SPACE = r"\t-\r\x1c- \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
NONBLANK_PATTERN = rf"^[^\x00]*[^{WHITE_SPACE}\x00][^\x00]*$"


# A line says what it is: a product, a subscription (which brings its product) or a name.
NAMES_ITSELF = {"anyOf": [
    {"required": ["product_id"], "properties": {"product_id": {"type": "string"}}},
    {"required": ["subscription_id"], "properties": {"subscription_id": {"type": "string"}}},
    {"required": ["name"], "properties": {"name": {"type": "string",
                                                   "pattern": NONBLANK_PATTERN}}},
]}


def text(max_length: int = 200, *, required: bool = False, pattern: str | None = None,
         description: str | None = None):
    """Text of at most `max_length` characters; `required` text holds more than white
    space; `pattern` gives text of a set form (the service checks it)."""
    schema: dict = {"type": "string", "maxLength": max_length}
    if required:
        schema["pattern"] = NONBLANK_PATTERN
        schema["minLength"] = 1
    if pattern:
        schema["pattern"] = pattern
    if description:
        schema["description"] = description
    return Annotated[StrictStr, WithJsonSchema(schema)]


Id = Annotated[StrictStr, WithJsonSchema({
    "type": "string", "format": "uuid",
    "description": "an id this API gave; one that names nothing the key may see is a 404"})]
DateIn = Annotated[StrictStr, WithJsonSchema({"type": "string", "format": "date",
                                              "description": "YYYY-MM-DD"})]


def currency_codes() -> list[str]:
    from babel.numbers import list_currencies

    return sorted(c for c in list_currencies() if len(c) == 3 and c.isalpha() and c.isupper())


CurrencyIn = Annotated[StrictStr, WithJsonSchema({
    "type": "string", "enum": currency_codes(),
    "description": "an ISO 4217 code; one that is not legal tender now (XXX, XTS, a withdrawn "
                   "code) is a 422 unsupported_currency"})]

def _iso_date(value):
    if isinstance(value, str) and not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        raise ValueError("a date is YYYY-MM-DD")
    if not isinstance(value, (str, datetime.date)):
        raise ValueError("a date is YYYY-MM-DD")
    return value


# A date in a query string: YYYY-MM-DD only (pydantic alone would read "0" as 1970-01-01).
DateQuery = Annotated[datetime.date, BeforeValidator(_iso_date)]

# A list filter: any ISO 4217 code (400 invalid_currency otherwise).
CurrencyCode = Annotated[str, WithJsonSchema({"type": "string", "enum": currency_codes()})]

TaxCategory = enum.StrEnum("TaxCategory", {code: code for code in CATEGORY_CODES})
TaxCategory.__doc__ = (
    "A line's VAT category (EN 16931, UNCL 5305): "
    + "; ".join(f"{code} {label.lower()}" for code, label in CATEGORY_LABELS.items())
    + ". Only S carries a tax_rate above 0; E needs an exemption reason (code or text); AE, "
    "K, G and O take a default one (VATEX-EU-AE, VATEX-EU-IC, VATEX-EU-G, VATEX-EU-O).")


TAX_CATEGORY_IN = (
    "default: the product's category; without a product S when tax_rate is above 0 (AE, "
    "reverse charge at 0, for a company marked `reverse_charge`), else Z (zero rated) when "
    "the seller has a VAT id or another line has a category other than O, else O (not "
    "subject to VAT). A rate above 0 with a category other than S, S at 0, E without a "
    "reason, an exemption reason on S or Z, O beside another category, or AE without the "
    "seller's and the customer's VAT ids: 422 invalid_tax")
ExemptionCodeIn = Annotated[StrictStr, WithJsonSchema({
    "type": "string", "maxLength": 30, "pattern": rf"^(?:{VATEX_PATTERN})?$",
    "description": "why the line is not taxed at the standard rate, as a VATEX code (e.g. "
                   "VATEX-EU-132-1I); for E, AE, K, G and O only"})]
ExemptionReasonIn = Annotated[StrictStr, WithJsonSchema({
    "type": "string", "maxLength": 300,
    "description": "the exemption reason as text (e.g. \"Medical care\"); for E, AE, K, G "
                   "and O only"})]


Amount = Annotated[str, Field(pattern=AMOUNT_OUT_PATTERN,
                              description="decimal string with the currency's minor digits")]
DecimalText = Annotated[str, Field(pattern=AMOUNT_OUT_PATTERN, description="decimal string")]
Currency = Annotated[str, Field(description="ISO 4217 code", min_length=3, max_length=3)]


class In(BaseModel):
    """A request body: unknown fields are a 400, and so is null for a required field (checked
    before its type, so that `Any` fields such as `AmountIn` refuse it too); an optional
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
