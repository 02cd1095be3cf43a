"""The NinjaAPI of Abate: a stricter JSON parser (numbers read as exact decimals) and an OpenAPI
document completed for every operation, routers added by other apps included
(`api.openapi.complete`)."""

import json
import re
from decimal import Decimal

from ninja import NinjaAPI
from ninja.parser import Parser

from api.docs import document
from api.openapi import complete

LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _clean_text(value):
    """Text the database can store. NUL is refused (PostgreSQL cannot store it): ValueError,
    which ninja answers as a 400. A lone surrogate escape ("\\ud800" alone: JSON's grammar
    allows it, but it is no Unicode character) is read as U+FFFD, the replacement character,
    as Go's and other strict decoders do; a pair is one character and stays."""
    if isinstance(value, str):
        if "\x00" in value:
            raise ValueError("text may not contain NUL characters")
        return LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {_clean_text(k): _clean_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean_text(v) for v in value]
    return value


class JsonParser(Parser):
    """JSON bodies holding only text the database can store, so that such input is a 400
    here rather than an error deep in a service. A JSON number with a fraction or an exponent
    is read as the exact decimal it writes (`0.000001`, `1e-6`), never through a float."""

    def parse_body(self, request):
        return _clean_text(json.loads(request.body, parse_float=Decimal))


class AbateAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation) -> str:
        """The view's own name (`credit_memo_create_from_invoice`): unique across the API and
        what a generated client names its functions."""
        return operation.view_func.__name__

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        complete(schema)
        document(schema)
        return schema
