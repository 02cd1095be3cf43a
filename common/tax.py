"""VAT categories of a line (EN 16931 / UNCL 5305), the exemption reason codes (VATEX) and the
legal note a document must print for each. A line's tax is a category plus a rate: only S
(standard) carries a rate above 0; every other category is taxed at 0.

One place decides a line's tax (`line_tax`, then `document_taxes` for the rules across a
document's lines); invoices, credit memos, the billing engine and the pages call it. Errors
name the line's field (`lines[2].tax_category`): `InvalidInput` (400) for a value of the
wrong form (an unknown category, a code that is no VATEX code), `InvalidTax` (422) for a
rule across fields or lines."""

import functools
import re
from dataclasses import dataclass
from decimal import Decimal

from common.errors import BusinessRule, InvalidInput
from common.parsing import parse_choice, parse_text

# (code, label)
TAX_CATEGORIES = (
    ("S", "Standard rate"),
    ("Z", "Zero rated"),
    ("E", "Exempt from VAT"),
    ("AE", "Reverse charge"),
    ("K", "Intra-community supply"),
    ("G", "Export outside the EU"),
    ("O", "Not subject to VAT"),
)
CATEGORY_CODES = tuple(code for code, _ in TAX_CATEGORIES)
CATEGORY_LABELS = dict(TAX_CATEGORIES)

# The exemption reason a line of these categories takes when it gives none (VATEX code, text).
DEFAULT_EXEMPTIONS = {
    "AE": ("VATEX-EU-AE", "Reverse charge"),
    "K": ("VATEX-EU-IC", "Intra-community supply"),
    "G": ("VATEX-EU-G", "Export outside the EU"),
    "O": ("VATEX-EU-O", "Not subject to VAT"),
}
# Categories whose lines carry an exemption reason (code or text); S and Z never do
# (EN 16931 BR-S-10, BR-Z-10).
EXEMPT_CATEGORIES = ("E", "AE", "K", "G", "O")

# The note a document prints below its totals for each category it has (E prints the
# exemption reasons its lines give).
LEGAL_NOTES = {
    "Z": "Zero rated.",
    "AE": "Reverse charge: VAT is to be accounted for by the customer (Article 196, Council "
          "Directive 2006/112/EC).",
    "K": "Intra-community supply, exempt from VAT (Article 138, Directive 2006/112/EC).",
    "G": "Export outside the EU, exempt from VAT (Article 146, Directive 2006/112/EC).",
    "O": "Not subject to VAT.",
}

# A VATEX code as the CEF code list writes them: VATEX-EU-132-1I, VATEX-EU-AE, VATEX-FR-FRANCHISE.
VATEX_PATTERN = r"VATEX-[A-Z]{2}(-[A-Z0-9]{1,12}){1,3}"
VATEX = re.compile(rf"^{VATEX_PATTERN}$")
INPUT_FIELDS = ("tax_category", "tax_exemption_reason_code", "tax_exemption_reason")
ZERO = Decimal(0)


class InvalidTax(BusinessRule):
    """A line's tax breaks a rule across its fields or the document's lines (a rate with a
    category taxed at 0, an exempt line with no reason, O beside other categories): 422."""

    code = "invalid_tax"


@dataclass(frozen=True)
class LineTax:
    """A line's VAT: its category, its rate (a fraction, above 0 only for S) and, for the
    categories other than S and Z, why it is not taxed (a VATEX code and/or text).
    `category` is "" for a line taxed at 0 with no category given yet: `document_taxes`
    decides it (Z or O) from the document's other lines and the seller."""

    category: str
    rate: Decimal
    reason_code: str = ""
    reason: str = ""

    @property
    def fields(self) -> dict:
        """The line's model fields."""
        return {"tax_category": self.category, "tax_rate": self.rate,
                "tax_exemption_reason_code": self.reason_code,
                "tax_exemption_reason": self.reason}


def _field(param: str, name: str) -> str:
    return f"{param}.{name}" if param else name


