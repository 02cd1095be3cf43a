from typing import Literal

PlanInScheme = Literal["flat", "metered", "per_seat"]

PLAN_IN_SCHEME_VALUES: set[PlanInScheme] = {
    "flat",
    "metered",
    "per_seat",
}


def check_plan_in_scheme(value: str) -> PlanInScheme:
    if value in PLAN_IN_SCHEME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PLAN_IN_SCHEME_VALUES!r}")
