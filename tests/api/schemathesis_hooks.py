"""What schemathesis is told beyond the OpenAPI document, loaded by the live run with
`SCHEMATHESIS_HOOKS=tests.api.schemathesis_hooks`.

The document gives every decimal field its pattern and a `format` naming the rule a pattern
cannot hold: an amount has at most its currency's minor digits, and the currency is another
field or another document's. The run's seeded documents are all in EUR (2 digits), so valid
amounts are generated with at most 2 decimals; quantities and rates with at most 6, within
their ranges. A JSON number in a valid request is given the same bound (hypothesis writes
multiples of 0.01 as floats such as 0.5700000000000001, which no currency allows)."""

import math
from decimal import Decimal

import schemathesis
from hypothesis import strategies as st


def _decimals(low: str, high: str, places: int):
    return st.decimals(min_value=Decimal(low), max_value=Decimal(high), places=places,
                       allow_nan=False, allow_infinity=False).map(lambda d: format(d, "f"))


FORMATS = {
    "amount": _decimals("0", "99999.99", 2),
    "positive-amount": _decimals("0.01", "99999.99", 2),
    "signed-amount": _decimals("-99999.99", "99999.99", 2),
    "quantity": _decimals("0.000001", "9999", 6),
    "signed-quantity": _decimals("-9999", "9999", 6).filter(lambda text: Decimal(text) != 0),
    "rate": _decimals("0", "1", 6),
    "percent": _decimals("0", "100", 6),
}
for name, strategy in FORMATS.items():
    schemathesis.openapi.format(name, strategy)


def _two_places(value):
    if isinstance(value, float):
        rounded = round(value, 2)
        return rounded if rounded or not value else math.copysign(0.01, value)
    if isinstance(value, dict):
        return {k: _two_places(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_two_places(v) for v in value]
    return value


@schemathesis.hook
def map_case(context, case):
    meta = case.meta
    if meta is not None and meta.generation.mode.is_positive and case.body is not None:
        case.body = _two_places(case.body)
    return case
