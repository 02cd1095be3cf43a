"""Recording events: one immutable row per state change, in the caller's transaction."""

from notifications.models import Event


def event_record(*, marketplace, type: str, actor: str, subject: tuple[str, object], data: dict,
                 at) -> Event:
    return Event.objects.create(
        marketplace=marketplace, type=type, actor=actor or "system", at=at,
        subject_type=subject[0], subject_id=subject[1], data=data,
    )
