"""E-mail notifications: which event sends which e-mail, the default subjects and bodies, and
rendering them. Subjects and bodies are Django templates edited by managers, rendered by an
engine without loaders and without autoescape (plain text)."""

from functools import cache, lru_cache

from django.template import Context, Engine, TemplateSyntaxError

from common.errors import BusinessRule, InvalidInput

EVENT_KINDS = {
    "credit_memo.pdf_created": "credit_memo_pdf_created",
    "invoice.issued": "invoice_issued",
    "credit_memo.applied": "credit_applied",
}
LABELS = {
    "credit_memo_pdf_created": "Credit memo PDF created",
    "invoice_issued": "Invoice issued",
    "credit_applied": "Credit applied",
}
DEFAULTS = {
    "credit_memo_pdf_created": (
        "Credit memo {{ document.number }} from {{ marketplace.name }}",
        "Hello {{ company.name }},\n\n"
        "please find attached credit memo {{ document.number }} for "
        "{{ document.currency }} {{ document.total }}.\n"
        "Remaining balance: {{ document.currency }} {{ document.remaining_amount }}.\n\n"
        "{{ marketplace.name }}\n",
    ),
    "invoice_issued": (
        "Invoice {{ document.number }} from {{ marketplace.name }}",
        "Hello {{ company.name }},\n\n"
        "please find attached invoice {{ document.number }} for "
        "{{ document.currency }} {{ document.total }}.\n"
        "Amount due: {{ document.currency }} {{ document.amount_due }}, "
        "due on {{ document.due_date }}.\n\n"
        "{{ marketplace.name }}\n",
    ),
    "credit_applied": (
        "Credit {{ document.number }} applied to invoice {{ application.invoice_number }}",
        "Hello {{ company.name }},\n\n"
        "{{ document.currency }} {{ application.amount }} of credit memo "
        "{{ document.number }} was applied to invoice {{ application.invoice_number }}.\n"
        "Remaining balance: {{ document.currency }} {{ document.remaining_amount }}.\n\n"
        "{{ marketplace.name }}\n",
    ),
}
MAX_SUBJECT = 300
MAX_BODY = 20_000


@cache
def _engine() -> Engine:
    return Engine(loaders=[], autoescape=False, debug=False, libraries={})


@lru_cache(maxsize=128)
def _compile(source: str):
    return _engine().from_string(source)


class InvalidTemplate(BusinessRule):
    """Well-formed text (what the API's schema says) that Django's template language
    refuses: a rule a schema cannot hold, so a 422."""

    code = "invalid_template"


def check_template(source: object, *, param: str, max_length: int) -> str:
    if not isinstance(source, str) or not source.strip() or len(source) > max_length:
        raise InvalidInput(f"{param} must be text of 1 to {max_length} characters, not only "
                           "white space", param=param)
    try:
        _compile(source)
    except TemplateSyntaxError as error:
        raise InvalidTemplate(f"template error: {error}", param=param) from None
    return source


def _application(data: dict, at_text: str) -> dict:
    """The application an `applied` event is about: the one made at the event's time."""
    applications = data.get("applications") or []
    for application in reversed(applications):
        if application.get("applied_at") == at_text:
            return application
    return applications[-1] if applications else {}


def context(*, event_data: dict, event_at, company_name: str, marketplace_name: str) -> dict:
    at_text = event_at.isoformat().replace("+00:00", "Z")
    return {
        "document": event_data,
        "company": {"name": company_name},
        "marketplace": {"name": marketplace_name},
        "application": _application(event_data, at_text),
    }


def render(*, subject: str, body: str, values: dict) -> tuple[str, str]:
    ctx = Context(values)
    rendered_subject = " ".join(_compile(subject).render(ctx).split())[:MAX_SUBJECT]
    return rendered_subject, _compile(body).render(ctx)
