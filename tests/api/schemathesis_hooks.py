"""What schemathesis is told beyond the OpenAPI document, loaded by the live run with
`SCHEMATHESIS_HOOKS=tests.api.schemathesis_hooks`; the seeded ids and cursors come in the
JSON file `ABATE_SCHEMATHESIS_DATA` names.

- Decimal fields: the document gives each its pattern and a `format` naming the rule a
  pattern cannot hold: an amount has at most its currency's minor digits, and the currency
  is another field's or another document's. The run's seeded documents are all in EUR (2
  digits), so valid amounts are generated with at most 2 decimals; quantities and rates with
  at most 6, within their ranges. Valid amounts stay at most 100.00, so that most fit the
  seeded balances (1,690.00 invoices, a 200.00 memo) and reach 200 rather than a 422. A JSON
  number in a valid body is given the same bound
  (hypothesis writes multiples of 0.01 as floats such as 0.5700000000000001).
- Ids and cursors: in a part of a request generated as valid, most ids are replaced by those
  of seeded objects and a cursor by one the same list gave, so requests reach the services
  instead of ending in 404 or 400 invalid_cursor (an id or cursor the API never gave is
  not valid data). Parts generated as invalid are left alone. In the stateful phase, whose
  links carry the ids that create operations answered, only an id no answer ever gave is
  replaced."""

import json
import math
import os
import random
import re
from decimal import Decimal
from pathlib import Path

import schemathesis
from hypothesis import strategies as st
from schemathesis.core import NOT_SET
from schemathesis.core.parameters import ParameterLocation

DATA = (json.loads(Path(os.environ["ABATE_SCHEMATHESIS_DATA"]).read_text())
        if os.environ.get("ABATE_SCHEMATHESIS_DATA") else {"ids": {}, "cursors": {}})
IDS, CURSORS = dict(DATA["ids"]), DATA["cursors"]
PARENTS = IDS.pop("_parents", {})  # an application's memo, a delivery's endpoint
NOT_EUR = set(IDS.pop("_not_eur", []))
POOLS = IDS.pop("_pools", {})  # ids of its own for an operation that uses them up
SEEN = {value for values in IDS.values() for value in values} | {
    value for pool in POOLS.values() for values in pool.values() for value in values}


def _seen(value) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, str) and (key == "id" or key.endswith("_id")):
                SEEN.add(item)
            else:
                _seen(item)
    elif isinstance(value, list):
        for item in value:
            _seen(item)


@schemathesis.hook
def after_call(context, case, response):
    """Every id an answer holds is one the API gave: links carry them to later steps."""
    if response.status_code == 200:
        try:
            _seen(response.json())
        except ValueError:  # a PDF, a CSV, an e-invoice
            pass


def _decimals(low: str, high: str, places: int):
    return st.decimals(min_value=Decimal(low), max_value=Decimal(high), places=places,
                       allow_nan=False, allow_infinity=False).map(lambda d: format(d, "f"))


FORMATS = {
    "amount": _decimals("0", "100", 2),
    "positive-amount": _decimals("0.01", "100", 2),
    "signed-amount": _decimals("-100", "100", 2),
    "quantity": _decimals("0.000001", "100", 6),
    "signed-quantity": _decimals("-100", "100", 6).filter(lambda text: Decimal(text) != 0),
    "rate": _decimals("0", "1", 6),
    "percent": _decimals("0", "100", 6),
}
for name, strategy in FORMATS.items():
    schemathesis.openapi.format(name, strategy)
# An IBAN's check digits (mod 97) are a rule no pattern holds: valid ones are real IBANs.
schemathesis.openapi.format("iban", st.sampled_from([
    "", "DE89370400440532013000", "DE89 3704 0044 0532 0130 00", "NL91ABNA0417164300",
    "GB29NWBK60161331926819", "fr1420041010050500013m02606"]))


def _valid(value, chooser, *, ids: bool):
    """Floats bounded to 2 decimals (not to zero), most ids replaced by real ones, and a
    line that names nothing (no product, no subscription, a blank name: the schema's anyOf,
    which the coverage phase does not always honour) given a name."""
    if isinstance(value, float):
        # Within the seeded formats' ranges: quantity x price stays below 10^12, which the
        # contract makes a 400 that no per-field schema can state.
        rounded = round(math.fmod(value, 100), 2)
        return rounded if rounded or not value else math.copysign(0.01, value)
    if isinstance(value, dict):
        value = {k: (chooser.choice(IDS[k]) if ids and k in IDS and isinstance(v, str)
                     and chooser.random() < 0.9 else _valid(v, chooser, ids=ids))
                 for k, v in value.items()}
        if isinstance(value.get("currency"), str):
            value["currency"] = "EUR"  # the seeded customers' currency, which bounds amounts
        if "quantity" in value and "unit_price" in value and not any(
                value.get(k) for k in ("product_id", "subscription_id")) and not (
                isinstance(value.get("name"), str) and value["name"].strip()):
            value["name"] = "Service credit"
        return value
    if isinstance(value, list):
        return [_valid(v, chooser, ids=ids) for v in value]
    return value


KEY_ON_THE_WIRE = re.compile(r"[\x20-\x7e]*[\x21-\x7e][\x20-\x7e]{0,254}")


@schemathesis.hook
def filter_failure(context, failure, case, response):
    """Drop "invalid data accepted" (ST201) when the request, as sent, was valid: its only
    invalid part was an `Idempotency-Key` that is valid once written as a header (a number
    or a boolean becomes text such as "5": schemathesis makes that allowance for path and
    query parameters, not headers), or an optional body that was not sent (schemathesis
    leaves out a body it cannot serialize; no body is valid where the body is optional).
    The run's summary counts what this drops."""
    meta = case.meta
    if getattr(failure, "code", None) != "ST201" or meta is None:
        return True
    negative = {location for location, component in meta.components.items()
                if component.mode.is_negative}
    if negative == {ParameterLocation.BODY} and case.body is NOT_SET:
        return False
    key = (case.headers or {}).get("Idempotency-Key")
    if negative == {ParameterLocation.HEADER} and key is not None:
        text = key if isinstance(key, str) else json.dumps(key).strip('"')
        return not (KEY_ON_THE_WIRE.fullmatch(text) and len(text) <= 255)
    return True


@schemathesis.hook
def map_case(context, case):
    meta = case.meta
    if meta is None:
        return case
    stateful = meta.phase.name == "stateful"

    def valid(location):
        component = meta.components.get(location)
        return component is None or component.mode.is_positive

    chooser = random.Random(repr((case.path_parameters, case.query, case.body)))
    if case.path_parameters and valid(ParameterLocation.PATH):
        ids = {**IDS, **POOLS.get(case.operation.label, {})}
        case.path_parameters = {
            name: chooser.choice(ids[name]) if name in ids and (
                value in NOT_EUR or (value not in SEEN if stateful else chooser.random() < 0.9))
            else value for name, value in case.path_parameters.items()}
        for value in list(case.path_parameters.values()):
            case.path_parameters.update(PARENTS.get(value, {}))
    if case.query and valid(ParameterLocation.QUERY):
        case.query = {name: chooser.choice(IDS[name]) if name in IDS and isinstance(value, str)
                      and chooser.random() < 0.9 else value
                      for name, value in case.query.items()}
    if case.query and "cursor" in case.query and valid(ParameterLocation.QUERY):
        real = CURSORS.get(case.operation.path)
        if real:
            case.query["cursor"] = chooser.choice(real)
        else:
            del case.query["cursor"]
    if case.body is not None and valid(ParameterLocation.BODY):
        case.body = _valid(case.body, chooser, ids=not stateful)
    return case


