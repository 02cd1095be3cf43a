from typing import Literal

ChangeInEffectiveType0 = Literal["immediately", "period_end"]

CHANGE_IN_EFFECTIVE_TYPE_0_VALUES: set[ChangeInEffectiveType0] = {
    "immediately",
    "period_end",
}


def check_change_in_effective_type_0(value: str) -> ChangeInEffectiveType0:
    if value in CHANGE_IN_EFFECTIVE_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CHANGE_IN_EFFECTIVE_TYPE_0_VALUES!r}")
