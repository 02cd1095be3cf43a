"""A credit memo's page and its actions: issue, apply, reverse an application, auto-apply,
pay out, close, void. Each action is one service call; its error (a rule, or a race lost to
someone who changed the memo meanwhile) comes back on the memo's page as it is now, beside
the form that failed, with what was typed."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from common.clock import now
from common.errors import DomainError
from credits import services as credits
from credits.selectors import auto_apply_result
from credits.serializers import memo_data
from notifications.selectors import events_for
from web import confirmations
from web.once import acts_once
from web.pages import error_status, errors_from, page, page_view, require, url_or_none
from web.permissions import can
from web.selectors import (
    eligible_invoices_for_memo,
    memo_balance_history,
    party_names,
    visible_memo,
)


def actor(request) -> str:
    return f"user:{request.page_user.user.email}"


def _memo_or_404(request, memo_id):
    memo = visible_memo(marketplace=request.marketplace, company=request.company,
                        memo_id=memo_id)
    if memo is None:
        raise Http404("no such credit memo")
    return memo


def _actions(role, memo) -> dict:
    usable = memo.is_usable and memo.remaining_amount > 0
    credit = can(role, "credit")
    return {
        "issue": credit and memo.status == "draft",
        "apply": credit and usable,
        "auto_apply": credit and usable,
        "reverse": credit and memo.status not in ("closed", "void", "draft"),
        "payout": credit and usable,
        "close": credit and memo.is_closable,
        "void": can(role, "void") and memo.is_voidable,
    }


def render_memo(request, memo_id, *, failed: str = "", errors=None, question=None,
                status: int = 200):
    """`failed` names the form whose typed values are shown again (with its `errors`, or
    with the `question` its first press asked: web/confirmations.py)."""
    memo = _memo_or_404(request, memo_id)
    role = request.role
    actions = _actions(role, memo)
    history = memo_balance_history(memo)
    events = []
    if can(role, "read_events"):
        events = [{"type": e.type, "at": e.at, "actor": e.actor}
                  for e in events_for(subject_type="credit_memo", subject_id=memo.id)]
    return page(request, "web/credit_memo_detail.html", {
        "memo": memo_data(memo, include_reason=can(role, "see_reason")),
        "parties": party_names(memo),
        "source_invoice_number": memo.source_invoice.number if memo.source_invoice else None,
        "closed_at": memo.closed_at, "close_reason": memo.close_reason,
        "voided_at": memo.voided_at,
        "history": history,
        "events": events,
        "show_events": can(role, "read_events"),
        "actions": actions,
        "eligible": eligible_invoices_for_memo(marketplace=request.marketplace, memo=memo)
        if actions["apply"] else [],
        "pdf_url": url_or_none("web:credit_memo_pdf", memo.id),
        # The message also shows above the actions: the form that failed may be gone now.
        "failed": failed, "errors": errors or {}, "typed": request.POST,
        "alert": next(iter((errors or {}).values()), None),
        "failed_label": failed.split("-", 1)[0],
        "confirm_void": request.GET.get("confirm") == "void" and actions["void"],
        "confirm": confirmations.page_figures(
            memo=memo, actions=actions, typed=request.POST if failed == "payout" else None),
        "auto_apply_result": auto_apply_result(memo=memo),
        "question": {"action": failed, "text": question.text, "button": question.button}
        if question else None,
    }, status=status)


@page_view
def credit_memo_detail(request, memo_id):
    return render_memo(request, memo_id)


def _act(request, memo_id, *, action: str, permission: str, call, done: str, fields=None,
         ask=None):
    """`ask(memo)` says what the action will do: the first press of its button
    (`step=confirm`) only asks (see web/confirmations.py)."""
    memo = _memo_or_404(request, memo_id)
    denied = require(request, permission)
    if denied:
        return denied
    try:
        if ask and confirmations.asking(request):
            return render_memo(request, memo.id, failed=action, question=ask(memo))
        call(memo)
    except DomainError as error:
        return render_memo(request, memo.id, failed=action,
                           errors=errors_from(error, fields=fields), status=error_status(error))
    messages.success(request, done)
    return redirect("web:credit_memo_detail", memo_id=memo.id)


def _amount(request):
    return request.POST.get("amount", "").strip() or None


@page_view
@require_POST
@acts_once
def credit_memo_issue(request, memo_id):
    def issue(memo):
        issued = credits.credit_memo_issue(marketplace=request.marketplace, memo_id=memo.id,
                                           actor=actor(request), at=now())
        result = auto_apply_result(memo=issued)
        if result:
            messages.info(request, result["message"])

    return _act(request, memo_id, action="issue", permission="credit", done="Credit memo issued.",
                call=issue)


@page_view
@require_POST
@acts_once
def credit_memo_apply(request, memo_id):
    return _act(
        request, memo_id, action="apply", permission="credit", done="Credit applied.",
        fields={"invoice_id": "invoice_id", "amount": "amount"},
        call=lambda memo: credits.application_create(
            marketplace=request.marketplace, memo_id=memo.id,
            invoice_id=request.POST.get("invoice_id", ""), amount=_amount(request),
            actor=actor(request), at=now()))


@page_view
@require_POST
@acts_once
def credit_memo_auto_apply(request, memo_id):
    return _act(request, memo_id, action="auto_apply", permission="credit",
                done="Credit applied to the open invoices it may go to.",
                call=lambda memo: credits.credit_memo_auto_apply(
                    marketplace=request.marketplace, memo_id=memo.id, actor=actor(request),
                    at=now()))


@page_view
@require_POST
@acts_once
def application_reverse(request, memo_id, application_id):
    return _act(
        request, memo_id, action=f"reverse-{application_id}", permission="credit",
        done="Application reversed.", fields={"amount": "amount"},
        ask=lambda memo: confirmations.reverse(
            memo=memo, application_id=application_id,
            typed_amount=request.POST.get("amount", "")),
        call=lambda memo: credits.application_reverse(
            marketplace=request.marketplace, memo_id=memo.id, application_id=application_id,
            amount=_amount(request), actor=actor(request), at=now()))


@page_view
@require_POST
@acts_once
def credit_memo_payout(request, memo_id):
    return _act(
        request, memo_id, action="payout", permission="credit",
        done="Payout started: it is pending until the payment method answers.",
        fields={"amount": "amount", "method": "method"},
        ask=lambda memo: confirmations.payout(
            memo=memo, typed_amount=request.POST.get("amount", ""),
            typed_method=request.POST.get("method", "")),
        call=lambda memo: credits.payout_create(
            marketplace=request.marketplace, memo_id=memo.id, amount=_amount(request),
            method=request.POST.get("method", "").strip() or None, actor=actor(request),
            at=now()))


@page_view
@require_POST
@acts_once
def credit_memo_close(request, memo_id):
    return _act(
        request, memo_id, action="close", permission="credit",
        done="Credit memo closed: its remaining balance is written off.",
        fields={"reason": "close_reason"},
        ask=lambda memo: confirmations.close(
            memo=memo, typed_reason=request.POST.get("close_reason", "")),
        call=lambda memo: _close(request, memo))


def _close(request, memo):
    """The page closes a memo only with a reason (the API's stays optional)."""
    reason = request.POST.get("close_reason", "")
    confirmations.check_reason(reason)
    credits.credit_memo_close(marketplace=request.marketplace, memo_id=memo.id, reason=reason,
                              actor=actor(request), at=now())


@page_view
@require_POST
@acts_once
def credit_memo_void(request, memo_id):
    return _act(request, memo_id, action="void", permission="void", done="Credit memo voided.",
                call=lambda memo: credits.credit_memo_void(
                    marketplace=request.marketplace, memo_id=memo.id, actor=actor(request),
                    at=now()))
