"""Small validators shared by services: dates, enums, texts, lists."""

import datetime
import re

from common.errors import BusinessRule, InvalidInput

ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


def parse_date(value, *, param: str) -> datetime.date | None:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        raise InvalidInput(f"{param} is a date, YYYY-MM-DD", param=param)
    if isinstance(value, datetime.date):
        return value
    # YYYY-MM-DD only: fromisoformat also reads week dates ("2026-W01-1"), and more.
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    raise InvalidInput(f"{param} is a date, YYYY-MM-DD", param=param)


def parse_choice(value, choices, *, param: str, default=None):
    if value is None:
        value = default
    if value not in choices:
        raise InvalidInput(f"{param} is one of {', '.join(choices)}", param=param)
    return value


def parse_text(value, *, param: str, max_length: int = 200, required: bool = False) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str) or len(value) > max_length:
        raise InvalidInput(f"{param} must be text of at most {max_length} characters",
                           param=param)
    if required and not value.strip():
        raise InvalidInput(f"{param} is required", param=param)
    return value


def given(raw: dict, key: str, default):
    """`raw[key]`, or `default` when it is missing or null (null is "not given")."""
    value = raw.get(key)
    return default if value is None else value


def parse_bool(value, *, param: str, default: bool) -> bool:
    if value is None:
        return default
    if not isinstance(value, bool):
        raise InvalidInput(f"{param} must be true or false", param=param)
    return value


def parse_list(value, *, param: str, min_items: int = 0, max_items: int = 500) -> list:
    if not isinstance(value, list):
        raise InvalidInput(f"{param} must be a list", param=param)
    if len(value) < min_items:
        raise InvalidInput(f"{param} needs at least {min_items} item(s)", param=param)
    if len(value) > max_items:
        raise InvalidInput(f"{param} has more than {max_items} items", param=param)
    return value


def parse_object(value, *, param: str, allowed: set[str]) -> dict:
    if not isinstance(value, dict):
        raise InvalidInput(f"{param} must be an object", param=param)
    unknown = set(value) - allowed
    if unknown:
        name = sorted(unknown)[0]
        raise InvalidInput(f"unknown field {name}", code="unknown_parameter",
                           param=f"{param}.{name}")
    return value


def parse_period(line: dict, *, param: str):
    start = parse_date(line.get("period_start"), param=f"{param}.period_start")
    end = parse_date(line.get("period_end"), param=f"{param}.period_end")
    if start and end and end < start:
        # Each date is well formed; together they break a rule (a 422, which no per-field
        # schema can state).
        raise BusinessRule("period_end is before period_start", code="invalid_period",
                           param=f"{param}.period_end")
    return start, end
