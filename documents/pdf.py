"""PDFs of invoices and credit memos: a Django template (stored per marketplace, or the clean
default) rendered to HTML, then to PDF by WeasyPrint.

Takes plain document data (built by `credits.documents` and `invoicing.documents`), knows no
domain model. Templates come from managers, so they are rendered by an engine without loaders
(no include or extends of files) and WeasyPrint fetches nothing but `data:` URLs: a template
cannot read files or reach the network.

A void document's PDF carries a VOID mark and a draft's a DRAFT mark, whatever the template:
the mark is added to the rendered HTML (a large stamp across every page, a fixed box that
WeasyPrint repeats on each page, its word in the text), and templates also get it as
`doc.stamp` to say it in their own words."""

import hashlib
from decimal import Decimal
from functools import cache, lru_cache
from pathlib import Path

from django.template import Context, Engine, TemplateSyntaxError

from common.errors import InvalidInput
from common.money import format_amount
from common.tax import CATEGORY_LABELS, breakdown, legal_notes

KINDS = ("credit_memo", "invoice")
TITLES = {"credit_memo": "Credit memo", "invoice": "Invoice"}
REASON_LABELS = {
    "overcharge": "Overcharge",
    "goodwill": "Goodwill",
    "service_credit": "Service credit",
    "return": "Return",
    "duplicate": "Duplicate charge",
    "downgrade": "Downgrade",
    "cancellation": "Cancellation",
    "refund": "Refund",
    "negative_usage": "Negative usage",
    "order_correction": "Order correction",
    "other": "Other",
}
MAX_TEMPLATE_SIZE = 200_000
STAMP_NOTES = {
    ("VOID", "credit_memo"): "This credit memo is void: it is no credit.",
    ("VOID", "invoice"): "This invoice is void: nothing is owed on it.",
    ("DRAFT", "credit_memo"): "This credit memo is a draft: it is not issued and is no credit.",
    ("DRAFT", "invoice"): "This invoice is a draft: it is not issued and nothing is owed on it.",
}
_DEFAULTS = Path(__file__).parent / "templates" / "documents" / "pdf"


class TemplateInvalid(InvalidInput):
    code = "invalid_template"


@cache
def default_template(kind: str) -> str:
    return (_DEFAULTS / f"{kind}.html").read_text()


@cache
def _engine() -> Engine:
    return Engine(loaders=[], autoescape=True, debug=False, libraries={})


@lru_cache(maxsize=64)
def _compile(source: str):
    return _engine().from_string(source)


def check_template(source: object) -> str:
    if not isinstance(source, str) or not source.strip():
        raise TemplateInvalid("the template is empty", param="html")
    if len(source) > MAX_TEMPLATE_SIZE:
        raise TemplateInvalid(f"the template is longer than {MAX_TEMPLATE_SIZE} characters",
                              param="html")
    try:
        _compile(source)
    except TemplateSyntaxError as error:
        raise TemplateInvalid(f"template error: {error}", param="html") from None
    return source


def template_hash(source: str) -> str:
    return hashlib.sha256(source.encode()).hexdigest()[:16]


def _percent(rate: str) -> str:
    return format((Decimal(rate) * 100).normalize(), "f")


def _address_lines(address: dict) -> list[str]:
    city = " ".join(p for p in (address.get("postal_code"), address.get("city")) if p)
    lines = [address.get("line1"), address.get("line2"), city, address.get("state"),
             address.get("country")]
    return [line for line in lines if line]


def _party(role: str, party: dict) -> dict:
    return {**party, "role": role, "legal_name": party.get("legal_name") or party["name"],
            "address_lines": _address_lines(party.get("address") or {})}


def _date(timestamp: str | None) -> str | None:
    return timestamp[:10] if timestamp else None


def _period(line: dict) -> str:
    start, end = line.get("period_start"), line.get("period_end")
    if start and end:
        return f"{start} to {end}"
    return start or end or ""


def tax_breakdown(lines: list[dict], currency: str) -> list[dict]:
    """Taxable amount and tax per VAT category and rate (common.tax.breakdown): [{category,
    label, rate, percent, taxable, tax}], in category order, then by rate."""
    return [{"category": group["category"], "label": group["label"],
             "rate": format(group["rate"].normalize(), "f"),
             "percent": _percent(group["rate"]),
             "taxable": format_amount(group["taxable"], currency),
             "tax": format_amount(group["tax"], currency)}
            for group in breakdown(lines)]


