from typing import Literal

PlanOutScheme = Literal["flat", "metered", "per_seat"]

PLAN_OUT_SCHEME_VALUES: set[PlanOutScheme] = {
    "flat",
    "metered",
    "per_seat",
}


def check_plan_out_scheme(value: str) -> PlanOutScheme:
    if value in PLAN_OUT_SCHEME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PLAN_OUT_SCHEME_VALUES!r}")
