"""The marketplace's events, newest first."""

import re

from ninja import Query, Router

from api.auth import STAFF, allow
from api.pagination import BY_ID, CURSOR, LIMIT, paginate
from api.responses import ok, responds
from api.schemas import EventList
from api.serializers import event_data
from common.errors import InvalidInput
from notifications.models import Event

router = Router(tags=["events"])

EVENT_TYPE = re.compile(r"^[a-z_]+(\.[a-z_]+)+$")


@router.get("/events", auth=allow(STAFF), response=responds(EventList), summary="List events")
def events_list(request, type: str | None = Query(
        None, max_length=64, description="e.g. credit_memo.issued; a well-formed type that "
        "never occurs matches nothing"), limit: int = LIMIT, cursor: str | None = CURSOR):
    """Newest first, in the order they were recorded (each is recorded with its change, so
    it is listed as soon as the request that made it has answered). `at` is when the change
    was recorded, taken once its locks were held, so down the list it never increases, and
    an event's `at` is never before the commit of an event listed after it. `data` is the
    invoice or credit memo concerned as it was then, never with `reason`."""
    events = Event.objects.filter(marketplace_id=request.auth.marketplace_id)
    if type is not None:
        if not EVENT_TYPE.match(type):
            raise InvalidInput("type is like credit_memo.issued", param="type")
        events = events.filter(type=type)
    return ok(paginate(events, limit=limit, cursor=cursor, serialize=event_data, keyset=BY_ID))
