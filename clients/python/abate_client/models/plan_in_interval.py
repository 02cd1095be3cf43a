from typing import Literal

PlanInInterval = Literal["month", "year"]

PLAN_IN_INTERVAL_VALUES: set[PlanInInterval] = {
    "month",
    "year",
}


def check_plan_in_interval(value: str) -> PlanInInterval:
    if value in PLAN_IN_INTERVAL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PLAN_IN_INTERVAL_VALUES!r}")
