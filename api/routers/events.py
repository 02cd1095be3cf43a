"""The marketplace's events, newest first."""

from typing import Literal

from ninja import Query, Router

from api.auth import STAFF, allow
from api.pagination import BY_ID, CURSOR, LIMIT, paginate
from api.responses import ok, responds
from api.schemas import EventList
from api.serializers import event_data
from notifications.models import EVENT_TYPES, Event

router = Router(tags=["events"])

EventType = Literal[EVENT_TYPES]  # type: ignore[valid-type]


@router.get("/events", auth=allow(STAFF), response=responds(EventList), summary="List events")
def events_list(request, type: EventType | None = Query(
        None, description="one of the types Abate records; one that has not occurred matches "
        "nothing"), limit: int = LIMIT, cursor: str | None = CURSOR):
    """Newest first, in the order they were recorded (each is recorded with its change, so
    it is listed as soon as the request that made it has answered). `at` is when the change
    was recorded, taken once its locks were held, so down the list it never increases, and
    an event's `at` is never before the commit of an event listed after it. `data` is the
    invoice or credit memo concerned as it was then, never with `reason`."""
    events = Event.objects.filter(marketplace_id=request.auth.marketplace_id)
    if type is not None:
        events = events.filter(type=type)
    return ok(paginate(events, limit=limit, cursor=cursor, serialize=event_data, keyset=BY_ID))