def _line_tax(line: dict) -> dict:
    """A line's VAT for the template: its category (S for data from before categories), the
    category's label and the exemption reason to print beside it."""
    category = line.get("tax_category") or "S"
    return {"tax_category": category,
            "tax_category_label": CATEGORY_LABELS.get(category, category),
            "tax_exemption": line.get("tax_exemption_reason")
            or line.get("tax_exemption_reason_code") or ""}


def stamp(document: dict) -> str | None:
    """"VOID" for a void document, "DRAFT" for one not issued yet, else None (void wins: a
    draft can be voided)."""
    if document.get("status") == "void":
        return "VOID"
    if document.get("status") == "draft" or not document.get("number"):
        return "DRAFT"
    return None


def pdf_context(data: dict) -> dict:
    """The template's `doc`: the document as the API shows it, plus parties, labels and
    dates, every amount a string as the API writes it."""
    kind, document = data["kind"], data["document"]
    zero = format_amount(0, document["currency"])
    parties = [_party("Seller", data["seller"]), _party("Customer", data["customer"])]
    if data.get("billed"):
        parties.append(_party("End customer", data["billed"]))
    lines = [{**line, "tax_percent": _percent(line["tax_rate"]), "period": _period(line),
              **_line_tax(line)}
             for line in document["lines"]]
    return {
        **document,
        "kind": kind,
        "title": TITLES[kind],
        "zero": zero,
        "issued_date": _date(document.get("issued_at")),
        "seller": parties[0],
        "customer": parties[1],
        "billed": parties[2] if len(parties) > 2 else None,
        "parties": parties,
        "references": data.get("references", []),
        "reason_label": REASON_LABELS.get(document.get("reason_code"), ""),
        "lines": lines,
        "tax_breakdown": tax_breakdown(lines, document["currency"]),
        # The legal note of each VAT category present (reverse charge, exemptions...).
        "tax_notes": legal_notes([{"tax_category": line["tax_category"],
                                   "tax_exemption_reason": line.get("tax_exemption_reason", ""),
                                   "tax_exemption_reason_code":
                                   line.get("tax_exemption_reason_code", "")}
                                  for line in lines]),
        "applications": [
            {**a, "applied_date": _date(a.get("applied_at"))}
            for a in document.get("applications", document.get("credit_applications", []))
            if a.get("reversed_at") is None
        ],
        "marketplace": data.get("marketplace", {}),
        "stamp": stamp(document),
        "stamp_note": STAMP_NOTES.get((stamp(document), kind), ""),
    }


# Every declaration inline and `!important`: no rule of a custom template outweighs them.
_STAMP_STYLE = "; ".join(f"{rule} !important" for rule in (
    "display: block", "visibility: visible", "opacity: 1", "position: fixed", "top: 110mm",
    "left: -20mm", "right: -20mm", "text-align: center", "transform: rotate(-30deg)",
    "font: bold 110pt/1 'DejaVu Sans', sans-serif", "letter-spacing: 6mm",
    "color: rgba(190, 20, 20, 0.3)", "z-index: 1000"))


def with_stamp(html: str, word: str | None) -> str:
    """The rendered HTML with the stamp before `</body>` (or at the end): a template cannot
    leave it out."""
    if not word:
        return html
    mark = f'<div data-abate-stamp style="{_STAMP_STYLE}">{word}</div>'
    end = html.lower().rfind("</body>")
    return html + mark if end < 0 else html[:end] + mark + html[end:]


def render_html(*, template_source: str, data: dict) -> str:
    context = pdf_context(data)
    html = _compile(template_source).render(Context({"doc": context}))
    return with_stamp(html, context["stamp"])


def _refuse_fetch(url: str, *args, **kwargs):
    if url.startswith("data:"):
        from weasyprint.urls import default_url_fetcher

        return default_url_fetcher(url, *args, **kwargs)
    raise ValueError(f"documents fetch nothing: {url[:80]}")


@cache
def _font_config():
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def render_pdf(*, template_source: str, data: dict) -> bytes:
    from weasyprint import HTML

    html = render_html(template_source=template_source, data=data)
    document = HTML(string=html, url_fetcher=_refuse_fetch, base_url="about:blank")
    return document.write_pdf(font_config=_font_config())


def page_png(content: bytes, *, page: int = 1, dpi: int = 60) -> bytes:
    """A page of a PDF as a PNG picture (poppler's pdftoppm), for previews."""
    import subprocess

    result = subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile",
         "-"], input=content, capture_output=True, timeout=30, check=True)
    return result.stdout
