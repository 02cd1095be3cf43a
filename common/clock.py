"""Time is passed in to services; callers at the edge take it from here."""

from django.utils import timezone


def now():
    return timezone.now()
