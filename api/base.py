"""The NinjaAPI of Abate: a stricter JSON parser (numbers read as exact decimals) and an OpenAPI
document completed for every operation, routers added by other apps included
(`api.openapi.complete`)."""

import json
from decimal import Decimal

from ninja import NinjaAPI
from ninja.parser import Parser

from api.openapi import complete
from api.openapi_docs import document


def _check_text(value) -> None:
    """Text the database can store: no NUL character (PostgreSQL refuses it), no lone
    surrogate (not UTF-8). Raises ValueError, which ninja answers as a 400."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                raise ValueError("text may not contain NUL characters")
            item.encode("utf-8")
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


class JsonParser(Parser):
    """JSON bodies holding only text the database can store, so that such input is a 400
    here rather than an error deep in a service. A JSON number with a fraction or an exponent
    is read as the exact decimal it writes (`0.000001`, `1e-6`), never through a float."""

    def parse_body(self, request):
        data = json.loads(request.body, parse_float=Decimal)
        _check_text(data)
        return data


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
