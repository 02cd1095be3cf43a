"""Money: Decimal amounts beside an ISO 4217 currency. Rounding happens here and only here."""

import datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cache, lru_cache

from babel.core import get_global
from babel.numbers import get_currency_precision, list_currencies
from django.utils import timezone

from common.errors import BusinessRule, InvalidInput

# Amounts, quantities and the totals they make stay below this in size.
MAX_MAGNITUDE = Decimal(10) ** 12
QUANTITY_PLACES = 6
RATE_PLACES = 6
ZERO = Decimal(0)


class UnsupportedCurrency(BusinessRule):
    code = "unsupported_currency"


@cache
def _known_currencies() -> frozenset[str]:
    return frozenset(c for c in list_currencies() if len(c) == 3 and c.isalpha() and c.isupper())


@lru_cache(maxsize=4)
def _tender_on(day: datetime.date) -> frozenset[str]:
    """The codes that are legal tender in some territory on `day` (CLDR, through babel):
    neither withdrawn ("DEM", "BGN" since 2026) nor a code for what is not money in use
    ("XXX" no currency, "XTS" testing, "XAU" gold, "XDR", fund codes such as "CLF")."""
    def on(date):
        return datetime.date(*date[:3]) if date else None

    return frozenset(
        code for spans in get_global("territory_currencies").values()
        for code, start, end, tender in spans
        if tender and (on(start) or day) <= day and (end is None or day < on(end)))


def is_currency(code: object) -> bool:
    """A code ISO 4217 has, current or not: what a filter over existing documents takes."""
    return isinstance(code, str) and code in _known_currencies()


def check_known_currency(code: object, *, param: str = "currency") -> str:
    """For reads (filters, balances of existing documents): any ISO 4217 code, else `400`."""
    if not is_currency(code):
        raise InvalidInput(f"unknown currency {code!r}", code="invalid_currency", param=param)
    return code  # type: ignore[return-value]


def check_currency(code: object, *, param: str = "currency", on: datetime.date | None = None
                   ) -> str:
    """For anything that holds money (a marketplace, a company, a document, a plan): an
    active ISO 4217 currency (legal tender on `on`, default today). Not a code ISO 4217 has
    ("ABC", "usd") is the contract's unknown currency, malformed input: `400
    invalid_currency`. No currency ("", or "XXX", the code for none) or a code that is no
    money one can bill in now ("XTS", "XAU", "XDR", withdrawn "DEM") is well-formed but
    breaks the rule that money is in a currency: `422 unsupported_currency`."""
    if code == "":
        raise UnsupportedCurrency(f"{param} is empty: name an active ISO 4217 currency",
                                  param=param)
    check_known_currency(code, param=param)
    if code not in _tender_on(on or timezone.now().date()):
        raise UnsupportedCurrency(
            f"{code} is not an active currency (ISO 4217 lists it, but it is not legal tender "
            "now: no currency, testing, a precious metal, a fund or a withdrawn code)",
            param=param)
    return code  # type: ignore[return-value]


@cache
def minor_digits(currency: str) -> int:
    return get_currency_precision(currency)


@cache
def _exponent(currency: str) -> Decimal:
    return Decimal(1).scaleb(-minor_digits(currency))


def round_amount(value: Decimal, currency: str) -> Decimal:
    """Half-up to the currency's minor unit. The one rounding function of Abate."""
    return value.quantize(_exponent(currency), rounding=ROUND_HALF_UP)


def format_amount(value: Decimal, currency: str) -> str:
    """An amount as the API writes it: exactly the currency's minor digits."""
    return str(round_amount(Decimal(value), currency))


def _to_decimal(value: object, param: str) -> Decimal:
    if isinstance(value, bool) or value is None:
        raise InvalidInput(f"{param} must be a decimal number", param=param)
    if isinstance(value, float):
        value = repr(value)
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, (str, Decimal)):
        raise InvalidInput(f"{param} must be a decimal number", param=param)
    if isinstance(value, Decimal) and value.is_zero():
        value = abs(value)  # the JSON number -0 is 0 (the text "-0" is a sign, refused)
    if isinstance(value, str):
        text = value
        if not text or len(text) > 64 or any(c not in "0123456789.-+" for c in text):
            raise InvalidInput(f"{param} must be a plain decimal number", param=param)
        try:
            value = Decimal(text)
        except InvalidOperation:
            raise InvalidInput(f"{param} must be a plain decimal number", param=param) from None
    if not value.is_finite():
        raise InvalidInput(f"{param} must be a finite number", param=param)
    return value


def _places(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def parse_amount(
    value: object,
    currency: str,
    *,
    param: str = "amount",
    allow_negative: bool = False,
    allow_zero: bool = True,
) -> Decimal:
    """Validate an amount given by a client: finite, within the currency's minor digits,
    non-negative unless allowed, and below 10^12 in size."""
    amount = _to_decimal(value, param)
    if _places(amount) > minor_digits(currency):
        raise InvalidInput(
            f"{param} has more decimals than {currency} allows ({minor_digits(currency)})",
            param=param,
        )
    if amount.is_signed() and not allow_negative:  # "-0" included
        raise InvalidInput(f"{param} must not be negative", param=param)
    if amount == 0 and not allow_zero:
        raise InvalidInput(f"{param} must be above zero", param=param)
    if abs(amount) >= MAX_MAGNITUDE:
        raise InvalidInput(f"{param} must be below 10^12 in size", param=param)
    return round_amount(amount, currency)


def parse_quantity(value: object, *, param: str = "quantity") -> Decimal:
    quantity = _to_decimal(value, param)
    if quantity <= 0:
        raise InvalidInput(f"{param} must be above zero", param=param)
    if _places(quantity) > QUANTITY_PLACES:
        raise InvalidInput(f"{param} has more than {QUANTITY_PLACES} decimals", param=param)
    if quantity >= MAX_MAGNITUDE:
        raise InvalidInput(f"{param} must be below 10^12", param=param)
    return quantity.normalize() if quantity == quantity.to_integral() else quantity


def parse_rate(value: object, *, param: str = "tax_rate") -> Decimal:
    rate = _to_decimal(value, param)
    if rate.is_signed() or rate > 1:  # "-0" included
        raise InvalidInput(f"{param} is a fraction from 0 to 1", param=param)
    if _places(rate) > RATE_PLACES:
        raise InvalidInput(f"{param} has more than {RATE_PLACES} decimals", param=param)
    return rate


def check_magnitude(value: Decimal, *, param: str) -> Decimal:
    if abs(value) >= MAX_MAGNITUDE:
        raise InvalidInput(f"{param} must stay below 10^12 in size", param=param)
    return value


def format_decimal(value: Decimal) -> str:
    """A quantity or rate as a plain decimal string without exponent or trailing zeros."""
    value = Decimal(value)
    if value == value.to_integral():
        return str(value.quantize(Decimal(1)))
    return format(value.normalize(), "f")


def allocate_cumulative(*, total: Decimal, base: Decimal, before: Decimal, now: Decimal,
                        allocated_before: Decimal, currency: str) -> Decimal:
    """Share of `total` that goes with `now` out of `base`, when `before` (with
    `allocated_before` of the total) was already taken. Rounding the cumulative share and
    subtracting what was already allocated means all parts together never exceed `total`,
    to the minor unit, and the last part takes exactly what is left."""
    if base == 0:
        return ZERO
    if before + now == base:
        return total - allocated_before
    cumulative = round_amount(total * (before + now) / base, currency)
    return cumulative - allocated_before
