"""Template helpers: readable codes and times, sortable column headers, query strings that
keep the current filters."""

import datetime

from django import template
from django.utils.html import format_html

from web.forms import humanize as _humanize

register = template.Library()


@register.filter
def humanize(code):
    return _humanize(str(code or ""))


@register.filter
def when(value):
    """A time in UTC, minutes precision; a date as is."""
    if not value:
        return ""
    if isinstance(value, str):
        try:
            value = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return value
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return value.isoformat()


@register.filter
def day(value):
    text = when(value)
    return text[:10]


@register.simple_tag(takes_context=True)
def query(context, **changes):
    """The current query string with some parameters changed (None or "" drops one)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def sort_header(context, label, key, numeric=False):
    """A column header that sorts by `key`, and the other way round when it already does."""
    current = context.get("sort") or "-created"
    if current == key:
        target, state, arrow = f"-{key}", "ascending", " ▲"
    elif current == f"-{key}":
        target, state, arrow = key, "descending", " ▼"
    else:
        target, state, arrow = (f"-{key}" if numeric else key), None, ""
    href = query(context, sort=target, page=None)
    css = "num" if numeric else ""
    if state:
        return format_html('<th scope="col" class="{}" aria-sort="{}"><a href="{}">{}{}</a></th>',
                           css, state, href, label, arrow)
    return format_html('<th scope="col" class="{}"><a href="{}">{}</a></th>', css, href, label)


NO_CREDIT_NOTES = {"void": "void, counts as 0", "draft": "draft, counts as 0"}


@register.simple_tag
def balance(amount, currency, status):
    """A balance (credit remaining, amount due) of a document in `status`. A void document
    or a draft has none: its figure is struck through, and said so for screen readers."""
    figure = f"{amount} {currency}" if currency else str(amount)
    note = NO_CREDIT_NOTES.get(status)
    if note is None:
        return figure
    return format_html('<del class="no-credit" title="{}">{}</del>'
                       '<span class="sr-only"> ({})</span>', note.capitalize(), figure, note)


@register.simple_tag(takes_context=True)
def form_guard(context):
    """What every form that changes something carries: the CSRF token and a one-time
    submission token, new at each rendering (web/once.py: a second submission of it does
    nothing and shows what the first did)."""
    from django.middleware.csrf import get_token

    from web.once import TOKEN_FIELD, new_token

    request = context["request"]
    return format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
                       '<input type="hidden" name="{}" value="{}">',
                       get_token(request), TOKEN_FIELD, new_token())
