"""Forms of the pages. They check the shape of what was typed (dates, choices, numbers); the
billing rules stay in the services, whose errors come back beside the field they name."""

import re

from django import forms

from common.money import is_currency
from common.tax import TAX_CATEGORIES
from credits.models import ORIGINS, REASON_CODES, STATUSES
from invoicing.models import INVOICE_STATUSES
from web.selectors import INVOICE_SORTS, MEMO_SORTS


def humanize(code: str) -> str:
    return code.replace("_", " ").capitalize() if code else ""


def _choices(values, empty):
    return [("", empty)] + [(v, humanize(v)) for v in values]


class SignInForm(forms.Form):
    email = forms.EmailField(label="E-mail", max_length=150)
    password = forms.CharField(label="Password", widget=forms.PasswordInput, max_length=200)


class _ListFilters(forms.Form):
    q = forms.CharField(label="Search", required=False, max_length=200)
    status = forms.ChoiceField(label="Status", required=False)
    customer = forms.CharField(label="Customer", required=False, max_length=64)
    currency = forms.CharField(label="Currency", required=False, max_length=3)
    issued_from = forms.DateField(label="Issued from", required=False)
    issued_to = forms.DateField(label="Issued to", required=False)
    sort = forms.ChoiceField(required=False)
    page = forms.IntegerField(required=False, min_value=1)

    sorts: dict = {}
    statuses: tuple = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = _choices(self.statuses, "Any status")
        self.fields["sort"].choices = [("", "")] + [
            (f"{sign}{name}", name) for name in self.sorts for sign in ("", "-")]

    def clean_currency(self):
        value = self.cleaned_data["currency"].strip().upper()
        if value and not is_currency(value):
            raise forms.ValidationError("Not a currency code: give three letters, such as USD.")
        return value

    def clean(self):
        data = super().clean()
        start, end = data.get("issued_from"), data.get("issued_to")
        if start and end and end < start:
            self.add_error("issued_to", "The end of the range is before its start.")
        return data

    def filters(self) -> dict:
        """The valid filters; a field with an error filters nothing (its message shows)."""
        data = self.cleaned_data if self.is_bound else {}
        return {k: data.get(k) for k in ("q", "status", "customer", "currency", "origin",
                                          "issued_from", "issued_to")
                if data.get(k) and k not in self.errors}

    @property
    def sort_value(self) -> str:
        return (self.cleaned_data.get("sort") if self.is_bound and "sort" not in self.errors
                else "") or "-created"

    @property
    def page_number(self) -> int:
        return (self.cleaned_data.get("page") if self.is_bound and "page" not in self.errors
                else None) or 1


class MemoFilters(_ListFilters):
    origin = forms.ChoiceField(label="Origin", required=False,
                               choices=_choices(ORIGINS, "Any origin"))
    sorts = MEMO_SORTS
    statuses = STATUSES


class InvoiceFilters(_ListFilters):
    sorts = INVOICE_SORTS
    statuses = INVOICE_STATUSES


class SettingsForm(forms.Form):
    invoice_number_prefix = forms.CharField(label="Invoice number prefix", required=False,
                                            max_length=20, strip=False)
    credit_memo_number_prefix = forms.CharField(label="Credit memo number prefix",
                                                required=False, max_length=20, strip=False)
    number_padding = forms.IntegerField(label="Number padding (digits)", min_value=0,
                                        max_value=20)
    auto_apply_credit_to_new_invoices = forms.BooleanField(
        label="Auto-apply credit to new invoices", required=False)
    company_wide_billing = forms.BooleanField(
        label="Company-wide billing (credit of one user may pay any invoice of the company)",
        required=False)

    def clean(self):
        data = super().clean()
        for name in ("invoice_number_prefix", "credit_memo_number_prefix"):
            if any(c.isspace() and c != " " for c in data.get(name) or ""):
                self.add_error(name, "A prefix has no tabs or line breaks.")
        return data


REASON_CHOICES = [(r, humanize(r)) for r in REASON_CODES]
LINE_KINDS = (("product", "Catalog item"), ("subscription", "Subscription"),
              ("custom", "Custom charge"))
LINE_FIELDS = ("kind", "item", "description", "period_start", "period_end", "quantity",
               "unit_price", "tax_rate", "tax_category", "tax_exemption_reason_code",
               "tax_exemption_reason")
# "" lets the service decide (the product's category, else by the rate: common.tax).
TAX_CATEGORY_CHOICES = (("", "Automatic (product or rate)"),
                        *((code, f"{code} · {label}") for code, label in TAX_CATEGORIES))
LINE_KEY = re.compile(r"^lines-(\d{1,3})-(\w+)$")


def typed_lines(post) -> list[dict]:
    """The ad hoc lines as typed: [{"index": i, field: text}], by index; lines left wholly
    blank are dropped."""
    found: dict[int, dict] = {}
    for key in post:
        match = LINE_KEY.match(key)
        if match and match.group(2) in LINE_FIELDS:
            found.setdefault(int(match.group(1)), {})[match.group(2)] = post.get(key, "").strip()
    lines = []
    for index in sorted(found):
        line = {name: found[index].get(name, "") for name in LINE_FIELDS}
        line["index"] = index
        line["kind"] = line["kind"] or "custom"
        if any(line[n] for n in ("item", "description", "unit_price")):
            lines.append(line)
    return lines


def blank_line(index: int) -> dict:
    return {"index": index, "kind": "custom", "item": "", "description": "",
            "period_start": "", "period_end": "", "quantity": "1", "unit_price": "",
            "tax_rate": "0", "tax_category": "", "tax_exemption_reason_code": "",
            "tax_exemption_reason": ""}