def tax_of(*, category: str, rate: Decimal, reason_code: str = "", reason: str = "",
           param: str = "") -> LineTax:
    """The checked tax of a line: S at a rate above 0; every other category at 0; E with an
    exemption reason code or text (BR-E-10); AE, K, G and O with their default reason when
    they give none; S and Z with none. `param` is the line ("lines[2]")."""
    if category not in CATEGORY_CODES:
        raise InvalidInput(f"{_field(param, 'tax_category')} is one of "
                           f"{', '.join(CATEGORY_CODES)}", param=_field(param, "tax_category"))
    label = CATEGORY_LABELS[category]
    if category == "S":
        if rate <= 0:
            raise InvalidTax(
                "a line of category S (standard rate) needs a tax_rate above 0; a line taxed "
                "at 0 is Z (zero rated), E (exempt), AE, K, G or O",
                param=_field(param, "tax_rate"))
    elif rate != 0:
        raise InvalidTax(
            f"a line of category {category} ({label}) is taxed at 0, not "
            f"{rate.normalize():f}: only S (standard rate) carries a tax_rate",
            param=_field(param, "tax_rate"))
    if reason_code and not VATEX.match(reason_code):
        raise InvalidInput(
            "tax_exemption_reason_code is a VATEX code, e.g. VATEX-EU-132-1I",
            param=_field(param, "tax_exemption_reason_code"))
    if category in ("S", "Z"):
        if reason_code or reason:
            raise InvalidTax(
                f"a line of category {category} ({label}) has no exemption reason",
                param=_field(param, "tax_exemption_reason_code" if reason_code
                             else "tax_exemption_reason"))
    elif category == "E":
        if not (reason_code or reason):
            raise InvalidTax(
                "an exempt line (category E) needs tax_exemption_reason_code (a VATEX code, "
                "e.g. VATEX-EU-132-1I) or tax_exemption_reason (the text)",
                param=_field(param, "tax_exemption_reason"))
    elif not (reason_code or reason):
        reason_code, reason = DEFAULT_EXEMPTIONS[category]
    return LineTax(category, ZERO if category != "S" else rate, reason_code, reason)


def product_tax(raw: dict, *, param: str = "") -> dict:
    """A product's default tax (its lines' category unless they give one) from what an API
    body gives: tax_category (S when not given), tax_exemption_reason_code,
    tax_exemption_reason, checked as a line of it would be. The product's fields."""
    category, code, reason = parse_tax_input(raw, param=param)
    category = category or "S"
    # A rate stands for "taxed" here: the product carries no rate, its prices and plans do.
    tax_of(category=category, rate=Decimal(1) if category == "S" else ZERO,
           reason_code=code, reason=reason, param=param)
    return {"tax_category": category, "tax_exemption_reason_code": code,
            "tax_exemption_reason": reason}


def parse_tax_input(raw: dict, *, param: str) -> tuple[str | None, str, str]:
    """(category or None, exemption reason code, exemption reason) as a line gives them."""
    category = raw.get("tax_category")
    if category is not None:
        # str(): the API hands its enum's members (StrEnum) over as they are.
        category = str(parse_choice(category, CATEGORY_CODES,
                                    param=_field(param, "tax_category")))
    code = parse_text(raw.get("tax_exemption_reason_code"),
                      param=_field(param, "tax_exemption_reason_code"), max_length=30)
    reason = parse_text(raw.get("tax_exemption_reason"),
                        param=_field(param, "tax_exemption_reason"), max_length=300).strip()
    if code and not VATEX.match(code):
        raise InvalidInput("tax_exemption_reason_code is a VATEX code in capitals, e.g. "
                           "VATEX-EU-132-1I", param=_field(param, "tax_exemption_reason_code"))
    return category, code, reason


def line_tax(*, raw: dict, rate: Decimal, product=None, reverse_charge: bool = False,
             param: str = "", strict: bool = True) -> LineTax:
    """The tax of a new line from what it gives (`raw`: tax_category,
    tax_exemption_reason_code, tax_exemption_reason beside its `rate`):

    - a category given is the line's (a rate above 0 is then only for S);
    - else the product's default category when it has one other than S (its exemption reason
      unless the line gives one); a rate above 0 with it is refused, or, with `strict` off
      (the billing engine, whose plans and prices carry rates), taxed at 0;
    - else S when the rate is above 0, turned into AE (reverse charge, at 0) when the
      customer is marked `reverse_charge`;
    - else (rate 0) Z or O, as `document_taxes` decides.
    """
    category, code, reason = parse_tax_input(raw, param=param)
    if category is None and product is not None and product.tax_category != "S":
        category = product.tax_category
        if not (code or reason):
            code = product.tax_exemption_reason_code
            reason = product.tax_exemption_reason
        if rate > 0 and strict:
            raise InvalidTax(
                f"the product's tax category is {category} "
                f"({CATEGORY_LABELS[category]}), taxed at 0: give tax_category S to "
                "tax this line at a rate", param=_field(param, "tax_rate"))
        rate = ZERO
    elif category is None and rate > 0:
        category = "S"
        if reverse_charge:
            category, rate = "AE", ZERO
    elif category is None:
        if code or reason:
            raise InvalidTax(
                "a line with an exemption reason names its tax_category (E, AE, K, G or O)",
                param=_field(param, "tax_category"))
        return LineTax("", ZERO)
    return tax_of(category=category, rate=rate, reason_code=code, reason=reason, param=param)


