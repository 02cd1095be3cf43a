"""Settings › Invoice & Credit Memo: number prefixes and padding (with the next numbers they
would give), auto-apply credit to new invoices, company-wide billing."""

import copy

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from common.clock import now
from common.errors import DomainError
from documents.numbering import preview_number
from marketplaces.numbers import prefixes_collide
from marketplaces.services import marketplace_settings_update
from web.forms import SettingsForm
from web.once import acts_once
from web.pages import error_status, page, page_view, require

FIELDS = tuple(SettingsForm.base_fields)


def _examples(marketplace, data=None) -> dict:
    """The next invoice and credit memo numbers, with typed prefixes and padding if given
    (on a copy: nothing is saved)."""
    shown = copy.copy(marketplace)
    for name in ("invoice_number_prefix", "credit_memo_number_prefix", "number_padding"):
        if data and data.get(name) is not None:
            setattr(shown, name, data[name])
    return {"invoice": preview_number(marketplace=shown, document_type="invoice"),
            "credit_memo": preview_number(marketplace=shown, document_type="credit_memo"),
            "clash": _clash(shown.invoice_number_prefix, shown.credit_memo_number_prefix)}


def _clash(invoice_prefix: str, memo_prefix: str) -> str | None:
    """Said as the prefixes are typed; saving checks it again (and the prefixes numbers
    were issued under before)."""
    if not invoice_prefix.strip() or not memo_prefix.strip():
        return "A number prefix may not be empty."
    if prefixes_collide(invoice_prefix, memo_prefix):
        return ("An invoice and a credit memo could get the same number: neither prefix may "
                "be the other followed by digits only.")
    return None


@page_view
@acts_once
def invoice_settings(request):
    denied = require(request, "settings")
    if denied:
        return denied
    marketplace = request.marketplace
    if request.method == "POST":
        form = SettingsForm(request.POST)
        status = 400
        if form.is_valid():
            try:
                marketplace_settings_update(marketplace=marketplace, at=now(),
                                            changes={f: form.cleaned_data[f] for f in FIELDS})
            except DomainError as error:
                form.add_error(error.param if error.param in FIELDS else None, error.message)
                status = error_status(error)
            else:
                messages.success(request, "Settings saved.")
                return redirect("web:settings")
        typed = {k: v for k, v in getattr(form, "cleaned_data", {}).items()
                 if k not in form.errors}
        return page(request, "web/settings.html",
                    {"form": form, "examples": _examples(marketplace, typed)}, status=status)
    form = SettingsForm(initial={f: getattr(marketplace, f) for f in FIELDS})
    return page(request, "web/settings.html", {"form": form, "examples": _examples(marketplace)})


@page_view
@require_GET
def settings_examples(request):
    denied = require(request, "settings")
    if denied:
        return denied
    form = SettingsForm(request.GET)
    form.is_valid()
    data = {k: v for k, v in form.cleaned_data.items() if k not in form.errors}
    return render(request, "web/_number_examples.html",
                  {"examples": _examples(request.marketplace, data)})
