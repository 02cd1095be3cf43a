from notifications.models import Event


def events_for(*, subject_type: str, subject_id) -> list[Event]:
    return list(Event.objects.filter(subject_type=subject_type, subject_id=subject_id)
                .order_by("id"))