def document_taxes(taxes: list[LineTax], *, seller_vat_id, customer_vat_id: str,
                   param: str = "lines") -> list[LineTax]:
    """A document's line taxes, checked together. A line taxed at 0 without a category is Z
    when the seller has a VAT id or another line has a category other than O, else O. A
    document with lines not subject to VAT (O) has no line of another category (EN 16931
    BR-O-11..14). Reverse charge (AE) needs the seller's and the customer's VAT ids
    (BR-AE-02). `seller_vat_id` is the VAT id or a function that reads it (only called when
    it decides something)."""
    seller = functools.cache(seller_vat_id if callable(seller_vat_id)
                             else (lambda: seller_vat_id))
    named = {t.category for t in taxes if t.category}
    if len(named) < len(taxes):  # some line is Z or O
        zero = "Z" if (named - {"O"}) or seller() else "O"
        taxes = [t if t.category else tax_of(category=zero, rate=ZERO) for t in taxes]
    result = list(taxes)
    categories = {t.category for t in result}
    if "O" in categories and len(categories) > 1:
        i = next(i for i, t in enumerate(result) if t.category != "O")
        raise InvalidTax(
            "a document with lines not subject to VAT (category O) can have no line of "
            f"another category (EN 16931 BR-O-11 to 14); this one also has "
            f"{', '.join(sorted(categories - {'O'}))}: issue them on separate documents",
            param=f"{param}[{i}].tax_category")
    for i, t in enumerate(result):
        if t.category == "AE" and not (customer_vat_id and seller()):
            raise InvalidTax(
                "reverse charge (category AE) needs the VAT ids of the seller and the customer"
                f" ({'the customer' if not customer_vat_id else 'the seller'} has none)",
                param=f"{param}[{i}].tax_category")
    return result


def legal_notes(lines) -> list[str]:
    """The legal notes a document prints, in category order, from its lines' data (dicts with
    tax_category, tax_exemption_reason_code, tax_exemption_reason): each category's note,
    and for E each exemption reason its lines give."""
    present = {line["tax_category"] for line in lines}
    notes = []
    for code in CATEGORY_CODES:
        if code not in present:
            continue
        if code == "E":
            reasons = dict.fromkeys(
                line["tax_exemption_reason"] or line["tax_exemption_reason_code"]
                for line in lines if line["tax_category"] == "E")
            notes += [f"Exempt from VAT: {r}." if not r.endswith(".") else
                      f"Exempt from VAT: {r}" for r in reasons]
        elif code in LEGAL_NOTES:
            notes.append(LEGAL_NOTES[code])
    return notes


def breakdown(lines) -> list[dict]:
    """The VAT breakdown per (category, rate) of a document's lines (dicts or objects with
    tax_category, tax_rate, amount, tax_amount): [{category, label, rate, taxable, tax}] in
    category order, then by rate."""
    groups: dict = {}
    for line in lines:
        get = line.get if isinstance(line, dict) else lambda f, _l=line: getattr(_l, f)
        key = (get("tax_category"), Decimal(get("tax_rate")))
        group = groups.setdefault(key, {"category": key[0],
                                        "label": CATEGORY_LABELS.get(key[0], key[0]),
                                        "rate": key[1], "taxable": ZERO, "tax": ZERO})
        group["taxable"] += Decimal(get("amount"))
        group["tax"] += Decimal(get("tax_amount"))
    order = {code: i for i, code in enumerate(CATEGORY_CODES)}
    return [groups[k] for k in sorted(groups, key=lambda k: (order.get(k[0], 99), k[1]))]


def rate_percent(rate) -> str:
    """A rate as a finance person reads it: 0.19 -> "19 %", 0.055 -> "5.5 %"."""
    value = (Decimal(rate) * 100).normalize()
    return f"{value:f} %"
