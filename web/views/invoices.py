"""An invoice's page, and creating a credit memo from it: lines grouped by product, chosen
whole or line by line with an amount each, live totals from the preview service, and the
unpaid invoices of the same customer to apply it to."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render

from common.clock import now
from common.errors import DomainError
from credits import services as credits
from invoicing.serializers import invoice_data
from web.forms import REASON_CHOICES
from web.once import acts_once
from web.pages import error_status, errors_from, message_for, page, page_view, require, url_or_none
from web.permissions import can
from web.selectors import (
    creditable_groups,
    eligible_invoices_for_invoice,
    invoice_extras,
    party_names,
    visible_invoice,
)
from web.views.memos import actor


def _invoice_or_404(request, invoice_id):
    invoice = visible_invoice(marketplace=request.marketplace, company=request.company,
                              invoice_id=invoice_id)
    if invoice is None:
        raise Http404("no such invoice")
    return invoice


def _creditable(invoice) -> bool:
    return invoice.status in ("open", "paid")


@page_view
def invoice_detail(request, invoice_id):
    invoice = _invoice_or_404(request, invoice_id)
    return page(request, "web/invoice_detail.html", {
        "invoice": invoice_data(invoice),
        "parties": party_names(invoice),
        **invoice_extras(invoice, drafts=request.company is None),
        "can_credit": can(request.role, "credit") and _creditable(invoice),
        "pdf_url": url_or_none("web:invoice_pdf", invoice.id),
    })


def memo_request(post, groups) -> dict:
    """The service's arguments from the form: the chosen lines (each ticked, or in a ticked
    group) in invoice order, each with the amount typed (blank: all it has left), and the
    invoices to apply to, in the order listed."""
    ticked_lines = set(post.getlist("line"))
    ticked_groups = set(post.getlist("group"))
    lines = []
    for group in groups:
        for line in group["lines"]:
            if line["id"] in ticked_lines or group["key"] in ticked_groups:
                amount = post.get(f"amount-{line['id']}", "").strip()
                lines.append({"invoice_line_id": line["id"], **({"amount": amount}
                                                                 if amount else {})})
    return {
        "reason_code": post.get("reason_code", ""),
        "reason": post.get("reason", ""),
        "note": post.get("memo", ""),  # the form says memo, the service note
        "lines": lines,
        "apply_to": [i for i in post.getlist("apply_to") if i],
    }


def _line_fields(lines) -> dict:
    """Service params of the chosen lines -> the form fields that show their errors."""
    fields = {}
    for k, line in enumerate(lines):
        name = f"amount-{line['invoice_line_id']}"
        for suffix in ("", ".amount", ".invoice_line_id"):
            fields[f"lines[{k}]{suffix}"] = name
    return fields


def _form_context(request, invoice, *, errors=None, typed=None):
    """The form as first shown, or as typed with the errors beside their fields."""
    errors = errors or {}
    groups = creditable_groups(invoice)
    ticked_lines = set(typed.getlist("line")) if typed else set()
    ticked_groups = set(typed.getlist("group")) if typed else set()
    for group in groups:
        group["checked"] = group["key"] in ticked_groups
        for line in group["lines"]:
            line["checked"] = line["id"] in ticked_lines
            line["typed_amount"] = typed.get(f"amount-{line['id']}", "") if typed else ""
            line["error"] = errors.get(f"amount-{line['id']}")
        group["open"] = any(line["checked"] or line["error"] for line in group["lines"])
    eligible = eligible_invoices_for_invoice(marketplace=request.marketplace, invoice=invoice)
    ticked_targets = set(typed.getlist("apply_to")) if typed else {str(invoice.id)}
    for target in eligible:
        target["checked"] = target["id"] in ticked_targets
    return {
        "invoice": invoice_data(invoice),
        "parties": party_names(invoice),
        "groups": groups,
        "eligible": eligible,
        "reasons": REASON_CHOICES,
        "errors": errors,
        "typed": typed or {},
    }


@page_view
@acts_once
def credit_memo_from_invoice(request, invoice_id):
    invoice = _invoice_or_404(request, invoice_id)
    denied = require(request, "credit")
    if denied:
        return denied
    if request.method != "POST":
        return page(request, "web/credit_memo_from_invoice.html",
                    _form_context(request, invoice))
    args = memo_request(request.POST, creditable_groups(invoice))
    try:
        memo = credits.credit_memo_create_from_invoice(
            marketplace=request.marketplace, invoice_id=invoice.id, actor=actor(request),
            at=now(), **args)
    except DomainError as error:
        fields = {"reason_code": "reason_code", "reason": "reason", "memo": "memo",
                  "lines": "lines", **_line_fields(args["lines"])}
        fields.update({f"apply_to[{i}]": "apply_to" for i in range(len(args["apply_to"]))})
        if error.param == "invoice_id" and args["apply_to"]:
            fields["invoice_id"] = "apply_to"
        invoice = _invoice_or_404(request, invoice_id)
        return page(request, "web/credit_memo_from_invoice.html",
                    _form_context(request, invoice, typed=request.POST,
                                  errors=errors_from(error, fields=fields)),
                    status=error_status(error))
    messages.success(request, f"Credit memo {memo.number} created.")
    return redirect("web:credit_memo_detail", memo_id=memo.id)


@page_view
def credit_memo_from_invoice_preview(request, invoice_id):
    """The totals the form would give, from the same preview service the API uses."""
    invoice = _invoice_or_404(request, invoice_id)
    denied = require(request, "credit")
    if denied:
        return denied
    args = memo_request(request.POST, creditable_groups(invoice))
    context = {"preview": None, "problem": None}
    if not args["lines"]:
        context["problem"] = "Choose the lines to credit to see the totals."
    else:
        args.pop("apply_to")
        args["reason_code"] = args["reason_code"] or "other"
        try:
            context["preview"] = credits.credit_memo_preview_from_invoice(
                marketplace=request.marketplace, invoice_id=invoice.id, **args)
        except DomainError as error:
            context["problem"] = message_for(error)
    return render(request, "web/_memo_totals.html", context)
