"""Time is passed in to services; callers at the edge take it from here.

`now()` is the wall clock read at the edge of a request or a job. What it returns is a
`WallClockTime`: passed in as a change's `at`, it also says that the change runs on the wall
clock, so a time that must be taken once the change's locks are held (the time its events
are recorded at, see notifications.services.event_record) is read from the clock again then.
Any other datetime passed in (a test's frozen `at`, a demo's past) is a frozen time: used as
given everywhere, which keeps tests deterministic."""

import datetime

from django.utils import timezone


class WallClockTime(datetime.datetime):
    """A reading of the wall clock by `now()`. A time computed from it (plus a day, the start
    of its hour) is another time, not a reading: arithmetic and `replace` give a plain
    datetime."""

    def __add__(self, other):
        return plain(self) + other

    __radd__ = __add__

    def __sub__(self, other):
        return plain(self) - other

    def replace(self, *args, **kwargs):
        return plain(self).replace(*args, **kwargs)


def plain(at: datetime.datetime) -> datetime.datetime:
    return datetime.datetime.combine(at.date(), at.timetz(), tzinfo=at.tzinfo)


def now() -> WallClockTime:
    at = timezone.now()
    return WallClockTime.combine(at.date(), at.timetz(), tzinfo=at.tzinfo)


def is_wall_clock(at) -> bool:
    """Whether `at` was read from the wall clock (a live time) rather than frozen."""
    return isinstance(at, WallClockTime)
