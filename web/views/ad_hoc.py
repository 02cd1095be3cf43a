"""Ad hoc credit memos: customer and user pickers, lines naming a catalog item, a
subscription or a custom charge, live totals from the preview service, and auto-apply."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from common.clock import now
from common.errors import DomainError
from credits import services as credits
from credits.selectors import auto_apply_result
from web.forms import (
    LINE_FIELDS,
    LINE_KINDS,
    REASON_CHOICES,
    TAX_CATEGORY_CHOICES,
    blank_line,
    typed_lines,
)
from web.once import acts_once
from web.pages import error_status, errors_from, message_for, page, page_view, require, staff_only
from web.pickers import (
    company_choices,
    find_product,
    find_subscription,
    product_suggestions,
    subscription_suggestions,
    user_choices,
)
from web.views.memos import actor

ITEM_PARAMS = {"product_id": "item", "subscription_id": "item", "name": "item"}


def _resolve(request, post):
    """The service's arguments from the form, the typed lines, and the errors found while
    looking items up by name (those lines are left out of the arguments)."""
    company_id = post.get("company_id", "").strip()
    typed = typed_lines(post)
    errors, lines = {}, []
    for line in typed:
        i = line["index"]
        out = {"quantity": line["quantity"] or None, "unit_price": line["unit_price"] or None,
               "tax_rate": line["tax_rate"] or "0", "description": line["description"]}
        for name in ("period_start", "period_end", "tax_category",
                     "tax_exemption_reason_code", "tax_exemption_reason"):
            if line[name]:
                out[name] = line[name]
        item = line["item"]
        if line["kind"] == "custom" or not item:
            out["name"] = item
        else:
            finder = find_product if line["kind"] == "product" else find_subscription
            extra = {} if line["kind"] == "product" else {"company_id": company_id}
            found, why = finder(marketplace=request.marketplace, text=item, **extra)
            if why:
                errors[f"lines-{i}-item"] = why
                continue
            out[f"{line['kind']}_id"] = found
        lines.append((i, out))
    args = {
        "company_id": company_id or None,
        "user_id": post.get("user_id", "").strip() or None,
        "reason_code": post.get("reason_code", ""),
        "reason": post.get("reason", ""),
        "note": post.get("memo", ""),  # the form says memo, the service note
        "auto_apply": post.get("auto_apply") == "on",
        "lines": [out for _, out in lines],
    }
    fields = {"company_id": "company_id", "user_id": "user_id", "reason_code": "reason_code",
              "reason": "reason", "memo": "memo", "lines": "lines"}
    for k, (i, _) in enumerate(lines):
        fields[f"lines[{k}]"] = f"lines-{i}-item"
        for name in ("quantity", "unit_price", "tax_rate", "description", "period_start",
                     "period_end", "tax_category", "tax_exemption_reason_code",
                     "tax_exemption_reason"):
            fields[f"lines[{k}].{name}"] = f"lines-{i}-{name}"
        for param, name in ITEM_PARAMS.items():
            fields[f"lines[{k}].{param}"] = f"lines-{i}-{name}"
    if not company_id:
        errors["company_id"] = "Choose the customer to credit."
    if not typed:
        errors["lines"] = "Add at least one credit memo line."
    return args, typed, errors, fields


def _form(request, *, typed=None, lines=None, errors=None, status=200):
    typed = typed if typed is not None else {}
    errors = errors or {}
    lines = lines or [blank_line(0)]
    for line in lines:
        line["err"] = {name: errors.get(f"lines-{line['index']}-{name}") for name in LINE_FIELDS}
    company_id = typed.get("company_id", "")
    return page(request, "web/credit_memo_new.html", {
        "companies": company_choices(marketplace=request.marketplace, selected=company_id),
        "users": user_choices(marketplace=request.marketplace, company_id=company_id)
        if company_id else [],
        "reasons": REASON_CHOICES, "kinds": LINE_KINDS, "lines": lines,
        "tax_categories": TAX_CATEGORY_CHOICES,
        "next_index": max(line["index"] for line in lines) + 1,
        "typed": typed, "errors": errors,
    }, status=status)


@page_view
@staff_only
@acts_once
def credit_memo_new(request):
    denied = require(request, "create_ad_hoc")
    if denied:
        return denied
    if request.method != "POST":
        return _form(request)
    args, typed, errors, fields = _resolve(request, request.POST)
    if not errors:
        try:
            memo = credits.credit_memo_create_ad_hoc(
                marketplace=request.marketplace, actor=actor(request), at=now(), **args)
        except DomainError as error:
            return _form(request, typed=request.POST, lines=typed,
                         errors=errors_from(error, fields=fields), status=error_status(error))
        done = (f"Credit memo {memo.number} created." if memo.number
                else "Draft credit memo created.")
        result = auto_apply_result(memo=memo)
        messages.success(request, f"{done} {result['message']}" if result else done)
        return redirect("web:credit_memo_detail", memo_id=memo.id)
    return _form(request, typed=request.POST, lines=typed, errors=errors, status=400)


@page_view
@staff_only
def credit_memo_new_preview(request):
    denied = require(request, "create_ad_hoc")
    if denied:
        return denied
    args, _, errors, _ = _resolve(request, request.POST)
    context = {"preview": None, "problem": None}
    if errors:
        context["problem"] = next(iter(errors.values()))
    else:
        args["reason_code"] = args["reason_code"] or "other"
        try:
            context["preview"] = credits.credit_memo_preview_ad_hoc(
                marketplace=request.marketplace, **args)
        except DomainError as error:
            context["problem"] = message_for(error)
    return render(request, "web/_memo_totals.html", context)


@page_view
@staff_only
@require_GET
def credit_memo_new_line(request):
    try:
        index = min(max(int(request.GET.get("next", "1")), 0), 999)
    except ValueError:
        index = 1
    return render(request, "web/_ad_hoc_line.html",
                  {"line": {**blank_line(index), "err": {}}, "kinds": LINE_KINDS,
                   "tax_categories": TAX_CATEGORY_CHOICES,
                   "next_index": index + 1, "oob": True})


@page_view
@staff_only
@require_GET
def pick_companies(request):
    return render(request, "web/_options.html", {
        "options": [{"value": c["id"], "label": f"{c['name']} ({c['currency']})"}
                    for c in company_choices(marketplace=request.marketplace,
                                             q=request.GET.get("company_q", ""))],
        "empty": request.GET.get("empty", "Choose a customer"),
    })


@page_view
@staff_only
@require_GET
def pick_users(request):
    from common.ids import parse_id

    company_id = parse_id(request.GET.get("company_id", ""))
    options = [{"value": u["id"], "label": u["label"]} for u in user_choices(
        marketplace=request.marketplace, company_id=company_id, q=request.GET.get("user_q", ""))
    ] if company_id else []
    return render(request, "web/_options.html",
                  {"options": options, "empty": "Any user of the company (none named)"})


@page_view
@staff_only
@require_GET
def pick_items(request):
    """Suggestions for a line's item: catalog items by name or SKU, or the customer's
    subscriptions by product name."""
    kind = q = ""
    for key, value in request.GET.items():
        if key.endswith("-kind"):
            kind = value
        elif key.endswith("-item"):
            q = value.strip()
    if kind == "product":
        options = [{"value": name, "label": ""} for name in
                   product_suggestions(marketplace=request.marketplace, q=q)]
    elif kind == "subscription":
        options = [{"value": s["value"], "label": s["label"]} for s in subscription_suggestions(
            marketplace=request.marketplace, company_id=request.GET.get("company_id", ""),
            q=q)]
    else:
        options = []
    return render(request, "web/_options.html", {"options": options, "datalist": True})
