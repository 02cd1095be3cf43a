"""Answers: `ok(data)` writes the plain data of a serializer as JSON (views return it as is, so
no second serialisation runs), and `responds(Model)` declares an operation's responses for
the OpenAPI document, its error responses included."""

import json

from django.http import HttpResponse

from api.schemas import ErrorOut

READ_ERRORS = (400, 401, 403, 404, 429)
WRITE_ERRORS = (400, 401, 403, 404, 409, 422, 429)


def ok(data, status: int = 200) -> HttpResponse:
    return HttpResponse(json.dumps(data, separators=(",", ":")), status=status,
                        content_type="application/json")


def responds(model, *, write: bool = False) -> dict:
    """`response=responds(CreditMemoOut, write=True)` on an operation."""
    errors = WRITE_ERRORS if write else READ_ERRORS
    return {200: model, **{status: ErrorOut for status in errors}}
